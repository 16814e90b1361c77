/**
 * The one place where the factories (typed with the official SDK's types) meet the mock's
 * seeding API (typed with the mock's own). The shapes are the same objects on the wire; the
 * types differ only where the SDK marks optional what the mock always sends, or lacks a value
 * the API returns (`status: 'paused'`). Every conversion and cast lives here.
 */
import type { Batch } from 'openai/resources/batches';
import type { Response } from 'openai/resources/responses/responses';
import type { FileObject } from 'openai/resources/files';
import type { FineTuningJobCheckpoint } from 'openai/resources/fine-tuning/jobs/checkpoints';
import type { FineTuningJob, FineTuningJobEvent } from 'openai/resources/fine-tuning/jobs/jobs';
import type { Model } from 'openai/resources/models';
import { getActiveMock } from '../openai-mock.js';
import { OpenAIMockError } from '../engine/errors.js';
import type { Batch as MockBatch } from '../resources/batches/types.js';
import type { FileObject as MockFileObject } from '../resources/files/types.js';
import type { ResponseObject } from '../resources/responses/types.js';
import type {
  FineTuneMethod,
  FineTuningJob as MockFineTuningJob,
  FineTuningJobCheckpoint as MockCheckpoint,
  FineTuningJobEvent as MockEvent,
  Hyperparameters,
} from '../resources/fine-tuning/types.js';

/** Stores a file and its bytes in the active mock; returns the file as the API answers it. */
export function seedFile(file: FileObject, content: Uint8Array): FileObject {
  const mock = getActiveMock();
  if (file.expires_at !== undefined && file.expires_at * 1000 <= mock.clock.now()) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      `File '${file.id}' expires at ${file.expires_at} (${new Date(file.expires_at * 1000).toISOString()}), ` +
        `which is already past on the mock's clock, so the API would not show it. ` +
        `Pass an expires_at in the future (e.g. openaiMock.clock.nowSeconds() + 3600), or none.`,
    );
  }
  const object: MockFileObject = { ...file, status_details: file.status_details ?? null };
  return mock.seed.file(object, content) as unknown as FileObject;
}

/** Seeds each of these files the active mock does not hold yet (by id, first one wins). */
export function seedMissingFiles(files: readonly { file: FileObject; content: Uint8Array }[]): void {
  const mock = getActiveMock();
  for (const { file, content } of files) {
    if (mock.files.get(file.id) === undefined) seedFile(file, content);
  }
}

/**
 * Stores a job with its events (oldest first once sorted by `created_at`) and checkpoints
 * (sorted by step) in the active mock; returns the job as the API answers it.
 */
export function seedJob(
  job: FineTuningJob,
  events: readonly FineTuningJobEvent[],
  checkpoints: readonly FineTuningJobCheckpoint[],
): FineTuningJob {
  const hyperparameters = job.hyperparameters as Hyperparameters;
  const object: MockFineTuningJob = {
    ...job,
    hyperparameters,
    estimated_finish: job.estimated_finish ?? null,
    integrations: (job.integrations ?? null) as MockFineTuningJob['integrations'],
    metadata: job.metadata ?? null,
    method: (job.method ?? { type: 'supervised', supervised: { hyperparameters } }) as FineTuneMethod,
  };
  const mockEvents = [...events]
    .sort((a, b) => a.created_at - b.created_at)
    .map<MockEvent>((e) => ({
      ...e,
      type: e.type ?? 'message',
      data: (e.data ?? null) as MockEvent['data'],
    }));
  const mockCheckpoints: MockCheckpoint[] = [...checkpoints].sort((a, b) => a.step_number - b.step_number);
  const seeded = getActiveMock().seed.job(object, { events: mockEvents, checkpoints: mockCheckpoints });
  return seeded as unknown as FineTuningJob;
}

/** Adds a model to the active mock's `/v1/models`; returns it as the API answers it. */
export function seedModel(model: Model): Model {
  return getActiveMock().seed.model(model);
}

/** Stores a batch in the active mock; returns it as the API answers it. */
export function seedBatch(batch: Batch): Batch {
  const object: MockBatch = {
    ...batch,
    errors: batch.errors
      ? {
          object: 'list',
          data: (batch.errors.data ?? []).map((e) => ({
            code: e.code ?? '',
            message: e.message ?? '',
            param: e.param ?? null,
            line: e.line ?? null,
          })),
        }
      : null,
    output_file_id: batch.output_file_id ?? null,
    error_file_id: batch.error_file_id ?? null,
    in_progress_at: batch.in_progress_at ?? null,
    expires_at: batch.expires_at ?? null,
    finalizing_at: batch.finalizing_at ?? null,
    completed_at: batch.completed_at ?? null,
    failed_at: batch.failed_at ?? null,
    expired_at: batch.expired_at ?? null,
    cancelling_at: batch.cancelling_at ?? null,
    cancelled_at: batch.cancelled_at ?? null,
    request_counts: batch.request_counts ?? { total: 0, completed: 0, failed: 0 },
    usage: (batch.usage ?? {
      input_tokens: 0,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 0,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 0,
    }) as MockBatch['usage'],
    metadata: (batch.metadata ?? null) as MockBatch['metadata'],
  };
  return getActiveMock().seed.batch(object) as unknown as Batch;
}

/**
 * Stores a response in the active mock; returns it as the API answers it. The SDK's type adds
 * `output_text` (computed client-side) and lacks fields the API sends; both are reconciled here.
 */
export function seedResponse(response: Response): Response {
  const { output_text: _computed, ...wire } = response as Response & { access_programs?: unknown };
  delete (wire as { access_programs?: unknown }).access_programs;
  const object = {
    store: true,
    user: null,
    frequency_penalty: 0,
    presence_penalty: 0,
    ...wire,
  } as unknown as ResponseObject;
  const seeded = getActiveMock().seed.response(object);
  // What the SDK adds to every response it returns: the text of the output messages, joined.
  const outputText = seeded.output
    .flatMap((item) => (item.type === 'message' ? item.content : []))
    .flatMap((part) => (part.type === 'output_text' ? [part.text] : []))
    .join('');
  return { ...seeded, output_text: outputText } as unknown as Response;
}
