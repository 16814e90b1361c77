import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { fineTuningJobEventFactory, fineTuningJobFactory } from './index.js';
import { FACTORY_EPOCH } from './shared.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });

describe('build()', () => {
  test('returns a complete info message event and touches no mock', () => {
    expect(fineTuningJobEventFactory.build()).toEqual({
      id: 'ftevent-seed000001',
      object: 'fine_tuning.job.event',
      created_at: FACTORY_EPOCH + 60,
      level: 'info',
      message: 'Fine-tuning job started',
      type: 'message',
      data: {},
    });
    expect(openaiMock.jobs.size).toBe(0);
    expect(openaiMock.requests).toHaveLength(0);
  });

  test('ids follow the sequence, traits included', () => {
    const ids = [
      fineTuningJobEventFactory.build().id,
      fineTuningJobEventFactory.metrics(1, 2).build().id,
      fineTuningJobEventFactory.warn().build().id,
    ];
    expect(ids).toEqual(['ftevent-seed000001', 'ftevent-seed000002', 'ftevent-seed000003']);
  });
});

describe('traits', () => {
  test('.metrics(step, total): a metrics event with the step, total and a loss in data', () => {
    const event = fineTuningJobEventFactory.metrics(10, 30).build();
    expect(event.type).toBe('metrics');
    expect(event.level).toBe('info');
    expect(event.message).toMatch(/^Step 10\/30: training loss=\d+\.\d{4}$/);
    expect(event.data).toEqual({
      step: 10,
      total_steps: 30,
      train_loss: expect.any(Number),
      train_mean_token_accuracy: expect.any(Number),
    });
  });

  test('.metrics(): the loss falls as training progresses', () => {
    const loss = (step: number) => (fineTuningJobEventFactory.metrics(step, 30).build().data as { train_loss: number }).train_loss;
    expect(loss(1)).toBeGreaterThan(loss(15));
    expect(loss(15)).toBeGreaterThan(loss(30));
    expect(loss(30)).toBeGreaterThan(0);
  });

  test('.metrics() refuses a step outside 1..total with a coded error', () => {
    expect(() => fineTuningJobEventFactory.metrics(0, 10)).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' }));
    expect(() => fineTuningJobEventFactory.metrics(11, 10)).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' }));
  });

  test('.warn() and .error() set the level, with a default or given message', () => {
    expect(fineTuningJobEventFactory.warn().build()).toMatchObject({ level: 'warn', type: 'message', message: expect.any(String) });
    expect(fineTuningJobEventFactory.error('Boom').build()).toMatchObject({ level: 'error', message: 'Boom' });
  });
});

describe('create()', () => {
  test('an event on its own cannot be created: the error says to seed it with its job', async () => {
    await expect(fineTuningJobEventFactory.create()).rejects.toMatchObject({
      code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      message: expect.stringContaining('fineTuningJobFactory.create'),
    });
  });

  test('events seeded with a job are served by the SDK as built', async () => {
    const event = fineTuningJobEventFactory.metrics(3, 9).build();
    const job = await fineTuningJobFactory.running().create({}, { transient: { events: [event] } });
    expect((await client.fineTuning.jobs.listEvents(job.id)).data).toEqual([event]);
  });

  test('first test of a pair: the first event is ftevent-seed000001', () => {
    expect(fineTuningJobEventFactory.build().id).toBe('ftevent-seed000001');
  });

  test('second test of a pair: the reset rewound the sequence', () => {
    expect(fineTuningJobEventFactory.build().id).toBe('ftevent-seed000001');
  });
});
