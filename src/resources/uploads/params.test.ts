import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { parseCompleteUpload, parseCreateUpload } from './params.js';

const BODY = { filename: 'a.jsonl', purpose: 'fine-tune', bytes: 10, mime_type: 'text/jsonl' };

describe('parseCreateUpload', () => {
  it('refuses an unknown key, naming it', () => {
    expect(thrownBy(() => parseCreateUpload({ ...BODY, extra: true }))).toMatchObject({
      status: 400,
      message: "Unknown parameter: 'extra'.",
      param: 'extra',
      code: 'unknown_parameter',
    });
  });

  it('reads a valid body; a null expires_after is ignored', () => {
    expect(parseCreateUpload({ ...BODY, expires_after: null })).toEqual({
      filename: 'a.jsonl',
      purpose: 'fine-tune',
      bytes: 10,
      mimeType: 'text/jsonl',
      fileExpiresAfterSeconds: null,
    });
  });

  it('takes the file lifetime from expires_after', () => {
    const params = parseCreateUpload({ ...BODY, expires_after: { anchor: 'created_at', seconds: 86_400 } });
    expect(params.fileExpiresAfterSeconds).toBe(86_400);
  });

  it('checks the required fields in order, a null counting as missing', () => {
    expect(thrownBy(() => parseCreateUpload({}))).toMatchObject({ param: 'filename', code: 'missing_required_parameter' });
    expect(thrownBy(() => parseCreateUpload({ ...BODY, bytes: null }))).toMatchObject({
      message: "Missing required parameter: 'bytes'.",
      param: 'bytes',
    });
  });

  it('refuses a purpose of the wrong type, and a seconds above 30 days', () => {
    expect(thrownBy(() => parseCreateUpload({ ...BODY, purpose: 3 }))).toMatchObject({
      message: "Invalid type for 'purpose': expected a string, but got an integer instead.",
      code: 'invalid_type',
    });
    expect(
      thrownBy(() => parseCreateUpload({ ...BODY, expires_after: { anchor: 'created_at', seconds: 2_592_001 } })),
    ).toMatchObject({ param: 'expires_after.seconds', code: 'integer_above_max_value' });
    expect(thrownBy(() => parseCreateUpload({ ...BODY, expires_after: { anchor: 'created_at' } }))).toMatchObject({
      param: 'expires_after.seconds',
      code: 'missing_required_parameter',
    });
  });
});

describe('parseCompleteUpload', () => {
  it('keeps the order of part_ids and lower-cases the md5', () => {
    expect(parseCompleteUpload({ part_ids: ['part_b', 'part_a'], md5: 'ABCDEF' })).toEqual({
      partIds: ['part_b', 'part_a'],
      md5: 'abcdef',
    });
    expect(parseCompleteUpload({ part_ids: [] })).toEqual({ partIds: [], md5: null });
  });

  it('refuses an md5 that is not a string', () => {
    expect(thrownBy(() => parseCompleteUpload({ part_ids: [], md5: 5 }))).toMatchObject({
      message: "Invalid type for 'md5': expected a string, but got an integer instead.",
      param: 'md5',
      code: 'invalid_type',
    });
  });
});
