import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import type { FaultRequest } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient, uploadTrainingFile } from '../support/client.js';

const API_KEY = 'sk-secret-key-123';
const client = makeClient({ apiKey: API_KEY });

describe('openaiMock.requests', () => {
  test('records method, path, query, body, status and request id', async () => {
    const { response } = await client.files.list({ limit: 5, order: 'asc', purpose: 'fine-tune' }).withResponse();
    expect(openaiMock.requests).toHaveLength(1);
    expect(openaiMock.requests[0]).toMatchObject({
      method: 'GET',
      path: '/v1/files',
      query: { limit: '5', order: 'asc', purpose: 'fine-tune' },
      body: null,
      status: 200,
      requestId: response.headers.get('x-request-id'),
    });
  });

  test('a multipart upload is logged with its fields and a summary of the file', async () => {
    const file = await uploadTrainingFile(client, '{"a":1}\n', 'train.jsonl');
    expect(openaiMock.requests).toHaveLength(1);
    const [request] = openaiMock.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/files', query: {}, status: 200 });
    expect(request!.body).toEqual({
      purpose: 'fine-tune',
      file: { filename: 'train.jsonl', bytes: 8, contentType: expect.any(String) },
    });
    expect(file.bytes).toBe(8);
  });

  test('a JSON body is logged as parsed, with the status the mock answered', async () => {
    const error = await client.fineTuning.jobs
      .create({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-nope', suffix: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const status = (error as InstanceType<typeof OpenAI.APIError>).status;
    expect(status).toBeGreaterThanOrEqual(400);
    expect(openaiMock.requests).toMatchObject([
      {
        method: 'POST',
        path: '/v1/fine_tuning/jobs',
        body: { model: 'gpt-4o-mini-2024-07-18', training_file: 'file-nope', suffix: 'x' },
        status,
      },
    ]);
  });

  test('error statuses are recorded, in order', async () => {
    await client.files.retrieve('file-nope').catch(() => undefined);
    await client.files.list({ limit: 0 }).catch(() => undefined);
    await client.files.list();
    expect(openaiMock.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v1/files/file-nope 404',
      'GET /v1/files 400',
      'GET /v1/files 200',
    ]);
  });

  test('the Authorization header is redacted and the key appears nowhere in the log', async () => {
    await client.files.list();
    await fetch('https://api.openai.com/v1/files', { headers: { 'api-key': 'azure-secret-456', authorization: 'Bearer sk-other-789' } });
    expect(openaiMock.requests[0]!.headers['authorization']).toBe('Bearer [REDACTED]');
    expect(openaiMock.requests[1]!.headers['api-key']).toBe('[REDACTED]');
    const serialised = JSON.stringify(openaiMock.requests);
    for (const secret of [API_KEY, 'azure-secret-456', 'sk-other-789']) expect(serialised).not.toContain(secret);
    // Other headers are kept.
    expect(openaiMock.requests[0]!.headers['user-agent']).toMatch(/^OpenAI\/JS /);
  });

  test('query, header and form-field names are data, even when named like Object.prototype’s properties', async () => {
    // A fault that never hits, to see what a route predicate is given.
    const seen: FaultRequest[] = [];
    openaiMock.fault('server-error', {
      route: (request) => {
        seen.push(request);
        return false;
      },
    });
    await client.get('/files', { query: { constructor: 'a' } });
    await fetch('https://api.openai.com/v1/files?__proto__=c&__proto__=d&toString=e', {
      headers: { authorization: `Bearer ${API_KEY}`, constructor: 'f' },
    });
    // undici never sends a header named __proto__; the fast path gets it as the client gave it.
    await openaiMock.fetch('https://api.openai.com/v1/files', { headers: [['authorization', `Bearer ${API_KEY}`], ['__proto__', 'g']] });
    const form = new FormData();
    form.append('constructor', 'h');
    form.append('__proto__', new File(['{}'], 'a.jsonl'));
    await fetch('https://api.openai.com/v1/files', { method: 'POST', headers: { authorization: `Bearer ${API_KEY}` }, body: form });

    const [sdk, plain, fast, upload] = openaiMock.requests;
    expect(sdk!.query).toStrictEqual({ constructor: 'a' });
    expect(plain!.query).toStrictEqual({ ['__proto__']: ['c', 'd'], toString: 'e' });
    expect(plain!.headers).toMatchObject({ constructor: 'f' });
    expect(fast!.headers).toMatchObject({ ['__proto__']: 'g' });
    expect(upload!.body).toStrictEqual({ constructor: 'h', ['__proto__']: { filename: 'a.jsonl', bytes: 2, contentType: expect.any(String) } });
    for (const dictionary of [sdk!.query, plain!.query, plain!.headers, fast!.headers, upload!.body]) {
      expect(Object.getPrototypeOf(dictionary)).toBe(Object.prototype);
    }
    // Route predicates see the same query and body as the log.
    expect(seen.map(({ query, body }) => ({ query, body }))).toStrictEqual(openaiMock.requests.map(({ query, body }) => ({ query, body })));

    // And so does requests.jsonl.
    const dir = mkdtempSync(join(tmpdir(), 'openai-mock-log-'));
    try {
      const written = openaiMock.writeState(dir);
      const lines = readFileSync(join(written, 'requests.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { query: unknown });
      expect(lines.map((line) => line.query)).toStrictEqual([{ constructor: 'a' }, JSON.parse('{"__proto__":["c","d"],"toString":"e"}'), {}, {}]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reset() empties it and restarts the request ids', async () => {
    await client.files.list();
    await client.files.list();
    expect(openaiMock.requests).toHaveLength(2);
    openaiMock.reset();
    expect(openaiMock.requests).toEqual([]);
    const { request_id } = await client.files.list().withResponse();
    expect(openaiMock.requests).toHaveLength(1);
    expect(request_id).toBe(openaiMock.requests[0]!.requestId);
    expect(request_id).toBe('req_mock000001');
  });

  test('the plugin starts every test with an empty log', () => {
    expect(openaiMock.requests).toEqual([]);
  });

  test('each entry records when it arrived on the mock’s clock', async () => {
    const before = openaiMock.clock.now();
    await client.files.list();
    openaiMock.clock.advance(60_000);
    await client.files.list();
    const [first, second] = openaiMock.requests;
    expect(first!.at).toBeGreaterThanOrEqual(before);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(60_000);
  });
});
