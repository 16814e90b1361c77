import OpenAI, { toFile } from 'openai';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { setActiveMock } from '../openai-mock.js';
import { OpenAIMockError } from '../engine/errors.js';
import { defaultFileContent, fileFactory } from './file.js';
import { FACTORY_EPOCH } from './shared.js';
import { uploadFactory } from './upload.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });

afterEach(() => {
  vi.useRealTimers();
});

async function addPart(uploadId: string, content: Uint8Array | string) {
  return client.uploads.parts.create(uploadId, {
    data: await toFile(typeof content === 'string' ? Buffer.from(content) : content, 'part'),
  });
}

describe('build()', () => {
  test('returns a complete pending Upload and leaves the mock untouched', () => {
    const upload = uploadFactory.build();
    expect(upload).toEqual({
      id: 'upload_seed000001',
      object: 'upload',
      bytes: defaultFileContent('fine-tune').byteLength,
      created_at: FACTORY_EPOCH + 60,
      filename: 'training_data.jsonl',
      purpose: 'fine-tune',
      status: 'pending',
      expires_at: FACTORY_EPOCH + 60 + 3600,
      file: null,
    });
    expect(openaiMock.uploads.size).toBe(0);
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock.requests).toHaveLength(0);
  });

  test('is deterministic, and params override the defaults', () => {
    const first = uploadFactory.buildList(2);
    uploadFactory.rewindSequence();
    expect(uploadFactory.buildList(2)).toEqual(first);
    expect(first.map((u) => u.id)).toEqual(['upload_seed000001', 'upload_seed000002']);
    const custom = uploadFactory.build({ filename: 'big.jsonl', bytes: 1_000_000, created_at: 1_700_000_000 });
    expect(custom).toMatchObject({ filename: 'big.jsonl', bytes: 1_000_000, expires_at: 1_700_003_600 });
  });

  test('transient content sets bytes; the purpose picks a fitting filename', () => {
    expect(uploadFactory.build({}, { transient: { content: 'héllo' } }).bytes).toBe(6);
    expect(uploadFactory.build({ purpose: 'batch' })).toMatchObject({ filename: 'batch_input.jsonl' });
    expect(uploadFactory.build({ purpose: 'evals' })).toMatchObject({ filename: 'eval_items.jsonl' });
  });

  test('a purpose the Uploads API refuses, or bytes that contradict the content, is a coded error', () => {
    expect(() => uploadFactory.build({ purpose: 'batch_output' })).toThrow(
      expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' }),
    );
    expect(() => uploadFactory.build({ bytes: 3 }, { transient: { content: 'four' } })).toThrow(
      expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' }),
    );
  });
});

