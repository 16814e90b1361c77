import type { FaultKind } from './faults.js';

/** One request the mock intercepted, as kept in `openaiMock.requests`. */
export interface RecordedRequest {
  readonly method: string;
  /** The path as sent, including the base path (`/v1/files/file-mock000001`). */
  readonly path: string;
  /** Query parameters; credentials (`api-key`, `api_key`, `key`) are redacted. */
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

/** Copies headers with credentials replaced, so the log can be printed and stored safely. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name)) {
      out[name] = value;
    } else {
      out[name] = /^bearer\s/i.test(value) ? 'Bearer [REDACTED]' : '[REDACTED]';
    }
  }
  return out;
}

/** Query parameters as an object, credentials redacted; repeated keys become arrays. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, raw] of params) {
    const value = SECRET_PARAMS.has(key.toLowerCase()) ? '[REDACTED]' : raw;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
