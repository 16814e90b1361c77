/**
 * Scenario control as a user drives it: the unhappy paths of fine-tuning jobs, batches and files
 * (failures at a chosen phase or training step, expiry, failed validation, chosen requests
 * failing), holding an object until the test steps it, read-counted progression, the instant
 * preset and scripted embeddings. Everything goes through the official SDK on fake timers.
 */
import OpenAI, { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fineTuningJobFactory } from '../../src/factories/index.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { dataset, makeClient, uploadTrainingFile } from '../support/client.js';
import { rejection } from '../support/errors.js';
import { misuseBy } from '../support/errors.js';

const client = makeClient();
const MODEL = 'gpt-4o-mini-2024-07-18';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  openaiMock.resetConfig();
});

async function startJob(examples = 200, extra: Partial<OpenAI.FineTuning.JobCreateParams> = {}) {
  const file = await uploadTrainingFile(client, dataset(examples));
  return client.fineTuning.jobs.create({ model: MODEL, training_file: file.id, ...extra });
}

type Line = Record<string, unknown>;

const chatRequest = (customId: string): Line => ({
  custom_id: customId,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Question ${customId}` }] },
});

async function startBatch(ids: readonly string[] = ['a', 'b', 'c'], metadata?: Record<string, string>) {
  const text = ids.map((id) => JSON.stringify(chatRequest(id))).join('\n');
  const file = await client.files.create({ file: await toFile(Buffer.from(`${text}\n`), 'requests.jsonl'), purpose: 'batch' });
  return client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', ...(metadata ? { metadata } : {}) });
}

async function download(fileId: string | null | undefined): Promise<Record<string, unknown>[]> {
  if (!fileId) throw new Error('expected a file id');
  const text = await (await client.files.content(fileId)).text();
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('a fine-tuning job that fails', () => {
  test('at step 300: the job, its events and its checkpoints stop there', async () => {
    openaiMock.jobs.plan({
      fail: { at: { step: 300 }, code: 'server_error', message: 'The job failed due to an internal error.' },
    });
    // 200 examples, batch size 1, 3 epochs: 600 steps over the 6 s running phase (4 s to 10 s),
    // so step 300 is done 7 s after creation.
    const job = await startJob(200);

    await advanceTime(6_999);
    expect(openaiMock).toHaveJobInStatus(job.id, 'running');
    await advanceTime(1);

    const failed = await client.fineTuning.jobs.retrieve(job.id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'server_error', message: 'The job failed due to an internal error.', param: null },
      finished_at: job.created_at + 7,
      fine_tuned_model: null,
      trained_tokens: null,
      result_files: [],
      estimated_finish: null,
    });
    expect(failed.hyperparameters).toEqual({ batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 3 });

    const events = (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data;
    expect(events[0]).toMatchObject({ level: 'error', message: 'The job failed due to an internal error.', created_at: job.created_at + 7 });
    const metrics = events.filter((e) => e.type === 'metrics');
    expect(metrics[0]).toMatchObject({ message: expect.stringMatching(/^Step 300\/600: training loss=/), data: expect.objectContaining({ step: 300, total_steps: 600 }) });
    expect(Math.max(...metrics.map((e) => (e.data as { step: number }).step))).toBe(300);
    expect(events.map((e) => e.message)).not.toContain('The job has successfully completed');

    const checkpoints = (await client.fineTuning.jobs.checkpoints.list(job.id)).data;
    expect(checkpoints.map((c) => c.step_number)).toEqual([200]);

    // Nothing more happens later, and no model appears.
    await advanceTime(60_000);
    expect((await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data).toHaveLength(events.length);
    expect((await client.models.list()).data.map((m) => m.id)).not.toContain(expect.stringMatching(/^ft:/));
  });

  test('at the end of validation with a chosen error, only for the jobs the plan matches', async () => {
    openaiMock.jobs.plan({
      match: (job) => job.suffix === 'broken',
      fail: { at: 'validating_files', code: 'invalid_training_file', message: 'The job failed due to an invalid training file.', param: 'training_file' },
    });
    const broken = await startJob(10, { suffix: 'broken' });
    const fine = await startJob(10, { suffix: 'fine' });
    await advanceTime(10_000);

    expect(await client.fineTuning.jobs.retrieve(broken.id)).toMatchObject({
      status: 'failed',
      error: { code: 'invalid_training_file', param: 'training_file' },
      // The real API leaves finished_at null for a job that failed validation.
      finished_at: null,
      hyperparameters: { n_epochs: 'auto' },
    });
    expect(openaiMock.jobs.lifecycle(broken.id)?.history.map((h) => h.status)).toEqual(['validating_files', 'failed']);
    expect(openaiMock).toHaveJobInStatus(fine.id, 'succeeded');
  });

  test('in the queue, for the next job only (times: 1)', async () => {
    openaiMock.jobs.plan({ times: 1, fail: { at: 'queued', code: 'quota_exceeded', message: 'Not enough credits.' } });
    const first = await startJob(10);
    const second = await startJob(10);
    await advanceTime(10_000);
    expect(await client.fineTuning.jobs.retrieve(first.id)).toMatchObject({ status: 'failed', finished_at: first.created_at + 4 });
    expect(openaiMock).toHaveJobInStatus(second.id, 'succeeded');
  });

  test('when the test fails it by id, mid-training', async () => {
    const job = await startJob(10);
    await advanceTime(5_000);
    const failed = openaiMock.jobs.fail(job.id, { code: 'server_error', message: 'GPU node lost.' });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'GPU node lost.', param: null } });
    await advanceTime(10_000);
    expect(await client.fineTuning.jobs.retrieve(job.id)).toMatchObject({ status: 'failed', finished_at: job.created_at + 5 });

    const error = misuseBy(() => openaiMock.jobs.fail(job.id, { code: 'x', message: 'again' }));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_STEP');
    expect(error.message).toBe(
      `[openai-mock] The fine-tuning job '${job.id}' is 'failed', a final status: only a job still validating_files, queued, running or paused can be failed.`,
    );
  });

  test('a failure step past the end of training answers a 500 that says how to fix the plan', async () => {
    openaiMock.jobs.plan({ fail: { at: { step: 1000 }, code: 'server_error', message: 'x' } });
    const file = await uploadTrainingFile(client, dataset(10));
    const error = await rejection(client.fineTuning.jobs.create({ model: MODEL, training_file: file.id }));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.InternalServerError>).message).toBe(
      "500 [openai-mock] openaiMock.jobs.plan(): the job fails at step 1000, but ftjob-mock000001 trains for 30 steps (3 epochs of 10). Choose a step from 1 to 30, or give the job more examples or epochs.",
    );
  });
});

describe('per-job timings', () => {
  test('a plan gives matching jobs their own phase durations', async () => {
    openaiMock.jobs.plan({ match: (job) => job.metadata?.['speed'] === 'slow', timings: { queued: 60_000 } });
    const slow = await startJob(10, { metadata: { speed: 'slow' } });
    const normal = await startJob(10);
    await advanceTime(10_000);
    expect(openaiMock).toHaveJobInStatus(normal.id, 'succeeded');
    expect(openaiMock).toHaveJobInStatus(slow.id, 'queued');
    await advanceTime(52_000); // queued from 2 s to 62 s
    expect(openaiMock).toHaveJobInStatus(slow.id, 'running');
  });
});

describe('hold and step', () => {
  test('a held job waits in its phase until the test steps it', async () => {
    openaiMock.jobs.plan({ hold: 'queued' });
    const job = await startJob(10);
    await advanceTime(3_600_000);
    expect(openaiMock).toHaveJobInStatus(job.id, 'queued');
    expect(openaiMock.jobs.lifecycle(job.id)?.next).toBeNull();

    expect(openaiMock.jobs.step(job.id).status).toBe('running');
    await advanceTime(6_000);
    const done = await client.fineTuning.jobs.retrieve(job.id);
    expect(done).toMatchObject({ status: 'succeeded', fine_tuned_model: expect.stringMatching(/^ft:/) });
    const events = (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data.map((e) => e.message);
    expect(events[0]).toBe('The job has successfully completed');
    expect(events).toContain('Step 30/30: training loss=' + events.find((m) => m.startsWith('Step 30/30'))!.split('=')[1]);
  });

  test('stepping a job held in running finishes training: every metrics event and checkpoint is there', async () => {
    openaiMock.jobs.plan({ hold: 'running' });
    const job = await startJob(10);
    await advanceTime(4_000);
    expect(openaiMock).toHaveJobInStatus(job.id, 'running');
    openaiMock.jobs.step(job.id);
    const checkpoints = (await client.fineTuning.jobs.checkpoints.list(job.id)).data;
    expect(checkpoints.map((c) => c.step_number)).toEqual([30, 20, 10]);
    const metrics = (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data.filter((e) => e.type === 'metrics');
    expect(metrics).toHaveLength(30);
  });

  test('a held batch is stepped through its phases', async () => {
    openaiMock.batches.plan({ hold: 'in_progress' });
    const batch = await startBatch();
    await advanceTime(3_600_000);
    expect(await client.batches.retrieve(batch.id)).toMatchObject({ status: 'in_progress', request_counts: { total: 3, completed: 0, failed: 0 } });

    expect(openaiMock.batches.step(batch.id)).toMatchObject({ status: 'finalizing', request_counts: { completed: 3 } });
    const completed = openaiMock.batches.step(batch.id);
    expect(completed.status).toBe('completed');
    expect(await download(completed.output_file_id)).toHaveLength(3);
  });

  test('a held file stays uploaded until stepped', async () => {
    openaiMock.files.plan({ match: (f) => f.filename === 'slow.jsonl', hold: true });
    const slow = await client.files.create({ file: await toFile(Buffer.from(dataset(1)), 'slow.jsonl'), purpose: 'fine-tune' });
    const other = await uploadTrainingFile(client);
    await advanceTime(60_000);
    expect((await client.files.retrieve(slow.id)).status).toBe('uploaded');
    expect((await client.files.retrieve(other.id)).status).toBe('processed');
    expect(openaiMock.files.step(slow.id).status).toBe('processed');
  });

  test('misuse: an unknown id, a finished object, a seeded object, a cancelling batch', async () => {
    const unknown = misuseBy(() => openaiMock.jobs.step('ftjob-nope'));
    expect(unknown.code).toBe('ERR_OPENAI_MOCK_UNKNOWN_OBJECT');
    expect(unknown.message).toBe(
      "[openai-mock] There is no fine-tuning job 'ftjob-nope' in the mock. Step an id the code under test got back from the API (ids restart at every reset; openaiMock.jobs.all() lists them).",
    );

    const job = await startJob(10);
    await advanceTime(10_000);
    const terminal = misuseBy(() => openaiMock.jobs.step(job.id));
    expect(terminal.code).toBe('ERR_OPENAI_MOCK_INVALID_STEP');
    expect(terminal.message).toBe(
      `[openai-mock] The fine-tuning job '${job.id}' is 'succeeded', a final status: there is no status to step to. Step it while it is in progress (openaiMock.jobs.lifecycle(id) shows where it stands).`,
    );

    const seeded = await fineTuningJobFactory.running().create();
    expect(misuseBy(() => openaiMock.jobs.step(seeded.id)).message).toBe(
      `[openai-mock] The fine-tuning job '${seeded.id}' was seeded, and seeded objects keep the status they are given. Create it through the API, with openaiMock.jobs.plan({ hold }) if it must wait for the test, to step it.`,
    );

    const batch = await startBatch();
    await client.batches.cancel(batch.id);
    expect(misuseBy(() => openaiMock.batches.step(batch.id)).message).toBe(
      `[openai-mock] The batch '${batch.id}' is 'cancelling': it becomes 'cancelled' by itself after batches.timings.cancelling (2000 ms). Let that time pass with advanceTime() instead of stepping it.`,
    );
    expect(misuseBy(() => openaiMock.files.step('file-nope')).code).toBe('ERR_OPENAI_MOCK_UNKNOWN_OBJECT');
  });
});

describe('read-counted progression', () => {
  test('a job moves one status every n reads, counting retrieve, list, events and checkpoints', async () => {
    openaiMock.jobs.plan({ advanceEveryReads: 2 });
    const job = await startJob(10);
    await advanceTime(3_600_000); // time alone does nothing
    expect(openaiMock).toHaveJobInStatus(job.id, 'validating_files');

    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('validating_files');
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('queued');
    await client.fineTuning.jobs.listEvents(job.id);
    expect((await client.fineTuning.jobs.list()).data[0]!.status).toBe('running');
    await client.fineTuning.jobs.checkpoints.list(job.id);

    // The mock's own inspection does not count as a read: neither the collection nor the matchers.
    for (let i = 0; i < 5; i += 1) {
      expect(openaiMock.jobs.get(job.id)?.status).toBe('running');
      expect(openaiMock.jobs.events(job.id)).toBeDefined();
      expect(openaiMock).toHaveJobInStatus(job.id, 'running');
    }
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('succeeded');
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('succeeded');
  });

  test("a polling loop finishes a read-counted batch without any time passing (moto's manual mode)", async () => {
    openaiMock.batches.plan({ advanceEveryReads: 1 });
    const batch = await startBatch();
    const seen: string[] = [];
    let current = batch;
    while (!['completed', 'failed', 'expired', 'cancelled'].includes(current.status)) {
      current = await client.batches.retrieve(batch.id);
      seen.push(current.status);
    }
    expect(seen).toEqual(['in_progress', 'finalizing', 'completed']);
    expect(current.request_counts).toEqual({ total: 3, completed: 3, failed: 0 });
    // A list counts as a read of every batch it lists.
    openaiMock.batches.plan({ advanceEveryReads: 1 });
    const other = await startBatch();
    await client.batches.list();
    expect(openaiMock).toHaveBatchInStatus(other.id, 'in_progress');
  });

  test('a file is processed on its n-th retrieve, list or download', async () => {
    openaiMock.files.plan({ advanceEveryReads: 3 });
    const file = await uploadTrainingFile(client);
    await advanceTime(60_000);
    expect((await client.files.retrieve(file.id)).status).toBe('uploaded');
    expect((await client.files.list()).data[0]!.status).toBe('uploaded');
    await client.files.content(file.id);
    expect(openaiMock.files.get(file.id)?.status).toBe('processed');
  });
});

describe('batch outcomes', () => {
  test('a batch that expires: the unanswered requests are in the error file with batch_expired', async () => {
    openaiMock.batches.plan({ expire: { afterRequests: 1 } });
    const batch = await startBatch(['a', 'b', 'c']);
    await advanceTime(7_999);
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'in_progress');
    await advanceTime(1);

    const expired = await client.batches.retrieve(batch.id);
    expect(expired).toMatchObject({
      status: 'expired',
      expired_at: batch.created_at + 8,
      expires_at: batch.created_at + 8,
      finalizing_at: null,
      completed_at: null,
      request_counts: { total: 3, completed: 1, failed: 2 },
    });
    const output = await download(expired.output_file_id);
    expect(output.map((l) => l['custom_id'])).toEqual(['a']);
    const errors = await download(expired.error_file_id);
    expect(errors).toEqual([
      expect.objectContaining({ custom_id: 'b', response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }),
      expect.objectContaining({ custom_id: 'c', response: null, error: expect.objectContaining({ code: 'batch_expired' }) }),
    ]);
  });

  test('expire by id mid-run', async () => {
    const batch = await startBatch(['a', 'b', 'c', 'd']);
    await advanceTime(5_000); // half of in_progress: 2 of 4 answered
    expect(openaiMock.batches.expire(batch.id)).toMatchObject({ status: 'expired', request_counts: { completed: 2, failed: 2 } });
    expect(misuseBy(() => openaiMock.batches.expire(batch.id)).message).toBe(
      `[openai-mock] The batch '${batch.id}' is 'expired': only a batch still validating, in_progress or finalizing can expire.`,
    );
  });

  test('a batch that fails validation carries the errors object the real API sends', async () => {
    openaiMock.batches.plan({
      failValidation: { code: 'token_limit_exceeded', message: 'Enqueued token limit reached for gpt-4o-mini.', param: null },
    });
    const batch = await startBatch();
    await advanceTime(2_000);
    const failed = await client.batches.retrieve(batch.id);
    expect(failed).toMatchObject({
      status: 'failed',
      failed_at: batch.created_at + 2,
      in_progress_at: null,
      output_file_id: null,
      error_file_id: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      errors: { object: 'list', data: [{ code: 'token_limit_exceeded', message: 'Enqueued token limit reached for gpt-4o-mini.', param: null, line: null }] },
    });
  });

  test('chosen requests fail with a chosen status and error, the others are answered', async () => {
    openaiMock.batches.plan({
      match: (b) => b.metadata?.['run'] === 'nightly',
      failRequests: { customIds: ['b'], status: 429, error: { message: 'Rate limit reached.', type: 'requests', code: 'rate_limit_exceeded' } },
    });
    const batch = await startBatch(['a', 'b', 'c'], { run: 'nightly' });
    await advanceTime(10_000);
    const done = await client.batches.retrieve(batch.id);
    expect(done).toMatchObject({ status: 'completed', request_counts: { total: 3, completed: 2, failed: 1 } });
    expect((await download(done.output_file_id)).map((l) => l['custom_id'])).toEqual(['a', 'c']);
    const [failed] = await download(done.error_file_id);
    expect(failed).toMatchObject({
      custom_id: 'b',
      response: {
        status_code: 429,
        request_id: expect.stringMatching(/^req_/),
        body: { error: { message: 'Rate limit reached.', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
      },
      error: null,
    });

    // A batch the plan does not match is untouched; a function chooses requests too.
    openaiMock.batches.plan({ failRequests: { customIds: (id) => id.endsWith('2') } });
    const other = await startBatch(['x1', 'x2']);
    await advanceTime(10_000);
    const [serverError] = await download((await client.batches.retrieve(other.id)).error_file_id);
    expect(serverError).toMatchObject({ custom_id: 'x2', response: { status_code: 500, body: { error: { type: 'server_error' } } } });
  });
});

describe("the 'instant' preset", () => {
  test('files are processed, jobs succeeded and batches completed by the first read', async () => {
    openaiMock.configure({ timing: 'instant' });
    const file = await uploadTrainingFile(client, dataset(10));
    expect(file.status).toBe('processed');
    await client.files.waitForProcessing(file.id); // returns at once: no sleep to advance

    // Creates answer with the first status, as the real API does; the next read finds it done.
    const job = await client.fineTuning.jobs.create({ model: MODEL, training_file: file.id });
    expect(job).toMatchObject({ status: 'validating_files', fine_tuned_model: null, result_files: [] });
    const trained = await client.fineTuning.jobs.retrieve(job.id);
    expect(trained).toMatchObject({ status: 'succeeded', fine_tuned_model: expect.stringMatching(/^ft:/), finished_at: job.created_at });
    expect((await client.fineTuning.jobs.checkpoints.list(job.id)).data).toHaveLength(3);

    const batch = await startBatch();
    expect(batch).toMatchObject({ status: 'validating', in_progress_at: null, output_file_id: null });
    const completed = await client.batches.retrieve(batch.id);
    expect(completed).toMatchObject({ status: 'completed', request_counts: { total: 3, completed: 3, failed: 0 } });
    expect(await download(completed.output_file_id)).toHaveLength(3);

    const background = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi', background: true });
    expect(background).toMatchObject({ status: 'queued', output: [] });
    expect((await client.responses.retrieve(background.id)).status).toBe('completed');
  });

  test('explicit timings still win over the preset', async () => {
    openaiMock.configure({ timing: 'instant', fineTuning: { timings: { running: 5_000 } } });
    const job = await startJob(10);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('running');
    await advanceTime(5_000);
    expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
  });
});

describe('scripted embeddings', () => {
  test('fixed vectors per input text, the default vectors for the rest, as floats or base64', async () => {
    openaiMock.embedWith({ cats: [1, 0, 0], dogs: [0, 1, 0] });
    const { data } = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['cats', 'dogs', 'fish'], dimensions: 3 });
    expect(data.map((d) => d.embedding)).toEqual([[1, 0, 0], [0, 1, 0], expect.any(Array)]);
    expect(data[2]!.embedding).toHaveLength(3);

    // The SDK asks for base64 and decodes it: the same numbers come back.
    const decoded = await makeClient().embeddings.create({ model: 'text-embedding-3-small', input: 'dogs', dimensions: 3 });
    expect(decoded.data[0]!.embedding).toEqual([0, 1, 0]);
  });

  test('a function of each input, also for batch lines sent to /v1/embeddings', async () => {
    openaiMock.embedWith((input, { dimensions, index }) => (input === 'zero' ? Array.from({ length: dimensions }, () => index) : undefined));
    const { data } = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['x', 'zero'], encoding_format: 'float' });
    expect(data[1]!.embedding).toEqual(Array.from({ length: 1536 }, () => 1));

    const line = { custom_id: 'e1', method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'zero', encoding_format: 'float' } };
    const file = await client.files.create({ file: await toFile(Buffer.from(`${JSON.stringify(line)}\n`), 'e.jsonl'), purpose: 'batch' });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    await advanceTime(10_000);
    const [answer] = await download((await client.batches.retrieve(batch.id)).output_file_id);
    expect((answer as { response: { body: { data: { embedding: number[] }[] } } }).response.body.data[0]!.embedding.every((x) => x === 0)).toBe(true);
  });

  test('a vector of the wrong length answers a 500 that says what to script, and the script ends with the test', async () => {
    openaiMock.embedWith({ cats: [1, 0] });
    const error = await rejection(client.embeddings.create({ model: 'text-embedding-3-small', input: 'cats' }));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as Error).message).toBe(
      "500 [openai-mock] The embedding scripted with openaiMock.embedWith() for input 0 has 2 numbers, but text-embedding-3-small answers with 1536 here. Script vectors of that length, or send 'dimensions: 2' if the model allows it.",
    );
    expect(misuseBy(() => openaiMock.embedWith([] as never)).code).toBe('ERR_OPENAI_MOCK_INVALID_ARGUMENT');
  });

  test('scripts from an earlier test are gone', async () => {
    const { data } = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'cats', dimensions: 3, encoding_format: 'float' });
    expect(data[0]!.embedding).not.toEqual([1, 0, 0]);
  });
});

describe('seeded state and scripted replies, per test', () => {
  test('a job seeded running by a factory can be failed by id, and the SDK reads the failure back', async () => {
    const seeded = await fineTuningJobFactory.running().create();
    vi.setSystemTime(new Date('2025-01-01T01:00:00Z'));
    openaiMock.jobs.fail(seeded.id, { code: 'server_error', message: 'Node preempted.' });
    expect(await client.fineTuning.jobs.retrieve(seeded.id)).toMatchObject({
      id: seeded.id,
      status: 'failed',
      error: { code: 'server_error', message: 'Node preempted.', param: null },
      finished_at: Date.parse('2025-01-01T01:00:00Z') / 1000,
    });
  });

  test('chat and responses replies are scripted for this test only', async () => {
    openaiMock.replyOnce('First.').replyWith('Always.');
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
    const second = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    expect([first.choices[0]!.message.content, second.output_text]).toEqual(['First.', 'Always.']);
  });

  test('the next test gets the default reply again', async () => {
    const reply = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
    expect(reply.choices[0]!.message.content).toBe('Mock reply to: "Hi"');
  });
});

describe('plans end with the test', () => {
  test('a plan made in one test ...', () => {
    openaiMock.jobs.plan({ hold: 'validating_files' });
    openaiMock.batches.plan({ hold: 'validating' });
    openaiMock.files.plan({ hold: true });
  });

  test('... does not apply in the next', async () => {
    const job = await startJob(10);
    const batch = await startBatch();
    await advanceTime(10_000);
    expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'completed');
  });
});

test('bad plans are refused where they are made', () => {
  const error = misuseBy(() => openaiMock.batches.plan({ expire: { afterRequests: -1 } }));
  expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_OPTION');
  expect(error.message).toBe(
    `[openai-mock] openaiMock.batches.plan(): 'expire' is {"afterRequests":-1}; it must be true, or { afterRequests: n } with a whole number n of 0 or more.`,
  );
});
