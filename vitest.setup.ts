// The project's own tests use the plugin exactly as a user does: this file stands in for
// `setupFiles: ['openai-mock/vitest']`, pointing at the source instead of the built package.
import './src/vitest.js';
