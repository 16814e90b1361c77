import { describe, expect, test } from 'vitest';
import {
  connectionResetError,
  formatDuration,
  rateLimitAnswer,
  requestTimeoutAnswer,
  retryAfterHeaders,
  serverErrorAnswer,
} from './fault-responses.js';

describe('formatDuration', () => {
  test.each([
    [0, '0ms'],
    [12, '12ms'],
    [999, '999ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [9816, '9.816s'],
    [360_000, '6m0s'],
    [61_500, '1m1.5s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

test('retry-after is whole seconds, rounded up; retry-after-ms is exact', () => {
  expect(retryAfterHeaders(0)).toEqual({ 'retry-after-ms': '0', 'retry-after': '0' });
  expect(retryAfterHeaders(1200)).toEqual({ 'retry-after-ms': '1200', 'retry-after': '2' });
});

describe('rateLimitAnswer', () => {
  const base = { retryAfterMs: 20_000, limits: { requests: 3, tokens: 10_000 }, organizationId: 'org-test' };

  test('a requests limit names the model and the RPM figures, and empties remaining-requests', () => {
    const answer = rateLimitAnswer({ ...base, kind: 'requests', body: { model: 'gpt-4o-mini', input: 'hi' } });
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({
      error: {
        message:
          'Rate limit reached for gpt-4o-mini in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    });
    expect(answer.headers).toMatchObject({
      'retry-after-ms': '20000',
      'retry-after': '20',
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '20s',
      'x-ratelimit-limit-tokens': '10000',
      'x-ratelimit-reset-tokens': expect.stringMatching(/^\d+ms$/) as unknown,
    });
  });

  test('a tokens limit reports the tokens requested, and empties remaining-tokens', () => {
    const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'x'.repeat(400) }] };
    const answer = rateLimitAnswer({ ...base, kind: 'tokens', body });
    const requested = Math.ceil(JSON.stringify(body).length / 4);
    expect((answer.body as { error: { message: string; type: string } }).error).toMatchObject({
      type: 'tokens',
      message: `Rate limit reached for gpt-4o in organization org-test on tokens per min (TPM): Limit 10000, Used 10000, Requested ${requested}. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    });
    expect(answer.headers).toMatchObject({
      'x-ratelimit-remaining-requests': '2',
      'x-ratelimit-reset-requests': '20s', // 3 a minute: one request back every 20 s
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '20s',
    });
  });

  test('without a model (a file upload) the message leaves it out', () => {
    const answer = rateLimitAnswer({ ...base, kind: 'requests', body: { purpose: 'batch' } });
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/^Rate limit reached in organization org-test on requests per min/);
  });
});

test('server errors have the bodies the API sends; retry headers only when asked for', () => {
  expect(serverErrorAnswer(500, undefined)).toEqual({
    status: 500,
    body: { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } },
    headers: {},
  });
  expect(serverErrorAnswer(503, 250)).toMatchObject({
    status: 503,
    body: { error: { message: 'The server is overloaded or not ready yet.', type: 'server_error' } },
    headers: { 'retry-after-ms': '250', 'retry-after': '1' },
  });
  expect(serverErrorAnswer(502, undefined).body).toEqual({ error: { code: 502, message: 'Bad gateway.', param: null, type: 'cf_bad_gateway' } });
  expect(requestTimeoutAnswer(undefined)).toMatchObject({ status: 408, body: { error: { message: 'Request timed out.' } }, headers: {} });
});

test('a reset connection is the error Node raises for one', () => {
  const error = connectionResetError();
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ message: 'read ECONNRESET', code: 'ECONNRESET', errno: -104, syscall: 'read' });
});
