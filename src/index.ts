/**
 * openai-mock: a stateful, in-memory OpenAI API for tests.
 *
 * The runner entries (`openai-mock/vitest`) install one mock per test file for you; use this
 * entry to build and install a mock by hand, or to reach the types.
 */
import { OpenAIMock } from './openai-mock.js';
import type { OpenAIMockOptions } from './engine/config.js';
import { OpenAIMockError } from './engine/errors.js';
import { GlobalFetchTransport } from './transport/global-fetch.js';
import { NockTransport } from './transport/nock.js';

/**
 * How an installed mock catches requests:
 * - `'nock'` (default): nock, which reaches every client (`fetch`, `node:http`, axios, SDK 4),
 *   and lets your own nock stubs on OpenAI origins take precedence;
 * - `'fetch'`: the fast path for every fetch-based client: the global `fetch` is replaced by one
 *   that answers straight from the engine (some 20 times cheaper per request than nock); nock
 *   still serves the other clients. Install it before the code under test builds its clients.
 */
export type TransportName = 'nock' | 'fetch';

export interface CreateOpenAIMockOptions extends OpenAIMockOptions {
  /** See {@link TransportName}. Default `'nock'`. Fixed for the mock's life. */
  transport?: TransportName;
}

/**
 * Builds a mock that intercepts requests to the OpenAI API once installed.
 *
 * @example
 * const openaiMock = createOpenAIMock();
 * openaiMock.install();
 * const client = new OpenAI({ apiKey: 'test' });
 * await client.files.list(); // answered by the mock
 */
export function createOpenAIMock(options: CreateOpenAIMockOptions = {}): OpenAIMock {
  const { transport = 'nock', ...mockOptions } = options;
  if (transport === 'nock') return new OpenAIMock(mockOptions, () => new NockTransport());
  if (transport === 'fetch') return new OpenAIMock(mockOptions, () => new GlobalFetchTransport());
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_OPTION',
    `Option 'transport' is ${JSON.stringify(transport) ?? String(transport)}; it must be 'nock' (the default) or 'fetch'.`,
  );
}

export { OpenAIMock } from './openai-mock.js';
export type {
  BatchesCollection,
  FaultsView,
  FilesCollection,
  HandleResult,
  JobsCollection,
  SeedApi,
  ServedRoute,
  Transport,
} from './openai-mock.js';
export type {
  FaultHandle,
  FaultKind,
  FaultOptionsByKind,
  FaultRequest,
  FaultRoute,
  FaultTargeting,
  HttpFaultOptions,
  LatencyFaultOptions,
  RateLimitFaultOptions,
  RequestTimeoutFaultOptions,
  ServerErrorFaultOptions,
} from './engine/faults.js';
export type { RateLimitKind, RateLimits, ServerErrorStatus } from './engine/fault-responses.js';
export type { DroppedConnection, HeldAnswer } from './engine/held-answers.js';
export type { ResponseObject } from './resources/responses/types.js';
export type { FetchFunction } from './transport/fetch.js';
export { OpenAIMockError } from './engine/errors.js';
export type { OpenAIMockErrorCode } from './engine/errors.js';
export type {
  BatchPhase,
  FineTuningPhase,
  OpenAIMockOptions,
  TimingPreset,
  UnhandledRequest,
  UnhandledRequestStrategy,
} from './engine/config.js';
export type {
  BatchHoldPhase,
  BatchPlan,
  BatchPlanTarget,
  FilePlan,
  FilePlanTarget,
  JobFailurePoint,
  JobPlan,
  JobPlanTarget,
  PlannedBatchError,
  PlannedJobError,
  PlannedRequestFailure,
} from './engine/scenario.js';
export type { EmbeddingScriptRequest, EmbeddingSource } from './resources/embeddings/script.js';
export type { ReadonlyCollection } from './engine/collection.js';
export type { RecordedRequest } from './engine/request-log.js';
export type { MockRequest, MockResponse } from './engine/request.js';
export type { LifecycleState, Transition } from './engine/lifecycle.js';
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
export { getActiveMock, setActiveMock } from './engine/active.js';
export { mockMode } from './runner/mode.js';
export type { MockMode } from './runner/mode.js';
