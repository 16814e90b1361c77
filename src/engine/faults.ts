/**
 * Fault injection: rate limits, server errors, dropped connections, unanswered requests and slow
 * answers, for every request or those of a route, once, n times or with a seeded probability.
 * {@link FaultRegistry} keeps the faults a test set up and decides, request by request, which
 * one applies; the engine turns that decision into an answer.
 */
import { OpenAIMockError } from './errors.js';
import {
  DEFAULT_RATE_LIMITS,
  DEFAULT_RETRY_AFTER_MS,
  rateLimitAnswer,
  requestTimeoutAnswer,
  serverErrorAnswer,
  type FaultHttpAnswer,
  type RateLimitKind,
  type RateLimits,
  type ServerErrorStatus,
} from './fault-responses.js';

/**
 * What a fault does to the requests it hits:
 * - `rate-limit`: a 429 `rate_limit_exceeded` with `retry-after-ms`, `retry-after` and `x-ratelimit-*` headers;
 * - `server-error`: a 500, 502 or 503 with the body the API sends;
 * - `request-timeout`: a 408;
 * - `connection-reset`: no answer at all, the connection drops (`ECONNRESET`);
 * - `timeout`: no answer ever, so the client's own timeout fires;
 * - `latency`: the normal answer, `ms` later on the mock's clock.
 */
export type FaultKind = 'rate-limit' | 'server-error' | 'request-timeout' | 'connection-reset' | 'timeout' | 'latency';

const KINDS: readonly FaultKind[] = ['rate-limit', 'server-error', 'request-timeout', 'connection-reset', 'timeout', 'latency'];

/** A request as a route predicate sees it. */
export interface FaultRequest {
  readonly method: string;
  /** The path as sent, with the base path (`/v1/files/file-mock000001`). */
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  /** The parsed body, as the request log keeps it. */
  readonly body: unknown;
}

/**
 * Which requests a fault hits: `'POST /v1/chat/completions'` (method and path; `*` or `{name}`
 * stands for one path segment, and without a method every method matches), a RegExp tested
 * against the path as sent, or a predicate.
 */
export type FaultRoute = string | RegExp | ((request: FaultRequest) => boolean);

/** Options every fault takes: which requests it hits, and how many. */
export interface FaultTargeting {
  /** The requests it may hit; every request when left out. */
  readonly route?: FaultRoute;
  /** How many requests it hits before it stops (an integer, 1 or more); no limit when left out. */
  readonly times?: number;
  /** The share of matching requests it hits, above 0 up to 1 (default 1: every one). */
  readonly probability?: number;
  /** Seeds the draws behind `probability`: the same seed hits the same requests on every run (default 0). */
  readonly seed?: number;
}

/** Options of the faults that answer with an HTTP error. */
export interface HttpFaultOptions extends FaultTargeting {
  /** Headers added to (or replacing) the fault's own, e.g. `{ 'x-should-retry': 'false' }`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of a `rate-limit` fault. */
export interface RateLimitFaultOptions extends HttpFaultOptions {
  /** The limit that was reached, the error's `type` (default `'requests'`). */
  readonly limit?: RateLimitKind;
  /** The wait `retry-after-ms` and `retry-after` ask for (default 1000 ms). */
  readonly retryAfterMs?: number;
  /** The per-minute limits the `x-ratelimit-*` headers report (default 5000 requests, 160000 tokens). */
  readonly limits?: Partial<RateLimits>;
}

/** Options of a `server-error` fault. */
export interface ServerErrorFaultOptions extends HttpFaultOptions {
  /** 500 (default), 502 or 503. */
  readonly status?: ServerErrorStatus;
  /** Adds `retry-after-ms` and `retry-after`; without them the SDK uses its own backoff. */
  readonly retryAfterMs?: number;
}

/** Options of a `request-timeout` (408) fault. */
export interface RequestTimeoutFaultOptions extends HttpFaultOptions {
  /** Adds `retry-after-ms` and `retry-after`; without them the SDK uses its own backoff. */
  readonly retryAfterMs?: number;
}

/** Options of a `latency` fault. */
export interface LatencyFaultOptions extends FaultTargeting {
  /** How long the answer takes, in ms on the mock's clock. */
  readonly ms: number;
}

/** The options each kind of fault takes. */
export interface FaultOptionsByKind {
  'rate-limit': RateLimitFaultOptions;
  'server-error': ServerErrorFaultOptions;
  'request-timeout': RequestTimeoutFaultOptions;
  'connection-reset': FaultTargeting;
  timeout: FaultTargeting;
  latency: LatencyFaultOptions;
}

/** A fault that was set up: how often it has struck, and a way to stop it. */
export interface FaultHandle {
  readonly kind: FaultKind;
  /** Requests it has hit so far. */
  readonly hits: number;
  /** Requests it may still hit (`Infinity` without `times`). */
  readonly remaining: number;
  /** Stops it from hitting further requests. */
  remove(): void;
}

/** What a fault does to one request, for the engine to carry out. */
export type FaultEffect =
  | { readonly kind: 'rate-limit' | 'server-error' | 'request-timeout'; readonly answer: FaultHttpAnswer }
  | { readonly kind: 'connection-reset' | 'timeout' };

/** The faults that hit one request: at most one that replaces the answer, and one delay. */
export interface FaultSelection {
  readonly effect: FaultEffect | null;
  readonly delayMs: number | null;
}

/** What the registry needs from the mock to word an answer. */
export interface FaultContext {
  readonly organizationId: string;
}

class ActiveFault implements FaultHandle {
  hits = 0;
  removed = false;
  readonly #matches: (request: FaultRequest) => boolean;
  readonly #times: number;
  readonly #probability: number;
  readonly #random: () => number;

