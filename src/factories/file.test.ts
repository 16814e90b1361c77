import OpenAI, { toFile } from 'openai';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { setActiveMock } from '../openai-mock.js';
import { OpenAIMockError } from '../engine/errors.js';
import { defaultFileContent, fileFactory } from './index.js';
import { FACTORY_EPOCH } from './shared.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });

async function contentText(id: string): Promise<string> {
  return (await client.files.content(id)).text();
}

async function contentBytes(id: string): Promise<Uint8Array> {
  return new Uint8Array(await (await client.files.content(id)).arrayBuffer());
}

afterEach(() => {
  vi.useRealTimers();
});

describe('build()', () => {
  test('returns a complete, valid File object and leaves the mock untouched', () => {
    const file = fileFactory.build();

    const expectedBytes = defaultFileContent('fine-tune').byteLength;
    expect(file).toEqual({
      id: 'file-seed000001',
      object: 'file',
      bytes: expectedBytes,
      created_at: FACTORY_EPOCH + 60,
      filename: 'training_data.jsonl',
      purpose: 'fine-tune',
      status: 'processed',
    });
    expect(Number.isInteger(file.created_at)).toBe(true);
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock.files.get(file.id)).toBeUndefined();
    expect(openaiMock.requests).toHaveLength(0);
  });

  test('is deterministic: the same sequence gives the same objects', () => {
    const first = fileFactory.buildList(2);
    fileFactory.rewindSequence();
    const again = fileFactory.buildList(2);
    expect(again).toEqual(first);
    expect(first.map((f) => f.id)).toEqual(['file-seed000001', 'file-seed000002']);
    expect(first[1]!.created_at - first[0]!.created_at).toBe(60);
  });

  test('params override the defaults', () => {
    const file = fileFactory.build({ filename: 'custom.jsonl', created_at: 1_700_000_000 });
    expect(file.filename).toBe('custom.jsonl');
    expect(file.created_at).toBe(1_700_000_000);
  });
});

