// axios sends its requests through Node's http module (its `http` adapter), not through fetch:
// nock intercepts that path separately, and the mock must answer it the same way.
import axios, { type AxiosError, type AxiosResponse } from 'axios';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';

const api = axios.create({
  baseURL: 'https://api.openai.com/v1',
  headers: { authorization: 'Bearer sk-test-key' },
});

interface ErrorEnvelope {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** The AxiosError a request rejected with; fails if it resolved or threw something else. */
async function axiosRejection(promise: Promise<AxiosResponse>): Promise<AxiosError<ErrorEnvelope>> {
  try {
    await promise;
  } catch (error) {
    if (axios.isAxiosError<ErrorEnvelope>(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const trainingLine = `${JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] })}\n`;

describe('axios', () => {
  test('uses its http adapter here, the path nock intercepts apart from fetch', async () => {
    const response = await api.get('/models');
    // The http adapter leaves Node's IncomingMessage on response.request.res; fetch would not.
    expect((response.request as { res?: { constructor: { name: string } } }).res?.constructor.name).toBe('IncomingMessage');
    expect(response.status).toBe(200);
  });

  test('a JSON POST to /v1/chat/completions gets a chat.completion', async () => {
    openaiMock.replyOnce('Hello from the mock, axios.');
    const response = await api.post<{ object: string; model: string; choices: { message: { role: string; content: string } }[] }>(
      '/chat/completions',
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], temperature: 0 },
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-request-id']).toBe('req_mock000001');
    expect(response.data).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ message: { role: 'assistant', content: 'Hello from the mock, axios.' }, finish_reason: 'stop' }],
    });
  });

  test('toHaveReceivedRequest records the axios request, body parsed', async () => {
    await api.post('/embeddings', { model: 'text-embedding-3-small', input: ['alpha', 'beta'], dimensions: 8 });

    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/embeddings', { model: 'text-embedding-3-small', input: ['alpha', 'beta'] });
    expect(openaiMock).toHaveReceivedRequest('POST', /^\/v1\/embed/, { dimensions: 8 });
    expect(openaiMock).not.toHaveReceivedRequest('POST', '/v1/embeddings', { model: 'text-embedding-3-large' });
    expect(openaiMock).not.toHaveReceivedRequest('GET', '/v1/embeddings');
    expect(openaiMock.requests).toMatchObject([
      {
        method: 'POST',
        path: '/v1/embeddings',
        status: 200,
        headers: { authorization: 'Bearer [REDACTED]', 'content-type': 'application/json', 'user-agent': expect.stringMatching(/^axios\//) },
      },
    ]);
  });

  test('embeddings come back with the dimensions asked for', async () => {
    const { data } = await api.post<{ object: string; data: { index: number; embedding: number[] }[]; model: string }>('/embeddings', {
      model: 'text-embedding-3-small',
      input: ['alpha', 'beta'],
      dimensions: 8,
    });
    expect(data.object).toBe('list');
    expect(data.data.map((d) => d.index)).toEqual([0, 1]);
    expect(data.data.map((d) => d.embedding.length)).toEqual([8, 8]);
    expect(data.data[0]!.embedding).not.toEqual(data.data[1]!.embedding);
  });

  test('a multipart upload with FormData, then the file listed and downloaded', async () => {
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new Blob([trainingLine], { type: 'application/jsonl' }), 'train.jsonl');
    const created = await api.post<{ id: string; object: string; bytes: number; filename: string; purpose: string }>('/files', form);
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({
      id: 'file-mock000001',
      object: 'file',
      bytes: Buffer.byteLength(trainingLine),
      filename: 'train.jsonl',
      purpose: 'fine-tune',
    });
    expect(openaiMock.requests[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files', {
      purpose: 'fine-tune',
      file: { filename: 'train.jsonl', bytes: Buffer.byteLength(trainingLine), contentType: 'application/jsonl' },
    });
    expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl', content: trainingLine });

    const list = await api.get<{ data: { id: string }[] }>('/files', { params: { purpose: 'fine-tune', limit: 5 } });
    expect(list.data.data.map((f) => f.id)).toEqual([created.data.id]);
    expect(openaiMock.requests[1]).toMatchObject({ method: 'GET', path: '/v1/files', query: { purpose: 'fine-tune', limit: '5' } });

    const content = await api.get<ArrayBuffer>(`/files/${created.data.id}/content`, { responseType: 'arraybuffer' });
    expect(content.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.from(content.data).toString('utf8')).toBe(trainingLine);
  });

  test('a streamed chat completion read as a Node stream (responseType: stream)', async () => {
    openaiMock.replyOnce('Streamed to axios over http.');
    const response = await api.post<NodeJS.ReadableStream>(
      '/chat/completions',
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Stream' }], stream: true },
      { responseType: 'stream' },
    );
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    let raw = '';
    for await (const chunk of response.data) raw += chunk.toString();

    const frames = raw.split('\n\n').filter((f) => f !== '');
    expect(frames.every((f) => f.startsWith('data: '))).toBe(true);
    expect(frames.at(-1)).toBe('data: [DONE]');
    const deltas = frames
      .slice(0, -1)
      .map((f) => JSON.parse(f.slice('data: '.length)) as { choices: { delta: { content?: string | null } }[] })
      .map((chunk) => chunk.choices[0]?.delta.content ?? '');
    expect(deltas.join('')).toBe('Streamed to axios over http.');
  });

  test('a 404 rejects with the status and the error envelope in error.response.data', async () => {
    const error = await axiosRejection(api.get('/files/file-missing'));
    expect(error.response?.status).toBe(404);
    expect(error.response?.data).toEqual({
      error: { message: 'No such File object: file-missing', type: 'invalid_request_error', param: 'id', code: null },
    });
    expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files/file-missing');
    expect(openaiMock.requests[0]!.status).toBe(404);
  });

  test('a 400 for a missing parameter names it in the envelope', async () => {
    const error = await axiosRejection(api.post('/chat/completions', { model: 'gpt-4o-mini' }));
    expect(error.response?.status).toBe(400);
    expect(error.response?.data.error).toMatchObject({
      message: "Missing required parameter: 'messages'.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'missing_required_parameter',
    });
  });

  test('an endpoint the mock does not serve is refused in the envelope, never sent to the network', async () => {
    const error = await axiosRejection(api.post('/images/generations', { prompt: 'a cat' }));
    expect(error.response?.status).toBe(501);
    expect(error.response?.headers['x-should-retry']).toBe('false');
    expect(error.response?.data.error.message).toContain('POST /v1/images/generations');
  });
});
