import { createHash } from 'node:crypto';
import OpenAI, { toFile } from 'openai';
import type { UploadCreateParams } from 'openai/resources/uploads/uploads';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { dataset, makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const client = makeClient();
const HOUR_MS = 3600 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

type ErrorClass = typeof OpenAI.BadRequestError | typeof OpenAI.NotFoundError;

/** Awaits a call that must fail, and pins the SDK error it raises. */
async function expectApiError(
  call: Promise<unknown>,
  errorClass: ErrorClass,
  expected: { message: string; param?: string | null; code?: string | null },
): Promise<void> {
  const error = await rejection(call);
  expect(error).toBeInstanceOf(errorClass);
  expect(error).toMatchObject({
    status: errorClass === OpenAI.NotFoundError ? 404 : 400,
    param: expected.param ?? null,
    code: expected.code ?? null,
    error: { message: expected.message, type: 'invalid_request_error' },
  });
}

async function createUpload(params: Partial<UploadCreateParams> = {}) {
  return client.uploads.create({
    filename: 'train.jsonl',
    purpose: 'fine-tune',
    bytes: Buffer.byteLength(dataset(2)),
    mime_type: 'text/jsonl',
    ...params,
  });
}

async function addPart(uploadId: string, content: string | Uint8Array) {
  return client.uploads.parts.create(uploadId, {
    data: await toFile(typeof content === 'string' ? Buffer.from(content) : content, 'part'),
  });
}

/** An upload of `content` sent as parts of `size` bytes (the last one shorter), not completed yet. */
async function uploadInParts(content: string, size: number, params: Partial<UploadCreateParams> = {}) {
  const bytes = Buffer.from(content);
  const upload = await createUpload({ bytes: bytes.byteLength, ...params });
  const partIds: string[] = [];
  for (let start = 0; start < bytes.byteLength; start += size) {
    partIds.push((await addPart(upload.id, bytes.subarray(start, start + size))).id);
  }
  return { upload, partIds };
}

function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(`https://api.openai.com/v1${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('POST /v1/uploads', () => {
  test('answers a pending Upload that expires in an hour, with no file yet', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') });
    const upload = await createUpload();
    const now = Date.parse('2026-03-01T12:00:00Z') / 1000;
    expect(upload).toEqual({
      id: 'upload_mock000001',
      object: 'upload',
      bytes: Buffer.byteLength(dataset(2)),
      created_at: now,
      filename: 'train.jsonl',
      purpose: 'fine-tune',
      status: 'pending',
      expires_at: now + 3600,
      file: null,
    });
    expect(openaiMock.uploads.get(upload.id)).toEqual(upload);
    expect(openaiMock.uploads.size).toBe(1);
    expect(openaiMock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/uploads', status: 200 });
  });

  test('ids are sequential and deterministic; uploads are listed oldest first', async () => {
    const first = await createUpload();
    const second = await createUpload({ filename: 'more.jsonl' });
    const part = await addPart(second.id, 'x');
    expect([first.id, second.id, part.id]).toEqual(['upload_mock000001', 'upload_mock000002', 'part_mock000001']);
    expect(openaiMock.uploads.all().map((u) => u.id)).toEqual([first.id, second.id]);
    expect([...openaiMock.uploads].map((u) => u.filename)).toEqual(['train.jsonl', 'more.jsonl']);
  });

  test('accepts every purpose the Files endpoint accepts', async () => {
    for (const purpose of ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'] as const) {
      await expect(createUpload({ purpose })).resolves.toMatchObject({ purpose, status: 'pending' });
    }
  });

  test.each(['filename', 'purpose', 'bytes', 'mime_type'] as const)('a missing %s is missing_required_parameter', async (key) => {
    const params: Record<string, unknown> = { filename: 'a.jsonl', purpose: 'fine-tune', bytes: 10, mime_type: 'text/jsonl' };
    delete params[key];
    await expectApiError(client.uploads.create(params as unknown as UploadCreateParams), OpenAI.BadRequestError, {
      message: `Missing required parameter: '${key}'.`,
      param: key,
      code: 'missing_required_parameter',
    });
    expect(openaiMock.uploads.size).toBe(0);
  });

  test.each([
    [{ bytes: '10' }, 'bytes', 'an integer', 'a string'],
    [{ bytes: 1.5 }, 'bytes', 'an integer', 'a decimal number'],
    [{ filename: 42 }, 'filename', 'a string', 'an integer'],
    [{ mime_type: ['text/plain'] }, 'mime_type', 'a string', 'an array'],
    [{ expires_after: 'soon' }, 'expires_after', 'an object', 'a string'],
    [{ expires_after: { anchor: 'created_at', seconds: '3600' } }, 'expires_after.seconds', 'an integer', 'a string'],
  ])('a wrong type is invalid_type (%j)', async (override, param, expected, got) => {
    await expectApiError(createUpload(override as Partial<UploadCreateParams>), OpenAI.BadRequestError, {
      message: `Invalid type for '${param}': expected ${expected}, but got ${got} instead.`,
      param,
      code: 'invalid_type',
    });
    expect(openaiMock.uploads.size).toBe(0);
  });

  test('an unknown purpose is invalid_value, listing the supported ones', async () => {
    await expectApiError(createUpload({ purpose: 'fine_tune' as 'fine-tune' }), OpenAI.BadRequestError, {
      message:
        "Invalid value: 'fine_tune'. Supported values are: 'assistants', 'batch', 'fine-tune', 'vision', 'user_data', and 'evals'.",
      param: 'purpose',
      code: 'invalid_value',
    });
  });

  test('bytes must be between 0 and 8 GB', async () => {
    await expect(createUpload({ bytes: 8 * 1024 ** 3 })).resolves.toMatchObject({ bytes: 8_589_934_592 });
    await expectApiError(createUpload({ bytes: 8 * 1024 ** 3 + 1 }), OpenAI.BadRequestError, {
      message: "Invalid 'bytes': integer above maximum value. Expected a value <= 8589934592, but got 8589934593 instead.",
      param: 'bytes',
      code: 'integer_above_max_value',
    });
    await expectApiError(createUpload({ bytes: -1 }), OpenAI.BadRequestError, {
      message: "Invalid 'bytes': integer below minimum value. Expected a value >= 0, but got -1 instead.",
      param: 'bytes',
      code: 'integer_below_min_value',
    });
    expect(openaiMock.uploads.size).toBe(1);
  });

  test('an empty filename is refused', async () => {
    await expectApiError(createUpload({ filename: '' }), OpenAI.BadRequestError, {
      message: "Invalid 'filename': empty string. Expected a string with minimum length 1, but got an empty string instead.",
      param: 'filename',
      code: 'empty_string',
    });
  });

  test('expires_after is checked as for POST /v1/files', async () => {
    await expectApiError(
      createUpload({ expires_after: { anchor: 'last_active_at' as 'created_at', seconds: 3600 } }),
      OpenAI.BadRequestError,
      { message: "Invalid value: 'last_active_at'. Supported values are: 'created_at'.", param: 'expires_after.anchor', code: 'invalid_value' },
    );
    await expectApiError(createUpload({ expires_after: { anchor: 'created_at', seconds: 60 } }), OpenAI.BadRequestError, {
      message: "Invalid 'expires_after.seconds': expected a value between 3600 and 2592000, but got 60 instead.",
      param: 'expires_after.seconds',
      code: 'integer_below_min_value',
    });
    await expectApiError(
      createUpload({ expires_after: { seconds: 3600 } as UploadCreateParams.ExpiresAfter }),
      OpenAI.BadRequestError,
      { message: "Missing required parameter: 'expires_after.anchor'.", param: 'expires_after.anchor', code: 'missing_required_parameter' },
    );
    expect(openaiMock.uploads.size).toBe(0);
  });

  test('an unknown field is refused, naming it, and nothing is stored', async () => {
    const response = await postJson('/uploads', {
      filename: 'a.txt',
      purpose: 'user_data',
      bytes: 1,
      mime_type: 'text/plain',
      colour: 'blue',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { message: "Unknown parameter: 'colour'.", type: 'invalid_request_error', param: 'colour', code: 'unknown_parameter' },
    });
    expect(openaiMock.uploads.size).toBe(0);
  });

  test('a body that is not a JSON object is a 400, and nothing is stored', async () => {
    const array = await postJson('/uploads', [1, 2]);
    expect(array.status).toBe(400);
    const form = new FormData();
    form.set('filename', 'a.txt');
    const multipart = await fetch('https://api.openai.com/v1/uploads', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test' },
      body: form,
    });
    expect(multipart.status).toBe(400);
    expect(await multipart.json()).toMatchObject({ error: { code: null, message: expect.stringMatching(/^We could not parse the JSON body/) } });
    expect(openaiMock.uploads.size).toBe(0);
  });
});

describe('POST /v1/uploads/{upload_id}/parts', () => {
  test('answers an UploadPart', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') });
    const upload = await createUpload();
    const part = await addPart(upload.id, dataset(1));
    expect(part).toEqual({
      id: 'part_mock000001',
      object: 'upload.part',
      created_at: Date.parse('2026-03-01T12:00:00Z') / 1000,
      upload_id: upload.id,
    });
    expect(openaiMock.requests[1]!.body).toMatchObject({ data: { filename: 'part', bytes: Buffer.byteLength(dataset(1)) } });
  });

  test('parts can be sent in parallel', async () => {
    const content = dataset(6);
    const upload = await createUpload({ bytes: Buffer.byteLength(content) });
    const chunks = [content.slice(0, 100), content.slice(100, 200), content.slice(200)];
    const parts = await Promise.all(chunks.map((chunk) => addPart(upload.id, chunk)));
    expect(new Set(parts.map((p) => p.id)).size).toBe(3);
    const done = await client.uploads.complete(upload.id, { part_ids: parts.map((p) => p.id) });
    expect(openaiMock.files.content(done.file!.id)).toEqual(new Uint8Array(Buffer.from(content)));
  });

  test('a data text field (as curl -F sends it) is taken as the part bytes', async () => {
    const upload = await createUpload({ filename: 'notes.txt', purpose: 'user_data', bytes: 5 });
    const form = new FormData();
    form.set('data', 'hello');
    const response = await fetch(`https://api.openai.com/v1/uploads/${upload.id}/parts`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test' },
      body: form,
    });
    expect(response.status).toBe(200);
    const part = (await response.json()) as OpenAI.Uploads.UploadPart;
    const done = await client.uploads.complete(upload.id, { part_ids: [part.id] });
    expect(new TextDecoder().decode(openaiMock.files.content(done.file!.id))).toBe('hello');
  });

  test('a missing data part is missing_required_parameter, and no part is added', async () => {
    const upload = await createUpload();
    const form = new FormData();
    form.set('other', 'x');
    const response = await fetch(`https://api.openai.com/v1/uploads/${upload.id}/parts`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test' },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { message: "Missing required parameter: 'data'.", type: 'invalid_request_error', param: 'data', code: 'missing_required_parameter' },
    });
    const json = await postJson(`/uploads/${upload.id}/parts`, { data: 'x' });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: { code: 'unsupported_content_type' } });
    const part = await addPart(upload.id, 'x');
    expect(part.id).toBe('part_mock000001');
  });

  test('refused once the upload is completed', async () => {
    const { upload, partIds } = await uploadInParts(dataset(2), 64);
    await client.uploads.complete(upload.id, { part_ids: partIds });
    await expectApiError(addPart(upload.id, 'more'), OpenAI.BadRequestError, {
      message: `Cannot add a part to upload ${upload.id}: its status is 'completed'. Parts can only be added to a pending upload.`,
    });
  });

  test('refused once the upload is cancelled', async () => {
    const upload = await createUpload();
    await client.uploads.cancel(upload.id);
    await expectApiError(addPart(upload.id, 'more'), OpenAI.BadRequestError, {
      message: `Cannot add a part to upload ${upload.id}: its status is 'cancelled'. Parts can only be added to a pending upload.`,
    });
  });

  test('refused once the upload has expired', async () => {
    const upload = await createUpload();
    await advanceTime(HOUR_MS);
    await expectApiError(addPart(upload.id, 'late'), OpenAI.BadRequestError, {
      message: `Cannot add a part to upload ${upload.id}: it expired at ${upload.expires_at} (an upload expires an hour after it is created). Parts can only be added to a pending upload.`,
    });
  });
});

