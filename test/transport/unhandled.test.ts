import { inspect } from 'node:util';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  createOpenAIMock,
  type OpenAIMock,
  type UnhandledRequest,
  type UnhandledRequestStrategy,
} from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { startLocalServer, type LocalServer } from '../support/local-server.js';
import { rejection } from '../support/errors.js';

const API = 'https://api.openai.com/v1';
const auth = { authorization: 'Bearer sk-test' };

let server: LocalServer;
const extraMocks: OpenAIMock[] = [];

beforeAll(async () => {
  server = await startLocalServer();
});

afterEach(() => {
  for (const mock of extraMocks.splice(0)) mock.uninstall();
  server.requests.length = 0;
  vi.restoreAllMocks();
});

afterAll(async () => {
  await server.close();
});

/** A mock on the local server's origin, so anything it lets through lands there and nowhere else. */
function localMock(onUnhandledRequest: UnhandledRequestStrategy): OpenAIMock {
  const mock = createOpenAIMock({ baseURLs: [`${server.origin}/v1`], onUnhandledRequest });
  extraMocks.push(mock);
  return mock.install();
}

function localClient(): OpenAI {
  return makeClient({ baseURL: `${server.origin}/v1` });
}

describe("onUnhandledRequest: 'error' (the default)", () => {
  test('a real OpenAI route the mock does not serve is an error naming the method and path', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = await rejection(makeClient().vectorStores.list());
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(501);
    expect(apiError.code).toBe('openai_mock_unhandled_route');
    expect(apiError.message).toContain('openai-mock does not serve GET /v1/vector_stores');
    expect(apiError.headers?.get('x-should-retry')).toBe('false');
    expect(warn).not.toHaveBeenCalled();
  });

  test('the SDK does not retry it, even with its default retries (x-should-retry: false)', async () => {
    const client = new OpenAI({ apiKey: 'sk-test' }); // default maxRetries: 2
    await expect(client.vectorStores.list()).rejects.toMatchObject({ status: 501 });
    expect(openaiMock.requests).toHaveLength(1);
    expect(openaiMock.requests[0]).toMatchObject({ method: 'GET', path: '/v1/vector_stores', status: 501 });
    expect(openaiMock.requests[0]!.headers['x-stainless-retry-count']).toBe('0');
  });

  test('a URL the API does not have is its 404 Invalid URL (METHOD /path)', async () => {
    const error = await rejection(makeClient().post('/foo', { body: { a: 1 } }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, param: null, code: null, type: 'invalid_request_error' });
    expect((error as Error).message).toBe('404 Invalid URL (POST /v1/foo)');

    const response = await fetch(`${API}/foo`, { method: 'POST', headers: auth });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toStrictEqual({
      error: { message: 'Invalid URL (POST /v1/foo)', type: 'invalid_request_error', param: null, code: null },
    });
  });

  test('a path outside the base path, on an OpenAI origin, is answered too (never sent out)', async () => {
    const response = await fetch('https://api.openai.com/v2/files', { headers: auth });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid URL (GET /v2/files)',
    );
  });
});

describe("onUnhandledRequest: 'warn'", () => {
  test('answers the same error and warns on the console, naming method and path', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const mock = localMock('warn');
    const client = localClient();

    await expect(client.vectorStores.list()).rejects.toMatchObject({ status: 501 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^\[openai-mock\] openai-mock does not serve GET \/v1\/vector_stores/);

    await expect(client.post('/foo')).rejects.toMatchObject({ status: 404 });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]![0]).toBe('[openai-mock] Invalid URL (POST /v1/foo)');

    // Served routes do not warn; nothing reached the network.
    await client.files.list();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(server.requests).toEqual([]);
    expect(mock.requests.map((r) => r.status)).toEqual([501, 404, 200]);
  });
});

