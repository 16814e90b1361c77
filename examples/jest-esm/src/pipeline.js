/**
 * Fine-tunes a chat model on a list of examples with the official `openai` SDK:
 * upload a JSONL dataset, wait until OpenAI has processed it, start a job, poll the job until it
 * ends, and hand back the new model's name.
 *
 * Plain JavaScript (ES modules); the JSDoc types are checked by `npm run typecheck`.
 * Nothing here knows about tests. The tests in ../test run this exact code against openai-mock.
 */
import OpenAI, { toFile } from 'openai';

/** @typedef {OpenAI.FileObject} FileObject */
/** @typedef {OpenAI.FineTuning.FineTuningJob} FineTuningJob */

/**
 * One training conversation, in the chat format fine-tuning expects.
 * @typedef {{ messages: Array<{ role: 'system' | 'user' | 'assistant', content: string }> }} ChatExample
 */

/**
 * Examples to serialise, or a JSONL document you already have (e.g. read from disk).
 * @typedef {readonly ChatExample[] | string} TrainingData
 */

/**
 * @typedef {object} FineTuneRequest
 * @property {string} model The base model to fine-tune, e.g. `gpt-4o-mini-2024-07-18`.
 * @property {string} [suffix] Up to 64 characters that end up in the fine-tuned model's name.
 */

/**
 * @typedef {object} PipelineOptions
 * @property {number} [pollIntervalMs] How often to ask OpenAI whether the file and the job are done. Default 5 s.
 * @property {number} [maxWaitMs] Give up waiting for a job after this long. Default 2 h.
 * @property {(job: FineTuningJob) => void} [onProgress] Called with the job each time it is polled.
 */

/**
 * The client the app uses, built once when the module is imported. It reads OPENAI_API_KEY
 * (and OPENAI_BASE_URL, if set) from the environment, as the SDK does by default.
 */
export const client = new OpenAI();

/** A job that ended without producing a model. `job` is the last state OpenAI reported. */
export class FineTuneError extends Error {
  /**
   * @param {string} message
   * @param {FineTuningJob} job
   */
  constructor(message, job) {
    super(message);
    this.name = 'FineTuneError';
    /** @readonly */
    this.job = job;
  }
}

/** @type {ReadonlySet<FineTuningJob['status']>} */
const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

export class FineTunePipeline {
  /** @type {OpenAI} */
  #openai;
  /** @type {number} */
  #pollIntervalMs;
  /** @type {number} */
  #maxWaitMs;
  /** @type {((job: FineTuningJob) => void) | undefined} */
  #onProgress;

  /**
   * @param {OpenAI} [openai]
   * @param {PipelineOptions} [options]
   */
  constructor(openai = client, options = {}) {
    this.#openai = openai;
    this.#pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.#maxWaitMs = options.maxWaitMs ?? 2 * 60 * 60 * 1_000;
    this.#onProgress = options.onProgress;
  }

  /**
   * The whole flow: upload, start, wait. Resolves with the fine-tuned model's name.
   * @param {TrainingData} data
   * @param {FineTuneRequest} request
   * @returns {Promise<string>}
   */
  async run(data, request) {
    const job = await this.start(data, request);
    return this.waitForModel(job.id);
  }

  /**
   * Uploads the dataset and starts a job; does not wait for the job.
   * @param {TrainingData} data
   * @param {FineTuneRequest} request
   * @returns {Promise<FineTuningJob>}
   */
  async start(data, request) {
    const file = await this.uploadDataset(data);
    return this.#openai.fineTuning.jobs.create({
      model: request.model,
      training_file: file.id,
      ...(request.suffix === undefined ? {} : { suffix: request.suffix }),
    });
  }

  /**
   * Uploads the dataset as `train.jsonl` and waits until OpenAI has processed it.
   * @param {TrainingData} data
   * @returns {Promise<FileObject>}
   */
  async uploadDataset(data) {
    const jsonl = typeof data === 'string' ? data : toJsonl(data);
    if (jsonl.trim() === '') {
      throw new Error('The training dataset is empty: pass at least one example.');
    }
    const uploaded = await this.#openai.files.create({
      file: await toFile(Buffer.from(jsonl, 'utf8'), 'train.jsonl'),
      purpose: 'fine-tune',
    });
    const file = await this.#openai.files.waitForProcessing(uploaded.id, { pollInterval: this.#pollIntervalMs });
    if (file.status !== 'processed') {
      throw new Error(`OpenAI could not process ${file.filename} (${file.id}): status is '${file.status}'.`);
    }
    return file;
  }

  /**
   * Polls the job until it ends. Resolves with the model's name if it succeeded; rejects with a
   * {@link FineTuneError} saying why if it failed or was cancelled.
   * @param {string} jobId
   * @returns {Promise<string>}
   */
  async waitForModel(jobId) {
    const deadline = Date.now() + this.#maxWaitMs;
    let job = await this.#openai.fineTuning.jobs.retrieve(jobId);
    this.#onProgress?.(job);
    while (!TERMINAL.has(job.status)) {
      if (Date.now() >= deadline) {
        throw new FineTuneError(
          `Fine-tuning job ${job.id} is still '${job.status}' after ${this.#maxWaitMs} ms; it keeps running on OpenAI's side.`,
          job,
        );
      }
      await sleep(this.#pollIntervalMs);
      job = await this.#openai.fineTuning.jobs.retrieve(jobId);
      this.#onProgress?.(job);
    }
    return modelOf(job);
  }
}

/**
 * Serialises examples as JSON Lines: one example per line.
 * @param {readonly ChatExample[]} examples
 * @returns {string}
 */
export function toJsonl(examples) {
  return examples.map((example) => JSON.stringify(example)).join('\n') + (examples.length > 0 ? '\n' : '');
}

/**
 * @param {FineTuningJob} job
 * @returns {string}
 */
function modelOf(job) {
  if (job.status === 'failed') {
    const reason = job.error ? `${job.error.message} (${job.error.code})` : 'OpenAI gave no reason';
    throw new FineTuneError(`Fine-tuning job ${job.id} failed: ${reason}`, job);
  }
  if (job.status === 'cancelled') {
    throw new FineTuneError(`Fine-tuning job ${job.id} was cancelled before it produced a model.`, job);
  }
  if (!job.fine_tuned_model) {
    throw new FineTuneError(`Fine-tuning job ${job.id} succeeded but reported no fine_tuned_model.`, job);
  }
  return job.fine_tuned_model;
}

/**
 * A plain setTimeout, so fake timers in tests control it like any other timer.
 * @param {number} ms
 * @returns {Promise<void>}
 */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
