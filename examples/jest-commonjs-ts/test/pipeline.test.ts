/**
 * Tests for src/pipeline.ts. The code under test talks to "OpenAI" through the real SDK; the
 * `openai-mock/jest` setup file (see `setupFilesAfterEnv` in jest.config.js) answers every
 * request in memory.
 *
 * Time is fake: `advanceTime(ms)` moves Jest's fake timers forward, so the SDK's
 * `waitForProcessing`, the pipeline's polling loop and the mock's job lifecycle all move together.
 * Timeline of the mock (its defaults): a file is `processed` 2 s after upload; a job is
 * `validating_files` for 2 s, `queued` until 4 s, `running` until 10 s, then `succeeded`.
 *
 * The mock is reset before each test, so ids start over: the first file is always
 * `file-mock000001` and the first job `ftjob-mock000001`.
 *
 * `expect`, `jest`, `describe`, `it` and the hooks are Jest's globals, typed by @types/jest
 * (see `types` in tsconfig.json); the mock's matchers are added to those types by importing
 * `openai-mock/jest`.
 */
import { advanceTime, openaiMock } from 'openai-mock/jest';
import { client, FineTuneError, FineTunePipeline, type ChatExample } from '../src/pipeline';

const BASE_MODEL = 'gpt-4o-mini-2024-07-18';
const FILE_ID = 'file-mock000001';
const JOB_ID = 'ftjob-mock000001';

const examples: ChatExample[] = [
  {
    messages: [
      { role: 'system', content: 'You answer support tickets for Acme Rockets.' },
      { role: 'user', content: 'My rocket has not arrived.' },
      { role: 'assistant', content: 'Sorry about that! Could you share your order number?' },
    ],
  },
  {
    messages: [
      { role: 'system', content: 'You answer support tickets for Acme Rockets.' },
      { role: 'user', content: 'How do I refuel?' },
      { role: 'assistant', content: 'Open the hatch marked FUEL and follow the card inside.' },
    ],
  },
  {
    messages: [
      { role: 'system', content: 'You answer support tickets for Acme Rockets.' },
      { role: 'user', content: 'Can I return a used rocket?' },
      { role: 'assistant', content: 'Yes, within 30 days, as long as it has not left orbit.' },
    ],
  },
];

// Poll every second so a whole run fits in about 15 s of fake time.
function makePipeline(onProgress?: (status: string) => void): FineTunePipeline {
  return new FineTunePipeline(client, {
    pollIntervalMs: 1_000,
    ...(onProgress && { onProgress: (job) => onProgress(job.status) }),
  });
}

beforeEach(() => {
  // Jest's defaults: every timer function is faked, Date and process.nextTick included.
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('FineTunePipeline.run', () => {
  it('uploads the dataset, trains, and returns the fine-tuned model name', async () => {
    const statuses: string[] = [];
    const pipeline = makePipeline((status) => {
      if (statuses.at(-1) !== status) statuses.push(status);
    });

    const run = pipeline.run(examples, { model: BASE_MODEL, suffix: 'support-bot' });
    // ~2 s for the file to be processed, 10 s of training, plus polling slack.
    await advanceTime(15_000);
    const model = await run;

    expect(model).toMatch(/^ft:gpt-4o-mini-2024-07-18:openai-mock:support-bot:[A-Za-z0-9]{8}$/);
    expect(statuses).toEqual(['validating_files', 'queued', 'running', 'succeeded']);

    expect(openaiMock).toHaveUploadedFile({ purpose: 'fine-tune', filename: 'train.jsonl' });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', {
      model: BASE_MODEL,
      training_file: FILE_ID,
      suffix: 'support-bot',
    });
    expect(openaiMock).toHaveJobInStatus(JOB_ID, 'succeeded');
    expect(openaiMock.jobs.get(JOB_ID)?.fine_tuned_model).toBe(model);
  });

  it('throws a FineTuneError when the dataset is malformed and the job fails', async () => {
    // The second line is not JSON and the first has no list of messages: OpenAI accepts the
    // upload, then fails the job while validating it.
    const malformed = '{"messages": "should be a list"}\nthis line is not JSON\n';

    const failure = makePipeline()
      .run(malformed, { model: BASE_MODEL, suffix: 'broken' })
      .catch((error: unknown) => error);
    await advanceTime(15_000);
    const error = await failure;

    expect(error).toBeInstanceOf(FineTuneError);
    expect((error as FineTuneError).message).toMatch(`Fine-tuning job ${JOB_ID} failed`);
    expect((error as FineTuneError).message).toContain('invalid_training_file');
    expect((error as FineTuneError).job.status).toBe('failed');

    expect(openaiMock).toHaveJobInStatus(JOB_ID, 'failed');
    expect(openaiMock).not.toHaveJobInStatus(JOB_ID, 'succeeded');
    const job = openaiMock.jobs.get(JOB_ID);
    expect(job?.error).toMatchObject({ code: 'invalid_training_file', param: 'training_file' });
    expect(job?.fine_tuned_model).toBeNull();
  });

  it('throws a FineTuneError when someone cancels the job while it runs', async () => {
    const failure = makePipeline()
      .run(examples, { model: BASE_MODEL, suffix: 'support-bot' })
      .catch((error: unknown) => error);

    // The file is ready at ~2 s and the job starts right after, so it is training at 8 s.
    await advanceTime(8_000);
    expect(openaiMock).toHaveJobInStatus(JOB_ID, 'running');

    const cancelled = await client.fineTuning.jobs.cancel(JOB_ID);
    expect(cancelled.status).toBe('cancelled');

    await advanceTime(1_000); // the pipeline's next poll sees the cancellation
    const error = await failure;
    expect(error).toBeInstanceOf(FineTuneError);
    expect((error as FineTuneError).message).toBe(`Fine-tuning job ${JOB_ID} was cancelled before it produced a model.`);

    // A cancelled job stays cancelled: it never reaches `succeeded`, even long after.
    await advanceTime(60_000);
    expect(openaiMock).toHaveJobInStatus(JOB_ID, 'cancelled');
    expect(openaiMock.jobs.get(JOB_ID)?.fine_tuned_model).toBeNull();
    expect(openaiMock).toHaveReceivedRequest('POST', `/v1/fine_tuning/jobs/${JOB_ID}/cancel`);
  });
});

