import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { Clock } from '../../engine/clock.js';
import { resolveConfig } from '../index.js';
import { IdGenerator } from '../../engine/ids.js';
import { FilesState } from '../files/state.js';
import type { FileObject } from '../files/types.js';
import { MAX_UPLOAD_BYTES, type CreateUploadParams } from './params.js';
import { MAX_PART_BYTES, UploadsState } from './state.js';
import type { Upload } from './types.js';

/** 2025-01-01T00:00:00Z: long past, as the factories' timestamps are. */
const PAST = 1_735_689_600;

/** A state with its own clock (moved by hand) and ids; files are processed at once. */
function setup() {
  const clock = new Clock();
  const ctx = { clock, ids: new IdGenerator(), config: () => resolveConfig({ files: { processingMs: 0 } }) };
  const files = new FilesState(ctx);
  return { clock, files, uploads: new UploadsState(ctx, files) };
}

const PARAMS: CreateUploadParams = {
  filename: 'notes.txt',
  purpose: 'user_data',
  bytes: 4,
  mimeType: 'text/plain',
  fileExpiresAfterSeconds: null,
};

const bytes = (text: string) => new TextEncoder().encode(text);

function seededUpload(overrides: Partial<Upload> = {}): Upload {
  const createdAt = PAST;
  return {
    id: 'upload_seed000001',
    object: 'upload',
    bytes: 4,
    created_at: createdAt,
    expires_at: createdAt + 3600,
    filename: 'notes.txt',
    purpose: 'user_data',
    status: 'pending',
    file: null,
    ...overrides,
  };
}

describe('parts', () => {
  it('refuses a part over 64 MB and keeps the upload as it was', () => {
    const { uploads } = setup();
    const upload = uploads.create({ ...PARAMS, bytes: MAX_PART_BYTES + 1 });
    const error = thrownBy(() => uploads.addPart(upload.id, new Uint8Array(MAX_PART_BYTES + 1)));
    expect(error).toMatchObject({
      status: 400,
      param: 'data',
      message: "Invalid 'data': a part can be at most 64 MB (67108864 bytes), but this one is 67108865 bytes.",
    });
    expect(uploads.addPart(upload.id, new Uint8Array(MAX_PART_BYTES)).id).toBe('part_mock000001');
  });

  it('refuses a part that takes the upload past 8 GB', () => {
    const { uploads } = setup();
    const upload = uploads.create({ ...PARAMS, bytes: MAX_UPLOAD_BYTES });
    const chunk = new Uint8Array(MAX_PART_BYTES); // one buffer, stored 128 times: 8 GB without the memory
    for (let i = 0; i < MAX_UPLOAD_BYTES / MAX_PART_BYTES; i++) uploads.addPart(upload.id, chunk);
    const error = thrownBy(() => uploads.addPart(upload.id, new Uint8Array(1)));
    expect(error).toMatchObject({ status: 400, param: 'data' });
    expect(error.message).toContain('more than the 8 GB (8589934592 bytes) an upload can hold');
  });
});

describe('ids', () => {
  it('skips ids a seeded upload already holds', () => {
    const { uploads } = setup();
    uploads.seed(seededUpload({ id: 'upload_mock000001' }));
    expect(uploads.create(PARAMS).id).toBe('upload_mock000002');
    expect(uploads.ids()).toEqual(['upload_mock000001', 'upload_mock000002']);
  });

  it('reset forgets uploads and parts', () => {
    const { uploads } = setup();
    const upload = uploads.create(PARAMS);
    const part = uploads.addPart(upload.id, bytes('abcd'));
    uploads.reset();
    expect(uploads.ids()).toEqual([]);
    const again = uploads.create(PARAMS);
    expect(thrownBy(() => uploads.complete(again.id, { partIds: [part.id], md5: null }))).toMatchObject({ status: 400, param: 'part_ids' });
  });
});

describe('seed', () => {
  it('keeps a pending upload whose expires_at has already passed pending, and lets it complete', () => {
    const { uploads, files } = setup();
    const seeded = uploads.seed(seededUpload());
    expect(seeded.status).toBe('pending');
    const part = uploads.addPart(seeded.id, bytes('abcd'));
    const done = uploads.complete(seeded.id, { partIds: [part.id], md5: null });
    expect(done).toMatchObject({ status: 'completed', file: { id: 'file-mock000001', bytes: 4, purpose: 'user_data' } });
    expect(files.uploads().map((u) => u.file.id)).toEqual(['file-mock000001']);
  });

  it('expires a pending upload at its expires_at when that is still ahead', () => {
    const { uploads, clock } = setup();
    const now = Math.floor(clock.now() / 1000);
    const seeded = uploads.seed(seededUpload({ created_at: now, expires_at: now + 60 }));
    expect(seeded.status).toBe('pending');
    clock.advance(60_000);
    expect(uploads.find(seeded.id)?.status).toBe('expired');
  });

  it.each(['completed', 'cancelled', 'expired'] as const)('keeps a seeded %s upload as it is', (status) => {
    const { uploads, clock } = setup();
    uploads.seed(seededUpload({ status }));
    clock.advance(10 * 3600_000);
    expect(uploads.find('upload_seed000001')?.status).toBe(status);
    const error = thrownBy(() => uploads.cancel('upload_seed000001'));
    expect(error).toMatchObject({ status: 400, param: null, code: null });
    expect(error.message).toMatch(/^Cannot cancel upload upload_seed000001: .* Only a pending upload can be cancelled\.$/);
  });

  it("shows a completed upload's file as the Files store holds it now, or as given", () => {
    const { uploads, files } = setup();
    const given: FileObject = {
      id: 'file-seed000001',
      object: 'file',
      bytes: 4,
      created_at: PAST,
      filename: 'notes.txt',
      purpose: 'user_data',
      status: 'uploaded',
      status_details: null,
    };
    uploads.seed(seededUpload({ status: 'completed', file: given }));
    expect(uploads.find('upload_seed000001')?.file).toEqual(given);
    files.seed({ ...given, status: 'processed' }, bytes('abcd'));
    expect(uploads.find('upload_seed000001')?.file).toEqual({ ...given, status: 'processed' });
  });

  it('refuses a duplicate id or a purpose uploads do not take, with coded errors', () => {
    const { uploads } = setup();
    uploads.seed(seededUpload());
    expect(() => uploads.seed(seededUpload())).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_DUPLICATE_ID' }));
    expect(() => uploads.seed(seededUpload({ id: 'upload_2', purpose: 'batch_output' }))).toThrow(
      expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' }),
    );
    expect(uploads.ids()).toEqual(['upload_seed000001']);
  });
});
