import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createOpenAIMock, OpenAIMock, OpenAIMockError, type OpenAIMock as Mock } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { startLocalServer, type LocalServer } from '../support/local-server.js';

let server: LocalServer;
const mocks: Mock[] = [];

function track(mock: Mock): Mock {
  mocks.push(mock);
  return mock;
}

function interceptorsFor(origin: string): string[] {
  const host = new URL(origin).host;
  return nock.activeMocks().filter((key) => key.includes(`//${host}`));
}

beforeAll(async () => {
  server = await startLocalServer();
});

afterEach(() => {
  for (const mock of mocks.splice(0)) mock.uninstall();
  server.requests.length = 0;
});

afterAll(async () => {
  await server.close();
});

describe('install / uninstall', () => {
  test('the plugin installed its mock for this file', () => {
    expect(openaiMock.installed).toBe(true);
  });

  test('install is idempotent: one set of interceptors, one answer per request', async () => {
    const mock = track(createOpenAIMock({ baseURLs: [`${server.origin}/v1`] }));
    expect(mock.installed).toBe(false);
    expect(mock.install()).toBe(mock);
    const once = interceptorsFor(server.origin).length;
    expect(once).toBeGreaterThan(0);
    mock.install();
    mock.install();
    expect(mock.installed).toBe(true);
    expect(interceptorsFor(server.origin)).toHaveLength(once);

    await makeClient({ baseURL: `${server.origin}/v1` }).files.list();
    expect(mock.requests).toHaveLength(1);
    expect(server.requests).toEqual([]);
  });

  test('uninstall is idempotent and safe before install', () => {
    const mock = track(createOpenAIMock({ baseURLs: [`${server.origin}/v1`] }));
    expect(() => mock.uninstall()).not.toThrow();
    mock.install();
    expect(mock.uninstall()).toBe(mock);
    expect(() => mock.uninstall()).not.toThrow();
    expect(mock.installed).toBe(false);
    expect(interceptorsFor(server.origin)).toEqual([]);
  });

  test('after uninstall its origin is no longer answered by it; reinstalling answers again', async () => {
    const mock = track(createOpenAIMock({ baseURLs: [`${server.origin}/v1`] }).install());
    const client = makeClient({ baseURL: `${server.origin}/v1` });
    const page = await client.files.list();
    expect(page.data).toEqual([]);
    expect(server.requests).toEqual([]);

    mock.uninstall();
    const passedThrough = await client.get('/files');
    expect(passedThrough).toEqual({ served_by: 'local-server', method: 'GET', url: '/v1/files' });
    expect(server.requests).toHaveLength(1);
    expect(mock.requests).toHaveLength(1);

    mock.install();
    await client.files.list();
    expect(mock.requests).toHaveLength(2);
    expect(server.requests).toHaveLength(1);
  });

  test('uninstall keeps state until reset', async () => {
    const mock = track(createOpenAIMock({ baseURLs: [`${server.origin}/v1`] }).install());
    await makeClient({ baseURL: `${server.origin}/v1` }).files.list();
    mock.uninstall();
    expect(mock.requests).toHaveLength(1);
    mock.reset();
    expect(mock.requests).toEqual([]);
    expect(mock.installed).toBe(false);
  });

  test('uninstalling a standalone mock leaves the plugin’s mock answering', async () => {
    const mock = track(createOpenAIMock({ baseURLs: [`${server.origin}/v1`] }).install());
    mock.uninstall();
    expect((await makeClient().files.list()).data).toEqual([]);
    expect(openaiMock.requests).toHaveLength(1);
  });

  test('a mock built without a transport cannot be installed, and says so', () => {
    const bare = new OpenAIMock();
    let thrown: unknown;
    try {
      bare.install();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OpenAIMockError);
    expect(thrown).toMatchObject({ code: 'ERR_OPENAI_MOCK_TRANSPORT' });
    expect(bare.installed).toBe(false);
  });
});
