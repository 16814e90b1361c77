import { ApiError } from './engine/api-error.js';
import { Clock } from './engine/clock.js';
import { collection, type ReadonlyCollection } from './engine/collection.js';
import {
  matchBaseURL,
  resolveConfig,
  type OpenAIMockOptions,
  type ResolvedConfig,
  type UnhandledRequest,
} from './engine/config.js';
import type { MockContext } from './engine/context.js';
import { OpenAIMockError } from './engine/errors.js';
import { connectionResetError } from './engine/fault-responses.js';
import {
  FaultRegistry,
  type FaultHandle,
  type FaultKind,
  type FaultOptionsByKind,
  type FaultSelection,
} from './engine/faults.js';
import { HeldAnswers, type DroppedConnection, type HeldAnswer } from './engine/held-answers.js';
import { IdGenerator } from './engine/ids.js';
import { INSPECT_VARIABLE, resolveInspectDir, writeState, writeStateQuietly } from './engine/inspect.js';
import { queryObject, redactHeaders, type RecordedRequest } from './engine/request-log.js';
import { loggableBody, parseBody, type MockRequest, type MockResponse, type ParsedBody } from './engine/request.js';
import { Router, type HttpMethod, type Reply, type RouteMatch } from './engine/router.js';
import { describeUnhandled, isKnownOpenAIRoute } from './engine/unhandled.js';
import { FilesState, type FileObject } from './resources/files/state.js';
import { fileRoutes } from './resources/files/routes.js';
import { JobsState } from './resources/fine-tuning/state.js';
import { fineTuningRoutes } from './resources/fine-tuning/routes.js';
import type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobEvent,
  FineTuningJobStatus,
} from './resources/fine-tuning/types.js';
import { ModelsState, type Model } from './resources/models/state.js';
import type { LifecycleState } from './engine/lifecycle.js';
import { runGlobalResetHooks } from './engine/active.js';
import { modelRoutes } from './resources/models/routes.js';
import { embeddingRoutes } from './resources/embeddings/routes.js';
import { EmbeddingScript, type EmbeddingSource } from './resources/embeddings/script.js';
import type { BatchPlan, FilePlan, JobPlan, PlannedJobError } from './engine/scenario.js';
import { UploadsState, type Upload } from './resources/uploads/state.js';
import { uploadRoutes } from './resources/uploads/routes.js';
import { Replies } from './resources/replies/replies.js';
import type { ReplySource } from './resources/replies/types.js';
import { chatRoutes } from './resources/chat/routes.js';
import { ResponsesState } from './resources/responses/state.js';
import type { ConversationItem, ResponseObject } from './resources/responses/types.js';
import { responseRoutes } from './resources/responses/routes.js';
import { BatchesState, type LineAnswer } from './resources/batches/state.js';
import { batchRoutes } from './resources/batches/routes.js';
import { createMockFetch, type FetchFunction } from './transport/fetch.js';
import type { Batch, BatchStatus } from './resources/batches/types.js';

/** A transport: something that delivers intercepted requests to an {@link OpenAIMock}. */
export interface Transport {
  install(mock: OpenAIMock): void;
  uninstall(): void;
  /** Re-arms the interception if something (such as `nock.cleanAll()`) removed it. */
  ensure(): void;
  /** Re-reads the mock's base URLs (after `configure()` changed them). */
  refresh(): void;
}

/**
 * The engine's answer to a request: a response; "let it through to the network"; or, when a
 * fault hits it, a dropped connection or an answer held back (delayed, or never given).
 */
export type HandleResult = MockResponse | { readonly bypass: true } | DroppedConnection | HeldAnswer;

const encoder = new TextEncoder();

/**
 * A stateful, in-memory OpenAI API. It knows nothing of nock or the test runner: a transport
 * hands it {@link MockRequest}s and writes out what {@link OpenAIMock.handle} answers.
 *
 * @example
 * const openaiMock = createOpenAIMock({ files: { processingMs: 0 } });
 * openaiMock.install();
 * // ... run code that uses the OpenAI SDK ...
 * openaiMock.uninstall();
 */