describe('create()', () => {
  test('seeds the active mock; the SDK reads back the same file and its bytes', async () => {
    const file = await fileFactory.create();

    expect(await client.files.retrieve(file.id)).toEqual({ ...file, status_details: null });
    const listed = await client.files.list();
    expect(listed.data.map((f) => f.id)).toEqual([file.id]);

    const text = await contentText(file.id);
    expect(new TextEncoder().encode(text).byteLength).toBe(file.bytes);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const example = JSON.parse(lines[0]!) as { messages: { role: string; content: string }[] };
    expect(example.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
  });

  test('the default fine-tune file trains: a job created on it by the SDK succeeds', async () => {
    vi.useFakeTimers();
    const file = await fileFactory.forFineTune().create();
    const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: file.id });
    await advanceTime(10_000);
    const done = await client.fineTuning.jobs.retrieve(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.error).toBeNull();
  });

  test('transient content (a string) gives the bytes, and bytes its length', async () => {
    const content = '{"messages":[{"role":"user","content":"é"},{"role":"assistant","content":"ok"}]}\n';
    const file = await fileFactory.create({}, { transient: { content } });
    expect(file.bytes).toBe(Buffer.byteLength(content));
    expect(await contentText(file.id)).toBe(content);
    expect((await client.files.retrieve(file.id)).bytes).toBe(Buffer.byteLength(content));
  });

  test('transient content (a Uint8Array) is served byte for byte', async () => {
    const content = Uint8Array.from([0, 1, 2, 254, 255]);
    const file = await fileFactory.forBatchOutput().create({}, { transient: { content } });
    expect(file.bytes).toBe(5);
    expect(await contentBytes(file.id)).toEqual(content);
  });

  test('bytes alone resizes the default content and keeps the JSONL line valid', async () => {
    const file = await fileFactory.create({ bytes: 1024 });
    expect(file.bytes).toBe(1024);
    const text = await contentText(file.id);
    expect(text).toHaveLength(1024);
    expect(text.endsWith('\n')).toBe(true);
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  test('bytes that contradict the content is a coded error', () => {
    expect(() => fileFactory.build({ bytes: 3 }, { transient: { content: 'four' } })).toThrow(
      expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' }),
    );
  });

  test('an expires_at already past is refused with a coded error, not a 404', async () => {
    await expect(fileFactory.forBatch().create({ expires_at: FACTORY_EPOCH + 3600 })).rejects.toMatchObject({
      code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      message: expect.stringContaining('expires at'),
    });
    expect(openaiMock.files.size).toBe(0);
  });

  test('an expires_at in the future is kept', async () => {
    const expires = openaiMock.clock.nowSeconds() + 3600;
    const file = await fileFactory.forBatch().create({ expires_at: expires });
    expect((await client.files.retrieve(file.id)).expires_at).toBe(expires);
  });

  test('without an active mock, create() fails with ERR_OPENAI_MOCK_NOT_INSTALLED', async () => {
    setActiveMock(null);
    try {
      const attempt = fileFactory.create();
      await expect(attempt).rejects.toBeInstanceOf(OpenAIMockError);
      await expect(attempt).rejects.toMatchObject({ code: 'ERR_OPENAI_MOCK_NOT_INSTALLED' });
    } finally {
      setActiveMock(openaiMock);
    }
    expect(openaiMock.files.size).toBe(0);
  });
});

describe('status traits', () => {
  test('.uploaded() stays uploaded in the mock as time passes', async () => {
    vi.useFakeTimers();
    const file = await fileFactory.uploaded().create();
    expect(file.status).toBe('uploaded');
    await advanceTime(60_000);
    expect((await client.files.retrieve(file.id)).status).toBe('uploaded');
  });

  test('.processed() is processed', async () => {
    const file = await fileFactory.uploaded().processed().create();
    expect((await client.files.retrieve(file.id)).status).toBe('processed');
  });

  test('.error() is error with status_details, default or given', async () => {
    const byDefault = await fileFactory.error().create();
    const custom = await fileFactory.error('Line 3: bad role.').create();
    const readDefault = await client.files.retrieve(byDefault.id);
    expect(readDefault.status).toBe('error');
    expect(readDefault.status_details).toMatch(/Invalid file format/);
    expect((await client.files.retrieve(custom.id)).status_details).toBe('Line 3: bad role.');
  });
});

describe('purpose traits', () => {
  test('.forBatch() is a batch input file with one chat completions request', async () => {
    const file = await fileFactory.forBatch().create();
    expect(file).toMatchObject({ purpose: 'batch', filename: 'batch_input.jsonl' });
    expect(file.expires_at).toBeUndefined();
    const request = JSON.parse(await contentText(file.id)) as Record<string, unknown>;
    expect(request).toMatchObject({ custom_id: 'request-1', method: 'POST', url: '/v1/chat/completions' });
  });

  test('.forBatchOutput() is one successful response line', async () => {
    const file = await fileFactory.forBatchOutput().create();
    const line = JSON.parse(await contentText(file.id)) as { response: { status_code: number }; error: unknown };
    expect(file.purpose).toBe('batch_output');
    expect(line.response.status_code).toBe(200);
    expect(line.error).toBeNull();
  });

  test('.forFineTuneResults() is a base64-encoded metrics CSV', async () => {
    const file = await fileFactory.forFineTuneResults().create();
    expect(file).toMatchObject({ purpose: 'fine-tune-results', filename: 'step_metrics.csv' });
    const csv = Buffer.from(await contentText(file.id), 'base64').toString();
    expect(csv.split('\n')[0]).toBe('step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy');
    expect(csv.trimEnd().split('\n')).toHaveLength(4);
  });

  test('.forVision() is a PNG image', () => {
    const file = fileFactory.forVision().build();
    const png = defaultFileContent('vision');
    expect(file).toMatchObject({ purpose: 'vision', filename: 'image.png', bytes: png.byteLength });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  test.each([
    ['forAssistants', 'assistants', 'document.md'],
    ['forAssistantsOutput', 'assistants_output', 'output.txt'],
    ['forUserData', 'user_data', 'notes.txt'],
    ['forFineTune', 'fine-tune', 'training_data.jsonl'],
  ] as const)('.%s() sets purpose %s and a fitting filename', async (trait, purpose, filename) => {
    const file = await fileFactory[trait]().create();
    expect(await client.files.retrieve(file.id)).toMatchObject({ purpose, filename });
  });

  test('the API refuses to download an assistants file, as for a real one', async () => {
    const file = await fileFactory.forAssistants().create();
    await expect(client.files.content(file.id)).rejects.toMatchObject({ status: 400 });
  });
});

describe('ids and sequences', () => {
  test('first test of a pair: the first factory file is file-seed000001', async () => {
    const file = await fileFactory.create();
    expect(file.id).toBe('file-seed000001');
  });

  test('second test of a pair: the mock reset rewound the sequence to file-seed000001', async () => {
    const file = await fileFactory.create();
    expect(file.id).toBe('file-seed000001');
  });

  test('traits share the sequence with the factory', () => {
    expect(fileFactory.forBatch().build().id).toBe('file-seed000001');
    expect(fileFactory.error().build().id).toBe('file-seed000002');
    expect(fileFactory.build().id).toBe('file-seed000003');
  });

  test('factory ids never collide with ids the mock hands out', async () => {
    const seeded = await fileFactory.create();
    const uploaded = await client.files.create({
      file: await toFile(Buffer.from(new TextDecoder().decode(defaultFileContent('fine-tune'))), 'up.jsonl'),
      purpose: 'fine-tune',
    });
    expect(seeded.id).toBe('file-seed000001');
    expect(uploaded.id).toBe('file-mock000001');
    expect((await client.files.list()).data.map((f) => f.id).sort()).toEqual(['file-mock000001', 'file-seed000001']);
  });
});

test('.error().processed() drops the error details', async () => {
  const file = await fileFactory.error().processed().create();
  expect(await client.files.retrieve(file.id)).toMatchObject({ status: 'processed', status_details: null });
});