describe('FineTunePipeline.uploadDataset', () => {
  it('uploads one JSONL line per example and waits until the file is processed', async () => {
    let finished = false;
    const upload = makePipeline()
      .uploadDataset(examples)
      .then((file) => {
        finished = true;
        return file;
      });

    await advanceTime(1_000);
    expect(finished).toBe(false);
    expect(openaiMock.files.get(FILE_ID)?.status).toBe('uploaded');

    await advanceTime(2_000);
    expect(finished).toBe(true);
    const file = await upload;
    expect(file).toMatchObject({ id: FILE_ID, status: 'processed', purpose: 'fine-tune', filename: 'train.jsonl' });

    // The matcher also checks the file's text; asymmetric matchers work inside the partial.
    expect(openaiMock).toHaveUploadedFile({
      filename: expect.stringMatching(/\.jsonl$/),
      content: expect.stringContaining('Acme Rockets'),
    });
    const content = new TextDecoder().decode(openaiMock.files.content(FILE_ID));
    const lines = content.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(examples);
  });

  it('refuses an empty dataset without calling OpenAI', async () => {
    await expect(makePipeline().uploadDataset([])).rejects.toThrow('The training dataset is empty');

    expect(openaiMock).not.toHaveUploadedFile();
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock.requests).toHaveLength(0);
  });
});

describe('job lifecycle, as the pipeline sees it', () => {
  it('moves from validating_files to queued, running and succeeded at 2, 4 and 10 s', async () => {
    const upload = makePipeline().uploadDataset(examples);
    await advanceTime(3_000);
    const file = await upload;

    const job = await client.fineTuning.jobs.create({ model: BASE_MODEL, training_file: file.id, suffix: 'steps' });
    expect(job).toMatchObject({ id: JOB_ID, status: 'validating_files', fine_tuned_model: null });

    const statusAfter = async (ms: number): Promise<string> => {
      await advanceTime(ms);
      return (await client.fineTuning.jobs.retrieve(job.id)).status;
    };
    expect(await statusAfter(2_500)).toBe('queued'); // 2.5 s
    expect(await statusAfter(2_000)).toBe('running'); // 4.5 s
    expect(await statusAfter(5_000)).toBe('running'); // 9.5 s
    expect(await statusAfter(1_000)).toBe('succeeded'); // 10.5 s

    const done = await client.fineTuning.jobs.retrieve(job.id);
    expect(done.fine_tuned_model).toMatch(/^ft:gpt-4o-mini-2024-07-18:openai-mock:steps:[A-Za-z0-9]{8}$/);
    expect(openaiMock.jobs.size).toBe(1);

    // The new model is listed like any other once the job has succeeded.
    const model = await client.models.retrieve(done.fine_tuned_model ?? '');
    expect(model.id).toBe(done.fine_tuned_model);
  });
});
