// Test files run in parallel with no cross-talk, and nothing of the mock outlives a file. Each
// case runs the fixture project in test/isolation/fixtures/parallel in a Vitest of its own
// (threads and forks pools, isolated or not, two workers): six files that each configure the
// mock, script a reply and create files, a job and a batch while the others do the same, then
// check they see exactly their own state. A probe set up before the mock records what each file
// saw and what was left once the file's `afterAll` hooks had run; this test reads those reports.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { FileReport } from './fixtures/parallel/report.js';

const fixture = fileURLToPath(new URL('./fixtures/parallel/', import.meta.url));
const vitestCli = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
/** The fixture's files and how many training files each uploads. */
const FILES: Record<string, number> = { alpha: 1, bravo: 2, charlie: 3, delta: 4, echo: 5, foxtrot: 6 };
const TESTS_PER_FILE = 3;
const scratch: string[] = [];

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The part of Vitest's JSON report this test reads. */
interface JsonResults {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numTotalTests: number;
  readonly testResults: {
    readonly name: string;
    readonly message: string;
    readonly assertionResults: { readonly fullName: string; readonly failureMessages: string[] }[];
  }[];
}

interface FixtureRun {
  readonly code: number | null;
  /** The nested run's output and every failure its report names, for failure messages. */
  readonly output: string;
  readonly results: JsonResults | null;
  readonly reports: FileReport[];
}

/** Runs the fixture project with these Vitest options and collects what its files reported. */
async function runFixture(options: string[], extraEnv: Record<string, string> = {}): Promise<FixtureRun> {
  const dir = mkdtempSync(join(tmpdir(), 'openai-mock-isolation-'));
  scratch.push(dir);
  const reportDir = join(dir, 'reports');
  const resultsFile = join(dir, 'results.json');
  // The nested Vitest must not think it runs inside this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const args = [vitestCli, 'run', '--root', fixture, ...options, '--maxWorkers', '2', '--reporter', 'json', '--outputFile', resultsFile];
  const child = spawn(process.execPath, args, { env: { ...env, ...extraEnv, OPENAI_MOCK_ISOLATION_REPORT: reportDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  const results = readdirSync(dir).includes('results.json') ? (read(resultsFile) as JsonResults) : null;
  for (const file of results?.testResults ?? []) {
    if (file.message) output += `\n${file.name}: ${file.message}`;
    for (const test of file.assertionResults) {
      for (const failure of test.failureMessages) output += `\n${file.name} > ${test.fullName}: ${failure}`;
    }
  }
  const reports = readdirSync(reportDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => read(join(reportDir, name)) as FileReport);
  return { code, output, results, reports };
}

/** Every check that holds in each pool; `shared` says whether workers run several files. */
function expectNoCrossTalk(run: FixtureRun, shared: boolean, userNock = false): void {
  expect(run.code, run.output).toBe(0);
  const total = Object.keys(FILES).length * TESTS_PER_FILE;
  expect(run.results, run.output).toMatchObject({ numTotalTests: total, numPassedTests: total, numFailedTests: 0 });
  expect(run.reports.map((r) => r.file).sort()).toEqual(Object.keys(FILES).map((name) => `${name}.spec.ts`));

  for (const report of run.reports) {
    const name = report.file.replace('.spec.ts', '');
    const uploads = FILES[name]!;
    // Ids from 1 in every file, its own reply, its own request count: nothing of another file.
    expect(report.seen, report.file).toEqual({
      fileIds: Array.from({ length: uploads }, (_, i) => `file-mock${String(i + 1).padStart(6, '0')}`),
      jobId: 'ftjob-mock000001',
      batchId: 'batch_mock000001',
      reply: `${name} speaking`,
      requests: uploads + 5,
    });
    // After the file: no interceptor on api.openai.com, nock off (unless the user loaded it
    // first), http/https/net/fetch as they were before the mock loaded, no timer or socket more
    // than when the file began.
    expect(report.after, report.file).toMatchObject({ nockActive: userNock, openaiInterceptors: [], changedGlobals: [] });
    for (const [kind, count] of Object.entries(report.after!.handlesAfter)) {
      expect(count, `${report.file}: ${kind}`).toBeLessThanOrEqual(report.after!.handlesAtStart[kind] ?? 0);
    }
    // And the next file in the same worker found it so when it began.
    expect(report.globalsAtStart, report.file).toEqual([]);
  }

  // The files really ran at the same time, in different workers: at least two of them overlap.
  const worker = (r: FileReport): string => `${r.pid}/${r.threadId}`;
  const overlapping = run.reports.flatMap((a) =>
    run.reports.filter((b) => worker(a) < worker(b) && a.startedAt < b.endedAt && b.startedAt < a.endedAt),
  );
  expect(overlapping.length).toBeGreaterThan(0);
  expect(new Set(run.reports.map(worker)).size).toBeGreaterThanOrEqual(2);

  // isolate: false reuses workers, so later files ran where an earlier one had been.
  const reused = run.reports.filter((r) => r.earlierFilesInWorker > 0);
  if (shared) expect(reused.length).toBeGreaterThan(0);
  else expect(reused).toEqual([]);
}

describe('parallel test files under Vitest (each run: 6 files, 2 workers)', { timeout: 120_000 }, () => {
  test('threads pool: one process, a worker thread per file, no cross-talk, nothing left after a file', async () => {
    const run = await runFixture(['--pool', 'threads']);
    expectNoCrossTalk(run, false);
    expect(new Set(run.reports.map((r) => r.pid)).size).toBe(1);
  });

  test('forks pool: a child process per file, no cross-talk, nothing left after a file', async () => {
    const run = await runFixture(['--pool', 'forks']);
    expectNoCrossTalk(run, false);
    expect(new Set(run.reports.map((r) => r.pid)).size).toBeGreaterThanOrEqual(2);
  });

  test('threads pool with isolate: false: files share worker threads one after another, each starts clean', async () => {
    const run = await runFixture(['--pool', 'threads', '--no-isolate']);
    expectNoCrossTalk(run, true);
  });

  test('forks pool with isolate: false: files share processes one after another, each starts clean', async () => {
    const run = await runFixture(['--pool', 'forks', '--no-isolate']);
    expectNoCrossTalk(run, true);
    expect(new Set(run.reports.map((r) => r.pid)).size).toBe(2);
  });

  test("a nock the user's setup loaded before the mock stays on after each file, as the user had it", async () => {
    const run = await runFixture(['--pool', 'threads', '--no-isolate'], { OPENAI_MOCK_ISOLATION_USER_NOCK: '1' });
    expectNoCrossTalk(run, true, true);
  });
});
