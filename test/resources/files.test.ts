import OpenAI, { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FileObject } from '../../src/index.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { dataset, makeClient, uploadTrainingFile } from '../support/client.js';

const client = makeClient();

describe('POST /v1/files', () => {
  test('stores the upload and answers with a File object', async () => {
    const before = Math.floor(Date.now() / 1000);
    const file = await uploadTrainingFile(client);
    expect(file).toEqual({
      id: 'file-mock000001',
      object: 'file',
      bytes: Buffer.byteLength(dataset()),
      created_at: expect.any(Number),
      filename: 'train.jsonl',
      purpose: 'fine-tune',
      status: 'uploaded',
      status_details: null,
    });
    // The second may turn while the upload is answered, on a loaded machine.
    expect(file.created_at).toBeGreaterThanOrEqual(before);
    expect(file.created_at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(openaiMock.files.size).toBe(1);
  });

  test('keeps binary content byte for byte', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const file = await client.files.create({ file: await toFile(bytes, 'blob.bin'), purpose: 'user_data' });
    expect(file.bytes).toBe(256);
    expect(openaiMock.files.content(file.id)).toEqual(bytes);
  });

  test('reads bracketed expires_after fields from the multipart body', async () => {
    const file = await client.files.create({
      file: await toFile(Buffer.from('{}'), 'a.jsonl'),
      purpose: 'assistants',
      expires_after: { anchor: 'created_at', seconds: 3600 },
    });
    expect(file.expires_at).toBe(file.created_at + 3600);
    expect(openaiMock.requests[0]!.body).toMatchObject({ 'expires_after[seconds]': '3600', purpose: 'assistants' });
  });

  test('batch files expire after 30 days by default; others do not expire', async () => {
    const batch = await client.files.create({ file: await toFile(Buffer.from('{"custom_id":"a"}\n'), 'in.jsonl'), purpose: 'batch' });
    const tune = await uploadTrainingFile(client);
    expect(batch.expires_at).toBe(batch.created_at + 30 * 24 * 3600);
    expect(tune).not.toHaveProperty('expires_at');
  });

  test('an expired file is gone', async () => {
    const file = await client.files.create({
      file: await toFile(Buffer.from('x'), 'notes.txt'),
      purpose: 'user_data',
      expires_after: { anchor: 'created_at', seconds: 3600 },
    });
    await advanceTime(3600_000);
    await expect(client.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect(openaiMock.files.size).toBe(0);
  });

  test('rejects an unknown purpose with the API message', async () => {
    const error = await client.files
      .create({ file: await toFile(Buffer.from('{}'), 'a.jsonl'), purpose: 'vector_store' as 'batch' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      param: 'purpose',
      error: {
        message: "'vector_store' is not one of ['fine-tune', 'assistants', 'batch', 'user_data', 'vision', 'evals'] - 'purpose'",
        type: 'invalid_request_error',
        code: null,
      },
    });
    expect(openaiMock.files.size).toBe(0);
  });

  test('fine-tune files must be .jsonl', async () => {
    await expect(uploadTrainingFile(client, dataset(), 'train.csv')).rejects.toMatchObject({
      status: 400,
      error: { message: 'Invalid file format for Fine-Tuning API. Must be .jsonl' },
    });
  });

  test('batch files must start with a JSON request line', async () => {
    const upload = client.files.create({ file: await toFile(Buffer.from('not json\n'), 'in.jsonl'), purpose: 'batch' });
    await expect(upload).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Invalid file format') });
  });

  test('expires_after is checked', async () => {
    const upload = client.files.create({
      file: await toFile(Buffer.from('{}'), 'a.jsonl'),
      purpose: 'assistants',
      expires_after: { anchor: 'created_at', seconds: 60 },
    });
    await expect(upload).rejects.toMatchObject({ status: 400, param: 'expires_after.seconds', code: 'integer_below_min_value' });
  });

  test('a missing file part or a JSON body is a 400, and nothing is stored', async () => {
    const noFile = await fetch('https://api.openai.com/v1/files', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test' },
      body: (() => {
        const form = new FormData();
        form.set('purpose', 'fine-tune');
        return form;
      })(),
    });
    expect(noFile.status).toBe(400);
    expect(await noFile.json()).toEqual({
      error: { message: "Missing required parameter: 'file'.", type: 'invalid_request_error', param: 'file', code: 'missing_required_parameter' },
    });
    const json = await fetch('https://api.openai.com/v1/files', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ purpose: 'fine-tune' }),
    });
    expect(json.status).toBe(400);
    expect(openaiMock.files.size).toBe(0);
  });
});

