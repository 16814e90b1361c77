/**
 * Inspection on disk, as a user turns it on to debug a failing test: the mock writes its state
 * (input and output files, file, batch and job metadata, the request log) under a directory, one
 * folder per test file and test, after every request and at the end of every test.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toFile } from 'openai';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fineTuningJobFactory } from '../../src/factories/index.js';
import { createOpenAIMock, OpenAIMockError } from '../../src/index.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { dataset, makeClient, uploadTrainingFile } from '../support/client.js';

const KEY = 'sk-inspect-secret-key-0123456789';
const client = makeClient({ apiKey: KEY });
const root = mkdtempSync(join(tmpdir(), 'openai-mock-inspect-'));
/** This file's folder under the inspection directory: its path from the project root. */
const fileDir = join(root, relative(process.cwd(), fileURLToPath(import.meta.url)));

const batchLines = [
  { custom_id: 'cv-1', method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'Python developer' } },
  { custom_id: 'cv-2', method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'Pastry chef' } },
];
const batchJsonl = `${batchLines.map((line) => JSON.stringify(line)).join('\n')}\n`;

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(read(path)) as T;
}

/** Every file under `dir`, relative to it, sorted. */
function tree(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

beforeEach(() => {
  openaiMock.configure({ inspectDir: root });
});

afterEach(() => {
  vi.useRealTimers(); // runs before the setup file's afterEach (Vitest runs them in reverse order)
});

afterAll(() => {
  openaiMock.resetConfig();
  rmSync(root, { recursive: true, force: true });
});

describe('a batch, written as it runs', () => {
  const testDir = join(fileDir, 'a batch, written as it runs _ input, metadata, output and the request log');

  test('input, metadata, output and the request log', async () => {
    const file = await client.files.create({ file: await toFile(Buffer.from(batchJsonl), 'cvs.jsonl'), purpose: 'batch' });
    expect(read(join(testDir, `input_files/${file.id}.jsonl`))).toBe(batchJsonl);
    expect(readJson(join(testDir, `file_metadata/${file.id}.json`))).toMatchObject({ id: file.id, purpose: 'batch', filename: 'cvs.jsonl' });

    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    expect(readJson(join(testDir, `batch_metadata/${batch.id}.json`))).toMatchObject({
      batch: { id: batch.id, status: 'validating' },
      lifecycle: { status: 'validating', next: { status: 'in_progress' } },
    });

    await advanceTime(10_000);
    const done = await client.batches.retrieve(batch.id); // the request that sees it completed writes it so
    expect(readJson(join(testDir, `batch_metadata/${batch.id}.json`))).toMatchObject({
      batch: { status: 'completed', output_file_id: done.output_file_id, request_counts: { total: 2, completed: 2, failed: 0 } },
      lifecycle: { status: 'completed', terminal: true },
    });
    const output = read(join(testDir, `output_files/${done.output_file_id}.jsonl`)).trim().split('\n');
    expect(output.map((line) => (JSON.parse(line) as { custom_id: string }).custom_id)).toEqual(['cv-1', 'cv-2']);
    expect(readJson(join(testDir, `file_metadata/${done.output_file_id}.json`))).toMatchObject({ purpose: 'batch_output' });

    const log = read(join(testDir, 'requests.jsonl')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log.map((r) => `${String(r['method'])} ${String(r['path'])} ${String(r['status'])}`)).toEqual([
      'POST /v1/files 200',
      'POST /v1/batches 200',
      `GET /v1/batches/${batch.id} 200`,
    ]);
    // Uploaded bytes are in input_files; the log shows their size only.
    expect(log[0]!['body']).toMatchObject({ purpose: 'batch', file: { filename: 'cvs.jsonl', bytes: batchJsonl.length } });
    expect(tree(testDir)).toEqual(
      [
        '.openai-mock-inspect',
        `batch_metadata/${batch.id}.json`,
        `file_metadata/${done.output_file_id}.json`,
        `file_metadata/${file.id}.json`,
        `input_files/${file.id}.jsonl`,
        `output_files/${done.output_file_id}.jsonl`,
        'requests.jsonl',
      ].sort(),
    );
  });
});

describe('the end of a test', () => {
  let jobId = '';
  const folder = (test: string): string => join(fileDir, `the end of a test _ ${test}`);
  type JobFile = { job: { status: string; fine_tuned_model: string; result_files: string[] }; events: { message: string }[] };

  test('a job finished by advanceTime, with no request after', async () => {
    vi.useFakeTimers();
    const training = await uploadTrainingFile(client, dataset(3));
    const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: training.id });
    jobId = job.id;
    await advanceTime(11_000); // succeeded now, and written so by advanceTime
  });

  test('is written succeeded, even though real timers came back before the last write', () => {
    const dir = folder('a job finished by advanceTime, with no request after');
    const written = readJson<JobFile>(join(dir, `job_metadata/${jobId}.json`));
    expect(written.job.status).toBe('succeeded');
    expect(written.job.fine_tuned_model).toMatch(/^ft:gpt-4o-mini-2024-07-18:openai-mock::/);
    expect(written.events[0]!.message).toBe('The job has successfully completed');
    const [results] = written.job.result_files;
    // The results file holds what GET /v1/files/{id}/content serves: the CSV, base64-encoded.
    expect(Buffer.from(read(join(dir, `output_files/${results}.csv`)), 'base64').toString()).toMatch(/^step,train_loss/);
    expect(readdirSync(join(dir, 'input_files'))).toHaveLength(1);
  });

  test('objects seeded by a factory, with no request at all', async () => {
    const job = await fineTuningJobFactory.running().create();
    jobId = job.id;
  });

  test('are written when the test ends', () => {
    const written = readJson<JobFile>(join(folder('objects seeded by a factory, with no request at all'), `job_metadata/${jobId}.json`));
    expect(written.job.status).toBe('running');
  });

  describe('with resetConfig() in an afterEach', () => {
    afterEach(() => {
      openaiMock.resetConfig(); // runs before the setup file's afterEach: inspectDir is gone by then
    });

    test('a job whose clock moved by itself', async () => {
      const training = await uploadTrainingFile(client, dataset(3));
      jobId = (await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: training.id })).id;
      openaiMock.clock.advance(3_000); // queued now; no request, no advanceTime
    });
  });

  test('is still written at its end, in the directory of its last write', () => {
    const dir = folder('with resetConfig() in an afterEach _ a job whose clock moved by itself');
    expect(readJson<JobFile>(join(dir, `job_metadata/${jobId}.json`)).job.status).toBe('queued');
  });
});

