// Setup cost per test file, in a fresh process: `node setup-cost.mjs`.
// Runs ten one-test files through Vitest (one at a time, each isolated as Vitest does by
// default) three times: with an empty setup file, with one that only loads `node:http` (which
// loads Node's own fetch, as any request would), and with `openai-mock/vitest` (the built
// package). Vitest times each file's setup files; the differences of the medians are what
// openai-mock adds to every test file before its tests run. Installing (in `beforeAll`) is timed
// apart, in this process, the first install after the import (the one each test file pays).
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { median } from './lib/stats.mjs';

const root = fileURLToPath(new URL('./setup-cost/', import.meta.url));
const entry = fileURLToPath(new URL('../dist/esm/vitest.js', import.meta.url));

async function setupDurations(setupFile) {
  const vitest = await startVitest('test', [], {
    root,
    config: false,
    watch: false,
    fileParallelism: false,
    setupFiles: [setupFile],
    include: ['file-*.test.mjs'],
    reporters: [{}],
  });
  const files = vitest.state.getFiles();
  await vitest.close();
  if (files.length !== 10 || files.some((f) => f.result?.state !== 'pass')) throw new Error(`setup-cost run failed for ${setupFile}`);
  return files.map((f) => f.setupDuration ?? Number.NaN);
}

const empty = median(await setupDurations(`${root}empty-setup.mjs`));
const nodeHttp = median(await setupDurations(`${root}node-http-setup.mjs`));
const withMock = median(await setupDurations(entry));

const { createOpenAIMock } = await import('../dist/esm/index.js');
const mock = createOpenAIMock();
const start = performance.now();
mock.install();
const installMs = performance.now() - start;
mock.uninstall();

console.log(
  JSON.stringify({
    emptySetupMs: empty,
    nodeHttpSetupMs: nodeHttp,
    openaiMockSetupMs: withMock,
    installMs,
    // What a test file pays for openai-mock: its setup file and install, over an empty setup file.
    perFileMs: withMock - empty + installMs,
    // The same, less Node's fetch implementation, which any test that sends a request loads anyway.
    perFileOwnMs: withMock - nodeHttp + installMs,
  }),
);
