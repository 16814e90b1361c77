/**
 * openai-mock/factories: fishery factories for every API object the mock serves.
 *
 * - `build()` returns a plain object typed with the official SDK's types and touches no mock.
 * - `create()` stores the object in the active mock (the one `openai-mock/vitest` installs for
 *   the test file) and returns what the API answers for it, so the SDK reads it back. Objects
 *   the API never stores (embedding responses, chat completions, moderations) only `build()`.
 * - Traits are methods: `fineTuningJobFactory.running()`, `fileFactory.forBatch().error()`.
 * - Ids never collide with the mock's (`file-seed000001` against `file-mock000001`), and
 *   restart, like the mock's, on every reset (before each test with the Vitest entry).
 *   Fishery shares a sequence between a factory and every factory derived from it
 *   (traits, `.params()`), so `fileFactory.forBatch().build()` advances `fileFactory` too.
 * - Timestamps are deterministic, not read from a clock: the n-th object of a factory was
 *   created at `FACTORY_EPOCH + n * 60` (2025-01-01T00:00:00Z plus n minutes). Pass
 *   `created_at` to choose another moment.
 *
 * @example
 * import { fileFactory, fineTuningJobFactory } from 'openai-mock/factories';
 *
 * test('reports the fine-tuned model', async () => {
 *   const job = await fineTuningJobFactory.succeeded().create();
 *   expect(await report(job.id)).toContain(job.fine_tuned_model);
 * });
 */
export { FileFactory, fileFactory, defaultFileContent } from './file.js';
export type { FileObject, FileTransientParams } from './file.js';
export { FineTuningJobFactory, fineTuningJobFactory, invalidTrainingFileError } from './fine-tuning-job.js';
export type { FineTuningJob, FineTuningJobStatus, FineTuningJobTransientParams } from './fine-tuning-job.js';
export { FineTuningJobEventFactory, fineTuningJobEventFactory } from './fine-tuning-job-event.js';
export type { FineTuningJobEvent } from './fine-tuning-job-event.js';
export { FineTuningCheckpointFactory, fineTuningCheckpointFactory } from './fine-tuning-checkpoint.js';
export type { FineTuningCheckpointTransientParams, FineTuningJobCheckpoint } from './fine-tuning-checkpoint.js';
export { ModelFactory, modelFactory } from './model.js';
export type { Model, ModelTransientParams } from './model.js';
export { FACTORY_EPOCH } from './shared.js';
export { UploadFactory, uploadFactory } from './upload.js';
export type { Upload, UploadStatus, UploadTransientParams } from './upload.js';
export {
  BatchFactory,
  batchFactory,
  BatchOutputLineFactory,
  batchOutputLineFactory,
  BatchRequestFactory,
  batchRequestFactory,
  toJsonl,
} from './batch.js';
export type { Batch, BatchOutputLine, BatchRequestLine, BatchTransientParams } from './batch.js';
export {
  DEFAULT_EMBEDDING_INPUT,
  EmbeddingFactory,
  embeddingFactory,
  EmbeddingResponseFactory,
  embeddingResponseFactory,
} from './embedding.js';
export type {
  CreateEmbeddingResponse,
  Embedding,
  EmbeddingModelId,
  EmbeddingResponseTransientParams,
  EmbeddingTransientParams,
} from './embedding.js';
export { DEFAULT_MODERATION_INPUT, ModerationFactory, moderationFactory } from './moderation.js';
export type {
  ModerationCategory,
  ModerationCreateResponse,
  ModerationModel,
  ModerationTransientParams,
  ModerationVerdict,
} from './moderation.js';
export { ResponseFactory, responseFactory } from './response.js';
export type { Response, ResponseTransientParams } from './response.js';
export {
  ChatCompletionChunkFactory,
  chatCompletionChunkFactory,
  ChatCompletionFactory,
  chatCompletionFactory,
} from './chat-completion.js';
export type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionTransientParams,
  FactoryToolCall,
} from './chat-completion.js';
