/**
 * Every timed object lives on one lifecycle store, so files, uploads and background responses
 * offer what jobs and batches do: `lifecycle(id)`, plans for the objects to come, a hold until
 * the test steps them, read-counted progression where the API reads them, and an outcome.
 * Through the official SDK on fake timers.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toFile } from 'openai';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { dataset, makeClient, uploadTrainingFile } from '../support/client.js';
import { misuseBy, rejection } from '../support/errors.js';

const client = makeClient();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('files', () => {
  test('a file has a lifecycle: uploaded, then processed when its processing time is up', async () => {
    const file = await client.files.create({ file: await toFile(Buffer.from('{}\n'), 'a.jsonl'), purpose: 'fine-tune' });
    const created = openaiMock.clock.now();
    expect(openaiMock.files.lifecycle(file.id)).toMatchObject({ status: 'uploaded', next: { status: 'processed', at: created + 2000 }, terminal: false });
    await advanceTime(2000);
    expect(openaiMock.files.lifecycle(file.id)).toMatchObject({ status: 'processed', terminal: true });
    expect(openaiMock.files.lifecycle('file-nope')).toBeUndefined();
  });
});

describe('uploads', () => {
  const createUpload = () => client.uploads.create({ bytes: 3, filename: 'notes.txt', mime_type: 'text/plain', purpose: 'user_data' });

  test('a plan shortens the hour an upload stays pending; the upload then refuses to complete', async () => {
    openaiMock.uploads.plan({ expiresAfterMs: 60_000 });
    const upload = await createUpload();
    expect(upload.expires_at - upload.created_at).toBe(60);
    await advanceTime(60_000);
    expect(openaiMock.uploads.lifecycle(upload.id)).toMatchObject({ status: 'expired', terminal: true });
    const error = await rejection(client.uploads.complete(upload.id, { part_ids: [] }));
    expect(error).toMatchObject({ status: 400, error: { message: expect.stringContaining(`Cannot complete upload ${upload.id}: it expired at`) } });
  });

  test('a held upload stays pending past its hour until the test steps it, which expires it', async () => {
    openaiMock.uploads.plan({ match: (u) => u.filename === 'notes.txt', hold: true });
    const upload = await createUpload();
    await advanceTime(2 * 3600 * 1000);
    expect(openaiMock.uploads.get(upload.id)?.status).toBe('pending');
    expect(openaiMock.uploads.step(upload.id).status).toBe('expired');
    expect(misuseBy(() => openaiMock.uploads.step(upload.id)).code).toBe('ERR_OPENAI_MOCK_INVALID_STEP');
  });

  test('read-counted progression is refused: no endpoint reads an upload', () => {
    const error = misuseBy(() => openaiMock.uploads.plan({ advanceEveryReads: 2 } as never));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_OPTION');
    expect(error.message).toBe(
      "[openai-mock] openaiMock.uploads.plan(): 'advanceEveryReads' does not apply to uploads: the API has no endpoint that reads an upload. Use 'hold' and openaiMock.uploads.step(id), or 'expiresAfterMs'.",
    );
  });
});

describe('background responses', () => {
  const start = () => client.responses.create({ model: 'gpt-4o-mini', input: 'Write a long report', background: true });

  test('a held response waits in_progress until the test steps it', async () => {
    openaiMock.responses.plan({ hold: 'in_progress' });
    const created = await start();
    await advanceTime(3_600_000);
    expect((await client.responses.retrieve(created.id)).status).toBe('in_progress');
    expect(openaiMock.responses.step(created.id).status).toBe('completed');
    const done = await client.responses.retrieve(created.id);
    expect(done.status).toBe('completed');
    expect(done.output_text).not.toBe('');
    expect(openaiMock.responses.lifecycle(created.id)?.history.map((t) => t.status)).toEqual(['queued', 'in_progress', 'completed']);
  });

  test('a read-counted response moves one status further on each retrieve', async () => {
    openaiMock.responses.plan({ advanceEveryReads: 1 });
    const created = await start();
    expect(created.status).toBe('queued');
    expect((await client.responses.retrieve(created.id)).status).toBe('in_progress');
    expect((await client.responses.retrieve(created.id)).status).toBe('completed');
  });

  test('a planned failure ends the response failed, with its error and no output', async () => {
    openaiMock.responses.plan({ fail: { code: 'server_error', message: 'The model crashed.' }, times: 1 });
    const failed = await start();
    const fine = await start();
    await advanceTime(3000);
    expect(await client.responses.retrieve(failed.id)).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'The model crashed.' }, output: [], usage: null });
    expect((await client.responses.retrieve(fine.id)).status).toBe('completed');
  });

  test('a response answered at once is final from the start: there is nothing to step', async () => {
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    expect(openaiMock.responses.lifecycle(response.id)).toMatchObject({ status: 'completed', terminal: true, next: null });
    expect(misuseBy(() => openaiMock.responses.step(response.id)).message).toContain("is 'completed', a final status");
  });
});

describe('inspection', () => {
  const root = mkdtempSync(join(tmpdir(), 'openai-mock-lifecycles-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('uploads and stored responses are written too', async () => {
    const upload = await client.uploads.create({ bytes: 1, filename: 'x.txt', mime_type: 'text/plain', purpose: 'user_data' });
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    const dir = openaiMock.writeState(root);
    expect(readdirSync(dir).sort()).toEqual(['.openai-mock-inspect', 'requests.jsonl', 'response_metadata', 'upload_metadata']);
    const written = JSON.parse(readFileSync(join(dir, 'upload_metadata', `${upload.id}.json`), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ upload: { id: upload.id, status: 'pending' }, lifecycle: { status: 'pending' } });
    const stored = JSON.parse(readFileSync(join(dir, 'response_metadata', `${response.id}.json`), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ response: { id: response.id, status: 'completed' }, input_items: [{ type: 'message', role: 'user' }] });
  });
});

describe('files that fail', () => {
  test("a planned failure ends the file 'error' with its details, once its processing time is up", async () => {
    openaiMock.files.plan({ match: (f) => f.filename === 'bad.jsonl', fail: { details: 'Invalid file format.' } });
    const bad = await client.files.create({ file: await toFile(Buffer.from('{}\n'), 'bad.jsonl'), purpose: 'fine-tune' });
    const good = await client.files.create({ file: await toFile(Buffer.from('{}\n'), 'good.jsonl'), purpose: 'fine-tune' });
    expect(bad).toMatchObject({ status: 'uploaded', status_details: null });
    await advanceTime(2000);
    expect(await client.files.retrieve(bad.id)).toMatchObject({ status: 'error', status_details: 'Invalid file format.' });
    expect(await client.files.retrieve(good.id)).toMatchObject({ status: 'processed', status_details: null });
    expect(misuseBy(() => openaiMock.files.plan({ fail: { details: '' } })).message).toBe(
      "[openai-mock] openaiMock.files.plan(): 'fail' is {\"details\":\"\"}; it must be an object { details } with a non-empty string, such as { details: 'Invalid file format.' }.",
    );
  });
});

describe('fine-tuning jobs', () => {
  test('a paused job cannot be stepped, and the message says how the code under test resumes it', async () => {
    const file = await uploadTrainingFile(client, dataset(20));
    await advanceTime(2000);
    const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
    await advanceTime(4000);
    await client.fineTuning.jobs.pause(job.id);
    const error = misuseBy(() => openaiMock.jobs.step(job.id));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_STEP');
    expect(error.message).toBe(`[openai-mock] The fine-tuning job '${job.id}' is paused: resume it (client.fineTuning.jobs.resume(id)) before stepping it.`);
  });
});
