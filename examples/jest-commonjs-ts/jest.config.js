/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  // The client in src/pipeline.ts reads its key from the environment when it is imported.
  // Tests never need a real key: the mock accepts any non-empty one.
  setupFiles: ['<rootDir>/test/env.ts'],
  // One line turns every request to api.openai.com into a call to the in-memory mock.
  setupFilesAfterEnv: ['openai-mock/jest'],
  // Test files run two at a time, in separate workers (test/parallel-*.test.ts check they do,
  // and that no file sees another's state). Jest would otherwise run a suite it remembers as fast
  // in a single process; a worker memory limit keeps it on workers.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
};
