import { defineConfig } from 'vitest/config';

// One run, three subjects, one file at a time so they do not share the CPU.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    fileParallelism: false,
    reporters: ['dot'],
    projects: [
      {
        extends: true,
        test: { name: 'openai-mock-nock', include: ['openai-mock.flow.test.mjs'], setupFiles: ['../../dist/esm/vitest.js'] },
      },
      {
        extends: true,
        test: {
          name: 'openai-mock-fetch',
          include: ['openai-mock.flow.test.mjs'],
          setupFiles: ['../../dist/esm/vitest.js'],
          env: { OPENAI_MOCK_TRANSPORT: 'fetch' },
        },
      },
      { extends: true, test: { name: 'aimock', include: ['aimock.flow.test.mjs'] } },
    ],
  },
});
