/**
 * The public `OpenAIMock`: a thin facade over the engine built with every resource of the
 * composition list. It is the one module outside `src/resources/` that imports resource code:
 * it takes the resources' collections, methods and seed entries onto the mock, and re-exports
 * their public types for the entries.
 */
import { getActive, setActive } from './engine/active.js';
import type { Clock } from './engine/clock.js';
import type { EngineConfig, EngineOptions } from './engine/config.js';
import { Engine } from './engine/engine.js';
import { OpenAIMockError } from './engine/errors.js';
import { checkNodeVersion } from './engine/node-version.js';
import type { FaultHandle, FaultKind, FaultOptionsByKind } from './engine/faults.js';
import {
  INSPECT_VARIABLE,
  resolveInspectDir,
  setInspectScope as setEngineInspectScope,
  writeFinalState as writeEngineFinalState,
  writeState,
  writeStateQuietly as writeEngineStateQuietly,
} from './engine/inspect.js';
import type { FaultsView } from './engine/pipeline.js';
import type { HandleResult, Transport } from './engine/port.js';
import type { RecordedRequest } from './engine/request-log.js';
import type { MockRequest } from './engine/request.js';
import type { RouteMethod } from './engine/router.js';
import { RESOURCES, type ResourceConfig, type ResourceOptions, type ResourceSeed, type ResourceSurface } from './resources/index.js';
import { createMockFetch, type FetchFunction } from './transport/fetch.js';

/** Every option of the mock: the engine's and each resource's slice. */
export interface OpenAIMockOptions extends EngineOptions, ResourceOptions {}

/** The options in force, with every default filled in. */
export interface ResolvedConfig extends EngineConfig, ResourceConfig {}

/**
 * Puts objects straight into the mock's state, as if they already existed in the account.
 * Seeded objects keep the status they are given. The factories' `create()` uses this.
 */
// A named interface (not an alias) so that editors and the declaration files show `SeedApi`.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SeedApi extends ResourceSeed {}

/** One endpoint the mock serves (see {@link OpenAIMock.routes}). */
export interface ServedRoute {
  readonly method: RouteMethod;
  /** Relative to `/v1`, with `{name}` segments for path parameters. */
  readonly path: string;
}

/** Each mock's engine, for the runner's inspection helpers below. */
const engines = new WeakMap<object, Engine>();

/**
 * A stateful, in-memory OpenAI API. It knows nothing of nock or the test runner: a transport
 * hands it {@link MockRequest}s and writes out what {@link OpenAIMock.handle} answers. Besides
 * the members below it carries what each resource of `src/resources/index.ts` puts on it: its
 * collection (`openaiMock.files`) and its methods (`openaiMock.replyWith`), typed from the list.
 *
 * @example
 * const openaiMock = createOpenAIMock({ files: { processingMs: 0 } });
 * openaiMock.install();
 * // ... run code that uses the OpenAI SDK ...
 * openaiMock.uninstall();
 */
