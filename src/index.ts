/**
 * openai-mock: a stateful, in-memory OpenAI API for tests.
 *
 * The runner entries (`openai-mock/vitest`) install one mock per test file for you; use this
 * entry to build and install a mock by hand, or to reach the types.
 */
import { OpenAIMock } from './openai-mock.js';
import type { OpenAIMockOptions } from './openai-mock.js';
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

export { getActiveMock, OpenAIMock, setActiveMock } from './openai-mock.js';
export type {
  BackgroundPhase,
  Batch,
  BatchError,
  BatchesCollection,
  BatchHoldPhase,
  BatchOutputLine,
  BatchPhase,
  BatchPlan,
  BatchPlanTarget,
  BatchRequestCounts,
  BatchStatus,
  BatchUsage,
  EmbeddingScriptRequest,
  EmbeddingSource,
  FileObject,
  FilePlan,
  FilePlanTarget,
  FilePurpose,
  FilesCollection,
  FileStatus,
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobEvent,
  FineTuningJobStatus,
  FineTuningPhase,
  JobFailurePoint,
  JobPlan,
  JobPlanTarget,
  JobsCollection,
  JsonSchema,
  Model,
  Moderation,
  ModerationCategory,
  ModerationInputType,
  ModerationOverride,
  ModerationResponse,
  ModerationScriptRequest,
  ModerationSource,
  ModerationVerdict,
  OpenAIMockOptions,
  PlannedBatchError,
  PlannedJobError,
  PlannedRequestFailure,
  PlannedResponseError,
  Reply,
  ReplyFunction,
  ReplyMessage,
  ReplyObject,
  ReplyRequest,
  ReplySource,
  ReplyTool,
  ReplyToolChoice,
  ResolvedConfig,
  ResponseObject,
  ResponsePlan,
  ResponsePlanTarget,
  ResponsesCollection,
  ResponseStatus,
  SeedApi,
  ServedRoute,
  ToolCallReply,
  Upload,
  UploadPlan,
  UploadPlanTarget,
  UploadsCollection,
  UploadStatus,
} from './openai-mock.js';
export type { FaultsView } from './engine/pipeline.js';
export type { HandleResult, Transport } from './engine/port.js';
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
export type { FetchFunction } from './transport/fetch.js';
export { OpenAIMockError } from './engine/errors.js';
export type { OpenAIMockErrorCode } from './engine/errors.js';
export type { TimingPreset, UnhandledRequest, UnhandledRequestStrategy } from './engine/config.js';
export type { ReadonlyCollection, TimedCollection } from './engine/collection.js';
export type { RecordedRequest } from './engine/request-log.js';
export type { MockRequest, MockResponse } from './engine/request.js';
export type { LifecycleState, Transition } from './engine/lifecycle.js';
export { mockMode } from './runner/mode.js';
export type { MockMode } from './runner/mode.js';
