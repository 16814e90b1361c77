// The switch, as a user flips it: a suite run by Vitest in a subprocess with OPENAI_MOCK=off,
// OPENAI_BASE_URL pointing at a local node:http server that stands in for the real API. The
// suite (fixtures/real-mode/contract.fixture.ts) uses the ordinary setup file and imports.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = fileURLToPath(new URL('./fixtures/real-mode/vitest.config.ts', import.meta.url));
const KEY = 'sk-contract-pass-key';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

const seen: Seen[] = [];
let server: http.Server;
let origin: string;

const MODEL = { id: 'served-by-stand-in', object: 'model', created: 1_700_000_000, owned_by: 'stand-in' };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      const body =
        req.url === '/v1/models'
          ? { object: 'list', data: [MODEL] }
          : req.url === `/v1/models/${MODEL.id}`
            ? MODEL
            : { error: { message: 'not here', type: 'invalid_request_error', param: null, code: null } };
      res.writeHead(req.url?.startsWith('/v1/models') ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { message: string; assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

/** Runs the fixture suite with Vitest in a child process; resolves with its JSON report. */
async function runFixture(env: Record<string, string>): Promise<{ report: Report; code: number | null; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'openai-mock-switch-'));
  const outputFile = join(dir, 'report.json');
  // The parent's Vitest variables would tell the child it runs inside a worker.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', CONFIG, '--reporter=json', `--outputFile=${outputFile}`],
    { cwd: ROOT, env: { ...inherited, OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${origin}/v1`, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    const report = JSON.parse(await readFile(outputFile, 'utf8')) as Report;
    return { report, code, output };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('OPENAI_MOCK=off: requests reach the network, matchers and state throw, advanceTime waits', async () => {
  const { report, code, output } = await runFixture({ OPENAI_MOCK: 'off', OPENAI_MOCK_MAX_WAIT_MS: '1000' });
  const failures = report.testResults.flatMap((file) => [
    file.message,
    ...file.assertionResults.flatMap((t) => t.failureMessages),
  ]);
  expect(failures.filter(Boolean), output).toEqual([]);
  expect(report.numPassedTests).toBe(8);
  expect(report.numPendingTests).toBe(1); // test.runIf(isMocked)
  expect(code).toBe(0);
  // What the stand-in saw: the SDK's own requests, with the key from the environment.
  expect(seen).toEqual([
    { method: 'GET', url: '/v1/models', authorization: `Bearer ${KEY}` },
    { method: 'GET', url: `/v1/models/${MODEL.id}`, authorization: `Bearer ${KEY}` },
  ]);
}, 60_000);

test('an OPENAI_MOCK value that is neither on nor off fails the file with a coded error', async () => {
  seen.length = 0;
  const { report, code } = await runFixture({ OPENAI_MOCK: 'of' });
  expect(code).not.toBe(0);
  const messages = report.testResults.map((file) => file.message).join('\n');
  expect(messages).toContain(
    `[openai-mock] OPENAI_MOCK is "of"; it must be 'on' (the default: the mock answers every OpenAI request) or 'off' ` +
      "(requests go to the real OpenAI API and are billed to OPENAI_API_KEY). 'true'/'1' and 'false'/'0' are accepted too.",
  );
  expect(seen).toEqual([]);
}, 60_000);
