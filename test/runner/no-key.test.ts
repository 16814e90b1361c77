// No key is needed under the mock: the runner entry gives `new OpenAI()` a placeholder key when
// OPENAI_API_KEY is unset, keeps a key the user set, and never does either with OPENAI_MOCK=off.
// Each case runs a suite (fixtures/no-key) with Vitest in a subprocess, as a user's would run.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { PLACEHOLDER_API_KEY } from '../../src/runner/setup.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = fileURLToPath(new URL('./fixtures/no-key/vitest.config.ts', import.meta.url));

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { message: string }[];
}

/** Runs the fixture suite in a child process with this environment (no OPENAI_API_KEY unless given). */
async function runFixture(env: Record<string, string>): Promise<{ report: Report; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'openai-mock-no-key-'));
  const outputFile = join(dir, 'report.json');
  // The parent's Vitest variables would tell the child it runs inside a worker.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && !name.startsWith('OPENAI_')),
  );
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', CONFIG, '--reporter=json', `--outputFile=${outputFile}`],
    { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    return { report: JSON.parse(await readFile(outputFile, 'utf8')) as Report, output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('under the mock with no OPENAI_API_KEY, new OpenAI() gets the placeholder and its requests are answered', async () => {
  const { report, output } = await runFixture({ EXPECTED_KEY: PLACEHOLDER_API_KEY });
  expect(report.numPassedTests, output).toBe(1);
}, 60_000);

test("under the mock, a key the user set is kept (it is the one a contract pass would send)", async () => {
  const { report, output } = await runFixture({ OPENAI_API_KEY: 'sk-users-own', EXPECTED_KEY: 'sk-users-own' });
  expect(report.numPassedTests, output).toBe(1);
}, 60_000);

test('with OPENAI_MOCK=off there is no placeholder: with no key, the SDK refuses to build a client', async () => {
  const { report } = await runFixture({ OPENAI_MOCK: 'off' });
  expect(report.numPassedTests).toBe(0);
  expect(report.testResults[0]?.message).toContain('OPENAI_API_KEY');
}, 60_000);
