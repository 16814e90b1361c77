/**
 * The request pipeline: what happens to one request, from the transport's port to an answer.
 * It claims the request (finds its route and, for one no route serves, asks `onUnhandledRequest`,
 * once), lets faults hit it, checks the key, settles the resources, counts the reads the route
 * declares, runs the handler, turns what it throws into OpenAI's envelope, and logs the request.
 * It names no resource.
 */
import { checkApiKey, errorResponse, faultResponse, releasedResponse, replyResponse, unhandledError } from './answers.js';
import { ApiError } from './api-error.js';
import type { Clock } from './clock.js';
import { matchBaseURL, type EngineConfig } from './config.js';
import { OpenAIMockError } from './errors.js';
import { connectionResetError } from './fault-responses.js';
import { FaultRegistry, type FaultHandle, type FaultKind, type FaultOptionsByKind, type FaultSelection } from './faults.js';
import { HeldAnswers } from './held-answers.js';
import type { IdGenerator } from './ids.js';
import type { Answer, Claim, EnginePort, HandleResult } from './port.js';
import { queryObject, redactHeaders, type RecordedRequest } from './request-log.js';
import { loggableBody, parseBody, type MockRequest, type MockResponse, type ParsedBody } from './request.js';
import type { Route, RouteContext, RouteMatch, Router } from './router.js';

/** What answering one batch line gave: the HTTP status and body the endpoint answered. */
export interface LineAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string;
}

/** What the pipeline needs from the engine around it. */
export interface PipelineDeps {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly router: Router;
  readonly config: () => EngineConfig;
  /** Makes what finished objects leave behind exist, before a route reads state. */
  readonly settle: () => void;
  /** Runs after every request (the inspection folder is written then). */
  readonly afterRequest: () => void;
}

/** `openaiMock.faults`: the faults set up since the last reset. */
export interface FaultsView {
  /** Every fault set up since the last reset, in order, with its `hits` and `remaining`. */
  list(): readonly FaultHandle[];
  /** Requests held back now: delayed by a `latency` fault, or never answered (`timeout`). */
  readonly held: number;
  /** Removes every fault, and lets held requests go (as `reset()` does). */
  clear(): void;
}

/**
 * What the pipeline decided about a request: a {@link Claim}, or, for one no route serves, that
 * `onUnhandledRequest` lets it through (never a claim: the transport passes it on unanswered).
 */
type Decision =
  | Claim
  | {
      readonly url: URL;
      readonly relative: string | null;
      readonly match: Exclude<RouteMatch, { kind: 'found' }> | null;
      readonly unhandled: 'bypass';
    };

export class Pipeline implements EnginePort {
  readonly #deps: PipelineDeps;
  readonly #requests: RecordedRequest[] = [];
  readonly #faults = new FaultRegistry();
  readonly #held: HeldAnswers;
  #inFlight = 0;
  #deliveries = 0;
  #requestCount = 0;

  constructor(deps: PipelineDeps) {
    this.#deps = deps;
    this.#held = new HeldAnswers(deps.clock);
  }

  get config(): EngineConfig {
    return this.#deps.config();
  }

  /** Every request intercepted since the last reset, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** Requests being answered or delivered right now. */
  get inFlight(): number {
    return this.#inFlight + this.#deliveries;
  }

  /** Requests received since the pipeline was made (never reset). */
  get requestCount(): number {
    return this.#requestCount;
  }