// The interface adds what the resources put on the mock in the constructor; TypeScript cannot
// see properties defined there, so the class and the interface are merged on purpose.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface OpenAIMock extends ResourceSurface {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OpenAIMock {
  /** The mock's clock: statuses are computed from it. */
  readonly clock: Clock;
  /** See {@link SeedApi}. */
  readonly seed: SeedApi;
  readonly #engine: Engine;
  readonly #transportFactory: (() => Transport) | undefined;
  /** Built on first use of {@link fetch}. */
  #fetch: FetchFunction | undefined;
  #transport: Transport | null = null;

  constructor(options: OpenAIMockOptions = {}, transportFactory?: () => Transport) {
    const engine = new Engine(RESOURCES, options);
    this.#engine = engine;
    this.clock = engine.clock;
    const instances = engine.instances();
    for (const instance of instances) {
      if (instance.surface) Object.defineProperties(this, Object.getOwnPropertyDescriptors(instance.surface));
    }
    this.seed = Object.assign({}, ...instances.map((instance) => instance.seed ?? {})) as SeedApi;
    this.#transportFactory = transportFactory;
    engines.set(this, engine);
  }

  /** The options in force, with every default filled in. */
  get config(): ResolvedConfig {
    // The engine resolves every module's slice of the options: together they are a ResolvedConfig.
    return this.#engine.config as ResolvedConfig;
  }

  /**
   * Changes options from now on, merged over the current ones (nested objects merge too).
   * Objects that already exist keep the schedule they were created with. Configuration
   * survives {@link reset}; with the Vitest entry, each test file starts from the defaults.
   *
   * @example
   * openaiMock.configure({ files: { processingMs: 0 }, fineTuning: { minExamples: 10 } });
   */
  configure(options: OpenAIMockOptions): this {
    if (this.#engine.configure(options)) this.#transport?.refresh();
    return this;
  }

  /**
   * Goes back to the options the mock was created with (the defaults, with the Vitest entry),
   * undoing every {@link configure}. Call it in an `afterEach` when tests configure the mock
   * differently.
   */
  resetConfig(): this {
    if (this.#engine.resetConfig()) this.#transport?.refresh();
    return this;
  }

  /**
   * Makes requests fail the way the real API or the network fails them, until {@link reset}
   * (the runner entries reset before each test): a 429 with its retry and rate-limit headers, a
   * 5xx, a 408, a dropped connection, a request never answered (the client's timeout fires), or
   * an answer that comes `ms` later on the mock's clock. `route` picks the requests (every one
   * by default), `times` how many, `probability` and `seed` a share of them that is the same on
   * every run. A faulted request is logged in {@link requests} and changes nothing.
   *
   * @example
   * openaiMock.fault('rate-limit', { route: 'POST /v1/chat/completions', times: 2 });
   * openaiMock.fault('server-error', { status: 503, probability: 0.2, seed: 7 });
   * openaiMock.fault('latency', { ms: 2000 });
   */
  fault(kind: 'latency', options: FaultOptionsByKind['latency']): FaultHandle;
  fault<K extends Exclude<FaultKind, 'latency'>>(kind: K, options?: FaultOptionsByKind[K]): FaultHandle;
  fault(kind: FaultKind, options?: FaultOptionsByKind[FaultKind]): FaultHandle {
    return this.#engine.pipeline.fault(kind, options);
  }

  /** The faults set up since the last reset, and the requests they hold back. */
  get faults(): FaultsView {
    return this.#engine.pipeline.faults;
  }

  /**
   * Every endpoint this mock serves, in routing order: the method and the path relative to
   * `/v1`, with `{name}` for path parameters (`GET /files/{file_id}`). Anything else is answered
   * by `onUnhandledRequest`.
   *
   * @example
   * openaiMock.routes.some((r) => r.method === 'POST' && r.path === '/batches'); // true
   */
  get routes(): readonly ServedRoute[] {
    return this.#engine.router.routes.map(({ method, path }) => ({ method, path }));
  }

  /** Every request intercepted since the last {@link reset}, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#engine.pipeline.requests;
  }

  /** Requests being answered or delivered right now (`advanceTime` waits for them to finish). */
  get inFlight(): number {
    return this.#engine.pipeline.inFlight;
  }

  /**
   * For transports: marks a response as still on its way to the client until the returned
   * function is called (nock, for one, ends a response body on a later turn of the event loop).
   */
  beginDelivery(): () => void {
    return this.#engine.pipeline.beginDelivery();
  }

  /** Requests received since the mock was created (never reset). */
  get requestCount(): number {
    return this.#engine.pipeline.requestCount;
  }

  /**
   * A `fetch` that answers requests to the mock's base URLs directly from this mock: the fast
   * path, near the cost of a plain function call. Hand it to a client's `fetch` option
   * (`new OpenAI({ fetch: openaiMock.fetch })`). It needs no {@link install}; requests to other
   * hosts go to the global `fetch`.
   */
  get fetch(): FetchFunction {
    return (this.#fetch ??= createMockFetch(this.#engine.pipeline));
  }

  /** True between {@link install} and {@link uninstall}. */
  get installed(): boolean {
    return this.#transport !== null;
  }

  /** Starts intercepting requests to the configured OpenAI base URLs. Idempotent. */
  install(): this {
    if (this.#transport) {
      this.#transport.ensure();
      return this;
    }
    if (!this.#transportFactory) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_TRANSPORT',
        'This mock was built without a transport. Use createOpenAIMock() from "openai-mock", or call handle() yourself.',
      );
    }
    checkNodeVersion();
    const transport = this.#transportFactory();
    transport.install(this.#engine.pipeline);
    this.#transport = transport;
    return this;
  }

  /**
   * Stops intercepting. State is kept until {@link reset}; requests held back by a fault are let
   * go (delayed ones answered now, unanswered ones ended with a 408 the client does not retry).
   * Idempotent.
   */
  uninstall(): this {
    this.#transport?.uninstall();
    this.#transport = null;
    this.#engine.pipeline.releaseHeld();
    return this;
  }

  /**
   * Writes the mock's state to disk now (every resource's objects and files, the request log;
   * never a header or key) into `dir`, or the configured `inspectDir`, and returns the
   * directory written. With `inspectDir` set this also happens after every request, and the
   * runner entries do it after every test, in a folder per test file and test.
   *
   * @example
   * afterEach(() => openaiMock.writeState('.mock_state')); // look at it when a test fails
   */
  writeState(dir?: string): string {
    const root = dir === undefined ? this.#engine.config.inspectDir : resolveInspectDir(dir);
    if (root === null) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `writeState() needs a directory: pass one (openaiMock.writeState('.mock_state')), or set the inspectDir option or ${INSPECT_VARIABLE}.`,
      );
    }
    return writeState(this.#engine, root);
  }

  /**
   * Forgets every object, request and fault (requests a fault holds back are let go), restarts
   * the id sequences and drops any manual clock offset. Configuration and installation are kept.
   */
  reset(): this {
    this.#engine.reset();
    this.#transport?.ensure();
    return this;
  }

  /** Whether a request to this URL belongs to the mock (its origin is a configured base URL's). */
  intercepts(url: string): boolean {
    return this.#engine.pipeline.intercepts(url);
  }

  /**
   * Whether the mock would answer (rather than let through) a request with this method and URL;
   * for one it does not serve, this asks `onUnhandledRequest`. It keeps nothing for a later
   * {@link handle}: transports use the port's `claim()`, which gives each request its own decision.
   */
  willAnswer(method: string, url: string): boolean {
    return this.#engine.pipeline.willAnswer(method, url);
  }

  /** For transports: logs a request to an OpenAI origin that was let through to the network. */
  recordBypass(request: Pick<MockRequest, 'method' | 'url' | 'headers'>): void {
    this.#engine.pipeline.recordBypass(request);
  }

  /** Answers one request. Never throws: anything unexpected becomes a 500 in OpenAI's envelope. */
  handle(request: MockRequest): Promise<HandleResult> {
    return this.#engine.pipeline.handle(request);
  }
}

/** Makes `mock` the one that factories' `create()` and runner helpers act on. */
export function setActiveMock(mock: OpenAIMock | null): void {
  setActive(mock);
}

/** The mock the runner entry installed for the current test file. */
export function getActiveMock(): OpenAIMock {
  // Only setActiveMock() puts a mock there.
  return getActive() as OpenAIMock;
}

/**
 * For the runner entries: makes `mock` write its inspection state under
 * `<dir>/<test file>/<test name>/` from now on, or straight into `<dir>` with `null`.
 */
export function setInspectScope(mock: OpenAIMock, where: { testPath?: string | undefined; testName?: string | undefined } | null): void {
  const engine = engines.get(mock);
  if (engine) setEngineInspectScope(engine, where);
}

/** For the runner entries: the write at the end of a test (see `engine/inspect.ts`). */
export function writeFinalState(mock: OpenAIMock): void {
  const engine = engines.get(mock);
  if (engine) writeEngineFinalState(engine);
}

/** For the runner entries: writes the state now, warning once (never throwing) if it cannot. */
export function writeStateQuietly(mock: OpenAIMock, root: string): void {
  const engine = engines.get(mock);
  if (engine) writeEngineStateQuietly(engine, root);
}

// The resources' public types, for the entries (the one place outside src/resources/ that names them).
export type { BatchesCollection } from './resources/batches/collection.js';
export type { BatchPhase } from './resources/batches/options.js';
export type {
  BatchHoldPhase,
  BatchPlan,
  BatchPlanTarget,
  PlannedBatchError,
  PlannedRequestFailure,
} from './resources/batches/plan.js';
export type {
  Batch,
  BatchError,
  BatchOutputLine,
  BatchRequestCounts,
  BatchStatus,
  BatchUsage,
} from './resources/batches/types.js';
export type { EmbeddingScriptRequest, EmbeddingSource } from './resources/embeddings/state.js';
export type { FilesCollection } from './resources/files/collection.js';
export type { FilePlan, FilePlanTarget } from './resources/files/plan.js';
export type { FileObject, FilePurpose, FileStatus } from './resources/files/types.js';
export type { JobsCollection } from './resources/fine-tuning/collection.js';
export type { FineTuningPhase } from './resources/fine-tuning/options.js';
export type { JobFailurePoint, JobPlan, JobPlanTarget, PlannedJobError } from './resources/fine-tuning/plan.js';
export type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobEvent,
  FineTuningJobStatus,
} from './resources/fine-tuning/types.js';
export type { Model } from './resources/models/types.js';
export type { ModerationCategory, ModerationInputType } from './resources/moderations/categories.js';
export type { ModerationScriptRequest, ModerationSource } from './resources/moderations/state.js';
export type { Moderation, ModerationResponse } from './resources/moderations/types.js';
export type { ModerationOverride, ModerationVerdict } from './resources/moderations/verdict.js';
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
export type { ResponsesCollection } from './resources/responses/index.js';
export type { BackgroundPhase, PlannedResponseError, ResponsePlan, ResponsePlanTarget } from './resources/responses/plan.js';
export type { ResponseObject, ResponseStatus } from './resources/responses/types.js';
export type { UploadsCollection } from './resources/uploads/index.js';
export type { UploadPlan, UploadPlanTarget } from './resources/uploads/plan.js';
export type { Upload, UploadStatus } from './resources/uploads/types.js';
