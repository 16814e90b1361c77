import type { FaultKind } from './faults.js';

/** One request the mock intercepted, as kept in `openaiMock.requests`. */
export interface RecordedRequest {
  readonly method: string;
  /** The path as sent, including the base path (`/v1/files/file-mock000001`). */
  readonly path: string;
  /**
   * Query parameters; credentials (`api-key`, `api_key`, `key`) are redacted. Each name sent is an
   * own property holding what was sent, whatever the name (`constructor`, `__proto__`); the object
   * keeps `Object.prototype`, so test a name that may be absent with `Object.hasOwn`.
   */
  readonly query: Readonly<Record<string, string | string[]>>;
  /**
   * Request headers, names lower-case; credentials (`authorization`, `api-key`,
   * `openai-api-key`, `x-api-key`) are redacted.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed body: JSON as sent, multipart fields as an object (files as `{ filename, bytes, contentType }`). */
  readonly body: unknown;
  /**
   * The status the mock answered: 0 if no HTTP answer was sent (the request was let through to
   * the network, or a `connection-reset` or `timeout` fault hit it).
   */
  readonly status: number;
  /** The kind of fault that hit the request, if one did (see `openaiMock.fault()`). */
  readonly fault?: FaultKind;
  /** The `x-request-id` the mock answered with. */
  readonly requestId: string | null;
  /** When it arrived, in ms on the mock's clock. */
  readonly at: number;
}

const SECRET_HEADERS = new Set(['authorization', 'api-key', 'openai-api-key', 'x-api-key']);
/** Query parameters gateways and Azure-style endpoints accept a key in. */
const SECRET_PARAMS = new Set(['api-key', 'api_key', 'key']);

/**
 * Copies headers with credentials replaced, so the log can be printed and stored safely. The
 * copy is built with `Object.fromEntries`, which defines each name as an own property: a header
 * named `__proto__` or `constructor` is an entry like any other, never the object's prototype.
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name) ? redactedValue(value) : value]),
  );
}

/** A credential's value as the log keeps it: the scheme of a bearer token, nothing else. */
function redactedValue(value: string): string {
  return /^bearer\s/i.test(value) ? 'Bearer [REDACTED]' : '[REDACTED]';
}

/**
 * Query parameters as an object, credentials redacted; repeated keys become arrays. The values
 * are gathered in a `Map` and the object made with `Object.fromEntries`, so every name is an own
 * property that holds what was sent: `?constructor=a` is `{ constructor: 'a' }`, and
 * `?__proto__=c&__proto__=d` an entry `__proto__: ['c', 'd']`, not a new prototype. The object
 * keeps `Object.prototype`, so it prints and compares (`toStrictEqual`) as a literal does.
 */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const values = new Map<string, string[]>();
  for (const [key, raw] of params) {
    const value = SECRET_PARAMS.has(key.toLowerCase()) ? '[REDACTED]' : raw;
    const existing = values.get(key);
    if (existing === undefined) values.set(key, [value]);
    else existing.push(value);
  }
  return Object.fromEntries([...values].map(([key, all]) => [key, all.length === 1 ? all[0]! : all]));
}
