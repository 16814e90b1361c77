import { defineConfig } from 'vitest/config';

// CI asks for a JSON report too (OPENAI_MOCK_TEST_REPORT=<file>), to print one summary line.
const report = process.env['OPENAI_MOCK_TEST_REPORT'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
