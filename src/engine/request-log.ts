import type { FaultKind } from './faults.js';

/** One request the mock intercepted, as kept in `openaiMock.requests`. */
export interface RecordedRequest {
  readonly method: string;
  /** The path as sent, including the base path (`/v1/files/file-mock000001`). */
  readonly path: string;
  /**
   * Query parameters. Credentials are redacted: any name that holds a key, in any case, with `-`
   * or `_`, with or without brackets (`api-key`, `apikey`, `API_KEY`, `api_key[]`, `key`,
   * `access_token`). Each name sent is an own property holding what was sent, whatever the name
   * (`constructor`, `__proto__`); the object keeps `Object.prototype`, so test a name that may be
   * absent with `Object.hasOwn`.
   */
  readonly query: Readonly<Record<string, string | string[]>>;
  /**
   * Request headers, names lower-case. Credentials are redacted by the same rule as the query
   * (`authorization`, `proxy-authorization`, `api-key`, `x-api-key`, `x-openai-api-key`), and so
   * is `cookie`.
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

/** Names, compacted (see {@link isCredentialName}), that are a credential in themselves. */
const CREDENTIAL_NAMES = new Set(['key', 'sig']);

/**
 * Endings of compacted names that carry a credential: `apikey` (`api-key`, `X-OpenAI-Api-Key`,
 * `x-portkey-api-key`), `subscriptionkey` (Azure API Management), `token` (`access_token`),
 * `auth` and `authorization` (`Proxy-Authorization`, `Helicone-Auth`), `cookie`, and the like.
 * `key` alone is not an ending: `idempotency-key`, which the SDK sends, is no secret.
 */
const CREDENTIAL_ENDINGS = [
  'apikey',
  'subscriptionkey',
  'accesskey',
  'secretkey',
  'privatekey',
  'token',
  'secret',
  'password',
  'passwd',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'signature',
  'cookie',
];

/**
 * The one rule for where a key rides, applied to query parameter names and header names alike
 * (a `Cookie` header is one: all its cookies go). The name is compacted first, so that every
 * spelling of one name is caught: lower-cased, cut at its first `[` (`api_key[]` and
 * `api_key[0]` are how clients send an array of `api_key`, `auth[api_key]` an object under
 * `auth`), with `-`, `_`, `.` and spaces taken out (`Api-Key`, `api_key`, `apikey` are one).
 */
export function isCredentialName(name: string): boolean {
  const bracket = name.indexOf('[');
  const compact = (bracket === -1 ? name : name.slice(0, bracket)).toLowerCase().replace(/[-_.\s]/g, '');
  return CREDENTIAL_NAMES.has(compact) || CREDENTIAL_ENDINGS.some((ending) => compact.endsWith(ending));
}

/** A credential's value as the log keeps it: the scheme of a bearer token, nothing else. */
function redactedValue(value: string): string {
  return /^bearer\s/i.test(value) ? 'Bearer [REDACTED]' : '[REDACTED]';
}

/**
 * A URL as a message may show it: credentials in the query redacted by the same rule as the
 * log, and any user name and password left out. For every message the mock makes that names a
 * URL, so no error or warning carries a key. Text that is not a URL loses everything after `?`.
 */
export function redactURL(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href.split('?', 1)[0]!;
  }
  url.username = '';
  url.password = '';
  const pairs = [...url.searchParams];
  if (!pairs.some(([name]) => isCredentialName(name))) return url.href;
  const query = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${isCredentialName(name) ? redactedValue(value) : encodeURIComponent(value)}`);
  return `${url.origin}${url.pathname}?${query.join('&')}${url.hash}`;
}

/**
 * Copies headers with credentials replaced (see {@link isCredentialName}), so the log can be
 * printed and stored safely. The
 * copy is built with `Object.fromEntries`, which defines each name as an own property: a header
 * named `__proto__` or `constructor` is an entry like any other, never the object's prototype.
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, isCredentialName(name) ? redactedValue(value) : value]),
  );
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
    const value = isCredentialName(key) ? redactedValue(raw) : raw;
    const existing = values.get(key);
    if (existing === undefined) values.set(key, [value]);
    else existing.push(value);
  }
  return Object.fromEntries([...values].map(([key, all]) => [key, all.length === 1 ? all[0]! : all]));
}