describe("onUnhandledRequest: 'bypass'", () => {
  test('lets unserved requests through to the network and still answers served ones', async () => {
    const mock = localMock('bypass');
    const client = localClient();

    const stores = await client.get('/vector_stores');
    expect(stores).toEqual({ served_by: 'local-server', method: 'GET', url: '/v1/vector_stores' });

    const invalid = await client.post('/foo', { body: { a: 1 } });
    expect(invalid).toEqual({ served_by: 'local-server', method: 'POST', url: '/v1/foo' });

    const files = await client.files.list();
    expect(files.data).toEqual([]);

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/vector_stores', 'POST /v1/foo']);
    // Requests let through are logged too, with status 0 and no request id of ours.
    expect(mock.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v1/vector_stores 0',
      'POST /v1/foo 0',
      'GET /v1/files 200',
    ]);
    expect(mock.requests[0]!.requestId).toBeNull();
  });

  test('the plugin’s own mock (another origin, strategy error) is unaffected', async () => {
    localMock('bypass');
    await expect(makeClient().vectorStores.list()).rejects.toMatchObject({ status: 501 });
    expect(server.requests).toEqual([]);
  });
});

describe('onUnhandledRequest: a function', () => {
  test('decides per request; it is given method, url and path; nothing means error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: UnhandledRequest[] = [];
    localMock((request) => {
      seen.push(request);
      if (request.path.startsWith('/v1/vector_stores')) return 'bypass';
      if (request.path === '/v1/foo') return 'warn';
      return undefined;
    });
    const client = localClient();

    expect(await client.get('/vector_stores')).toMatchObject({ served_by: 'local-server' });
    await expect(client.post('/foo')).rejects.toMatchObject({ status: 404 });
    expect(warn).toHaveBeenCalledTimes(1);
    await expect(client.get('/assistants')).rejects.toMatchObject({ status: 501 });
    expect(warn).toHaveBeenCalledTimes(1);

    expect(server.requests.map((r) => r.url)).toEqual(['/v1/vector_stores']);
    expect(seen).toContainEqual({ method: 'GET', url: `${server.origin}/v1/vector_stores`, path: '/v1/vector_stores' });
    expect(seen).toContainEqual({ method: 'POST', url: `${server.origin}/v1/foo`, path: '/v1/foo' });
    // Only the requests really made, with their real method: never one per method nock tries.
    expect(new Set(seen.map((r) => `${r.method} ${r.path}`))).toEqual(
      new Set(['GET /v1/vector_stores', 'POST /v1/foo', 'GET /v1/assistants']),
    );
    // And each exactly once, though the transport asks before the engine answers.
    expect(seen).toHaveLength(3);
  });

  test('is not consulted for routes the mock serves', async () => {
    const strategy = vi.fn(() => 'bypass' as const);
    localMock(strategy);
    await localClient().files.list();
    expect(strategy).not.toHaveBeenCalled();
    expect(server.requests).toEqual([]);
  });

  test.each(['nock', 'openaiMock.fetch'] as const)(
    'is consulted once per request, even for identical requests in flight together, and its answer holds (%s)',
    async (transport) => {
      const key = 'sk-unhandled-canary-5e0c2b71';
      // A strategy that changes its mind: an error for the first two requests, then let through.
      let calls = 0;
      const strategy = vi.fn((): 'error' | 'bypass' => (++calls <= 2 ? 'error' : 'bypass'));
      const mock = localMock(strategy);
      const client = makeClient({ baseURL: `${server.origin}/v1`, ...(transport === 'nock' ? {} : { fetch: mock.fetch }) });
      const results = await Promise.allSettled([
        client.get('/vector_stores', { query: { api_key: key } }),
        client.get('/vector_stores', { query: { api_key: key } }),
      ]);
      expect(strategy).toHaveBeenCalledTimes(2);
      // Each request is answered as the one decision made about it said.
      const outcomes = results.map((r) => (r.status === 'rejected' ? (r.reason as { status?: number }).status : 'fulfilled'));
      expect(outcomes).toEqual([501, 501]);
      expect(server.requests).toEqual([]);
      expect(mock.requests.map((r) => r.status)).toEqual([501, 501]);
      for (const result of results) expect(inspect(result, { depth: null })).not.toContain(key);
    },
  );
});
