/**
 * openai-mock: a stateful, in-memory OpenAI API for tests.
 *
 * The runner entries (`openai-mock/vitest`) install one mock per test file for you; use this
 * entry to build and install a mock by hand, or to reach the types.
 */
import { OpenAIMock } from './mock/openai-mock.js';
import type { OpenAIMockOptions } from './mock/config.js';
import { NockTransport } from './transport/nock.js';

/**
 * Builds a mock that intercepts requests to the OpenAI API with nock once installed.
 *
 * @example
 * const openaiMock = createOpenAIMock();
 * openaiMock.install();
 * const client = new OpenAI({ apiKey: 'test' });
 * await client.files.list(); // answered by the mock
 */
export function createOpenAIMock(options: OpenAIMockOptions = {}): OpenAIMock {
  return new OpenAIMock(options, () => new NockTransport());
}

export { OpenAIMock } from './mock/openai-mock.js';
export type {
  BatchesCollection,
  FilesCollection,
  HandleResult,
  JobsCollection,
  SeedApi,
  Transport,
} from './mock/openai-mock.js';
export type { ResponseObject } from './resources/responses/types.js';
export type { FetchFunction } from './transport/fetch.js';
export { OpenAIMockError } from './mock/errors.js';
export type { OpenAIMockErrorCode } from './mock/errors.js';
export type {
  BatchPhase,
  FineTuningPhase,
  OpenAIMockOptions,
  UnhandledRequest,
  UnhandledRequestStrategy,
} from './mock/config.js';
export type { ReadonlyCollection } from './mock/collection.js';
export type { RecordedRequest } from './mock/request-log.js';
export type { MockRequest, MockResponse } from './mock/request.js';
export type { LifecycleState, Transition } from './mock/lifecycle.js';
export type { FileObject, FilePurpose, FileStatus } from './resources/files/state.js';
export type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobEvent,
  FineTuningJobStatus,
} from './resources/fine-tuning/types.js';
export type { Model } from './resources/models/state.js';
export type { Upload, UploadStatus } from './resources/uploads/state.js';
export type {
  Batch,
  BatchError,
  BatchOutputLine,
  BatchRequestCounts,
  BatchStatus,
  BatchUsage,
} from './resources/batches/types.js';
export type {
  JsonSchema,
  Reply,
  ReplyFunction,
  ReplyMessage,
  ReplyObject,
  ReplyRequest,
  ReplySource,
  ReplyTool,
  ReplyToolChoice,
  ToolCallReply,
} from './resources/replies/types.js';
export { getActiveMock, setActiveMock } from './mock/active.js';
export { mockMode } from './runner/mode.js';
export type { MockMode } from './runner/mode.js';
