// Runs before each test file (see `setupFiles` in jest.config.js), so the client that
// src/pipeline.ts builds at import time finds a key. The mock accepts any non-empty one.
process.env.OPENAI_API_KEY ??= 'test-key';

// What test/isolation.ts compares against once a file is over: the functions an HTTP
// interceptor patches, as they are before openai-mock (loaded next) installs anything.
import { rememberOriginals } from './isolation-originals';

rememberOriginals();
