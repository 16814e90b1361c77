import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One line turns every request to api.openai.com into a call to the in-memory mock. No key
    // is needed: with OPENAI_API_KEY unset, the mock gives the client in src/pipeline.ts (built
    // when it is imported) a placeholder; with OPENAI_MOCK=off, your shell's key is used.
    setupFiles: ['openai-mock/vitest'],
  },
});
