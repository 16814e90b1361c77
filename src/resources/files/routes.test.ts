import { describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { Clock } from '../../engine/clock.js';
import { resolveConfig } from '../index.js';
import { IdGenerator } from '../../engine/ids.js';
import type { FormFile } from '../../engine/request.js';
import type { RouteContext } from '../../engine/router.js';
import { MAX_BATCH_FILE_BYTES } from '../batches/input.js';
import { fileRoutes } from './routes.js';
import { MAX_FILE_BYTES } from './rules.js';
import { FilesState } from './state.js';

// The size limits are checked here, on the route, because a body past them is too big to send
// through a transport in a test: the arrays below are allocated but never written, so they cost
// address space, not memory.

function setup() {
  const ctx = { clock: new Clock(), ids: new IdGenerator(), config: () => resolveConfig({}) };
  const files = new FilesState(ctx);
  const upload = fileRoutes(files).find((r) => r.method === 'POST' && r.path === '/files')!;
  const post = (purpose: string, file: FormFile): unknown => {
    const context: RouteContext = {
      request: { method: 'POST', url: 'https://api.openai.com/v1/files', headers: {}, body: new Uint8Array(0) },
      params: {},
      query: new URLSearchParams(),
      body: { kind: 'form', form: { fields: new Map([['purpose', purpose]]), files: new Map([['file', file]]) } },
    };
    return upload.handler(context);
  };
  return { files, post };
}

describe('POST /files size limits', () => {
  test('a batch input file over 200 MB is refused with the API’s words, and nothing is stored', () => {
    const { files, post } = setup();
    const error = thrownBy(() => post('batch', { filename: 'in.jsonl', contentType: 'application/jsonl', bytes: new Uint8Array(MAX_BATCH_FILE_BYTES + 1) }));
    expect(error.toJSON()).toEqual({ error: { message: 'File is too large.', type: 'invalid_request_error', param: null, code: null } });
    expect(error.status).toBe(400);
    expect(files.list()).toEqual([]);
  });

  test('any file over 512 MB is refused the same way', () => {
    const { files, post } = setup();
    const error = thrownBy(() => post('user_data', { filename: 'big.bin', contentType: 'application/octet-stream', bytes: new Uint8Array(MAX_FILE_BYTES + 1) }));
    expect(error).toMatchObject({ status: 400, message: 'File is too large.', param: null, code: null });
    expect(files.list()).toEqual([]);
  });

  test('a file of exactly 512 MB is stored', () => {
    const { files, post } = setup();
    expect(post('user_data', { filename: 'big.bin', contentType: 'application/octet-stream', bytes: new Uint8Array(MAX_FILE_BYTES) })).toMatchObject({
      json: { bytes: MAX_FILE_BYTES, purpose: 'user_data' },
    });
    expect(files.list()).toHaveLength(1);
  });
});
