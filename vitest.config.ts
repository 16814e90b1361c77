import { configDefaults, defineConfig } from 'vitest/config';

// CI asks for a JSON report too (OPENAI_MOCK_TEST_REPORT=<file>), to print one summary line.
const report = process.env['OPENAI_MOCK_TEST_REPORT'];
/** Only meaningful with OPENAI_MOCK_TRANSPORT=fetch: run by the `fetch-transport` project. */
const fetchEntryTest = 'test/transport/fetch-transport-entry.test.ts';

export default defineConfig({
  test: {
    setupFiles: ['./vitest.setup.ts'],
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, fetchEntryTest],
        },
      },
      {
        // The suites a user's code exercises, again on the fast path (the global fetch transport).
        extends: true,
        test: {
          name: 'fetch-transport',
          env: { OPENAI_MOCK_TRANSPORT: 'fetch' },
          include: ['test/resources/**/*.test.ts', 'test/scenarios/**/*.test.ts', 'test/matchers/**/*.test.ts', fetchEntryTest],
        },
      },
    ],
  },
});
