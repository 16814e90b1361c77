/**
 * What an injected fault sends back: the bodies and headers the real API answers with when it
 * limits, fails or drops a request. Kept apart from the registry (faults.ts) so the wording of
 * each answer is in one place.
 */
import { estimateTokens } from './tokens.js';

/** HTTP statuses a `server-error` fault can answer with. */
export type ServerErrorStatus = 500 | 502 | 503;

/** Which limit a `rate-limit` fault says was reached (the error's `type`). */
export type RateLimitKind = 'requests' | 'tokens';

/** An HTTP answer a fault produces, before the engine adds its usual headers. */
export interface FaultHttpAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** Requests and tokens per minute the `x-ratelimit-*` headers report. */
export interface RateLimits {
  readonly requests: number;
  readonly tokens: number;
}

/** Defaults of the `x-ratelimit-limit-*` headers: a tier whose figures OpenAI's docs show. */
export const DEFAULT_RATE_LIMITS: RateLimits = { requests: 5000, tokens: 160_000 };

/** How long a client is told to wait after a 429 when the test does not say. */
export const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * A duration the way the `x-ratelimit-reset-*` headers and the 429 message write it: `12ms`,
 * `1s`, `1.5s`, `6m0s`.
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${trimmed(ms / 1000)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${trimmed((ms - minutes * 60_000) / 1000)}s`;
}

function trimmed(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** `retry-after-ms` and `retry-after` (whole seconds, rounded up) for a wait of `ms`. */
export function retryAfterHeaders(ms: number): Record<string, string> {
  return { 'retry-after-ms': String(ms), 'retry-after': String(Math.ceil(ms / 1000)) };
}

/** What the rate-limit answer needs to know of the request and the account. */
export interface RateLimitContext {
  readonly kind: RateLimitKind;
  readonly retryAfterMs: number;
  readonly limits: RateLimits;
  readonly organizationId: string;
  /** The request's parsed body, for its `model` and a token estimate. */
  readonly body: unknown;
}

/**
 * A 429 as the API sends it when a per-minute limit is reached: `type` is the limit that was hit
 * (`requests` or `tokens`), `code` is `rate_limit_exceeded`, and the headers say how long to wait
 * and where each limit stands.
 */
export function rateLimitAnswer(context: RateLimitContext): FaultHttpAnswer {
  const { kind, retryAfterMs, limits } = context;
  const model = modelOf(context.body);
  const requestedTokens = Math.max(1, estimateTokens(JSON.stringify(context.body ?? '')));
  const wait = formatDuration(retryAfterMs);
  const where = `${model ? `for ${model} ` : ''}in organization ${context.organizationId}`;
  const figures =
    kind === 'requests'
      ? `on requests per min (RPM): Limit ${limits.requests}, Used ${limits.requests}, Requested 1.`
      : `on tokens per min (TPM): Limit ${limits.tokens}, Used ${limits.tokens}, Requested ${requestedTokens}.`;
  const message = `Rate limit reached ${where} ${figures} Please try again in ${wait}. Visit https://platform.openai.com/account/rate-limits to learn more.`;
  // The limit that was not hit still reports what a request leaves of it, and refills at its pace.
  const requestsHit = kind === 'requests';
  const headers: Record<string, string> = {
    ...retryAfterHeaders(retryAfterMs),
    'x-ratelimit-limit-requests': String(limits.requests),
    'x-ratelimit-remaining-requests': String(requestsHit ? 0 : limits.requests - 1),
    'x-ratelimit-reset-requests': requestsHit ? wait : formatDuration(60_000 / limits.requests),
    'x-ratelimit-limit-tokens': String(limits.tokens),
    'x-ratelimit-remaining-tokens': String(requestsHit ? Math.max(0, limits.tokens - requestedTokens) : 0),
    'x-ratelimit-reset-tokens': requestsHit ? formatDuration((60_000 * requestedTokens) / limits.tokens) : wait,
  };
  return {
    status: 429,
    body: { error: { message, type: kind, param: null, code: 'rate_limit_exceeded' } },
    headers,
  };
}

/** The bodies of the 5xx answers the API is seen to send. */
const SERVER_ERRORS: Readonly<Record<ServerErrorStatus, unknown>> = {
  500: {
    error: {
      message: 'The server had an error while processing your request. Sorry about that!',
      type: 'server_error',
      param: null,
      code: null,
    },
  },
  // Answered by the CDN in front of the API: its `code` is the status as a number.
  502: { error: { code: 502, message: 'Bad gateway.', param: null, type: 'cf_bad_gateway' } },
  503: { error: { message: 'The server is overloaded or not ready yet.', type: 'server_error', param: null, code: null } },
};

/** A 500, 502 or 503 with the body the API sends for it; `retryAfterMs` adds the retry headers. */
export function serverErrorAnswer(status: ServerErrorStatus, retryAfterMs: number | undefined): FaultHttpAnswer {
  return { status, body: SERVER_ERRORS[status], headers: retryAfterMs === undefined ? {} : retryAfterHeaders(retryAfterMs) };
}

/** A 408: the server gave up waiting for the request. */
export function requestTimeoutAnswer(retryAfterMs: number | undefined): FaultHttpAnswer {
  return {
    status: 408,
    body: { error: { message: 'Request timed out.', type: 'server_error', param: null, code: 'timeout' } },
    headers: retryAfterMs === undefined ? {} : retryAfterHeaders(retryAfterMs),
  };
}

/**
 * The error a reset connection raises in Node (what undici puts in `cause` of its
 * `TypeError: fetch failed`, and what nock's transport fails the request with).
 */
export function connectionResetError(): Error & { code: string; errno: number; syscall: string } {
  return Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
}

function modelOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const model = (body as Record<string, unknown>)['model'];
  return typeof model === 'string' && model !== '' ? model : null;
}
