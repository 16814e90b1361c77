/**
 * Fault injection through the official SDK, as a user tests the unhappy paths: rate limits the
 * SDK retries after the time the headers ask for, server errors, dropped connections, requests
 * never answered and slow answers, on the default transport and on the fast path.
 */
import axios from 'axios';
import OpenAI, { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { OpenAIMockError } from '../../src/index.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];
const chat = (client: OpenAI) => client.chat.completions.create({ model: 'gpt-4o-mini', messages });

/** Tracks whether a promise has settled, without letting a rejection go unhandled. */
function track<T>(promise: Promise<T>): { readonly settled: boolean; readonly promise: Promise<T> } {
  const state = { settled: false, promise };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

const statuses = () => openaiMock.requests.map((r) => r.status);
/** Real milliseconds, whatever the fake timers do (taken before any test fakes them). */
const realNow = performance.now.bind(performance);

describe.each([
  ['the default transport (nock)', (options: ConstructorParameters<typeof OpenAI>[0] = {}) => makeClient(options)],
  ['the fast path (openaiMock.fetch)', (options: ConstructorParameters<typeof OpenAI>[0] = {}) => makeClient({ fetch: openaiMock.fetch, ...options })],
])('through %s', (_, client) => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('two 429s, then a success: the SDK waits retry-after-ms each time, and advanceTime lets it', async () => {
    openaiMock.fault('rate-limit', { route: 'POST /v1/chat/completions', times: 2 });
    const call = track(chat(client({ maxRetries: 2 })));

    await advanceTime(0);
    expect(statuses()).toEqual([429]);
    expect(call.settled).toBe(false); // the SDK sleeps the 1000 ms retry-after-ms asks for

    await advanceTime(999);
    expect(statuses()).toEqual([429]);
    await advanceTime(1);
    expect(statuses()).toEqual([429, 429]);
    expect(call.settled).toBe(false);

    await advanceTime(1000);
    const completion = await call.promise;
    expect(completion.choices[0]!.message.content).toBe('Mock reply to: "Hello"');
    expect(openaiMock.requests.map((r) => [r.status, r.fault, r.headers['x-stainless-retry-count']])).toEqual([
      [429, 'rate-limit', '0'],
      [429, 'rate-limit', '1'],
      [200, undefined, '2'],
    ]);
  });

  test('one advanceTime covers both backoff sleeps', async () => {
    openaiMock.fault('rate-limit', { route: 'POST /v1/chat/completions', times: 2 });
    const reply = chat(client({ maxRetries: 2 }));
    await advanceTime(2000);
    await expect(reply).resolves.toMatchObject({ object: 'chat.completion' });
    expect(statuses()).toEqual([429, 429, 200]);
  });

  test('with maxRetries: 0 the SDK raises RateLimitError, with the headers readable', async () => {
    openaiMock.fault('rate-limit');
    const error = await rejection(chat(client()));

    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.message).toBe(
      '429 Rate limit reached for gpt-4o-mini in organization org-mock on requests per min (RPM): Limit 5000, Used 5000, Requested 1. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more.',
    );
    expect(rateLimit.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded', param: null });
    expect(rateLimit.requestID).toBe('req_mock000001');
    expect(Object.fromEntries([...rateLimit.headers!].filter(([name]) => name.startsWith('x-ratelimit') || name.startsWith('retry-after')))).toEqual({
      'retry-after': '1',
      'retry-after-ms': '1000',
      'x-ratelimit-limit-requests': '5000',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '1s',
      'x-ratelimit-limit-tokens': '160000',
      'x-ratelimit-remaining-tokens': expect.stringMatching(/^\d+$/) as unknown as string,
      'x-ratelimit-reset-tokens': expect.stringMatching(/^\d+ms$/) as unknown as string,
    });
  });

  test('a 429 on a file upload stores no file', async () => {
    openaiMock.fault('rate-limit', { route: 'POST /v1/files', limit: 'tokens', retryAfterMs: 2500 });
    const upload = client().files.create({ file: await toFile(Buffer.from('{}\n'), 'in.jsonl'), purpose: 'batch' });
    const error = (await rejection(upload)) as InstanceType<typeof OpenAI.RateLimitError>;

    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.error).toMatchObject({ type: 'tokens', code: 'rate_limit_exceeded' });
    expect(error.headers?.get('retry-after')).toBe('3');
    expect(error.headers?.get('x-ratelimit-remaining-tokens')).toBe('0');
    expect(error.headers?.get('x-ratelimit-reset-tokens')).toBe('2.5s');
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files', { purpose: 'batch' });
    expect(openaiMock.requests[0]).toMatchObject({ status: 429, fault: 'rate-limit' });
  });

  test('a 503 is retried with the SDK backoff, then the call succeeds', async () => {
    openaiMock.fault('server-error', { status: 503, times: 1 });
    const call = track(client({ maxRetries: 2 }).models.list());

    await advanceTime(0);
    expect(call.settled).toBe(false);
    await advanceTime(1000); // the first backoff is 0.375 to 0.5 s
    await expect(call.promise).resolves.toBeDefined();
    expect(statuses()).toEqual([503, 200]);
  });

  test('500, 502 and 503 carry the bodies the API sends', async () => {
    openaiMock.fault('server-error', { times: 1 });
    openaiMock.fault('server-error', { status: 502, times: 1 });
    openaiMock.fault('server-error', { status: 503, times: 1 });
    const errors = [];
    for (let i = 0; i < 3; i++) errors.push((await rejection(client().models.list())) as InstanceType<typeof OpenAI.InternalServerError>);

    expect(errors.every((e) => e instanceof OpenAI.InternalServerError)).toBe(true);
    expect(errors.map((e) => e.message)).toEqual([
      '500 The server had an error while processing your request. Sorry about that!',
      '502 Bad gateway.',
      '503 The server is overloaded or not ready yet.',
    ]);
    expect(errors[1]!.error).toEqual({ code: 502, message: 'Bad gateway.', param: null, type: 'cf_bad_gateway' });
  });

  test('a 408 is an APIError the SDK retries', async () => {
    openaiMock.fault('request-timeout', { times: 1 });
    const error = await rejection(client().models.list());
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: 408, message: '408 Request timed out.' });

    openaiMock.fault('request-timeout', { times: 1 });
    const call = client({ maxRetries: 1 }).models.list();
    await advanceTime(1000);
    await expect(call).resolves.toBeDefined();
    expect(statuses()).toEqual([408, 408, 200]);
  });

  test('a reset connection raises APIConnectionError, and is retried like one', async () => {
    openaiMock.fault('connection-reset', { times: 1 });
    const error = await rejection(client().models.list());

    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(error).not.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    // What the SDK wraps is what fetch rejects with on a reset socket.
    const cause = (error as Error).cause as Error;
    expect(cause).toBeInstanceOf(TypeError);
    expect(cause.message).toBe('fetch failed');
    expect(cause.cause).toMatchObject({ code: 'ECONNRESET', message: 'read ECONNRESET' });
    expect(openaiMock.requests[0]).toMatchObject({ status: 0, fault: 'connection-reset' });

    openaiMock.fault('connection-reset', { times: 1 });
    const call = client({ maxRetries: 1 }).models.list();
    await advanceTime(1000);
    await expect(call).resolves.toBeDefined();
    expect(statuses()).toEqual([0, 0, 200]);
  });

  test('a request never answered ends with the client timeout: APIConnectionTimeoutError', async () => {
    openaiMock.fault('timeout', { route: 'GET /v1/models' });
    const call = track(client({ timeout: 5000 }).models.list());

    await advanceTime(4999);
    expect(call.settled).toBe(false);
    expect(openaiMock.faults.held).toBe(1);
    await advanceTime(1);
    await expect(call.promise).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(openaiMock.faults.held).toBe(0);
    expect(openaiMock.requests.map((r) => [r.status, r.fault])).toEqual([[0, 'timeout']]);
  });

  test('a request held forever does not hold advanceTime back', async () => {
    openaiMock.fault('timeout', { times: 1 });
    const hung = track(client().models.list()); // the default timeout: 10 minutes
    const started = realNow();

    await advanceTime(1000);
    const models = await client().models.list(); // the next one is answered
    expect(realNow() - started).toBeLessThan(1000); // advanceTime would give up waiting only after 2 s
    expect(models.data.length).toBeGreaterThan(0);
    expect(hung.settled).toBe(false);
    openaiMock.reset(); // what the runner does before the next test: the request is let go
    await expect(hung.promise).rejects.toMatchObject({ status: 408, code: 'openai_mock_released' });
  });

  test('latency: the answer comes ms later on the mock clock', async () => {
    openaiMock.fault('latency', { ms: 2000, route: 'POST /v1/chat/completions' });
    const call = track(chat(client()));

    await advanceTime(1999);
    expect(call.settled).toBe(false);
    expect(openaiMock.requests.map((r) => [r.status, r.fault])).toEqual([[200, 'latency']]);
    await advanceTime(1);
    await expect(call.promise).resolves.toMatchObject({ object: 'chat.completion' });
    await expect(client().models.list()).resolves.toBeDefined(); // other routes are not delayed
  });

  test('latency adds to a fault answer: a slow 429', async () => {
    openaiMock.fault('rate-limit', { times: 1 });
    openaiMock.fault('latency', { ms: 500, times: 1 });
    const call = track(chat(client()));

    await advanceTime(499);
    expect(call.settled).toBe(false);
    await advanceTime(1);
    await expect(call.promise).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });
});