  constructor(
    readonly kind: FaultKind,
    readonly options: FaultTargeting,
    readonly index: number,
  ) {
    this.#matches = routeMatcher(options.route, index);
    this.#times = options.times ?? Infinity;
    this.#probability = options.probability ?? 1;
    this.#random = mulberry32(options.seed ?? 0);
  }

  get remaining(): number {
    return this.removed ? 0 : this.#times - this.hits;
  }

  remove(): void {
    this.removed = true;
  }

  /** Whether it hits this request (and if so, counts the hit). */
  strikes(request: FaultRequest): boolean {
    if (this.remaining <= 0 || !this.#matches(request)) return false;
    // Drawn only for matching requests, so the same requests are hit whatever else is sent.
    if (this.#probability < 1 && this.#random() >= this.#probability) return false;
    this.hits += 1;
    return true;
  }
}

/** The faults set up since the last reset, in the order they were added. */
export class FaultRegistry {
  readonly #faults: ActiveFault[] = [];
  #added = 0;

  /** Sets up a fault; see {@link FaultKind} for what each kind does. */
  add<K extends FaultKind>(kind: K, options?: FaultOptionsByKind[K]): FaultHandle {
    validate(kind, options);
    this.#added += 1;
    const fault = new ActiveFault(kind, options ?? {}, this.#added);
    this.#faults.push(fault);
    return fault;
  }

  /** True when no fault has been set up since the last clear. */
  get empty(): boolean {
    return this.#faults.length === 0;
  }

  /** Every fault set up since the last reset, removed and spent ones included. */
  list(): readonly FaultHandle[] {
    return [...this.#faults];
  }

  /** Forgets every fault. */
  clear(): void {
    for (const fault of this.#faults) fault.remove();
    this.#faults.length = 0;
    this.#added = 0;
  }

  /**
   * The faults that hit this request. The first fault (in the order they were added) that hits
   * decides the answer; latency faults add a delay on top of an HTTP answer.
   */
  select(request: FaultRequest, context: FaultContext): FaultSelection {
    let effect: FaultEffect | null = null;
    for (const fault of this.#faults) {
      if (fault.kind === 'latency' || !fault.strikes(request)) continue;
      effect = effectOf(fault, request, context);
      break;
    }
    let delayMs: number | null = null;
    if (effect === null || 'answer' in effect) {
      for (const fault of this.#faults) {
        if (fault.kind !== 'latency' || !fault.strikes(request)) continue;
        delayMs = (fault.options as LatencyFaultOptions).ms;
        break;
      }
    }
    return { effect, delayMs };
  }
}

function effectOf(fault: ActiveFault, request: FaultRequest, context: FaultContext): FaultEffect {
  switch (fault.kind) {
    case 'rate-limit': {
      const options = fault.options as RateLimitFaultOptions;
      const answer = rateLimitAnswer({
        kind: options.limit ?? 'requests',
        retryAfterMs: options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS,
        limits: { ...DEFAULT_RATE_LIMITS, ...options.limits },
        organizationId: context.organizationId,
        body: request.body,
      });
      return { kind: 'rate-limit', answer: withHeaders(answer, options.headers) };
    }
    case 'server-error': {
      const options = fault.options as ServerErrorFaultOptions;
      return { kind: 'server-error', answer: withHeaders(serverErrorAnswer(options.status ?? 500, options.retryAfterMs), options.headers) };
    }
    case 'request-timeout': {
      const options = fault.options as RequestTimeoutFaultOptions;
      return { kind: 'request-timeout', answer: withHeaders(requestTimeoutAnswer(options.retryAfterMs), options.headers) };
    }
    case 'connection-reset':
    case 'timeout':
      return { kind: fault.kind };
    case 'latency':
      throw new Error('a latency fault has no effect of its own');
  }
}

function withHeaders(answer: FaultHttpAnswer, extra: Readonly<Record<string, string>> | undefined): FaultHttpAnswer {
  if (!extra) return answer;
  const lower = Object.fromEntries(Object.entries(extra).map(([name, value]) => [name.toLowerCase(), value]));
  return { ...answer, headers: { ...answer.headers, ...lower } };
}

/** Compiles a route into a test of requests. */
function routeMatcher(route: FaultRoute | undefined, index: number): (request: FaultRequest) => boolean {
  if (route === undefined) return () => true;
  if (route instanceof RegExp) {
    return (request) => {
      route.lastIndex = 0; // a global or sticky RegExp keeps state between tests
      return route.test(request.path);
    };
  }
  if (typeof route === 'function') {
    return (request) => {
      try {
        return route(request) === true;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new OpenAIMockError(
          'ERR_OPENAI_MOCK_INVALID_FAULT',
          `The route predicate of fault #${index} threw while looking at ${request.method} ${request.path}: ${detail}. Make it return true or false for every request.`,
        );
      }
    };
  }
  const { method, pattern } = parseRoute(route);
  return (request) => (method === null || request.method === method) && pattern.test(request.path);
}

/** `'POST /v1/files/{id}'` into its method and a path pattern (anchored at the path's end). */
function parseRoute(route: string): { method: string | null; pattern: RegExp } {
  const match = /^\s*(?:([A-Za-z]+)\s+)?(\/\S*)\s*$/.exec(route);
  if (!match) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_FAULT',
      `Cannot read the fault route ${JSON.stringify(route)}: write a method and a path ('POST /v1/chat/completions'), a path alone ('/v1/files'), a RegExp or a predicate.`,
    );
  }
  const [, method, path] = match as unknown as [string, string | undefined, string];
  const source = path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => (segment === '*' || /^\{[^}]*\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  // Anchored at the end only, so a base path before `/v1` (a proxy's `/openai/v1`) still matches.
  return { method: method ? method.toUpperCase() : null, pattern: new RegExp(`(?:^|/)${source.replace(/^\//, '')}/?$`) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A small seeded generator of numbers in [0, 1): the same seed gives the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function invalid(message: string): OpenAIMockError {
  return new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_FAULT', message);
}

/** Refuses options that cannot mean anything, saying what to pass instead. */
function validate(kind: FaultKind, options: FaultTargeting | undefined): void {
  if (!KINDS.includes(kind)) {
    throw invalid(`Unknown fault kind ${JSON.stringify(kind)}: use one of ${KINDS.map((k) => `'${k}'`).join(', ')}.`);
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw invalid(`The options of a '${kind}' fault must be an object, not ${JSON.stringify(options)}.`);
  }
  const o = (options ?? {}) as Partial<LatencyFaultOptions & RateLimitFaultOptions & ServerErrorFaultOptions>;
  const route: unknown = o.route;
  if (route !== undefined && typeof route !== 'string' && !(route instanceof RegExp) && typeof route !== 'function') {
    throw invalid(`route must be a string ('POST /v1/chat/completions'), a RegExp or a predicate, not ${typeof route}.`);
  }
  if (typeof route === 'string') parseRoute(route);
  if (o.times !== undefined && !(Number.isInteger(o.times) && o.times >= 1)) {
    throw invalid(`times must be a whole number, 1 or more (got ${String(o.times)}); leave it out to hit every matching request.`);
  }
  if (o.probability !== undefined && !(typeof o.probability === 'number' && o.probability > 0 && o.probability <= 1)) {
    throw invalid(`probability must be a number above 0 and at most 1 (got ${String(o.probability)}), such as 0.25 to hit one request in four.`);
  }
  if (o.seed !== undefined && !Number.isSafeInteger(o.seed)) {
    throw invalid(`seed must be an integer (got ${String(o.seed)}).`);
  }
  if (o.retryAfterMs !== undefined && !(Number.isFinite(o.retryAfterMs) && o.retryAfterMs >= 0)) {
    throw invalid(`retryAfterMs must be a finite number of milliseconds, 0 or more (got ${String(o.retryAfterMs)}).`);
  }
  if (kind === 'latency' && !(typeof o.ms === 'number' && Number.isFinite(o.ms) && o.ms >= 0)) {
    throw invalid(`A latency fault needs ms, a finite number of milliseconds, 0 or more (got ${String(o.ms)}): openaiMock.fault('latency', { ms: 2000 }).`);
  }
  if (kind === 'server-error' && o.status !== undefined && ![500, 502, 503].includes(o.status)) {
    throw invalid(`A server-error fault answers 500, 502 or 503 (got ${String(o.status)}); for a 408 use the 'request-timeout' kind, for a 429 'rate-limit'.`);
  }
  if (kind === 'rate-limit' && o.limit !== undefined && o.limit !== 'requests' && o.limit !== 'tokens') {
    throw invalid(`limit must be 'requests' or 'tokens' (got ${JSON.stringify(o.limit)}).`);
  }
  if (kind === 'rate-limit' && o.limits !== undefined) {
    for (const [name, value] of Object.entries(o.limits)) {
      if (!(Number.isInteger(value) && value >= 1)) throw invalid(`limits.${name} must be a whole number, 1 or more (got ${String(value)}).`);
    }
  }
}