  beginDelivery(): () => void {
    this.#deliveries += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#deliveries -= 1;
    };
  }

  fault(kind: FaultKind, options?: FaultOptionsByKind[FaultKind]): FaultHandle {
    return this.#faults.add(kind, options);
  }

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

  /** Lets go of every request a fault holds back. */
  releaseHeld(): void {
    this.#held.releaseAll();
  }

  /** Forgets the request log and the faults; lets held requests go. */
  reset(): void {
    this.#requests.length = 0;
    this.#faults.clear();
    this.#held.releaseAll();
  }

  intercepts(url: string): boolean {
    return this.#interceptsOrigin(new URL(url).origin);
  }

  #interceptsOrigin(origin: string): boolean {
    return this.config.baseURLs.some((base) => base.origin === origin);
  }

  /**
   * The port's one decision about a request (see {@link EnginePort.claim}): null for another
   * origin, and for a request `onUnhandledRequest` lets through, which is logged here.
   */
  claim(request: Pick<MockRequest, 'method' | 'url' | 'headers'>): Claim | null {
    const url = new URL(request.url);
    if (!this.#interceptsOrigin(url.origin)) return null;
    const decision = this.#decide(request.method, url);
    if (decision.unhandled !== 'bypass') return decision;
    this.#record(request, url, null, 0, null, this.#deps.clock.now());
    return null;
  }

  /**
   * Whether the mock would answer a request with this method and URL (`openaiMock.willAnswer()`):
   * for one it does not serve, this asks `onUnhandledRequest`. It keeps nothing for a later
   * `handle()`; a transport uses {@link claim}, which gives the request its own decision.
   */
  willAnswer(method: string, url: string): boolean {
    const parsed = new URL(url);
    return this.#interceptsOrigin(parsed.origin) && this.#decide(method, parsed).unhandled !== 'bypass';
  }

  /** Logs a request to an OpenAI origin that was let through to the network (`openaiMock.recordBypass()`). */
  recordBypass(request: Pick<MockRequest, 'method' | 'url' | 'headers'>): void {
    this.#record(request, new URL(request.url), null, 0, null, this.#deps.clock.now());
  }

  /** Answers a request {@link claim} claimed, as its claim says. Never throws. */
  handle(request: MockRequest, claim: Claim): Promise<Answer>;
  /**
   * Answers a request handed over without a claim (`openaiMock.handle()`): the decision is made
   * here, once, and may be to let the request through. Never throws.
   */
  handle(request: MockRequest): Promise<HandleResult>;
  async handle(request: MockRequest, claim?: Claim): Promise<HandleResult> {
    this.#inFlight += 1;
    this.#requestCount += 1;
    try {
      const result = await this.#handle(request, claim ?? this.#decide(request.method, new URL(request.url)));
      this.#deps.afterRequest();
      return result;
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #handle(request: MockRequest, decision: Decision): Promise<HandleResult> {
    const requestId = this.#deps.ids.next('req_');
    const { url, relative } = decision;
    const at = this.#deps.clock.now();
    const body = await parseBody(request);
    const record = (status: number, id: string | null, fault?: FaultKind): void => {
      this.#record(request, url, loggableBody(body), status, id, at, fault);
    };
    const fault = this.#fault(request, url, body, requestId, record);
    if ('result' in fault) return fault.result;

    if (decision.unhandled !== null) {
      if (decision.unhandled === 'bypass') {
        record(0, null);
        return { bypass: true };
      }
      const error =
        decision.match?.kind === 'wrong-method'
          ? new ApiError(405, `Method not allowed (${request.method} ${url.pathname})`)
          : unhandledError(request.method, url.pathname, relative);
      if (decision.unhandled === 'warn') console.warn(`[openai-mock] ${error.message}`);
      record(error.status, requestId);
      return errorResponse(error, requestId, { 'x-should-retry': 'false' });
    }
    const { match } = decision;

    let response: MockResponse;
    try {
      checkApiKey(request);
      this.#deps.settle();
      const context: RouteContext = { request, params: match.params, query: url.searchParams, body };
      countReads(match.route, context);
      response = replyResponse(await match.route.handler(context), requestId);
    } catch (error) {
      const [apiError, headers] = thrownAnswer(error, request.method, url.pathname);
      response = errorResponse(apiError, requestId, headers);
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
      selection = this.#faults.select(faultRequest, { organizationId: this.config.organization.id });
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
    const response = faultResponse(effect.answer, requestId);
    return { result: delayMs === null ? response : this.#held.hold(response, delayMs) };
  }

  /**
   * Answers one line of a batch with the route that serves its endpoint, as if it had been
   * sent on its own (but without the request log, the API-key check or a transport).
   */
  dispatch(path: string, body: Record<string, unknown>, customId: string): LineAnswer {
    const requestId = this.#deps.ids.next('req_');
    const match = this.#deps.router.match('POST', path);
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

  /**
   * Routes a request and, when no route serves it, asks `onUnhandledRequest` what to do: the one
   * place the strategy is consulted, once per request.
   */
  #decide(method: string, url: URL): Decision {
    const target = matchBaseURL(this.config, url);
    if (!target) return { url, relative: null, match: null, unhandled: this.#unhandledStrategy(method, url) };
    const { relative } = target;
    const match = this.#deps.router.match(method, relative);
    if (match.kind === 'found') return { url, relative, match, unhandled: null };
    return { url, relative, match, unhandled: this.#unhandledStrategy(method, url) };
  }

  #unhandledStrategy(method: string, url: URL): 'error' | 'warn' | 'bypass' {
    const strategy = this.config.onUnhandledRequest;
    if (typeof strategy !== 'function') return strategy;
    return strategy({ method, url: url.href, path: url.pathname }) ?? 'error';
  }
}

/**
 * Counts the reads a route declares before its handler runs (the read-counted mode): the
 * object its last path parameter names, the ids the route's `reads.ids` gives, or, for a route
 * with no parameter (a list), every object of the store.
 */
function countReads(route: Route, context: RouteContext): void {
  const reads = route.reads;
  if (!reads) return;
  const last = Object.keys(context.params).at(-1);
  const ids = reads.ids ? reads.ids(context) : last === undefined ? reads.store.ids() : [context.params[last]!];
  reads.store.observe(ids);
}

/** The API error (and extra headers) a handler's throw becomes: never a crash. */
function thrownAnswer(error: unknown, method: string, path: string): [ApiError, Record<string, string>] {
  if (error instanceof ApiError) return [error, {}];
  const noRetry = { 'x-should-retry': 'false' };
  // The test set the mock up wrongly (a bad scripted reply): say so, and do not retry.
  if (error instanceof OpenAIMockError) return [new ApiError(500, error.message, 'server_error', null, error.code), noRetry];
  const detail = error instanceof Error ? error.message : String(error);
  const message = `openai-mock failed while handling ${method} ${path}: ${detail}. This is a bug in openai-mock; please report it.`;
  return [new ApiError(500, message, 'server_error'), noRetry];
}
