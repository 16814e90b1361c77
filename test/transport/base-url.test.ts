import { afterEach, describe, expect, test, vi } from 'vitest';
import { createOpenAIMock, type OpenAIMock } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient, uploadTrainingFile } from '../support/client.js';

const mocks: OpenAIMock[] = [];

function install(mock: OpenAIMock): OpenAIMock {
  mocks.push(mock);
  return mock.install();
}

afterEach(() => {
  for (const mock of mocks.splice(0)) mock.uninstall();
  vi.unstubAllEnvs();
});

describe('baseURLs option', () => {
  test('a mock for a gateway base URL serves a client pointed at it', async () => {
    const mock = install(createOpenAIMock({ baseURLs: ['http://localhost:4010/openai/v1'] }));
    const client = makeClient({ baseURL: 'http://localhost:4010/openai/v1' });

    const file = await uploadTrainingFile(client);
    const page = await client.files.list({ limit: 10 });
    expect(page.data.map((f) => f.id)).toEqual([file.id]);
    await expect(client.files.retrieve(file.id)).resolves.toMatchObject({ id: file.id, filename: 'train.jsonl' });

    // The log keeps the path as sent, base path included.
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /openai/v1/files',
      'GET /openai/v1/files',
      `GET /openai/v1/files/${file.id}`,
    ]);
    expect(mock.requests[1]!.query).toEqual({ limit: '10' });
    // Its state is its own: the plugin's mock saw nothing.
    expect(openaiMock.requests).toEqual([]);
    expect(openaiMock.files.size).toBe(0);
    expect(mock.files.size).toBe(1);
  });

  test('unknown paths on that origin get the API’s 404 naming the path as sent', async () => {
    install(createOpenAIMock({ baseURLs: ['http://localhost:4010/openai/v1'] }));
    const client = makeClient({ baseURL: 'http://localhost:4010/openai/v1' });
    await expect(client.post('/foo')).rejects.toMatchObject({
      status: 404,
      message: '404 Invalid URL (POST /openai/v1/foo)',
    });
    const outside = await fetch('http://localhost:4010/health', { headers: { authorization: 'Bearer sk-test' } });
    expect(outside.status).toBe(404);
  });

  test('a base URL without a path serves the routes at the origin’s root', async () => {
    const mock = install(createOpenAIMock({ baseURLs: ['http://localhost:4012'] }));
    const client = makeClient({ baseURL: 'http://localhost:4012' });
    const file = await uploadTrainingFile(client);
    expect((await client.files.retrieve(file.id)).id).toBe(file.id);
    expect(mock.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/files 200', `/files/${file.id} 200`]);
  });
});

describe('OPENAI_BASE_URL', () => {
  test('a mock created while it is set serves the SDK’s default client, which reads it too', async () => {
    vi.stubEnv('OPENAI_BASE_URL', 'http://localhost:4011/v1');
    const mock = install(createOpenAIMock());
    expect(mock.config.baseURLs.map((u) => u.href)).toContain('http://localhost:4011/v1');

    const client = makeClient(); // no baseURL: the SDK takes OPENAI_BASE_URL
    expect(client.baseURL).toBe('http://localhost:4011/v1');
    const { response } = await client.files.list().withResponse();
    expect(response.url).toBe('http://localhost:4011/v1/files');
    expect(mock.requests).toMatchObject([{ method: 'GET', path: '/v1/files', status: 200 }]);
    expect(openaiMock.requests).toEqual([]);
  });
});
