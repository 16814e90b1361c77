import OpenAI from 'openai';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { setActiveMock } from '../openai-mock.js';
import { OpenAIMockError } from '../engine/errors.js';
import {
  fileFactory,
  fineTuningCheckpointFactory,
  fineTuningJobEventFactory,
  fineTuningJobFactory,
  invalidTrainingFileError,
} from './index.js';
import { FACTORY_EPOCH } from './shared.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });
const FT_MODEL = /^ft:gpt-4o-mini-2024-07-18:openai-mock::[A-Za-z0-9]{8}$/;

afterEach(() => {
  vi.useRealTimers();
});

describe('build()', () => {
  test('returns a complete validating_files job and leaves the mock untouched', () => {
    const job = fineTuningJobFactory.build();

    expect(job).toEqual({
      id: 'ftjob-seed000001',
      object: 'fine_tuning.job',
      created_at: FACTORY_EPOCH + 60,
      error: null,
      fine_tuned_model: null,
      finished_at: null,
      hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' },
      model: 'gpt-4o-mini-2024-07-18',
      organization_id: 'org-mock',
      result_files: [],
      seed: expect.any(Number),
      status: 'validating_files',
      trained_tokens: null,
      training_file: 'file-seed000001',
      validation_file: null,
      estimated_finish: null,
      integrations: [],
      metadata: null,
      method: {
        type: 'supervised',
        supervised: { hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' } },
      },
    });
    expect(Number.isInteger(job.seed) && job.seed >= 0 && job.seed <= 2_147_483_647).toBe(true);
    expect(openaiMock.jobs.size).toBe(0);
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock.requests).toHaveLength(0);
  });

  test('the default training file comes from the file factory (an association)', () => {
    const job = fineTuningJobFactory.build();
    expect(job.training_file).toBe('file-seed000001');
    expect(fileFactory.build().id).toBe('file-seed000002');
  });

  test('a given training_file builds no file', () => {
    const job = fineTuningJobFactory.build({ training_file: 'file-abc' });
    expect(job.training_file).toBe('file-abc');
    expect(fileFactory.build().id).toBe('file-seed000001');
  });
});

describe('create()', () => {
  test('seeds the job and its training file; the SDK reads both back', async () => {
    const job = await fineTuningJobFactory.create();

    expect(await client.fineTuning.jobs.retrieve(job.id)).toEqual(job);
    expect((await client.fineTuning.jobs.list()).data.map((j) => j.id)).toEqual([job.id]);
    const file = await client.files.retrieve(job.training_file);
    expect(file).toMatchObject({ purpose: 'fine-tune', status: 'processed' });
  });

  test('a training file built (not created) by the file factory is seeded with the job', async () => {
    const file = fileFactory.build({ filename: 'support.jsonl' }, { transient: { content: '{"messages":[]}\n' } });
    expect(openaiMock.files.size).toBe(0);

    const job = await fineTuningJobFactory.create({ training_file: file.id });

    expect(job.training_file).toBe(file.id);
    expect(await client.files.retrieve(file.id)).toMatchObject({ filename: 'support.jsonl', bytes: 16 });
    expect(await (await client.files.content(file.id)).text()).toBe('{"messages":[]}\n');
  });

  test('a training file already created is not seeded twice', async () => {
    const file = await fileFactory.create();
    const job = await fineTuningJobFactory.create({ training_file: file.id });
    expect(job.training_file).toBe(file.id);
    expect(openaiMock.files.size).toBe(1);
  });

  test('without an active mock, create() fails with ERR_OPENAI_MOCK_NOT_INSTALLED', async () => {
    setActiveMock(null);
    try {
      const attempt = fineTuningJobFactory.running().create();
      await expect(attempt).rejects.toBeInstanceOf(OpenAIMockError);
      await expect(attempt).rejects.toMatchObject({ code: 'ERR_OPENAI_MOCK_NOT_INSTALLED' });
    } finally {
      setActiveMock(openaiMock);
    }
    expect(openaiMock.jobs.size).toBe(0);
  });
});