test('the API key and request headers are never written', async () => {
  await client.files.create({ file: await toFile(Buffer.from('{"a":1}\n'), 'a.jsonl'), purpose: 'batch' });
  await client.models.list();
  const dir = openaiMock.writeState();
  const everything = tree(dir).map((path) => read(join(dir, path))).join('\n');
  expect(everything).toContain('POST');
  expect(everything).not.toContain(KEY);
  expect(everything.toLowerCase()).not.toContain('authorization');
  expect(everything).not.toContain('Bearer');
});

test('a deleted file leaves the directory with the next write', async () => {
  const file = await client.files.create({ file: await toFile(Buffer.from('{"a":1}\n'), 'a.jsonl'), purpose: 'batch' });
  const dir = openaiMock.writeState();
  expect(existsSync(join(dir, `input_files/${file.id}.jsonl`))).toBe(true);
  await client.files.delete(file.id);
  expect(existsSync(join(dir, `input_files/${file.id}.jsonl`))).toBe(false);
  expect(existsSync(join(dir, `file_metadata/${file.id}.json`))).toBe(false);
});

test('two tests of the same name get two folders', () => {
  openaiMock.writeState();
  expect(readdirSync(fileDir)).toEqual(expect.arrayContaining(['two tests of the same name get two folders']));
});

test('two tests of the same name get two folders', () => {
  openaiMock.writeState();
  expect(readdirSync(fileDir)).toEqual(
    expect.arrayContaining(['two tests of the same name get two folders', 'two tests of the same name get two folders (2)']),
  );
});

