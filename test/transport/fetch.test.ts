// The fast path: `openaiMock.fetch` handed to the SDK's `fetch` option. Requests reach the engine
// directly, without nock; these tests prove it serves the same state and answers as the default
// transport, through the official SDK.
import OpenAI, { toFile } from 'openai';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createOpenAIMock } from '../../src/index.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { chatLine, makeClient } from '../support/client.js';
import { startLocalServer } from '../support/local-server.js';

const fastClient = (options: ConstructorParameters<typeof OpenAI>[0] = {}) =>
  makeClient({ fetch: openaiMock.fetch, ...options });

afterEach(() => {
  vi.useRealTimers();
});

describe('openaiMock.fetch', () => {
  test('serves the same state as the default transport, both ways', async () => {
    const fast = fastClient();
    const viaNock = makeClient();
    const uploaded = await fast.files.create({ file: await toFile(Buffer.from(`${chatLine()}\n`), 'train.jsonl'), purpose: 'fine-tune' });

    await expect(viaNock.files.retrieve(uploaded.id)).resolves.toMatchObject({ id: uploaded.id, filename: 'train.jsonl', bytes: uploaded.bytes });
    const job = await viaNock.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: uploaded.id });
    await expect(fast.fineTuning.jobs.retrieve(job.id)).resolves.toMatchObject({ id: job.id, status: 'validating_files' });

    expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl', content: `${chatLine()}\n` });
    expect(openaiMock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/files',
      `GET /v1/files/${uploaded.id}`,
      'POST /v1/fine_tuning/jobs',
      `GET /v1/fine_tuning/jobs/${job.id}`,
    ]);
    // The key never reaches the log.
    expect(openaiMock.requests[0]!.headers['authorization']).toBe('Bearer [REDACTED]');
  });

  test('errors come back in the envelope, and the SDK raises its own classes', async () => {
    const error: unknown = await fastClient().files.retrieve('file-nope').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      error: { message: 'No such File object: file-nope', type: 'invalid_request_error', param: 'id', code: null },
    });
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get('x-request-id')).toBe('req_mock000001');
  });

  test('streams a chat completion the SDK reads chunk by chunk', async () => {
    openaiMock.replyOnce('Fast and streamed.');
    const stream = await fastClient().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say it' }],
      stream: true,
    });
    let text = '';
    let chunks = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      chunks += 1;
    }
    expect(text).toBe('Fast and streamed.');
    expect(chunks).toBeGreaterThan(2);
  });

  test('SDK sleeps pass under fake timers with advanceTime', async () => {
    vi.useFakeTimers();
    const client = fastClient();
    const file = await client.files.create({ file: await toFile(Buffer.from(`${chatLine()}\n`), 'train.jsonl'), purpose: 'fine-tune' });

    const waiting = client.files.waitForProcessing(file.id);
    await advanceTime(5_000);
    await expect(waiting).resolves.toMatchObject({ id: file.id, status: 'processed' });
  });

  test('an aborted request rejects as the SDK expects, and a pre-aborted one never reaches the mock', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(fastClient().models.list({ signal: controller.signal })).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    expect(openaiMock.requests).toEqual([]);
  });

  test('a response to HEAD has no body, whatever the status', async () => {
    const head = await openaiMock.fetch('https://api.openai.com/v1/models', { method: 'HEAD', headers: { authorization: 'Bearer k' } });
    expect(head.body).toBeNull();
    expect(await head.text()).toBe('');
    expect(openaiMock.requests.map((r) => r.method)).toEqual(['HEAD']);
  });

  test('other hosts go to the global fetch, untouched', async () => {
    const server = await startLocalServer();
    try {
      const response = await openaiMock.fetch(`${server.origin}/health?x=1`);
      expect(response.headers.get('x-served-by')).toBe('local-server');
      expect(await response.json()).toMatchObject({ served_by: 'local-server', method: 'GET', url: '/health?x=1' });
      expect(openaiMock.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test("requests the mock lets through ('bypass') go to the global fetch and are logged with status 0", async () => {
    const server = await startLocalServer();
    const mock = createOpenAIMock({ baseURLs: [`${server.origin}/v1`], onUnhandledRequest: 'bypass' });
    try {
      const client = makeClient({ baseURL: `${server.origin}/v1`, fetch: mock.fetch });
      const served = await client.files.list();
      expect(served.data).toEqual([]);
      // An endpoint the mock does not serve goes through to the server behind the base URL.
      const response = await mock.fetch(`${server.origin}/v1/realtime/sessions`, { method: 'POST', body: '{}' });
      expect(await response.json()).toMatchObject({ served_by: 'local-server', url: '/v1/realtime/sessions' });
      expect(mock.requests.map((r) => [r.method, r.path, r.status])).toEqual([
        ['GET', '/v1/files', 200],
        ['POST', '/v1/realtime/sessions', 0],
      ]);
      expect(server.requests.map((r) => r.url)).toEqual(['/v1/realtime/sessions']);
    } finally {
      await server.close();
    }
  });

  test('takes a Request or a plain init, as fetch does', async () => {
    const viaRequest = await openaiMock.fetch(
      new Request('https://api.openai.com/v1/embeddings', {
        method: 'POST',
        headers: { Authorization: 'Bearer k', 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: 'text-embedding-3-small', input: 'hello', dimensions: 4 }),
      }),
    );
    expect(viaRequest.status).toBe(200);
    expect((await viaRequest.json()) as unknown).toMatchObject({ data: [{ embedding: expect.any(Array) }] });

    // A string body that names no type is sent as text/plain, as fetch does; the API refuses it.
    const untyped = await openaiMock.fetch('https://api.openai.com/v1/embeddings', {
      method: 'post',
      headers: [['authorization', 'Bearer k']],
      body: '{}',
    });
    expect(untyped.status).toBe(400);
    expect(openaiMock.requests.map((r) => [r.method, r.headers['content-type']])).toEqual([
      ['POST', 'application/json'],
      ['POST', 'text/plain;charset=UTF-8'],
    ]);
  });

  test('works without install(): it talks to the engine, not to an interceptor', async () => {
    const mock = createOpenAIMock();
    expect(mock.installed).toBe(false);
    const page = await makeClient({ fetch: mock.fetch }).models.list();
    expect(page.data.length).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(1);
    // The plugin's installed mock saw nothing: the request never went through nock.
    expect(openaiMock.requests).toEqual([]);
  });
});