describe('file processing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('uploaded for 2 s, then processed', async () => {
    const file = await uploadTrainingFile(client);
    await advanceTime(1999);
    expect((await client.files.retrieve(file.id)).status).toBe('uploaded');
    await advanceTime(1);
    expect((await client.files.retrieve(file.id)).status).toBe('processed');
    expect(openaiMock.files.get(file.id)?.status).toBe('processed');
  });

  test('the SDK waitForProcessing returns once the test lets time pass', async () => {
    const file = await uploadTrainingFile(client);
    const waiting = client.files.waitForProcessing(file.id);
    await advanceTime(5000);
    await expect(waiting).resolves.toMatchObject({ id: file.id, status: 'processed' });
  });

  test('processingMs: 0 gives the real API behaviour (processed at once)', async () => {
    openaiMock.configure({ files: { processingMs: 0 } });
    try {
      const file = await uploadTrainingFile(client);
      expect(file.status).toBe('processed');
    } finally {
      openaiMock.configure({ files: { processingMs: 2000 } });
    }
  });

  test('without fake timers, advanceTime moves only the mock clock', async () => {
    vi.useRealTimers();
    const file = await uploadTrainingFile(client);
    const before = Date.now();
    await advanceTime(2000);
    expect(Date.now() - before).toBeLessThan(1000);
    expect((await client.files.retrieve(file.id)).status).toBe('processed');
  });
});

describe('GET /v1/files', () => {
  async function uploadMany(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await uploadTrainingFile(client, dataset(), `f${i}.jsonl`)).id);
    return ids;
  }

  test('lists newest first with first_id/last_id, and pages with the SDK', async () => {
    const ids = await uploadMany(5);
    const first = await client.files.list({ limit: 2 });
    expect(first.data.map((f) => f.id)).toEqual([ids[4], ids[3]]);
    expect(first.has_more).toBe(true);
    const all: string[] = [];
    for await (const file of client.files.list({ limit: 2 })) all.push(file.id);
    expect(all).toEqual([...ids].reverse());
    const raw = await (await fetch('https://api.openai.com/v1/files?limit=2', { headers: { authorization: 'Bearer k' } })).json();
    expect(raw).toMatchObject({ object: 'list', first_id: ids[4], last_id: ids[3], has_more: true });
  });

  test('filters by purpose and orders ascending on request', async () => {
    const [a, b] = await uploadMany(2);
    await client.files.create({ file: await toFile(Buffer.from('x'), 'x.png'), purpose: 'vision' });
    const page = await client.files.list({ purpose: 'fine-tune', order: 'asc' });
    expect(page.data.map((f) => f.id)).toEqual([a, b]);
  });

  test('bad limit and order values get the API errors', async () => {
    await expect(client.files.list({ limit: 0 })).rejects.toMatchObject({ status: 400, code: 'integer_below_min_value', param: 'limit' });
    await expect(client.files.list({ order: 'sideways' as 'asc' })).rejects.toMatchObject({ status: 400, code: 'invalid_value', param: 'order' });
  });
});

describe('retrieve, delete, content', () => {
  test('unknown ids are 404 with param id', async () => {
    for (const call of [
      () => client.files.retrieve('file-nope'),
      () => client.files.delete('file-nope'),
      () => client.files.content('file-nope'),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({ param: 'id', error: { message: 'No such File object: file-nope' } });
    }
  });

  test('delete answers the deletion object and the file is gone', async () => {
    const file = await uploadTrainingFile(client);
    await expect(client.files.delete(file.id)).resolves.toEqual({ id: file.id, object: 'file', deleted: true });
    await expect(client.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect(openaiMock.files.has(file.id)).toBe(false);
  });

  test('content downloads the exact bytes', async () => {
    const file = await uploadTrainingFile(client, dataset(3));
    const response = await client.files.content(file.id);
    expect(await response.text()).toBe(dataset(3));
  });

  test('assistants and user_data files cannot be downloaded', async () => {
    for (const purpose of ['assistants', 'user_data'] as const) {
      const file = await client.files.create({ file: await toFile(Buffer.from('x'), 'x.txt'), purpose });
      await expect(client.files.content(file.id)).rejects.toMatchObject({
        status: 400,
        error: { message: `Not allowed to download files of purpose: ${purpose}` },
      });
    }
  });
});

describe('seeded files', () => {
  test('a file seeded with expires_at: null never expires, and its bytes download', async () => {
    const createdAt = Math.floor(Date.now() / 1000) - 90 * 86_400;
    // As a JSON fixture saved from an API response may have it (the type says number or absent).
    const fixture = JSON.parse(
      `{"id":"file-old","object":"file","bytes":3,"created_at":${createdAt},"filename":"out.jsonl","purpose":"batch_output","status":"processed","status_details":null,"expires_at":null}`,
    ) as FileObject;
    openaiMock.seed.file(fixture, 'ok\n');
    await expect(client.files.retrieve('file-old')).resolves.toMatchObject({ id: 'file-old', status: 'processed' });
    expect(await (await client.files.content('file-old')).text()).toBe('ok\n');
  });
});
