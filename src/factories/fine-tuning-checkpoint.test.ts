import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { fineTuningCheckpointFactory, fineTuningJobFactory } from './index.js';
import { FACTORY_EPOCH } from './shared.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });

describe('build()', () => {
  test('returns a complete checkpoint of the first factory job and touches no mock', () => {
    expect(fineTuningCheckpointFactory.build()).toEqual({
      id: 'ftckpt_seed000001',
      object: 'fine_tuning.job.checkpoint',
      created_at: FACTORY_EPOCH + 60,
      fine_tuned_model_checkpoint: 'ft:gpt-4o-mini-2024-07-18:openai-mock::seed0001:ckpt-step-10',
      fine_tuning_job_id: 'ftjob-seed000001',
      step_number: 10,
      metrics: { step: 10, train_loss: expect.any(Number), train_mean_token_accuracy: expect.any(Number) },
    });
    expect(openaiMock.jobs.size).toBe(0);
  });

  test('the default checkpoint names match the first succeeded factory job', () => {
    const job = fineTuningJobFactory.succeeded().build();
    const checkpoint = fineTuningCheckpointFactory.build();
    expect(checkpoint.fine_tuning_job_id).toBe(job.id);
    expect(checkpoint.fine_tuned_model_checkpoint).toBe(`${job.fine_tuned_model}:ckpt-step-10`);
  });

  test('steps advance with the sequence; a given step_number names the checkpoint', () => {
    expect(fineTuningCheckpointFactory.buildList(3).map((c) => c.step_number)).toEqual([10, 20, 30]);
    const c = fineTuningCheckpointFactory.build({ step_number: 7 });
    expect(c).toMatchObject({ step_number: 7, metrics: { step: 7 } });
    expect(c.fine_tuned_model_checkpoint.endsWith(':ckpt-step-7')).toBe(true);
  });
});

describe('.forJob(job)', () => {
  test('takes the job id and its fine-tuned model', () => {
    const job = fineTuningJobFactory.succeeded().build({ id: 'ftjob-abc123' });
    const c = fineTuningCheckpointFactory.forJob(job).build({ step_number: 20 });
    expect(c.fine_tuning_job_id).toBe('ftjob-abc123');
    expect(c.fine_tuned_model_checkpoint).toBe(`${job.fine_tuned_model}:ckpt-step-20`);
  });

  test('names checkpoints of a still-running job after the model it will produce', () => {
    const running = fineTuningJobFactory.running().build();
    const c = fineTuningCheckpointFactory.forJob(running).build({ step_number: 5 });
    expect(running.fine_tuned_model).toBeNull();
    expect(c.fine_tuned_model_checkpoint).toBe('ft:gpt-4o-mini-2024-07-18:openai-mock::seed0001:ckpt-step-5');
  });
});

describe('create()', () => {
  test('a checkpoint on its own cannot be created: the error says to seed it with its job', async () => {
    await expect(fineTuningCheckpointFactory.create()).rejects.toMatchObject({
      code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      message: expect.stringContaining('checkpoints'),
    });
  });

  test('checkpoints seeded with a job are served by the SDK as built', async () => {
    const job = fineTuningJobFactory.running().build();
    const checkpoint = fineTuningCheckpointFactory.forJob(job).build({ step_number: 12 });
    await fineTuningJobFactory.create(job, { transient: { checkpoints: [checkpoint] } });
    expect((await client.fineTuning.jobs.checkpoints.list(job.id)).data).toEqual([checkpoint]);
  });

  test('first test of a pair: the first checkpoint is ftckpt_seed000001', () => {
    expect(fineTuningCheckpointFactory.build().id).toBe('ftckpt_seed000001');
  });

  test('second test of a pair: the reset rewound the sequence', () => {
    expect(fineTuningCheckpointFactory.build().id).toBe('ftckpt_seed000001');
  });
});
