/**
 * The scenarios of the first origin document (testing with OpenAI API mocks: files and
 * fine-tuning), written as a user of openai-mock would write them: a small training backend on
 * the official SDK, driven by fake timers instead of real sleeps.
 */
import type OpenAI from 'openai';
import { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';

const examples = [
  {
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi!' },
    ],
  },
];

/** The code under test: what the origin document's OpenAITrainingBackend does. */
class TrainingRun {
  status = '';
  modelId: string | null = null;
  constructor(
    private readonly client: OpenAI,
    readonly jobId: string,
  ) {}
  async refresh(): Promise<void> {
    const job = await this.client.fineTuning.jobs.retrieve(this.jobId);
    this.status = job.status;
    this.modelId = job.fine_tuned_model;
  }
  async isComplete(): Promise<boolean> {
    await this.refresh();
    return ['succeeded', 'failed', 'cancelled'].includes(this.status);
  }
  async wait(pollMs = 1000): Promise<string | null> {
    while (!(await this.isComplete())) await new Promise((resolve) => setTimeout(resolve, pollMs));
    return this.modelId;
  }
  async cancel(): Promise<void> {
    this.status = (await this.client.fineTuning.jobs.cancel(this.jobId)).status;
  }
}

class TrainingBackend {
  constructor(private readonly client: OpenAI) {}
  async train(data: object[], model: string, options: { suffix?: string; blockUntilUploadComplete?: boolean } = {}) {
    const jsonl = data.map((d) => JSON.stringify(d)).join('\n');
    const file = await this.client.files.create({ file: await toFile(Buffer.from(jsonl), 'train.jsonl'), purpose: 'fine-tune' });
    if (options.blockUntilUploadComplete) await this.client.files.waitForProcessing(file.id, { pollInterval: 500 });
    const job = await this.client.fineTuning.jobs.create({
      model,
      training_file: file.id,
      ...(options.suffix ? { suffix: options.suffix } : {}),
    });
    const run = new TrainingRun(this.client, job.id);
    run.status = job.status;
    return run;
  }
}

const backend = new TrainingBackend(makeClient());

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('origin document: testing with OpenAI API mocks', () => {
  test('basic training flow', async () => {
    const run = await backend.train(examples, 'gpt-3.5-turbo');
    const modelId = run.wait();
    await advanceTime(10_000);
    await expect(modelId).resolves.toBe('ft:gpt-3.5-turbo-0125:openai-mock::mock0001');
    expect(run.status).toBe('succeeded');
  });

  test('inspecting mock state', async () => {
    const run = await backend.train(examples, 'gpt-3.5-turbo');
    expect(openaiMock.files.size).toBe(1);
    const [file] = openaiMock.files.all();
    expect(file).toMatchObject({ filename: 'train.jsonl', purpose: 'fine-tune' });
    expect(new TextDecoder().decode(openaiMock.files.content(file!.id))).toContain('"assistant"');
    expect(openaiMock.jobs.size).toBe(1);
    expect(openaiMock.jobs.get(run.jobId)!.model).toBe('gpt-3.5-turbo');
  });

  test('status progression at 2, 4 and 10 seconds', async () => {
    const run = await backend.train(examples, 'gpt-3.5-turbo');
    expect(run.status).toBe('validating_files');
    await advanceTime(2500);
    await run.refresh();
    expect(run.status).toBe('queued');
    await advanceTime(2000);
    await run.refresh();
    expect(run.status).toBe('running');
    await advanceTime(6000);
    await run.refresh();
    expect(run.status).toBe('succeeded');
    expect(run.modelId).not.toBeNull();
  });

  test('concurrent jobs', async () => {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await backend.train(examples, 'gpt-3.5-turbo', { suffix: `model-${i}` }));
    expect(openaiMock.jobs.size).toBe(3);
    await advanceTime(11_000);
    for (const run of runs) {
      await run.refresh();
      expect(run.status).toBe('succeeded');
    }
    expect(new Set(runs.map((r) => r.modelId)).size).toBe(3);
  });

  test('reset clears state and restarts ids', async () => {
    const first = await backend.train(examples, 'gpt-3.5-turbo');
    expect(first.jobId).toBe('ftjob-mock000001');
    openaiMock.reset();
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock.jobs.size).toBe(0);
    const second = await backend.train(examples, 'gpt-3.5-turbo');
    expect(second.jobId).toBe('ftjob-mock000001');
  });

  test('cancellation', async () => {
    const run = await backend.train(examples, 'gpt-3.5-turbo');
    await advanceTime(5000);
    await run.refresh();
    expect(run.status).toBe('running');
    await run.cancel();
    expect(run.status).toBe('cancelled');
    expect(await run.isComplete()).toBe(true);
  });

  test('waiting for file processing', async () => {
    const training = backend.train(examples, 'gpt-3.5-turbo', { blockUntilUploadComplete: true });
    await advanceTime(2000);
    const run = await training;
    const [file] = openaiMock.files.all();
    expect(openaiMock.files.get(file!.id)!.status).toBe('processed');
    expect(run.status).toBe('validating_files');
  });
});
