import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One line turns every request to api.openai.com into a call to the in-memory mock.
    setupFiles: ['openai-mock/vitest'],
    // The client in src/pipeline.ts reads its key from the environment when it is imported.
    // Tests never need a real key: the mock accepts any non-empty one.
    env: { OPENAI_API_KEY: 'test-key' },
  },
});