describe('.pending()', () => {
  test('create() seeds it; the code under test can add its content and complete it', async () => {
    const upload = await uploadFactory.pending().create();
    expect(openaiMock.uploads.get(upload.id)).toEqual(upload);

    const part = await addPart(upload.id, defaultFileContent('fine-tune'));
    const done = await client.uploads.complete(upload.id, { part_ids: [part.id] });
    expect(done).toMatchObject({ id: upload.id, status: 'completed', file: { id: 'file-mock000001', purpose: 'fine-tune' } });
    expect(openaiMock).toHaveUploadedFile({ filename: 'training_data.jsonl', bytes: upload.bytes });
  });

  test('with factory timestamps (long past) it stays pending; with timestamps ahead it expires', async () => {
    vi.useFakeTimers();
    const held = await uploadFactory.create();
    const now = openaiMock.clock.nowSeconds();
    const live = await uploadFactory.create({ created_at: now, expires_at: now + 3600 });
    await advanceTime(3600_000);
    expect(openaiMock.uploads.get(held.id)?.status).toBe('pending');
    expect(openaiMock.uploads.get(live.id)?.status).toBe('expired');
    await expect(addPart(live.id, 'late')).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});

describe('.completed()', () => {
  test('nests a File that create() seeds too, with the same purpose, filename and bytes', async () => {
    const upload = await uploadFactory.completed().create();
    const content = defaultFileContent('fine-tune');
    expect(upload).toMatchObject({ status: 'completed', bytes: content.byteLength });
    expect(upload.file).toEqual({
      id: 'file-seed000001',
      object: 'file',
      bytes: content.byteLength,
      created_at: upload.created_at + 30,
      filename: 'training_data.jsonl',
      purpose: 'fine-tune',
      status: 'processed',
      status_details: null,
    });
    expect(await client.files.retrieve(upload.file!.id)).toEqual(upload.file);
    expect(new Uint8Array(await (await client.files.content(upload.file!.id)).arrayBuffer())).toEqual(content);
    expect(openaiMock.uploads.get(upload.id)).toEqual(upload);
  });

  test('transient content becomes the bytes of the File; bytes alone resizes the default', async () => {
    const withContent = await uploadFactory.completed().create({ purpose: 'user_data' }, { transient: { content: 'abc' } });
    expect(withContent.bytes).toBe(3);
    expect(new TextDecoder().decode(openaiMock.files.content(withContent.file!.id))).toBe('abc');
    const resized = await uploadFactory.completed().create({ bytes: 2048 });
    expect(resized.bytes).toBe(2048);
    expect(resized.file?.bytes).toBe(2048);
  });

  test('an evals upload completes into an evals File', async () => {
    const upload = await uploadFactory.completed().create({ purpose: 'evals' });
    expect(upload.file).toMatchObject({ purpose: 'evals', filename: 'eval_items.jsonl', bytes: upload.bytes });
    expect(openaiMock.files.get(upload.file!.id)?.purpose).toBe('evals');
  });

  test('a file passed as an association is used as is', async () => {
    const file = await fileFactory.forBatch().create();
    const upload = await uploadFactory.completed().create(
      { purpose: 'batch', filename: file.filename, bytes: file.bytes },
      { associations: { file } },
    );
    expect(upload.file).toEqual({ ...file, status_details: null });
    expect(openaiMock.files.size).toBe(1);
  });

  test('it cannot be completed again, cancelled, or given parts', async () => {
    const upload = await uploadFactory.completed().create();
    const refused = { status: 400, error: { message: expect.stringContaining("its status is 'completed'") } };
    await expect(client.uploads.complete(upload.id, { part_ids: [] })).rejects.toMatchObject(refused);
    await expect(client.uploads.cancel(upload.id)).rejects.toMatchObject(refused);
    await expect(addPart(upload.id, 'x')).rejects.toMatchObject(refused);
  });
});

describe('.cancelled() and .expired()', () => {
  test.each([
    ['cancelled', () => uploadFactory.cancelled()],
    ['expired', () => uploadFactory.expired()],
  ] as const)('%s: kept as such, with no file, and refused by every action', async (status, factory) => {
    const upload = await factory().create();
    expect(upload).toMatchObject({ status, file: null });
    await advanceTime(10_000);
    expect(openaiMock.uploads.get(upload.id)?.status).toBe(status);
    for (const call of [
      () => addPart(upload.id, 'x'),
      () => client.uploads.complete(upload.id, { part_ids: [] }),
      () => client.uploads.cancel(upload.id),
    ]) {
      await expect(call()).rejects.toMatchObject({ status: 400, message: expect.stringContaining(upload.id) });
    }
  });
});

describe('ids and the active mock', () => {
  test('first test of a pair: the first factory upload is upload_seed000001', async () => {
    expect((await uploadFactory.create()).id).toBe('upload_seed000001');
  });

  test('second test of a pair: the mock reset rewound the sequence', async () => {
    expect((await uploadFactory.create()).id).toBe('upload_seed000001');
  });

  test('factory ids never collide with ids the mock hands out', async () => {
    const seeded = await uploadFactory.create();
    const created = await client.uploads.create({ filename: 'a.txt', purpose: 'user_data', bytes: 1, mime_type: 'text/plain' });
    expect([seeded.id, created.id]).toEqual(['upload_seed000001', 'upload_mock000001']);
    expect(openaiMock.uploads.all().map((u) => u.id)).toEqual(['upload_seed000001', 'upload_mock000001']);
  });

  test('without an active mock, create() fails with ERR_OPENAI_MOCK_NOT_INSTALLED', async () => {
    setActiveMock(null);
    try {
      const attempt = uploadFactory.create();
      await expect(attempt).rejects.toBeInstanceOf(OpenAIMockError);
      await expect(attempt).rejects.toMatchObject({ code: 'ERR_OPENAI_MOCK_NOT_INSTALLED' });
    } finally {
      setActiveMock(openaiMock);
    }
    expect(openaiMock.uploads.size).toBe(0);
  });
});
