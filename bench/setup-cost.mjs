// Setup cost per test file, in a fresh process: `node setup-cost.mjs`.
//
// Runs ten one-test files through Vitest's node API, one file at a time, with each of four setup
// files: an empty one, one that only loads `node:http` (which makes Node load its own fetch, as
// any request would), one that only loads nock, and `openai-mock/vitest` (the built package,
// loaded as Node loads a dependency, not through Vite's transform). For each file Vitest times
// its setup files and its run (hooks and tests: the mock's install in `beforeAll`, which loads
// nock, and its uninstall in `afterAll`); the differences of the medians split what a test file
// pays for openai-mock into Node's fetch, nock, and openai-mock's own code. This runs with
// Vitest's default isolation (every file in a fresh worker), then with `isolate: false` (files
// share a worker and its loaded modules).
import { fileURLToPath } from 'node:url';
import { startVitest } from 'vitest/node';
import { median } from './lib/stats.mjs';

const root = fileURLToPath(new URL('./setup-cost/', import.meta.url));
const dist = fileURLToPath(new URL('../dist/esm/', import.meta.url));

async function setupMs(setupFile, isolate) {
  const vitest = await startVitest('test', [], {
    root,
    config: false,
    watch: false,
    isolate,
    fileParallelism: false,
    setupFiles: [setupFile],
    include: ['file-*.test.mjs'],
    reporters: [{}],
    // In a user's project the package sits in node_modules, which Vitest leaves to Node.
    server: { deps: { external: [new RegExp(dist.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))] } },
  });
  const files = vitest.state.getFiles();
  await vitest.close();
  if (files.length !== 10 || files.some((f) => f.result?.state !== 'pass')) throw new Error(`setup-cost run failed for ${setupFile}`);
  // Without isolation the first file in the worker loads everything; the rest show the steady cost.
  return median(files.slice(isolate ? 0 : 1).map((f) => (f.setupDuration ?? Number.NaN) + (f.result?.duration ?? Number.NaN)));
}

const empty = await setupMs(`${root}empty-setup.mjs`, true);
const nodeHttp = await setupMs(`${root}node-http-setup.mjs`, true);
const nock = await setupMs(`${root}nock-setup.mjs`, true);
const openaiMock = await setupMs(`${dist}vitest.js`, true);
const emptyShared = await setupMs(`${root}empty-setup.mjs`, false);
const openaiMockShared = await setupMs(`${dist}vitest.js`, false);

console.log(
  JSON.stringify({
    emptySetupMs: empty,
    // What a test file pays for openai-mock (setup file, install, uninstall) over an empty setup file...
    perFileMs: openaiMock - empty,
    // ...split into Node's fetch implementation (any test that sends a request loads it anyway),
    nodeFetchMs: nodeHttp - empty,
    // nock (loaded by the default transport's install),
    nockMs: nock - nodeHttp,
    // and openai-mock's own code.
    ownMs: openaiMock - nock,
    // With `isolate: false`, from the second file in a worker on.
    perFileSharedMs: openaiMockShared - emptyShared,
  }),
);
