/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // Native ES modules, run as they are: no Babel, no TypeScript.
  transform: {},
  // The client in src/pipeline.js reads its key from the environment when it is imported.
  // Tests never need a real key: the mock accepts any non-empty one.
  setupFiles: ['<rootDir>/test/env.js'],
  // One line turns every request to api.openai.com into a call to the in-memory mock.
  setupFilesAfterEnv: ['openai-mock/jest'],
};
