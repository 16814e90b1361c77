// What `npm run matrix` (scripts/matrix.sh) covers. One scratch project is installed per runner;
// each holds every SDK major side by side under an npm alias (`openai-v4`, ...), one generated
// test file per major, so one runner invocation per Node version fills a whole row.
//
// `node scripts/matrix/config.mjs runners` prints the runner ids, one a line, for the shell script.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Majors of the official `openai` SDK; each is installed as `openai-vN` = `npm:openai@^N`. */
export const SDK_MAJORS = [4, 5, 6, 7];

/** Test runners, latest of each major. `kind` picks the project template (ESM Vitest or CJS Jest). */
export const RUNNERS = [
  { id: 'vitest-3', label: 'Vitest 3', kind: 'vitest', range: '^3' },
  { id: 'vitest-4', label: 'Vitest 4', kind: 'vitest', range: '^4' },
  { id: 'vitest-5', label: 'Vitest 5', kind: 'vitest', range: '^5' },
  { id: 'jest-29', label: 'Jest 29', kind: 'jest', range: '^29' },
  { id: 'jest-30', label: 'Jest 30', kind: 'jest', range: '^30' },
];

/**
 * Cells deliberately left out, keyed `<runner id>/openai-v<major>` (or `<runner id>/*`), with the
 * reason printed under the table. An excluded cell gets no test file and counts neither way.
 * Keep this empty unless a combination genuinely cannot work.
 */
export const EXCLUSIONS = {};

/**
 * Cells that run with a documented change to the shared suite, marked in the table and explained
 * under it. `fakeTimers` replaces the arguments of the suite's `useFakeTimers()` call.
 */
export const ADJUSTMENTS = [
  {
    kind: 'jest',
    major: 4,
    fakeTimers: "{ doNotFake: ['queueMicrotask'] }",
    note:
      "Jest × openai 4: jest.useFakeTimers({ doNotFake: ['queueMicrotask'] }) instead of Jest's defaults. " +
      "openai 4 builds multipart bodies with formdata-node, whose Blob stream closes itself in a " +
      'queueMicrotask callback; Jest fakes queueMicrotask by default, so files.create never sends its ' +
      'body. That happens against a real HTTP server too, without openai-mock; openai 5+ use native FormData.',
  },
];

export function adjustment(kind, major) {
  return ADJUSTMENTS.find((candidate) => candidate.kind === kind && candidate.major === major);
}

export function exclusion(runnerId, major) {
  return EXCLUSIONS[`${runnerId}/openai-v${major}`] ?? EXCLUSIONS[`${runnerId}/*`];
}

const main = process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (main && process.argv[2] === 'runners') {
  for (const runner of RUNNERS) console.log(runner.id);
}