describe('targeting', () => {
  test('a route string picks the method and the path; {id} stands for one segment', async () => {
    const fault = openaiMock.fault('server-error', { route: 'GET /v1/models/{model}' });

    await expect(makeClient().models.list()).resolves.toBeDefined();
    await expect(makeClient().models.retrieve('gpt-4o-mini')).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    expect(fault).toMatchObject({ kind: 'server-error', hits: 1, remaining: Infinity });
    fault.remove();
    await expect(makeClient().models.retrieve('gpt-4o-mini')).resolves.toMatchObject({ id: 'gpt-4o-mini' });
    expect(statuses()).toEqual([200, 500, 200]);
  });

  test('a RegExp is tested against the path; a predicate sees method, path, query and body', async () => {
    openaiMock.fault('rate-limit', { route: /^\/v1\/embeddings$/ });
    openaiMock.fault('server-error', { route: (request) => (request.body as { model?: string } | null)?.model === 'gpt-4o' });

    await expect(makeClient().embeddings.create({ model: 'text-embedding-3-small', input: 'x' })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(makeClient().chat.completions.create({ model: 'gpt-4o', messages })).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(chat(makeClient())).resolves.toBeDefined();
  });

  test('times: n hits the first n matching requests; faults are tried in the order they were added', async () => {
    const first = openaiMock.fault('rate-limit', { times: 1 });
    const second = openaiMock.fault('server-error', { times: 2 });
    for (let i = 0; i < 4; i++) await makeClient().models.list().catch(() => undefined);

    expect(statuses()).toEqual([429, 500, 500, 200]);
    expect(openaiMock.faults.list()).toEqual([first, second]);
    expect([first.remaining, second.remaining]).toEqual([0, 0]);
  });

  test('a seeded probability hits the same requests on every run', async () => {
    const run = async (seed: number) => {
      openaiMock.reset();
      openaiMock.fault('rate-limit', { probability: 0.3, seed });
      for (let i = 0; i < 20; i++) await makeClient().models.list().catch(() => undefined);
      return statuses().map((s) => (s === 429 ? 'x' : '.')).join('');
    };

    const once = await run(7);
    expect(await run(7)).toBe(once);
    expect(once).toMatch(/x/);
    expect(once).toMatch(/\./);
    expect(await run(8)).not.toBe(once);
  });

  test('reset() removes every fault', async () => {
    openaiMock.fault('server-error');
    openaiMock.reset();
    await expect(makeClient().models.list()).resolves.toBeDefined();
    expect(openaiMock.faults.list()).toEqual([]);
  });
});

describe("clients on Node's http module (axios)", () => {
  const api = axios.create({ baseURL: 'https://api.openai.com/v1', headers: { authorization: 'Bearer sk-test-key' } });

  test('a reset connection is the socket error ECONNRESET', async () => {
    openaiMock.fault('connection-reset', { times: 1 });
    const error = await rejection(api.get('/models'));
    expect(axios.isAxiosError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ECONNRESET', message: 'read ECONNRESET' });
    await expect(api.get('/models')).resolves.toMatchObject({ status: 200 });
  });

  test("a request never answered ends with the client's own timeout", async () => {
    openaiMock.fault('timeout', { times: 1 });
    const error = await rejection(api.get('/models', { timeout: 50 }));
    expect(error).toMatchObject({ code: 'ECONNABORTED', message: 'timeout of 50ms exceeded' });
    expect(openaiMock.faults.held).toBe(0);
  });

  test('a 429 carries its headers', async () => {
    openaiMock.fault('rate-limit', { retryAfterMs: 20_000 });
    const error = await rejection(api.get('/models'));
    expect(error).toMatchObject({ response: { status: 429, headers: { 'retry-after': '20', 'x-ratelimit-reset-requests': '20s' } } });
  });
});

describe('held requests never outlive a test', () => {
  test.each([
    ['reset()', () => openaiMock.reset()],
    ['uninstall()', () => openaiMock.uninstall().install()],
    ['faults.clear()', () => openaiMock.faults.clear()],
  ])('%s ends a request never answered with an error the SDK does not retry', async (_, release) => {
    vi.useFakeTimers();
    try {
      openaiMock.fault('timeout', { route: 'GET /v1/models' });
      const call = makeClient({ maxRetries: 2 }).models.list();
      await advanceTime(0);
      expect(openaiMock.faults.held).toBe(1);
      release();
      const error = await rejection(call);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(error).toMatchObject({
        status: 408,
        message:
          "408 [openai-mock] This request was held unanswered by a 'timeout' fault until the mock let go of it (reset(), uninstall() or faults.clear()). It is not retried.",
      });
      // A retry would outlive the test (or, after uninstall, reach the network): none comes.
      const logged = openaiMock.requests.length;
      await advanceTime(10_000);
      expect(openaiMock.requests.length).toBe(logged);
      expect(openaiMock.faults.held).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test('with real timers, latency waits on the mock clock: advanceTime (or clock.advance) lets it through', async () => {
    openaiMock.fault('latency', { ms: 60_000 });
    const call = makeClient({ fetch: openaiMock.fetch }).models.list();
    await vi.waitFor(() => expect(openaiMock.faults.held).toBe(1));
    await advanceTime(60_000); // moves the mock clock, which is what the answer waits for
    await expect(call).resolves.toBeDefined();
  });

  test('uninstall() answers a delayed request at once', async () => {
    openaiMock.fault('latency', { ms: 60_000 });
    const call = makeClient({ fetch: openaiMock.fetch }).models.list();
    await vi.waitFor(() => expect(openaiMock.faults.held).toBe(1));
    openaiMock.uninstall();
    try {
      await expect(call).resolves.toBeDefined();
    } finally {
      openaiMock.install();
    }
  });
});

describe('misuse', () => {
  test.each([
    [() => openaiMock.fault('boom' as 'timeout'), "Unknown fault kind \"boom\": use one of 'rate-limit', 'server-error', 'request-timeout', 'connection-reset', 'timeout', 'latency'."],
    [() => openaiMock.fault('rate-limit', { probability: 1.5 }), 'probability must be a number above 0 and at most 1 (got 1.5), such as 0.25 to hit one request in four.'],
    [() => openaiMock.fault('rate-limit', { probability: 0 }), 'probability must be a number above 0 and at most 1 (got 0), such as 0.25 to hit one request in four.'],
    [() => openaiMock.fault('timeout', { times: 0 }), 'times must be a whole number, 1 or more (got 0); leave it out to hit every matching request.'],
    [() => openaiMock.fault('latency', {} as { ms: number }), "A latency fault needs ms, a finite number of milliseconds, 0 or more (got undefined): openaiMock.fault('latency', { ms: 2000 })."],
    [() => openaiMock.fault('server-error', { status: 504 as 500 }), "A server-error fault answers 500, 502 or 503 (got 504); for a 408 use the 'request-timeout' kind, for a 429 'rate-limit'."],
    [() => openaiMock.fault('server-error', { route: 'chat/completions' }), 'Cannot read the fault route "chat/completions": write a method and a path (\'POST /v1/chat/completions\'), a path alone (\'/v1/files\'), a RegExp or a predicate.'],
  ])('%#: a coded error says how to fix it', (misuse, message) => {
    let thrown: unknown;
    try {
      misuse();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OpenAIMockError);
    expect(thrown).toMatchObject({ code: 'ERR_OPENAI_MOCK_INVALID_FAULT', message: `[openai-mock] ${message}` });
    expect(openaiMock.faults.list()).toEqual([]);
  });

  test('a route predicate that throws answers a 500 saying so, and the SDK does not retry it', async () => {
    openaiMock.fault('rate-limit', {
      route: () => {
        throw new Error('oops');
      },
    });
    const error = await rejection(makeClient({ maxRetries: 2 }).models.list());
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as Error).message).toBe(
      '500 [openai-mock] The route predicate of fault #1 threw while looking at GET /v1/models: oops. Make it return true or false for every request.',
    );
    expect(statuses()).toEqual([500]);
  });
});