describe('status traits', () => {
  test('.validatingFiles(): still "auto", nothing finished', async () => {
    const job = await fineTuningJobFactory.queued().validatingFiles().create();
    const read = await client.fineTuning.jobs.retrieve(job.id);
    expect(read).toMatchObject({ status: 'validating_files', fine_tuned_model: null, finished_at: null, estimated_finish: null });
    expect(read.hyperparameters).toEqual({ batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' });
  });

  test('.queued(): hyperparameters resolved, in the method too', async () => {
    const job = await fineTuningJobFactory.queued().create();
    const read = await client.fineTuning.jobs.retrieve(job.id);
    expect(read.status).toBe('queued');
    expect(read.hyperparameters).toEqual({ batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 3 });
    expect(read.method?.supervised?.hyperparameters).toEqual(read.hyperparameters);
  });

  test('hyperparameters given are echoed in the method, as the API does', () => {
    const job = fineTuningJobFactory.succeeded().build({ hyperparameters: { n_epochs: 5 } });
    expect(job.hyperparameters).toEqual({ batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 5 });
    expect(job.method?.supervised?.hyperparameters).toEqual(job.hyperparameters);
  });

  test('.running(): has estimated_finish, stays running as time passes, and the SDK can cancel it', async () => {
    vi.useFakeTimers();
    const job = await fineTuningJobFactory.running().create();
    expect(job.estimated_finish).toBe(job.created_at + 10);

    await advanceTime(120_000);
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('running');
    expect(openaiMock.jobs.get(job.id)?.status).toBe('running');

    const cancelled = await client.fineTuning.jobs.cancel(job.id);
    expect(cancelled.status).toBe('cancelled');
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('cancelled');
  });

  test('.paused(): paused (a status the SDK type lacks)', async () => {
    const job = await fineTuningJobFactory.paused().create();
    expect(job.status as string).toBe('paused');
    const read = await client.fineTuning.jobs.retrieve(job.id);
    expect(read.status as string).toBe('paused');
    expect(read.estimated_finish).toBeNull();
  });

  test('.succeeded(): fine_tuned_model, finished_at, trained_tokens and a readable results file', async () => {
    const job = await fineTuningJobFactory.succeeded().create();
    const read = await client.fineTuning.jobs.retrieve(job.id);

    expect(read.status).toBe('succeeded');
    expect(read.fine_tuned_model).toMatch(FT_MODEL);
    expect(read.fine_tuned_model).toBe('ft:gpt-4o-mini-2024-07-18:openai-mock::seed0001');
    expect(read.finished_at).toBe(read.created_at + 10);
    expect(read.trained_tokens).toBeGreaterThan(0);
    expect(read.error).toBeNull();
    expect(read.result_files).toHaveLength(1);

    const results = await client.files.retrieve(read.result_files[0]!);
    expect(results).toMatchObject({ purpose: 'fine-tune-results', created_at: read.finished_at });
    const csv = Buffer.from(await (await client.files.content(results.id)).text(), 'base64').toString();
    expect(csv.startsWith('step,train_loss,')).toBe(true);
  });

  test('.succeeded(): the fine-tuned model shows up in client.models.list() and retrieve', async () => {
    const job = await fineTuningJobFactory.succeeded().create();
    const ids = (await client.models.list()).data.map((m) => m.id);
    expect(ids).toContain(job.fine_tuned_model);
    expect(await client.models.retrieve(job.fine_tuned_model!)).toMatchObject({ id: job.fine_tuned_model, owned_by: 'org-mock' });
  });

  test('.running() models do not show up in client.models.list()', async () => {
    await fineTuningJobFactory.running().create();
    const ids = (await client.models.list()).data.map((m) => m.id);
    expect(ids.filter((id) => id.startsWith('ft:'))).toEqual([]);
  });

  test('.succeeded() names the model after the base snapshot and the suffix', () => {
    const job = fineTuningJobFactory.succeeded().build({ model: 'gpt-4o-mini' }, { transient: { suffix: 'support' } });
    expect(job.fine_tuned_model).toBe('ft:gpt-4o-mini-2024-07-18:openai-mock:support:seed0001');
  });

  test('.failed(): invalid_training_file by default, finished_at null', async () => {
    const job = await fineTuningJobFactory.failed().create();
    const read = await client.fineTuning.jobs.retrieve(job.id);
    expect(read.status).toBe('failed');
    expect(read.error).toEqual(invalidTrainingFileError(job.training_file));
    expect(read.error).toMatchObject({ code: 'invalid_training_file', param: 'training_file' });
    expect(read.finished_at).toBeNull();
    expect(read.fine_tuned_model).toBeNull();
  });

  test('.failed(error) takes the fields given', async () => {
    const job = await fineTuningJobFactory
      .failed({ code: 'invalid_n_examples', message: 'Training file has 7 example(s), but must have at least 10 examples' })
      .create();
    const read = await client.fineTuning.jobs.retrieve(job.id);
    expect(read.error).toEqual({
      code: 'invalid_n_examples',
      message: 'Training file has 7 example(s), but must have at least 10 examples',
      param: 'training_file',
    });
  });

  test('.cancelled(): cancelled, and the SDK cannot cancel it again', async () => {
    const job = await fineTuningJobFactory.cancelled().create();
    expect((await client.fineTuning.jobs.retrieve(job.id)).status).toBe('cancelled');
    await expect(client.fineTuning.jobs.cancel(job.id)).rejects.toMatchObject({ status: 400 });
  });
});

describe('events and checkpoints', () => {
  test('by default, the events its status implies, listed newest first', async () => {
    const job = await fineTuningJobFactory.succeeded().create();
    const events = (await client.fineTuning.jobs.listEvents(job.id, { limit: 50 })).data;
    expect(events.map((e) => e.message)).toEqual([
      'The job has successfully completed',
      `New fine-tuned model created: ${job.fine_tuned_model}`,
      'Fine-tuning job started',
      'Files validated, moving job to queued state',
      `Validating training file: ${job.training_file}`,
      `Created fine-tuning job: ${job.id}`,
    ]);
    expect(events.every((e) => e.id.startsWith('ftevent-seed'))).toBe(true);
  });

  test('a failed job logs its error as an error event', async () => {
    const job = await fineTuningJobFactory.failed().create();
    const [last] = (await client.fineTuning.jobs.listEvents(job.id)).data;
    expect(last).toMatchObject({ level: 'error', message: job.error?.message });
  });

  test('transient events replace the defaults and come back newest first', async () => {
    const events = [
      fineTuningJobEventFactory.metrics(2, 3).build(),
      fineTuningJobEventFactory.metrics(1, 3).build({ created_at: FACTORY_EPOCH }),
    ];
    const job = await fineTuningJobFactory.running().create({}, { transient: { events } });
    const listed = (await client.fineTuning.jobs.listEvents(job.id)).data;
    expect(listed.map((e) => e.id)).toEqual([events[0]!.id, events[1]!.id]);
    expect(listed[0]).toMatchObject({ type: 'metrics', data: expect.objectContaining({ step: 2, total_steps: 3 }) });
  });

  test('transient checkpoints come back from checkpoints.list, highest step first', async () => {
    const job = fineTuningJobFactory.succeeded().build();
    const checkpoints = [10, 30, 20].map((step) => fineTuningCheckpointFactory.forJob(job).build({ step_number: step }));
    await fineTuningJobFactory.create(job, { transient: { checkpoints } });

    const listed = (await client.fineTuning.jobs.checkpoints.list(job.id)).data;
    expect(listed.map((c) => c.step_number)).toEqual([30, 20, 10]);
    expect(listed[0]).toMatchObject({
      fine_tuning_job_id: job.id,
      fine_tuned_model_checkpoint: `${job.fine_tuned_model}:ckpt-step-30`,
    });
  });

  test('a job built first and created later keeps its id, files and model', async () => {
    const job = fineTuningJobFactory.succeeded().build();
    const created = await fineTuningJobFactory.create(job);
    expect(created).toEqual(job);
    expect(await client.files.retrieve(job.training_file)).toMatchObject({ purpose: 'fine-tune' });
    expect(await client.files.retrieve(job.result_files[0]!)).toMatchObject({ purpose: 'fine-tune-results' });
  });
});

describe('ids and sequences', () => {
  test('first test of a pair: the first factory job is ftjob-seed000001', async () => {
    const job = await fineTuningJobFactory.running().create();
    expect(job.id).toBe('ftjob-seed000001');
  });

  test('second test of a pair: the mock reset rewound the sequence to ftjob-seed000001', async () => {
    const job = await fineTuningJobFactory.succeeded().create();
    expect(job.id).toBe('ftjob-seed000001');
    expect(job.training_file).toBe('file-seed000001');
  });

  test('seeded and mock-made jobs live side by side with distinct ids', async () => {
    const seeded = await fineTuningJobFactory.running().create();
    const made = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: seeded.training_file });
    expect(made.id).toBe('ftjob-mock000001');
    expect((await client.fineTuning.jobs.list()).data.map((j) => j.id)).toEqual([made.id, seeded.id]);
  });
});