export class OpenAIMock {
  readonly clock = new Clock();
  readonly #initialOptions: OpenAIMockOptions;
  #options: OpenAIMockOptions;
  #config: ResolvedConfig;
  readonly #ids = new IdGenerator();
  readonly #router = new Router();
  readonly #requests: RecordedRequest[] = [];
  readonly #files: FilesState;
  readonly #jobs: JobsState;
  readonly #models: ModelsState;
  readonly #uploads: UploadsState;
  readonly #replies: Replies;
  readonly #responses: ResponsesState;
  readonly #batches: BatchesState;
  readonly #embeddings = new EmbeddingScript();
  readonly #transportFactory: (() => Transport) | undefined;
  /** Built on first use of {@link fetch}. */
  #fetch: FetchFunction | undefined;
  #transport: Transport | null = null;
  #inFlight = 0;
  #deliveries = 0;
  /** onUnhandledRequest decisions made by willAnswer(), waiting for handle() to use them. */
  readonly #decisions = new Map<string, 'error' | 'warn'>();
  #requestCount = 0;
  /**
   * Where the last request looked up goes. A transport asks {@link willAnswer} and then
   * {@link handle} about the same request: the URL is parsed and routed once for both.
   */
  #lastRoute: { readonly method: string; readonly href: string; readonly config: ResolvedConfig; readonly route: ResolvedRoute } | null = null;
  readonly #faults = new FaultRegistry();
  readonly #held: HeldAnswers;

  /** Files as the API would list them now (deleted and expired ones are gone). */
  readonly files: FilesCollection;
  /** Fine-tuning jobs, each as `GET /v1/fine_tuning/jobs/{id}` would return it now. */
  readonly jobs: JobsCollection;
  /** Batches, each as `GET /v1/batches/{id}` would return it now. */
  readonly batches: BatchesCollection;
  /** Stored responses (Responses API), each as `GET /v1/responses/{id}` would return it now. */
  readonly responses: ReadonlyCollection<ResponseObject>;
  /** Models as `GET /v1/models` would list them now. */
  readonly models: ReadonlyCollection<Model>;
  /** Uploads (the large-file API), each as the uploads endpoints would return it now. */
  readonly uploads: ReadonlyCollection<Upload>;
  /**
   * Puts objects straight into the mock's state, as if they already existed in the account.
   * Seeded objects keep the status they are given. The factories' `create()` uses this.
   */
  readonly seed: SeedApi;

