import type { RecordedRequest } from '../engine/request-log.js';
import {
  assertArgCount,
  assertMock,
  compact,
  containsSubset,
  count,
  hint,
  isAsymmetricMatcher,
  isPlainObject,
  listed,
  mismatchedKeys,
  usageError,
} from './messages.js';
import type { MatcherContext, MatcherResult } from './types.js';

const NAME = 'toHaveReceivedRequest';

/**
 * `expect(openaiMock).toHaveReceivedRequest(method, path, body?)`: the mock received a request
 * with this method (any case) and path (as sent, base path included, query excluded; a string,
 * a RegExp or an asymmetric matcher) and, when given, a body containing `body`.
 */
export function toHaveReceivedRequest(
  this: MatcherContext,
  received: unknown,
  method?: unknown,
  path?: unknown,
  body?: unknown,
  ...rest: unknown[]
): MatcherResult {
  const withBody = body !== undefined;
  const args = withBody ? 'method, path, body' : 'method, path';
  assertMock(this, NAME, args, received);
  assertArgCount(this, NAME, args, rest, 'at most three arguments (method, path and the body fields to match)');
  if (typeof method !== 'string' || method.trim() === '') {
    usageError(this, NAME, args, `method must be an HTTP method such as 'GET' or 'POST'.\n\nReceived method: ${this.utils.printReceived(method)}`);
  }
  if (typeof path === 'string') {
    if (!path.startsWith('/')) {
      usageError(this, NAME, args, `path must start with '/' (the path as sent, such as '/v1/files'), without the origin.\n\nReceived path: ${this.utils.printReceived(path)}`);
    }
    const q = path.indexOf('?');
    if (q !== -1) {
      const query = JSON.stringify(Object.fromEntries(new URLSearchParams(path.slice(q + 1))));
      usageError(
        this,
        NAME,
        args,
        `path is matched without its query string. Pass ${this.utils.printExpected(path.slice(0, q))}, and check the query in openaiMock.requests:\n` +
          `expect(openaiMock.requests).toContainEqual(expect.objectContaining({ path: '${path.slice(0, q)}', query: expect.objectContaining(${query}) }))`,
      );
    }
  } else if (!(path instanceof RegExp) && !isAsymmetricMatcher(path)) {
    usageError(this, NAME, args, `path must be a string (such as '/v1/files'), a RegExp or an asymmetric matcher.\n\nReceived path: ${this.utils.printReceived(path)}`);
  }

  const wantedMethod = method.trim().toUpperCase();
  const pathMatches = (actual: string): boolean => {
    if (typeof path === 'string') return actual === path;
    if (path instanceof RegExp) {
      path.lastIndex = 0;
      return path.test(actual);
    }
    return this.equals(actual, path, this.customTesters);
  };
  const requests = received.requests.map((request, index) => ({ request, index }));
  const sameRoute = requests.filter(({ request }) => request.method.toUpperCase() === wantedMethod && pathMatches(request.path));
  const matching = withBody ? sameRoute.filter(({ request }) => containsSubset(this, request.body, body)) : sameRoute;
  const pass = matching.length > 0;

  const message = (): string => {
    const printedPath = typeof path === 'string' ? path : path instanceof RegExp ? String(path) : this.utils.printExpected(path);
    const lines = [hint(this, NAME, args), '', `Expected ${this.isNot ? 'no request' : 'a request'}: ${wantedMethod} ${printedPath}`];
    if (withBody) lines.push(`with a body matching: ${this.utils.printExpected(body)}`);
    lines.push('');
    if (pass) {
      lines.push(
        `Found ${count(matching.length, 'matching request')}:`,
        listed(matching.map(({ request, index }) => describe(request, index) + (withBody ? `\n  body: ${compact(request.body)}` : ''))),
      );
      return lines.join('\n');
    }
    if (requests.length === 0) {
      lines.push('No request was received since the last reset.');
      return lines.join('\n');
    }
    if (sameRoute.length > 0) {
      const differs = (request: RecordedRequest): string => {
        if (!isPlainObject(body) || !isPlainObject(request.body)) return '';
        const keys = mismatchedKeys(this, request.body, body);
        return keys.length > 0 ? `\n  differs in: ${keys.join(', ')}` : '';
      };
      lines.push(
        `${count(sameRoute.length, 'request')} with that method and path, but another body:`,
        listed(sameRoute.map(({ request, index }) => `${describe(request, index)}\n  body: ${compact(request.body)}${differs(request)}`)),
        '',
      );
    } else if (typeof path === 'string') {
      const similar = requests.find(({ request }) => request.path !== path && request.path.endsWith(path));
      if (similar) {
        lines.push(`Paths are matched as sent, base path included: did you mean '${similar.request.path}'?`, '');
      }
    }
    lines.push(
      `Requests received (${requests.length}):`,
      listed(requests.map(({ request, index }) => describe(request, index))),
    );
    return lines.join('\n');
  };

  return { pass, message };
}

/** `#2 POST /v1/fine_tuning/jobs 200`, numbered from 1 in the order received. */
function describe(request: RecordedRequest, index: number): string {
  const query = Object.entries(request.query)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v}`))
    .join('&');
  const status = request.status === 0 ? 'let through to the network' : String(request.status);
  return `#${index + 1} ${request.method.toUpperCase()} ${request.path}${query ? `?${query}` : ''} ${status}`;
}