describe('POST /v1/uploads/{upload_id}/complete', () => {
  test('assembles the parts into a File and answers the completed Upload with it', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T12:00:00Z') });
    const content = dataset(3);
    const { upload, partIds } = await uploadInParts(content, 100);
    expect(partIds.length).toBeGreaterThan(2);
    await advanceTime(30_000);
    const done = await client.uploads.complete(upload.id, { part_ids: partIds });

    const file = {
      id: 'file-mock000001',
      object: 'file',
      bytes: Buffer.byteLength(content),
      created_at: upload.created_at + 30,
      filename: 'train.jsonl',
      purpose: 'fine-tune',
      status: 'uploaded',
      status_details: null,
    };
    expect(done).toEqual({ ...upload, status: 'completed', file });
    expect(await client.files.retrieve(file.id)).toEqual(file);
    expect(await (await client.files.content(file.id)).text()).toBe(content);
    expect(openaiMock.uploads.get(upload.id)).toEqual(done);
    expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl', purpose: 'fine-tune', content });
    expect(openaiMock.files.uploads()).toHaveLength(1);
  });

  test('the order of part_ids decides the order of the bytes; unlisted parts are left out', async () => {
    const upload = await createUpload({ filename: 'abc.txt', purpose: 'user_data', bytes: 6 });
    const c = await addPart(upload.id, 'cc');
    const a = await addPart(upload.id, 'aa');
    await addPart(upload.id, 'zz');
    const b = await addPart(upload.id, 'bb');
    const done = await client.uploads.complete(upload.id, { part_ids: [a.id, b.id, c.id] });
    expect(new TextDecoder().decode(openaiMock.files.content(done.file!.id))).toBe('aabbcc');
  });

  test('the nested file is shown as it stands now (processed after the processing delay)', async () => {
    vi.useFakeTimers();
    const { upload, partIds } = await uploadInParts(dataset(1), 50);
    const done = await client.uploads.complete(upload.id, { part_ids: partIds });
    expect(done.file?.status).toBe('uploaded');
    await advanceTime(2000);
    expect(openaiMock.uploads.get(upload.id)?.file?.status).toBe('processed');
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('completed');
  });

  test('a completed upload does not expire', async () => {
    const { upload, partIds } = await uploadInParts(dataset(1), 80);
    await client.uploads.complete(upload.id, { part_ids: partIds });
    await advanceTime(2 * HOUR_MS);
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('completed');
  });

  test('the file made from a fine-tune upload trains', async () => {
    vi.useFakeTimers();
    const { upload, partIds } = await uploadInParts(dataset(10), 256);
    const done = await client.uploads.complete(upload.id, { part_ids: partIds });
    await advanceTime(2000);
    const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: done.file!.id });
    await advanceTime(10_000);
    await expect(client.fineTuning.jobs.retrieve(job.id)).resolves.toMatchObject({ status: 'succeeded' });
  });

  test('a batch upload makes a file that expires after 30 days; expires_after overrides it', async () => {
    const line = '{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":{}}\n';
    const batch = await uploadInParts(line, 40, { filename: 'in.jsonl', purpose: 'batch' });
    const batchFile = (await client.uploads.complete(batch.upload.id, { part_ids: batch.partIds })).file!;
    expect(batchFile.expires_at).toBe(batchFile.created_at + 30 * 24 * 3600);

    const notes = await uploadInParts('notes', 5, {
      filename: 'notes.txt',
      purpose: 'user_data',
      expires_after: { anchor: 'created_at', seconds: 7200 },
    });
    const notesFile = (await client.uploads.complete(notes.upload.id, { part_ids: notes.partIds })).file!;
    expect(notesFile.expires_at).toBe(notesFile.created_at + 7200);
    expect(notes.upload.expires_at).toBe(notes.upload.created_at + 3600);
  });

  test('the parts must add up to the bytes declared at creation', async () => {
    const upload = await createUpload({ filename: 'n.txt', purpose: 'user_data', bytes: 10 });
    const part = await addPart(upload.id, 'only seven'.slice(0, 7));
    await expectApiError(client.uploads.complete(upload.id, { part_ids: [part.id] }), OpenAI.BadRequestError, {
      message: `The parts listed add up to 7 bytes, but upload ${upload.id} was created with bytes: 10. The number of bytes uploaded must match the number specified when creating the upload.`,
      param: 'part_ids',
    });
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('pending');
    expect(openaiMock.files.size).toBe(0);

    const rest = await addPart(upload.id, 'abc');
    const done = await client.uploads.complete(upload.id, { part_ids: [part.id, rest.id] });
    expect(done.status).toBe('completed');
  });

  test('an unknown part, a part of another upload, or a part listed twice is refused', async () => {
    const upload = await createUpload({ filename: 'n.txt', purpose: 'user_data', bytes: 4 });
    const other = await createUpload({ filename: 'o.txt', purpose: 'user_data', bytes: 2 });
    const mine = await addPart(upload.id, 'ab');
    const theirs = await addPart(other.id, 'cd');
    await expectApiError(client.uploads.complete(upload.id, { part_ids: [mine.id, 'part_nope'] }), OpenAI.BadRequestError, {
      message: `Invalid 'part_ids': no part part_nope was added to upload ${upload.id}.`,
      param: 'part_ids',
    });
    await expectApiError(client.uploads.complete(upload.id, { part_ids: [mine.id, theirs.id] }), OpenAI.BadRequestError, {
      message: `Invalid 'part_ids': part ${theirs.id} belongs to upload ${other.id}, not to upload ${upload.id}.`,
      param: 'part_ids',
    });
    await expectApiError(client.uploads.complete(upload.id, { part_ids: [mine.id, mine.id] }), OpenAI.BadRequestError, {
      message: `Invalid 'part_ids': part ${mine.id} is listed more than once.`,
      param: 'part_ids',
    });
    expect(openaiMock.uploads.all().map((u) => u.status)).toEqual(['pending', 'pending']);
    expect(openaiMock.files.size).toBe(0);
  });

  test('part_ids is required and must be an array of strings', async () => {
    const upload = await createUpload();
    const missing = await postJson(`/uploads/${upload.id}/complete`, { md5: 'abc' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: { message: "Missing required parameter: 'part_ids'.", type: 'invalid_request_error', param: 'part_ids', code: 'missing_required_parameter' },
    });
    await expectApiError(client.uploads.complete(upload.id, { part_ids: 'part_1' as unknown as string[] }), OpenAI.BadRequestError, {
      message: "Invalid type for 'part_ids': expected an array, but got a string instead.",
      param: 'part_ids',
      code: 'invalid_type',
    });
    await expectApiError(client.uploads.complete(upload.id, { part_ids: [7] as unknown as string[] }), OpenAI.BadRequestError, {
      message: "Invalid type for 'part_ids[0]': expected a string, but got an integer instead.",
      param: 'part_ids[0]',
      code: 'invalid_type',
    });
  });

  test('an md5 is checked against the assembled bytes', async () => {
    const content = dataset(2);
    const md5 = createHash('md5').update(content).digest('hex');
    const first = await uploadInParts(content, 70);
    await expectApiError(client.uploads.complete(first.upload.id, { part_ids: first.partIds, md5: 'd41d8cd98f00b204e9800998ecf8427e' }), OpenAI.BadRequestError, {
      message: `The md5 checksum of the uploaded bytes is ${md5}, which does not match the md5 given: d41d8cd98f00b204e9800998ecf8427e.`,
      param: 'md5',
    });
    const done = await client.uploads.complete(first.upload.id, { part_ids: first.partIds, md5: md5.toUpperCase() });
    expect(done.status).toBe('completed');
  });

  test('the Files format checks apply to the assembled file', async () => {
    const csv = await uploadInParts(dataset(1), 60, { filename: 'train.csv' });
    await expectApiError(client.uploads.complete(csv.upload.id, { part_ids: csv.partIds }), OpenAI.BadRequestError, {
      message: 'Invalid file format for Fine-Tuning API. Must be .jsonl',
      param: 'file',
    });
    const batch = await uploadInParts('not json\n', 9, { filename: 'in.jsonl', purpose: 'batch' });
    await expectApiError(client.uploads.complete(batch.upload.id, { part_ids: batch.partIds }), OpenAI.BadRequestError, {
      message: 'Invalid file format for Batch API. Must be .jsonl with one JSON request object per line.',
      param: 'file',
    });
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock.uploads.all().map((u) => u.status)).toEqual(['pending', 'pending']);
  });

  test('completing twice is refused, and only one File is made', async () => {
    const { upload, partIds } = await uploadInParts(dataset(1), 64);
    await client.uploads.complete(upload.id, { part_ids: partIds });
    await expectApiError(client.uploads.complete(upload.id, { part_ids: partIds }), OpenAI.BadRequestError, {
      message: `Cannot complete upload ${upload.id}: its status is 'completed'. Only a pending upload can be completed.`,
    });
    expect(openaiMock.files.size).toBe(1);
  });

  test('a cancelled or expired upload cannot be completed', async () => {
    const cancelled = await uploadInParts(dataset(1), 64);
    await client.uploads.cancel(cancelled.upload.id);
    await expectApiError(client.uploads.complete(cancelled.upload.id, { part_ids: cancelled.partIds }), OpenAI.BadRequestError, {
      message: `Cannot complete upload ${cancelled.upload.id}: its status is 'cancelled'. Only a pending upload can be completed.`,
    });
    const late = await uploadInParts(dataset(1), 64);
    await advanceTime(HOUR_MS);
    await expectApiError(client.uploads.complete(late.upload.id, { part_ids: late.partIds }), OpenAI.BadRequestError, {
      message: `Cannot complete upload ${late.upload.id}: it expired at ${late.upload.expires_at} (an upload expires an hour after it is created). Only a pending upload can be completed.`,
    });
    expect(openaiMock.files.size).toBe(0);
  });
});