describe('a mock of your own (createOpenAIMock)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openai-mock-inspect-own-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('writes straight into inspectDir after each request, through the fast path too', async () => {
    const mock = createOpenAIMock({ inspectDir: dir });
    const own = makeClient({ fetch: mock.fetch });
    const file = await own.files.create({ file: await toFile(Buffer.from('{"a":1}\n'), 'a.jsonl'), purpose: 'batch' });
    expect(read(join(dir, `input_files/${file.id}.jsonl`))).toBe('{"a":1}\n');
  });

  test('the request log grows with each request and starts again after reset()', async () => {
    const mock = createOpenAIMock({ inspectDir: dir });
    const own = makeClient({ fetch: mock.fetch });
    await own.models.list();
    await own.models.retrieve('gpt-4o-mini');
    const lines = (): string[] => read(join(dir, 'requests.jsonl')).trim().split('\n');
    expect(lines().map((line) => (JSON.parse(line) as { path: string }).path)).toEqual(['/v1/models', '/v1/models/gpt-4o-mini']);
    mock.reset();
    await own.files.list();
    expect(lines().map((line) => (JSON.parse(line) as { path: string }).path)).toEqual(['/v1/files']);
  });

  test('empties what it wrote on an earlier run, and only that', async () => {
    mkdirSync(join(dir, 'batch_metadata'));
    writeFileSync(join(dir, 'batch_metadata/batch_stale.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, '.openai-mock-inspect'), 'from an earlier run');
    const mock = createOpenAIMock({ inspectDir: dir });
    await makeClient({ fetch: mock.fetch }).models.list();
    expect(tree(dir)).toEqual(['.openai-mock-inspect', 'notes.txt', 'requests.jsonl']);
  });

  test('never removes anything from a directory it did not mark', async () => {
    mkdirSync(join(dir, 'batch_metadata'));
    writeFileSync(join(dir, 'batch_metadata/keep.json'), '{}');
    const mock = createOpenAIMock({ inspectDir: dir });
    await makeClient({ fetch: mock.fetch }).models.list();
    expect(tree(dir)).toEqual(['.openai-mock-inspect', 'batch_metadata/keep.json', 'requests.jsonl']);
  });

  test('a directory it cannot write warns once, and requests are still answered', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const mock = createOpenAIMock({ inspectDir: join(dir, 'a-file', 'below') });
      const own = makeClient({ fetch: mock.fetch });
      await expect(own.models.list()).resolves.toMatchObject({ data: expect.any(Array) as unknown });
      await own.models.list();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(
        /^\[openai-mock\] Could not write the mock's state to .*a-file\/below \(inspectDir \/ OPENAI_MOCK_INSPECT_DIR\): .*ENOTDIR.*\. Requests are still answered; this warning is shown once\.$/,
      );
    } finally {
      warn.mockRestore();
    }
  });
});

describe('turning it on and off', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test('off by default', () => {
    vi.stubEnv('OPENAI_MOCK_INSPECT_DIR', undefined);
    expect(createOpenAIMock().config.inspectDir).toBeNull();
  });

  test('OPENAI_MOCK_INSPECT_DIR turns it on, resolved from the working directory; null turns it off again', () => {
    vi.stubEnv('OPENAI_MOCK_INSPECT_DIR', '.mock_state');
    expect(createOpenAIMock().config.inspectDir).toBe(join(process.cwd(), '.mock_state'));
    expect(createOpenAIMock({ inspectDir: null }).config.inspectDir).toBeNull();
    expect(createOpenAIMock({ inspectDir: '/tmp/elsewhere' }).config.inspectDir).toBe('/tmp/elsewhere');
  });

  test('a bad inspectDir is a coded error', () => {
    expect(() => createOpenAIMock({ inspectDir: '  ' })).toThrow(
      new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_OPTION',
        "Option 'inspectDir' is \"  \"; it must be a directory path (relative to the working directory), or null to turn inspection off.",
      ),
    );
  });

  test('writeState() with no directory anywhere says how to give one', () => {
    vi.stubEnv('OPENAI_MOCK_INSPECT_DIR', undefined);
    expect(() => createOpenAIMock().writeState()).toThrow(
      "[openai-mock] writeState() needs a directory: pass one (openaiMock.writeState('.mock_state')), or set the inspectDir option or OPENAI_MOCK_INSPECT_DIR.",
    );
  });
});
