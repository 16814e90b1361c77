import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { chatLine, dataset, makeClient, uploadTrainingFile } from '../support/client.js';

const client = makeClient();
const MODEL = 'gpt-4o-mini-2024-07-18';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function startJob(params: Partial<OpenAI.FineTuning.JobCreateParams> = {}, content = dataset(4)) {
  const file = await uploadTrainingFile(client, content);
  await advanceTime(2000);
  return client.fineTuning.jobs.create({ model: MODEL, training_file: file.id, ...params });
}

describe('create', () => {
  test('answers a validating job with the method echoed and defaults in place', async () => {
    const job = await startJob({ suffix: 'support', metadata: { team: 'ml' } });
    expect(job).toEqual({
      id: 'ftjob-mock000001',
      object: 'fine_tuning.job',
      created_at: Math.floor(Date.now() / 1000),
      error: null,
      fine_tuned_model: null,
      finished_at: null,
      hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' },
      model: MODEL,
      organization_id: 'org-mock',
      result_files: [],
      seed: expect.any(Number),
      status: 'validating_files',
      trained_tokens: null,
      training_file: 'file-mock000001',
      validation_file: null,
      estimated_finish: null,
      integrations: null,
      metadata: { team: 'ml' },
      method: { type: 'supervised', supervised: { hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' } } },
    });
  });

  test('the seed is kept when given, and deterministic when not', async () => {
    const given = await startJob({ seed: 42 });
    expect(given.seed).toBe(42);
    openaiMock.reset();
    const a = await startJob();
    openaiMock.reset();
    const b = await startJob();
    expect(a.seed).toBe(b.seed);
  });

  test('an unknown training file is a synchronous 400', async () => {
    const error = await client.fineTuning.jobs.create({ model: MODEL, training_file: 'file-nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ param: 'training_file', error: { message: 'invalid training_file: file-nope' } });
    expect(openaiMock.jobs.size).toBe(0);
  });

  test('unknown and non-fine-tunable models are model_not_available', async () => {
    const file = await uploadTrainingFile(client);
    for (const model of ['gpt-nope', 'gpt-5', 'text-embedding-3-small']) {
      await expect(client.fineTuning.jobs.create({ model, training_file: file.id })).rejects.toMatchObject({
        status: 400,
        param: 'model',
        code: 'model_not_available',
        error: { message: `Model ${model} is not available for fine-tuning or does not exist.` },
      });
    }
  });

  test('suffix, seed, hyperparameters and metadata are checked', async () => {
    const file = await uploadTrainingFile(client);
    const base = { model: MODEL, training_file: file.id };
    await expect(client.fineTuning.jobs.create({ ...base, suffix: 'x'.repeat(65) })).rejects.toMatchObject({
      status: 400,
      param: 'suffix',
      code: 'string_above_max_length',
    });
    await expect(client.fineTuning.jobs.create({ ...base, seed: -1 })).rejects.toMatchObject({ param: 'seed' });
    await expect(
      client.fineTuning.jobs.create({ ...base, method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 51 } } } }),
    ).rejects.toMatchObject({ param: 'method.supervised.hyperparameters.n_epochs' });
    await expect(
      client.fineTuning.jobs.create({ ...base, metadata: { tags: ['a'] as unknown as string } }),
    ).rejects.toMatchObject({ param: 'metadata.tags', code: 'invalid_type', error: { message: "Invalid type for 'metadata.tags': expected a string, but got an array instead." } });
    await expect(client.fineTuning.jobs.create({ ...base, method: { type: 'ppo' as 'dpo' } })).rejects.toMatchObject({ param: 'method.type', code: 'invalid_value' });
    expect(openaiMock.jobs.size).toBe(0);
  });

  test('dpo and reinforcement methods are echoed with their defaults resolved once training starts', async () => {
    const dpoLine = JSON.stringify({
      input: { messages: [{ role: 'user', content: 'Hi' }] },
      preferred_output: [{ role: 'assistant', content: 'Hello!' }],
      non_preferred_output: [{ role: 'assistant', content: 'Go away.' }],
    });
    const dpo = await startJob({ method: { type: 'dpo', dpo: { hyperparameters: { beta: 0.2 } } } }, `${dpoLine}\n`);
    expect(dpo.method).toEqual({ type: 'dpo', dpo: { hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto', beta: 0.2 } } });
    await advanceTime(2000);
    const queued = await client.fineTuning.jobs.retrieve(dpo.id);
    expect(queued.method).toEqual({ type: 'dpo', dpo: { hyperparameters: { batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 3, beta: 0.2 } } });

    const file = await uploadTrainingFile(client, `${chatLine()}\n`);
    await expect(
      client.fineTuning.jobs.create({ model: 'o4-mini-2025-04-16', training_file: file.id, method: { type: 'reinforcement', reinforcement: {} as never } }),
    ).rejects.toMatchObject({ param: 'method.reinforcement.grader', code: 'missing_required_parameter' });
    const rft = await client.fineTuning.jobs.create({
      model: 'o4-mini-2025-04-16',
      training_file: file.id,
      method: { type: 'reinforcement', reinforcement: { grader: { type: 'string_check', name: 'g', input: '{{sample.output_text}}', reference: 'x', operation: 'eq' } } },
    });
    expect(rft.method?.reinforcement?.hyperparameters).toMatchObject({ reasoning_effort: 'default', eval_interval: 'auto' });
  });
});

describe('lifecycle', () => {
  test('validating_files 0–2 s, queued until 4 s, running until 10 s, then succeeded', async () => {
    const job = await startJob({ suffix: 'demo' });
    const statusAt = async () => (await client.fineTuning.jobs.retrieve(job.id)).status;
    expect(await statusAt()).toBe('validating_files');
    await advanceTime(1999);
    expect(await statusAt()).toBe('validating_files');
    await advanceTime(1);
    expect(await statusAt()).toBe('queued');
    await advanceTime(2000);
    const running = await client.fineTuning.jobs.retrieve(job.id);
    expect(running.status).toBe('running');
    expect(running.estimated_finish).toBe(job.created_at + 10);
    expect(running.hyperparameters).toEqual({ batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 3 });
    await advanceTime(5999);
    expect(await statusAt()).toBe('running');
    await advanceTime(1);
    const done = await client.fineTuning.jobs.retrieve(job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      fine_tuned_model: 'ft:gpt-4o-mini-2024-07-18:openai-mock:demo:mock0001',
      finished_at: job.created_at + 10,
      estimated_finish: null,
      result_files: ['file-mock000002'],
    });
    expect(done.trained_tokens).toBeGreaterThan(0);
  });

  test('trained_tokens grows with the data and the epochs', async () => {
    const small = await startJob({}, dataset(2));
    const large = await startJob({ method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 6 } } } }, dataset(2));
    await advanceTime(10_000);
    const a = await client.fineTuning.jobs.retrieve(small.id);
    const b = await client.fineTuning.jobs.retrieve(large.id);
    expect(b.trained_tokens).toBe(a.trained_tokens! * 2);
  });

  test('the results file is a downloadable base64 CSV of step metrics', async () => {
    const job = await startJob({}, dataset(2));
    await advanceTime(10_000);
    const done = await client.fineTuning.jobs.retrieve(job.id);
    const file = await client.files.retrieve(done.result_files[0]!);
    expect(file).toMatchObject({ purpose: 'fine-tune-results', filename: 'step_metrics.csv', status: 'processed', created_at: done.finished_at });
    const csv = Buffer.from(await (await client.files.content(file.id)).text(), 'base64').toString();
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe('step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^1,\d+(\.\d+)?,\d+(\.\d+)?,,$/);
  });

  test('a training file that is not chat JSONL fails the job at the end of validation', async () => {
    const job = await startJob({}, '{"prompt": "hi"}\nnot json\n');
    await advanceTime(1999);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('validating_files');
    await advanceTime(1);
    const failed = await client.fineTuning.jobs.retrieve(job.id);
    expect(failed).toMatchObject({
      status: 'failed',
      finished_at: null,
      fine_tuned_model: null,
      error: { code: 'invalid_training_file', param: 'training_file', message: expect.stringContaining('Invalid file format. Line 1') },
    });
    await advanceTime(60_000);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('failed');
  });

  test('one example succeeds by default; minExamples: 10 is the real minimum', async () => {
    const one = await startJob({}, dataset(1));
    openaiMock.configure({ fineTuning: { minExamples: 10 } });
    try {
      const seven = await startJob({}, dataset(7));
      await advanceTime(10_000);
      expect((await client.fineTuning.jobs.retrieve(one.id)).status).toBe('succeeded');
      expect((await client.fineTuning.jobs.retrieve(seven.id)).error).toEqual({
        code: 'invalid_n_examples',
        message: 'Training file has 7 example(s), but must have at least 10 examples',
        param: 'training_file',
      });
    } finally {
      openaiMock.configure({ fineTuning: { minExamples: 1 } });
    }
  });

  test('cancel stops a job for good; cancelling a finished job is refused', async () => {
    const job = await startJob();
    await advanceTime(5000);
    const cancelled = await client.fineTuning.jobs.cancel(job.id);
    expect(cancelled.status).toBe('cancelled');
    await advanceTime(60_000);
    expect(await client.fineTuning.jobs.retrieve(job.id)).toMatchObject({ status: 'cancelled', fine_tuned_model: null });
    const error = await client.fineTuning.jobs.cancel(job.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ message: expect.stringContaining('already been cancelled') });

    const other = await startJob();
    await advanceTime(10_000);
    await expect(client.fineTuning.jobs.cancel(other.id)).rejects.toMatchObject({ status: 400, code: 'invalid_job_status' });
  });

  test('pause freezes a running job; resume continues with the time it had left', async () => {
    const job = await startJob();
    await advanceTime(2000);
    await expect(client.fineTuning.jobs.pause(job.id)).rejects.toMatchObject({ status: 400 });
    await advanceTime(3000); // running since 4 s, 1 s done
    expect((await client.fineTuning.jobs.pause(job.id)).status).toBe('paused');
    await advanceTime(60_000);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('paused');
    expect((await client.fineTuning.jobs.resume(job.id)).status).toBe('running');
    await advanceTime(4999);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('running');
    await advanceTime(1);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('succeeded');
    await expect(client.fineTuning.jobs.resume(job.id)).rejects.toMatchObject({ status: 400 });
  });

  test('unknown job ids are 404 everywhere', async () => {
    const calls = [
      () => client.fineTuning.jobs.retrieve('ftjob-nope'),
      () => client.fineTuning.jobs.cancel('ftjob-nope'),
      () => client.fineTuning.jobs.pause('ftjob-nope'),
      () => client.fineTuning.jobs.resume('ftjob-nope'),
      () => client.fineTuning.jobs.listEvents('ftjob-nope'),
      () => client.fineTuning.jobs.checkpoints.list('ftjob-nope'),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('list', () => {
  test('newest first, cursor pages without first/last ids, metadata filter', async () => {
    const jobs = [];
    for (const team of ['a', 'b', 'a']) jobs.push(await startJob({ metadata: { team } }));
    const ids: string[] = [];
    for await (const job of client.fineTuning.jobs.list({ limit: 2 })) ids.push(job.id);
    expect(ids).toEqual(jobs.map((j) => j.id).reverse());
    const raw = await (await fetch('https://api.openai.com/v1/fine_tuning/jobs?limit=1', { headers: { authorization: 'Bearer k' } })).json();
    expect(raw).toEqual({ object: 'list', data: [expect.objectContaining({ id: jobs[2]!.id })], has_more: true });
    const filtered = await client.fineTuning.jobs.list({ metadata: { team: 'a' } });
    expect(filtered.data.map((j) => j.id)).toEqual([jobs[2]!.id, jobs[0]!.id]);
    expect(openaiMock.requests.at(-1)!.query).toEqual({ 'metadata[team]': 'a' });
  });
});

describe('events and checkpoints', () => {
  test('events arrive as the job progresses, newest first, with metrics', async () => {
    const job = await startJob({}, dataset(2));
    const messages = async () => (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data.map((e) => e.message);
    expect(await messages()).toEqual([`Validating training file: file-mock000001`, `Created fine-tuning job: ${job.id}`]);
    await advanceTime(10_000);
    const events = (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data;
    expect(events.map((e) => e.message)).toEqual([
      'The job has successfully completed',
      'New fine-tuned model created: ft:gpt-4o-mini-2024-07-18:openai-mock::mock0001',
      expect.stringMatching(/^Step 6\/6: training loss=/),
      expect.stringMatching(/^Step 5\/6: /),
      expect.stringMatching(/^Step 4\/6: /),
      expect.stringMatching(/^Step 3\/6: /),
      expect.stringMatching(/^Step 2\/6: /),
      expect.stringMatching(/^Step 1\/6: /),
      'Fine-tuning job started',
      'Files validated, moving job to queued state',
      'Validating training file: file-mock000001',
      `Created fine-tuning job: ${job.id}`,
    ]);
    const metric = events.find((e) => e.type === 'metrics')!;
    expect(metric).toMatchObject({ object: 'fine_tuning.job.event', level: 'info', data: { step: 6, total_steps: 6, train_loss: expect.any(Number) } });
    expect(events.every((e) => e.id.startsWith('ftevent-'))).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const page = await client.fineTuning.jobs.listEvents(job.id, { limit: 3 });
    expect(page.data).toHaveLength(3);
    expect(page.has_more).toBe(true);
  });

  test('checkpoints appear at the end of the last three epochs, newest first', async () => {
    const job = await startJob({ method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 4, batch_size: 2 } } } }, dataset(4));
    await advanceTime(4000 + 3000); // running for 3 of 6 s: epochs 1 and 2 done
    const partial = await client.fineTuning.jobs.checkpoints.list(job.id);
    expect(partial.data.map((c) => c.step_number)).toEqual([4]);
    await advanceTime(3000);
    const all = await client.fineTuning.jobs.checkpoints.list(job.id);
    expect(all.data.map((c) => c.step_number)).toEqual([8, 6, 4]);
    expect(all.data[0]).toMatchObject({
      object: 'fine_tuning.job.checkpoint',
      fine_tuning_job_id: job.id,
      fine_tuned_model_checkpoint: 'ft:gpt-4o-mini-2024-07-18:openai-mock::mock0001:ckpt-step-8',
      metrics: { step: 8, train_loss: expect.any(Number), train_mean_token_accuracy: expect.any(Number) },
    });
    expect(all.data[0]!.id).toMatch(/^ftckpt_/);
  });

  test('a cancelled job keeps the events and checkpoints it reached', async () => {
    const job = await startJob({}, dataset(2));
    await advanceTime(2000 + 2000 + 3000);
    await client.fineTuning.jobs.cancel(job.id);
    await advanceTime(10_000);
    const events = (await client.fineTuning.jobs.listEvents(job.id, { limit: 100 })).data;
    expect(events[0]!.message).toBe('Fine-tuning job cancelled');
    expect(events.filter((e) => e.type === 'metrics')).toHaveLength(3);
  });
});

describe('seeded jobs', () => {
  const seeded = (status: OpenAI.FineTuning.FineTuningJob['status'] | 'paused', extra: Partial<OpenAI.FineTuning.FineTuningJob> = {}) =>
    openaiMock.seed.job({
      id: 'ftjob-seeded',
      object: 'fine_tuning.job',
      created_at: 1_700_000_000,
      error: null,
      fine_tuned_model: null,
      finished_at: null,
      hyperparameters: { batch_size: 1, learning_rate_multiplier: 2, n_epochs: 3 },
      model: MODEL,
      organization_id: 'org-mock',
      result_files: [],
      seed: 1,
      status: status as 'running',
      trained_tokens: null,
      training_file: 'file-abc',
      validation_file: null,
      estimated_finish: null,
      integrations: null,
      metadata: null,
      method: { type: 'supervised', supervised: { hyperparameters: { batch_size: 1, learning_rate_multiplier: 2, n_epochs: 3 } } },
      ...extra,
    } as Parameters<typeof openaiMock.seed.job>[0]);

  test('hold their status; a seeded paused job resumes to running and can be cancelled', async () => {
    seeded('paused');
    await advanceTime(60_000);
    expect((await client.fineTuning.jobs.retrieve('ftjob-seeded')).status).toBe('paused');
    expect((await client.fineTuning.jobs.resume('ftjob-seeded')).status).toBe('running');
    await advanceTime(60_000);
    expect((await client.fineTuning.jobs.retrieve('ftjob-seeded')).status).toBe('running');
    expect((await client.fineTuning.jobs.cancel('ftjob-seeded')).status).toBe('cancelled');
  });

  test("a seeded succeeded job's model dates from the job's finished_at", async () => {
    seeded('succeeded', { fine_tuned_model: 'ft:gpt-4o-mini-2024-07-18:openai-mock::seeded1', finished_at: 1_700_000_600 });
    expect(await client.models.retrieve('ft:gpt-4o-mini-2024-07-18:openai-mock::seeded1')).toMatchObject({ created: 1_700_000_600 });
  });
});