  constructor(options: OpenAIMockOptions = {}, transportFactory?: () => Transport) {
    this.#initialOptions = options;
    this.#options = options;
    this.#config = resolveConfig(options);
    const ctx: MockContext = {
      clock: this.clock,
      ids: this.#ids,
      config: () => this.#config,
    };
    this.#files = new FilesState(ctx);
    this.#models = new ModelsState(ctx);
    const modelExists = (id: string): boolean => this.#models.find(id) !== undefined;
    this.#jobs = new JobsState(ctx, this.#files, modelExists);
    this.#models.attach(this.#jobs);
    this.#uploads = new UploadsState(ctx, this.#files);
    this.#replies = new Replies(ctx);
    this.#responses = new ResponsesState(ctx);
    this.#batches = new BatchesState(ctx, this.#files, modelExists, (path, body, customId) =>
      this.#answerLine(path, body, customId),
    );
    this.#router.add(
      ...fileRoutes(this.#files),
      ...fineTuningRoutes(this.#jobs),
      ...modelRoutes(this.#models),
      ...embeddingRoutes(ctx, this.#embeddings),
      ...uploadRoutes(this.#uploads),
      ...chatRoutes(ctx, this.#replies, this.#models),
      ...responseRoutes(ctx, this.#responses, this.#replies, this.#models),
      ...batchRoutes(this.#batches),
    );
    const settled = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A): R => {
      this.#settle();
      return fn(...args);
    };
    this.files = Object.assign(
      collection(settled(() => this.#files.ids()), settled((id: string) => this.#files.find(id))),
      {
        content: settled((id: string) => this.#files.bytesOf(id)),
        uploads: settled(() => this.#files.uploads()),
        plan: (plan: FilePlan) => {
          this.#files.plan(plan);
        },
        step: (id: string) => this.#files.step(id),
      },
    );
    this.jobs = Object.assign(
      collection(() => this.#jobs.ids(), (id: string) => this.#jobs.find(id)),
      {
        lifecycle: (id: string) => this.#jobs.lifecycle(id),
        events: (id: string) => (this.#jobs.find(id) ? this.#jobs.events(id) : undefined),
        checkpoints: (id: string) => (this.#jobs.find(id) ? this.#jobs.checkpoints(id) : undefined),
        plan: (plan: JobPlan) => {
          this.#jobs.plan(plan);
        },
        step: settled((id: string) => this.#jobs.step(id)),
        fail: settled((id: string, error: PlannedJobError) => this.#jobs.fail(id, error)),
      },
    );
    this.batches = Object.assign(
      collection(() => this.#batches.ids(), (id: string) => this.#batches.find(id)),
      {
        lifecycle: (id: string) => this.#batches.lifecycle(id),
        plan: (plan: BatchPlan) => {
          this.#batches.plan(plan);
        },
        step: settled((id: string) => this.#batches.step(id)),
        expire: settled((id: string) => this.#batches.expire(id)),
      },
    );
    this.responses = collection(
      () => this.#responses.ids(),
      (id: string) => this.#responses.find(id),
    );
    this.models = collection(
      () => this.#models.list().map((m) => m.id),
      (id: string) => this.#models.find(id),
    );
    this.uploads = collection(
      () => this.#uploads.ids(),
      (id: string) => this.#uploads.find(id),
    );
    this.seed = {
      file: (object, content = '') =>
        this.#files.seed(object, typeof content === 'string' ? encoder.encode(content) : content),
      job: (object, extras) => this.#jobs.seed(object, extras),
      model: (object) => this.#models.seed(object),
      upload: (object) => this.#uploads.seed(object),
      batch: (object) => this.#batches.seed(object),
      response: (object, inputItems) => this.#responses.seed(object, inputItems),
    };
    this.#transportFactory = transportFactory;
    this.#held = new HeldAnswers(this.clock);
  }

  /** The options in force, with every default filled in. */
  get config(): ResolvedConfig {
    return this.#config;
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
    const merged: OpenAIMockOptions = {
      ...this.#options,
      ...options,
      organization: { ...this.#options.organization, ...options.organization },
      files: { ...this.#options.files, ...options.files },
      fineTuning: {
        ...this.#options.fineTuning,
        ...options.fineTuning,
        timings: { ...this.#options.fineTuning?.timings, ...options.fineTuning?.timings },
      },
      batches: {
        ...this.#options.batches,
        ...options.batches,
        timings: { ...this.#options.batches?.timings, ...options.batches?.timings },
      },
    };
    if (this.#setOptions(merged)) this.#transport?.refresh();
    return this;
  }

  /** Puts options in force; true if the base URLs changed. */
  #setOptions(options: OpenAIMockOptions): boolean {
    const config = resolveConfig(options);
    const originsChanged =
      config.baseURLs.map((u) => u.href).join() !== this.#config.baseURLs.map((u) => u.href).join();
    this.#options = options;
    this.#config = config;
    return originsChanged;
  }

  /**
   * Sets what the model replies (Chat Completions, Responses, and their batch lines) from now
   * on, until {@link reset}: text, a {@link ReplyObject} (tool calls, refusal, finish reason),
   * or a function of the request. Replies queued with {@link replyOnce} go first.
   *
   * @example
   * openaiMock.replyWith('Paris');
   * openaiMock.replyWith((req) => (req.lastUserMessage.includes('weather') ? 'Sunny' : undefined));
   */
  replyWith(reply: ReplySource): this {
    this.#replies.always(reply);
    return this;
  }

  /**
   * Queues replies used once each, in order (one per choice when `n` > 1), before the one set
   * with {@link replyWith} or the default.
   *
   * @example
   * openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }, 'It is sunny.');
   */
  replyOnce(...replies: ReplySource[]): this {
    this.#replies.once(replies);
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
    return this.#faults.add(kind, options);
  }

  /** The faults set up since the last reset, and the requests they hold back. */
  get faults(): FaultsView {
    return {
      list: () => this.#faults.list(),
      held: this.#held.size,
      clear: () => {
        this.#faults.clear();
        this.#held.releaseAll();
      },
    };
  }

  /**
   * Scripts the vectors `POST /v1/embeddings` (and batch lines sent to it) answers with from now
   * on, until {@link reset}: an object mapping input texts to vectors, or a function of each
   * input returning its vector. Inputs left unscripted get the mock's deterministic vectors. A
   * vector must have as many numbers as the request's dimensions; it is sent as given (as
   * numbers or as base64, per `encoding_format`), not normalized.
   *
   * @example
   * openaiMock.embedWith({ 'cats': [1, 0, 0], 'dogs': [0, 1, 0] }); // with dimensions: 3
   * openaiMock.embedWith((input, { dimensions }) => (input === 'empty' ? new Array(dimensions).fill(0) : undefined));
   */
  embedWith(source: EmbeddingSource): this {
    this.#embeddings.set(source);
    return this;
  }

  /** One-shot replies queued with {@link replyOnce} that no request has used yet. */
  get pendingReplies(): number {
    return this.#replies.pending;
  }

  /**
   * Goes back to the options the mock was created with (the defaults, with the Vitest entry),
   * undoing every {@link configure}. Call it in an `afterEach` when tests configure the mock
   * differently.
   */
  resetConfig(): this {
    const originsChanged = this.#setOptions(this.#initialOptions);
    if (originsChanged) this.#transport?.refresh();
    return this;
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
    return this.#router.routes.map(({ method, path }) => ({ method, path }));
  }

  /** Every request intercepted since the last {@link reset}, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** Requests being answered or delivered right now (`advanceTime` waits for them to finish). */
  get inFlight(): number {
    return this.#inFlight + this.#deliveries;
  }

  /**
   * For transports: marks a response as still on its way to the client until the returned
   * function is called (nock, for one, ends a response body on a later turn of the event loop).
   */
  beginDelivery(): () => void {
    this.#deliveries += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#deliveries -= 1;
    };
  }

  /** Requests received since the mock was created (never reset). */
  get requestCount(): number {
    return this.#requestCount;
  }

  /**
   * A `fetch` that answers requests to the mock's base URLs directly from this mock: the fast
   * path, near the cost of a plain function call. Hand it to a client's `fetch` option
   * (`new OpenAI({ fetch: openaiMock.fetch })`). It needs no {@link install}; requests to other
   * hosts go to the global `fetch`.
   */
  get fetch(): FetchFunction {
    return (this.#fetch ??= createMockFetch(this));
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
    const transport = this.#transportFactory();
    transport.install(this);
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
    this.#held.releaseAll();
    return this;
  }

  /**
   * Writes the mock's state to disk now (input and output files, file, batch and job metadata,
   * the request log; never a header or key) into `dir`, or the configured `inspectDir`, and
   * returns the directory written. With `inspectDir` set this also happens after every request,
   * and the runner entries do it after every test, in a folder per test file and test.
   *
   * @example
   * afterEach(() => openaiMock.writeState('.mock_state')); // look at it when a test fails
   */
  writeState(dir?: string): string {
    const root = dir === undefined ? this.#config.inspectDir : resolveInspectDir(dir);
    if (root === null) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `writeState() needs a directory: pass one (openaiMock.writeState('.mock_state')), or set the inspectDir option or ${INSPECT_VARIABLE}.`,
      );
    }
    return writeState(this, root);
  }

  /**
   * Forgets every object, request and fault (requests a fault holds back are let go), restarts
   * the id sequences and drops any manual clock offset. Configuration and installation are kept.
   */
  reset(): this {
    this.#requests.length = 0;
    this.#decisions.clear();
    this.#ids.reset();
    this.clock.reset();
    this.#files.reset();
    this.#jobs.reset();
    this.#models.reset();
    this.#uploads.reset();
    this.#replies.reset();
    this.#embeddings.reset();
    this.#responses.reset();
    this.#batches.reset();
    this.#faults.clear();
    this.#held.releaseAll();
    runGlobalResetHooks();
    this.#transport?.ensure();
    return this;
  }

  /** Whether a request to this URL belongs to the mock (its origin is a configured base URL's). */
  intercepts(url: string): boolean {
    return this.#interceptsOrigin(new URL(url).origin);
  }

  #interceptsOrigin(origin: string): boolean {
    return this.#config.baseURLs.some((base) => base.origin === origin);
  }

  /**
   * Whether the mock will answer (rather than let through) a request with this method and URL.
   * For a request it does not serve, this consults `onUnhandledRequest` once; `handle()` then
   * reuses that decision instead of asking the callback again.
   */
  willAnswer(method: string, url: string): boolean {
    const route = this.#route(method, url);
    if (!this.#interceptsOrigin(route.url.origin)) return false;
    if (route.match?.kind === 'found') return true;
    const strategy = this.#unhandledStrategy(method, url);
    if (strategy !== 'bypass') this.#decisions.set(`${method} ${url}`, strategy);
    return strategy !== 'bypass';
  }

  /** For transports: logs a request to an OpenAI origin that was let through to the network. */
  recordBypass(request: Pick<MockRequest, 'method' | 'url' | 'headers'>): void {
    this.#record(request, new URL(request.url), null, 0, null, this.clock.now());
  }

  #record(
    request: Pick<MockRequest, 'method' | 'url' | 'headers'>,
    url: URL,
    body: unknown,
    status: number,
    requestId: string | null,
    at: number,
    fault?: FaultKind,
  ): void {
    this.#requests.push({
      method: request.method,
      path: url.pathname,
      query: queryObject(url.searchParams),
      headers: redactHeaders(request.headers),
      body,
      status,
      requestId,
      at,
      ...(fault ? { fault } : {}),
    });
  }

  /** Answers one request. Never throws: anything unexpected becomes a 500 in OpenAI's envelope. */
  async handle(request: MockRequest): Promise<HandleResult> {
    this.#inFlight += 1;
    this.#requestCount += 1;
    try {
      const result = await this.#handle(request);
      if (this.#config.inspectDir !== null) writeStateQuietly(this, this.#config.inspectDir);
      return result;
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #handle(request: MockRequest): Promise<HandleResult> {
    const requestId = this.#ids.next('req_');
    const { url, relative, match } = this.#route(request.method, request.url);
    const at = this.clock.now();
    const body = await parseBody(request);
    const record = (status: number, id: string | null, fault?: FaultKind): void => {
      this.#record(request, url, loggableBody(body), status, id, at, fault);
    };
    const fault = this.#fault(request, url, body, requestId, record);
    if ('result' in fault) return fault.result;

    if (!match || match.kind !== 'found') {
      const key = `${request.method} ${request.url}`;
      const strategy = this.#decisions.get(key) ?? this.#unhandledStrategy(request.method, request.url);
      this.#decisions.delete(key);
      if (strategy === 'bypass') {
        record(0, null);
        return { bypass: true };
      }
      const error =
        match?.kind === 'wrong-method'
          ? new ApiError(405, `Method not allowed (${request.method} ${url.pathname})`)
          : unhandledError(request.method, url.pathname, relative);
      if (strategy === 'warn') console.warn(`[openai-mock] ${error.message}`);
      record(error.status, requestId);
      return errorResponse(error, requestId, { 'x-should-retry': 'false' });
    }

    let response: MockResponse;
    try {
      checkApiKey(request);
      this.#settle();
      const reply = await match.route.handler({ request, params: match.params, query: url.searchParams, body });
      response = replyResponse(reply, requestId);
    } catch (error) {
      if (error instanceof ApiError) {
        response = errorResponse(error, requestId);
      } else if (error instanceof OpenAIMockError) {
        // The test set the mock up wrongly (a bad scripted reply): say so, and do not retry.
        response = errorResponse(new ApiError(500, error.message, 'server_error', null, error.code), requestId, {
          'x-should-retry': 'false',
        });
      } else {
        const detail = error instanceof Error ? error.message : String(error);
        response = errorResponse(
          new ApiError(500, `openai-mock failed while handling ${request.method} ${url.pathname}: ${detail}. This is a bug in openai-mock; please report it.`, 'server_error'),
          requestId,
          { 'x-should-retry': 'false' },
        );
      }
    }
    record(response.status, requestId, fault.delayMs === null ? undefined : 'latency');
    return fault.delayMs === null ? response : this.#held.hold(response, fault.delayMs);
  }

  /**
   * The faults that hit this request: either its whole answer (already logged), or the delay
   * to put on the normal answer. A faulted request never reaches a route, so it changes nothing.
   */
  #fault(
    request: MockRequest,
    url: URL,
    body: ParsedBody,
    requestId: string,
    record: (status: number, id: string | null, fault?: FaultKind) => void,
  ): { result: HandleResult } | { delayMs: number | null } {
    // The usual case, no fault set up: nothing to build the fault's view of the request for.
    if (this.#faults.empty) return { delayMs: null };
    let selection: FaultSelection;
    try {
      const faultRequest = { method: request.method, path: url.pathname, query: queryObject(url.searchParams), body: loggableBody(body) };
      selection = this.#faults.select(faultRequest, { organizationId: this.#config.organization.id });
    } catch (error) {
      if (!(error instanceof OpenAIMockError)) throw error;
      // A route predicate threw: the test set the fault up wrongly. Say so, and do not retry.
      record(500, requestId);
      const apiError = new ApiError(500, error.message, 'server_error', null, error.code);
      return { result: errorResponse(apiError, requestId, { 'x-should-retry': 'false' }) };
    }
    const { effect, delayMs } = selection;
    if (effect === null) return { delayMs };
    if (!('answer' in effect)) {
      record(0, requestId, effect.kind);
      return { result: effect.kind === 'timeout' ? this.#held.hold(releasedResponse(requestId), Infinity) : { dropped: connectionResetError() } };
    }
    record(effect.answer.status, requestId, effect.kind);
    const response: MockResponse = {
      status: effect.answer.status,
      headers: { ...baseHeaders(requestId), ...effect.answer.headers },
      body: encoder.encode(JSON.stringify(effect.answer.body)),
    };
    return { result: delayMs === null ? response : this.#held.hold(response, delayMs) };
  }

  /** Makes what finished jobs and batches leave behind (results, output and error files) exist. */
  #settle(): void {
    this.#jobs.settle();
    this.#batches.settle();
  }

  /**
   * Answers one line of a batch with the route that serves its endpoint, as if it had been
   * sent on its own (but without the request log, the API-key check or a transport).
   */
  #answerLine(path: string, body: Record<string, unknown>, customId: string): LineAnswer {
    const requestId = this.#ids.next('req_');
    const match = this.#router.match('POST', path);
    if (match.kind !== 'found') {
      return { status: 404, body: new ApiError(404, `Invalid URL (POST /v1${path})`).toJSON(), requestId };
    }
    const base = this.config.baseURLs[0]!.href.replace(/\/$/, '');
    const request: MockRequest = {
      method: 'POST',
      url: `${base}${path}`,
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(0),
    };
    try {
      const reply = match.route.handler({
        request,
        params: match.params,
        query: new URLSearchParams(),
        body: { kind: 'json', value: body },
        batch: { customId },
      });
      if (reply instanceof Promise || 'bytes' in reply) {
        throw new Error(`the handler of POST ${path} cannot answer a batch line (it must return JSON synchronously)`);
      }
      return { status: reply.status ?? 200, body: reply.json, requestId };
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: error.toJSON(), requestId };
      throw error;
    }
  }

  /** The request's parsed URL, its path under the base URL it was sent to, and its route. */
  #route(method: string, href: string): ResolvedRoute {
    const last = this.#lastRoute;
    if (last !== null && last.href === href && last.method === method && last.config === this.#config) return last.route;
    const url = new URL(href);
    const target = matchBaseURL(this.#config, url);
    const relative = target ? target.relative : null;
    const route: ResolvedRoute = { url, relative, match: relative === null ? null : this.#router.match(method, relative) };
    this.#lastRoute = { method, href, config: this.#config, route };
    return route;
  }

  #unhandledStrategy(method: string, url: string): 'error' | 'warn' | 'bypass' {
    const strategy = this.config.onUnhandledRequest;
    if (typeof strategy !== 'function') return strategy;
    const parsed = new URL(url);
    const request: UnhandledRequest = { method, url, path: parsed.pathname };
    return strategy(request) ?? 'error';
  }
}

/** Where a request goes: see `OpenAIMock.#route`. */
interface ResolvedRoute {
  readonly url: URL;
  /** The path under the matching base URL (`/files/file-1`), or null for another origin or path. */
  readonly relative: string | null;
  readonly match: RouteMatch | null;
}

/** One endpoint the mock serves (see {@link OpenAIMock.routes}). */
export interface ServedRoute {
  readonly method: HttpMethod;
  /** Relative to `/v1`, with `{name}` segments for path parameters. */
  readonly path: string;
}

/** `openaiMock.faults`: the faults set up since the last reset. */
export interface FaultsView {
  /** Every fault set up since the last reset, in order, with its `hits` and `remaining`. */
  list(): readonly FaultHandle[];
  /** Requests held back now: delayed by a `latency` fault, or never answered (`timeout`). */
  readonly held: number;
  /** Removes every fault, and lets held requests go (as {@link OpenAIMock.reset} does). */
  clear(): void;
}

/** `openaiMock.files`: the collection, plus the bytes of a file and the history of uploads. */
export interface FilesCollection extends ReadonlyCollection<FileObject> {
  /** The bytes of a file, whatever its purpose (undefined if it does not exist now). */
  content(id: string): Uint8Array | undefined;
  /** Every file the code under test uploaded, deleted ones included, oldest first. */
  uploads(): { file: FileObject; deleted: boolean; content: Uint8Array }[];
  /**
   * Plans how files the code under test uploads (directly or through Uploads) get processed:
   * their processing time, a hold until {@link step}, or read-counted progression. The first
   * plan whose `match` accepts a new file applies to it; plans last until reset.
   *
   * @example
   * openaiMock.files.plan({ match: (f) => f.purpose === 'batch', hold: true });
   */
  plan(plan: FilePlan): void;
  /** Ends a file's `uploaded` phase now: it is `processed`. Returns the file as it now is. */
  step(id: string): FileObject;
}

/** `openaiMock.jobs`: the collection, plus each job's lifecycle, events and checkpoints. */
export interface JobsCollection extends ReadonlyCollection<FineTuningJob> {
  /** Status now, since when, what comes next and when, and the history so far. */
  lifecycle(id: string): LifecycleState<FineTuningJobStatus> | undefined;
  /** Events newest first, as the events endpoint lists them. */
  events(id: string): FineTuningJobEvent[] | undefined;
  /** Checkpoints newest first. */
  checkpoints(id: string): FineTuningJobCheckpoint[] | undefined;
  /**
   * Plans what fine-tuning jobs the code under test creates do: their phase timings, a failure
   * with a chosen error at a chosen phase or training step, a hold in a phase until
   * {@link step}, or read-counted progression. The first plan whose `match` accepts a new job
   * applies to it; plans last until reset (or for `times` jobs).
   *
   * @example
   * openaiMock.jobs.plan({ fail: { at: { step: 300 }, code: 'server_error', message: 'Training diverged.' } });
   * openaiMock.jobs.plan({ match: (job) => job.suffix === 'slow', hold: 'queued', times: 1 });
   */
  plan(plan: JobPlan): void;
  /** Ends a job's current phase now (it moves to the next status). Returns the job as it now is. */
  step(id: string): FineTuningJob;
  /** Fails an active job now with this error; its events and checkpoints stop where they are. */
  fail(id: string, error: PlannedJobError): FineTuningJob;
}

/** `openaiMock.batches`: the collection, plus each batch's lifecycle. */
export interface BatchesCollection extends ReadonlyCollection<Batch> {
  /** Status now, since when, what comes next and when, and the history so far. */
  lifecycle(id: string): LifecycleState<BatchStatus> | undefined;
  /**
   * Plans what batches the code under test creates do: phase timings, expiry, a failed
   * validation with chosen errors, chosen requests failing, a hold in a phase until
   * {@link step}, or read-counted progression. The first plan whose `match` accepts a new batch
   * applies to it; plans last until reset (or for `times` batches).
   *
   * @example
   * openaiMock.batches.plan({ expire: { afterRequests: 2 } });
   * openaiMock.batches.plan({ failRequests: { customIds: ['req-7'], status: 500 } });
   */
  plan(plan: BatchPlan): void;
  /** Ends a batch's current phase now (it moves to the next status). Returns the batch as it now is. */
  step(id: string): Batch;
  /** Expires an active batch now: requests not answered yet go to the error file with `batch_expired`. */
  expire(id: string): Batch;
}

export interface SeedApi {
  /** Stores a File object and its bytes (a string is stored as UTF-8). */
  file(object: FileObject, content?: Uint8Array | string): FileObject;
  /** Stores a fine-tuning job with, optionally, its events and checkpoints. */
  job(
    object: FineTuningJob,
    extras?: { events?: FineTuningJobEvent[]; checkpoints?: FineTuningJobCheckpoint[] },
  ): FineTuningJob;
  /** Adds a model to `/v1/models`. */
  model(object: Model): Model;
  /** Stores an Upload (its File, if completed, must be seeded separately). */
  upload(object: Upload): Upload;
  /** Stores a batch; an active status is held until the batch is cancelled. */
  batch(object: Batch): Batch;
  /** Stores a response (and the input items `input_items` lists for it), as given. */
  response(object: ResponseObject, inputItems?: readonly ConversationItem[]): ResponseObject;
}

function unhandledError(method: string, path: string, relative: string | null): ApiError {
  const known = relative !== null && isKnownOpenAIRoute(method, relative);
  return known
    ? new ApiError(501, describeUnhandled(method, path), 'invalid_request_error', null, 'openai_mock_unhandled_route')
    : new ApiError(404, `Invalid URL (${method} ${path})`);
}

function checkApiKey(request: MockRequest): void {
  const auth = request.headers['authorization'] ?? request.headers['api-key'] ?? '';
  if (auth.replace(/^bearer\s*/i, '').trim() !== '') return;
  throw new ApiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
  );
}

/**
 * What a request a `timeout` fault never answers gets when the mock lets go of it (reset,
 * uninstall, `faults.clear()`): an error the client does not retry, since a retry would outlive
 * the test (and after uninstall, reach the network).
 */
function releasedResponse(requestId: string): MockResponse {
  const message =
    "[openai-mock] This request was held unanswered by a 'timeout' fault until the mock let go of it (reset(), uninstall() or faults.clear()). It is not retried.";
  return errorResponse(new ApiError(408, message, 'server_error', null, 'openai_mock_released'), requestId, { 'x-should-retry': 'false' });
}

/** The headers every answer carries (JSON unless the caller says otherwise). */
function baseHeaders(requestId: string): Record<string, string> {
  return { 'x-request-id': requestId, 'openai-version': '2020-10-01', 'openai-processing-ms': '0', 'content-type': 'application/json' };
}

function replyResponse(reply: Reply, requestId: string): MockResponse {
  const status = reply.status ?? 200;
  if ('bytes' in reply) {
    return { status, headers: { ...baseHeaders(requestId), ...reply.headers, 'content-type': reply.contentType }, body: reply.bytes };
  }
  // JSON is left as text: each transport encodes it once on the way out.
  const headers = reply.headers === undefined ? baseHeaders(requestId) : { ...baseHeaders(requestId), ...reply.headers, 'content-type': 'application/json' };
  return { status, headers, body: JSON.stringify(reply.json) };
}

function errorResponse(error: ApiError, requestId: string, extra: Record<string, string> = {}): MockResponse {
  return {
    status: error.status,
    headers: { ...baseHeaders(requestId), ...error.headers, ...extra },
    body: encoder.encode(JSON.stringify(error.toJSON())),
  };
}
