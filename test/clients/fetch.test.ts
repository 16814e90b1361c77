// Node's global fetch (undici) against the REST API directly, with no SDK in between: the mock
// must answer what any HTTP client sends, not only what the `openai` package sends.
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';

const API = 'https://api.openai.com/v1';
const auth = { authorization: 'Bearer sk-test-key' };
const json = { ...auth, 'content-type': 'application/json' };

interface ErrorEnvelope {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** The `data:` payloads of a server-sent event stream, `[DONE]` included, in order. */
async function sseData(body: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      expect(frame).toMatch(/^data: /);
      return frame.slice('data: '.length);
    });
}

describe('plain fetch', () => {
  test('a JSON POST to /v1/chat/completions gets a chat.completion', async () => {
    const response = await fetch(`${API}/chat/completions`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toBe('req_mock000001');
    expect(await response.json()).toMatchObject({
      id: 'chatcmpl-mock000001',
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Mock reply to: "Hello there"' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) },
    });
    expect(openaiMock.requests).toMatchObject([
      { method: 'POST', path: '/v1/chat/completions', status: 200, body: { model: 'gpt-4o-mini' } },
    ]);
  });

  test('a scripted reply reaches a fetch caller too', async () => {
    openaiMock.replyOnce('Scripted for fetch.');
    const response = await fetch(`${API}/chat/completions`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content).toBe('Scripted for fetch.');
    expect(openaiMock.pendingReplies).toBe(0);
  });

  test('GET /v1/models lists the catalogue', async () => {
    const response = await fetch(`${API}/models`, { headers: auth });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { object: string; data: { id: string; object: string; owned_by: string }[] };
    expect(page.object).toBe('list');
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((m) => m.object === 'model')).toBe(true);
    expect(page.data.map((m) => m.id)).toContain('gpt-4o-mini');
    expect(page.data.map((m) => m.id).sort()).toEqual(openaiMock.models.all().map((m) => m.id).sort());
  });

  test('a multipart upload with FormData and Blob, then its content downloaded', async () => {
    const jsonl = `${JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] })}\n`;
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new Blob([jsonl], { type: 'application/jsonl' }), 'train.jsonl');

    const created = await fetch(`${API}/files`, { method: 'POST', headers: auth, body: form });
    expect(created.status).toBe(200);
    const file = (await created.json()) as { id: string; object: string; bytes: number; filename: string; purpose: string; status: string };
    expect(file).toMatchObject({
      id: 'file-mock000001',
      object: 'file',
      bytes: Buffer.byteLength(jsonl),
      filename: 'train.jsonl',
      purpose: 'fine-tune',
      status: 'uploaded',
    });
    expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl', purpose: 'fine-tune', content: jsonl });
    expect(openaiMock.requests[0]!.body).toEqual({
      purpose: 'fine-tune',
      file: { filename: 'train.jsonl', bytes: Buffer.byteLength(jsonl), contentType: 'application/jsonl' },
    });

    const content = await fetch(`${API}/files/${file.id}/content`, { headers: auth });
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('application/octet-stream');
    expect(await content.text()).toBe(jsonl);

    const retrieved = await fetch(`${API}/files/${file.id}`, { headers: auth });
    expect(await retrieved.json()).toEqual(file);
  });

  test('binary bytes arrive unchanged; a user_data file cannot be downloaded, as on the API', async () => {
    // Every byte value, as a fetch caller would send an image or an archive.
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const form = new FormData();
    form.append('purpose', 'user_data');
    form.append('file', new Blob([bytes]), 'blob.bin');
    const created = await fetch(`${API}/files`, { method: 'POST', headers: auth, body: form });
    const file = (await created.json()) as { id: string; bytes: number; purpose: string };
    expect(file).toMatchObject({ bytes: 256, purpose: 'user_data' });
    expect(openaiMock.files.content(file.id)).toEqual(bytes);

    const content = await fetch(`${API}/files/${file.id}/content`, { headers: auth });
    expect(content.status).toBe(400);
    expect(await content.json()).toEqual({
      error: { message: 'Not allowed to download files of purpose: user_data', type: 'invalid_request_error', param: null, code: null },
    });
  });

  test('an unknown file is a 404 in the OpenAI error envelope', async () => {
    const response = await fetch(`${API}/files/file-nope/content`, { headers: auth });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as ErrorEnvelope;
    expect(body).toEqual({
      error: { message: 'No such File object: file-nope', type: 'invalid_request_error', param: 'id', code: null },
    });
    expect(openaiMock.requests).toMatchObject([{ method: 'GET', path: '/v1/files/file-nope/content', status: 404 }]);
  });

  test('a request body that is not JSON is a 400 in the envelope', async () => {
    const response = await fetch(`${API}/chat/completions`, { method: 'POST', headers: json, body: '{"model":' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorEnvelope;
    expect(body.error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('could not parse the JSON body') });
  });

  test('a streamed chat completion read from response.body: data frames, then [DONE]', async () => {
    openaiMock.replyOnce('Streaming works over plain fetch.');
    const response = await fetch(`${API}/chat/completions`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Stream please' }],
        stream: true,
        stream_options: { include_usage: true },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    const frames = await sseData(response.body!);
    expect(frames.at(-1)).toBe('[DONE]');
    const chunks = frames.slice(0, -1).map(
      (f) =>
        JSON.parse(f) as {
          id: string;
          object: string;
          choices: { delta: { role?: string; content?: string | null }; finish_reason: string | null }[];
          usage?: { total_tokens: number } | null;
        },
    );
    expect(chunks.length).toBeGreaterThan(2);
    expect(new Set(chunks.map((c) => c.object))).toEqual(new Set(['chat.completion.chunk']));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.flatMap((c) => c.choices.map((choice) => choice.delta.content ?? '')).join('');
    expect(text).toBe('Streaming works over plain fetch.');
    const finishes = chunks.flatMap((c) => c.choices.map((choice) => choice.finish_reason)).filter((r) => r !== null);
    expect(finishes).toEqual(['stop']);
    // include_usage: a last chunk with no choices carries the usage.
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: expect.any(Number) } });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', { stream: true });
  });
});
