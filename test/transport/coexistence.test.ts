import nock from 'nock';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { startLocalServer, type LocalServer } from '../support/local-server.js';

const client = makeClient();
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer();
});

afterEach(() => {
  // What a user's own suite typically does after each test.
  nock.cleanAll();
  nock.enableNetConnect();
  server.requests.length = 0;
});

afterAll(async () => {
  await server.close();
});

describe("the user's own nock", () => {
  test('a scope for another host works while the mock is installed', async () => {
    const scope = nock('https://example.test').get('/x').reply(200, 'ok');
    const response = await fetch('https://example.test/x');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expect(scope.isDone()).toBe(true);

    // The mock still answers OpenAI, and it did not see the user's request.
    expect((await client.files.list()).data).toEqual([]);
    expect(openaiMock.requests.map((r) => r.path)).toEqual(['/v1/files']);
  });

  test("the mock's interceptors never make nock.isDone() false or show as pending", async () => {
    expect(nock.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    nock('https://example.test').get('/x').reply(200, 'ok');
    expect(nock.isDone()).toBe(false);
    expect(nock.pendingMocks()).toEqual(['GET https://example.test:443/x']);
    await fetch('https://example.test/x');
    await client.files.list();
    expect(nock.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  test('after nock.cleanAll() the OpenAI mock still answers and the user’s scopes are gone', async () => {
    nock('https://example.test').get('/x').reply(200, 'ok').persist();
    nock.cleanAll();
    expect(nock.activeMocks().some((key) => key.includes('example.test'))).toBe(false);

    const { data, response } = await client.files.list().withResponse();
    expect(data.data).toEqual([]);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(openaiMock.requests).toHaveLength(1);

    // Twice in a row, and with the network closed: still answered in process.
    nock.cleanAll();
    nock.disableNetConnect();
    await expect(client.files.retrieve('file-nope')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(fetch('https://example.test/x')).rejects.toThrow();
    expect(openaiMock.requests).toHaveLength(2);
  });

  test('reset() re-activates nock after the user called nock.restore()', async () => {
    nock.restore();
    expect(nock.isActive()).toBe(false);
    openaiMock.reset();
    // Checked before any request, so a failure here never reaches the real API.
    expect(nock.isActive()).toBe(true);
    expect((await client.files.list()).data).toEqual([]);
    expect(openaiMock.requests).toHaveLength(1);
  });

  test('a host nobody mocks is not touched by us', async () => {
    const response = await fetch(`${server.origin}/health?check=1`, { headers: { authorization: 'Bearer sk-test' } });
    expect(await response.json()).toEqual({ served_by: 'local-server', method: 'GET', url: '/health?check=1' });
    expect(response.headers.get('x-request-id')).toBeNull();
    expect(server.requests).toHaveLength(1);
    expect(openaiMock.requests).toEqual([]);
  });

  test('a user stub on an OpenAI route wins over the mock, then the mock answers again', async () => {
    const stub = nock('https://api.openai.com')
      .get('/v1/vector_stores')
      .reply(200, { object: 'list', data: [{ id: 'vs_user' }], has_more: false }, { 'content-type': 'application/json' });
    const page = await client.vectorStores.list();
    expect(page.data.map((s) => s.id)).toEqual(['vs_user']);
    expect(stub.isDone()).toBe(true);
    expect(openaiMock.requests).toEqual([]);

    // Consumed: the mock's own answer comes back.
    await expect(client.vectorStores.list()).rejects.toMatchObject({ status: 501 });
    expect(openaiMock.requests).toHaveLength(1);
  });

  test('a user stub can inject a failure into a route the mock serves', async () => {
    nock('https://api.openai.com')
      .get('/v1/files')
      .reply(
        500,
        { error: { message: 'injected', type: 'server_error', param: null, code: null } },
        { 'content-type': 'application/json' },
      );
    const error = await client.files.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as Error).message).toBe('500 injected');
    expect((await client.files.list()).data).toEqual([]);
    expect(openaiMock.requests.map((r) => r.status)).toEqual([200]);
  });
});

describe('nock.restore()', () => {
  test('turns interception off; the reset before the next test turns it back on', async () => {
    nock.restore();
    expect(nock.isActive()).toBe(false);
    openaiMock.reset(); // what the Vitest entry does before every test
    expect(nock.isActive()).toBe(true);
    // The client built at import time, before restore(), is caught again too.
    await expect(client.files.list()).resolves.toMatchObject({ data: [] });
    expect(openaiMock.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /v1/files 200']);
  });
});