describe('POST /v1/uploads/{upload_id}/cancel', () => {
  test('answers the Upload with status cancelled', async () => {
    const upload = await createUpload();
    await addPart(upload.id, 'some');
    const cancelled = await client.uploads.cancel(upload.id);
    expect(cancelled).toEqual({ ...upload, status: 'cancelled', file: null });
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('cancelled');
    await advanceTime(2 * HOUR_MS);
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('cancelled');
  });

  test('a completed, cancelled or expired upload cannot be cancelled', async () => {
    const { upload, partIds } = await uploadInParts(dataset(1), 64);
    await client.uploads.complete(upload.id, { part_ids: partIds });
    await expectApiError(client.uploads.cancel(upload.id), OpenAI.BadRequestError, {
      message: `Cannot cancel upload ${upload.id}: its status is 'completed'. Only a pending upload can be cancelled.`,
    });
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('completed');

    const twice = await createUpload();
    await client.uploads.cancel(twice.id);
    await expectApiError(client.uploads.cancel(twice.id), OpenAI.BadRequestError, {
      message: `Cannot cancel upload ${twice.id}: its status is 'cancelled'. Only a pending upload can be cancelled.`,
    });

    const late = await createUpload();
    await advanceTime(HOUR_MS);
    await expectApiError(client.uploads.cancel(late.id), OpenAI.BadRequestError, {
      message: `Cannot cancel upload ${late.id}: it expired at ${late.expires_at} (an upload expires an hour after it is created). Only a pending upload can be cancelled.`,
    });
  });
});

describe('expiry', () => {
  test('a pending upload reads as expired one hour after creation, on the fake clock', async () => {
    vi.useFakeTimers();
    const upload = await createUpload();
    await advanceTime(HOUR_MS - 1);
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('pending');
    await addPart(upload.id, 'just in time');
    await advanceTime(1);
    expect(openaiMock.uploads.get(upload.id)).toEqual({ ...upload, status: 'expired' });
  });
});

describe('unknown upload ids', () => {
  test('every route answers 404 No such Upload object', async () => {
    const calls = [
      () => addPart('upload_nope', 'x'),
      () => client.uploads.complete('upload_nope', { part_ids: [] }),
      () => client.uploads.cancel('upload_nope'),
    ];
    for (const call of calls) {
      await expectApiError(call(), OpenAI.NotFoundError, { message: 'No such Upload object: upload_nope', param: 'id' });
    }
  });

  test('the 404 comes before any check of the body', async () => {
    const response = await postJson('/uploads/upload_nope/complete', {});
    expect(response.status).toBe(404);
    const parts = await postJson('/uploads/upload_nope/parts', { data: 'x' });
    expect(parts.status).toBe(404);
  });
});
