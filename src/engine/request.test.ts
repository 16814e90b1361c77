import { describe, expect, it } from 'vitest';
import { formBody, jsonObject, loggableBody, parseBody, type MockRequest, type ParsedBody } from './request.js';
import { thrownBy } from '../../test/support/errors.js';

const encoder = new TextEncoder();

function request(body: Uint8Array | string, contentType?: string): MockRequest {
  return {
    method: 'POST',
    url: 'https://api.openai.com/v1/files',
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body: typeof body === 'string' ? encoder.encode(body) : body,
  };
}

/** Encodes a FormData exactly as fetch would send it. */
async function multipart(form: FormData): Promise<MockRequest> {
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return request(new Uint8Array(await encoded.arrayBuffer()), encoded.headers.get('content-type')!);
}

// Every byte value, so a lossy text decoding anywhere would show.
const BINARY = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('parseBody', () => {
  it('parses JSON', async () => {
    const body = await parseBody(request('{"model":"gpt-4o-mini","n":2,"tags":["a"]}', 'application/json'));
    expect(body).toEqual({ kind: 'json', value: { model: 'gpt-4o-mini', n: 2, tags: ['a'] } });
  });

  it('parses JSON with a charset, a +json type, or no content type at all', async () => {
    expect(await parseBody(request('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ kind: 'json', value: { a: 1 } });
    expect(await parseBody(request('{"a":1}', 'application/merge-patch+json'))).toEqual({ kind: 'json', value: { a: 1 } });
    expect(await parseBody(request('[1,2]'))).toEqual({ kind: 'json', value: [1, 2] });
  });

  it('keeps invalid JSON as text', async () => {
    expect(await parseBody(request('{"model": ', 'application/json'))).toEqual({
      kind: 'invalid-json',
      text: '{"model": ',
    });
  });

  it('an empty body is empty', async () => {
    expect(await parseBody(request('', 'application/json'))).toEqual({ kind: 'empty' });
    expect(await parseBody(request(''))).toEqual({ kind: 'empty' });
  });

  it('parses multipart: text fields, bracketed names kept as sent, and a binary file part byte for byte', async () => {
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('expires_after[anchor]', 'created_at');
    form.append('expires_after[seconds]', '3600');
    form.append('file', new File([BINARY], 'train.jsonl', { type: 'application/octet-stream' }));
    const body = await parseBody(await multipart(form));

    expect(body.kind).toBe('form');
    const parsed = (body as Extract<ParsedBody, { kind: 'form' }>).form;
    expect(Object.fromEntries(parsed.fields)).toEqual({
      purpose: 'fine-tune',
      'expires_after[anchor]': 'created_at',
      'expires_after[seconds]': '3600',
    });
    const file = parsed.files.get('file');
    expect(file).toMatchObject({ filename: 'train.jsonl', contentType: 'application/octet-stream' });
    expect(file!.bytes).toEqual(BINARY);
    expect(parsed.files.size).toBe(1);
  });

  it('broken multipart is invalid-form, not an exception', async () => {
    const boundary = 'openai-boundary';
    expect(await parseBody(request('this is not multipart at all', `multipart/form-data; boundary=${boundary}`))).toEqual({
      kind: 'invalid-form',
    });
    // A part that never ends.
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune`;
    expect(await parseBody(request(truncated, `multipart/form-data; boundary=${boundary}`))).toEqual({
      kind: 'invalid-form',
    });
    // No boundary in the content type.
    expect(await parseBody(request('--x\r\n', 'multipart/form-data'))).toEqual({ kind: 'invalid-form' });
  });

  it('an empty multipart body is parsed as multipart (and is invalid), not as empty', async () => {
    expect(await parseBody(request('', 'multipart/form-data; boundary=abc'))).toEqual({ kind: 'invalid-form' });
  });

  it('keeps any other content type as raw bytes', async () => {
    const body = await parseBody(request(BINARY, 'application/octet-stream'));
    expect(body).toEqual({ kind: 'bytes', bytes: BINARY, contentType: 'application/octet-stream' });
  });
});

describe('jsonObject', () => {
  it('returns a JSON object, and {} for an empty body', () => {
    expect(jsonObject({ kind: 'json', value: { a: 1 } })).toEqual({ a: 1 });
    expect(jsonObject({ kind: 'empty' })).toEqual({});
  });

  it.each([
    ['invalid JSON', { kind: 'invalid-json', text: '{' }],
    ['an array', { kind: 'json', value: [1] }],
    ['a string', { kind: 'json', value: 'hi' }],
    ['null', { kind: 'json', value: null }],
  ] as const)('%s is the API’s 400 about parsing the JSON body', (_, body) => {
    const error = thrownBy(() => jsonObject(body as ParsedBody));
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param: null, code: null });
    expect(error.message).toMatch(/^We could not parse the JSON body of your request\./);
  });

  it('a multipart, form-encoded or binary body gets the same 400: the API reads every body as JSON', () => {
    const form: ParsedBody = { kind: 'form', form: { fields: new Map(), files: new Map() } };
    for (const body of [form, { kind: 'invalid-form' }, { kind: 'bytes', bytes: BINARY, contentType: 'x/y' }] as ParsedBody[]) {
      const error = thrownBy(() => jsonObject(body));
      expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param: null, code: null });
      expect(error.message).toMatch(/^We could not parse the JSON body of your request\./);
    }
  });

  it('bytes of another content type that hold a JSON object are read as one', () => {
    const bytes = new TextEncoder().encode('{"model":"m"}');
    expect(jsonObject({ kind: 'bytes', bytes, contentType: 'application/x-www-form-urlencoded' })).toEqual({ model: 'm' });
  });
});

describe('formBody', () => {
  it('returns the form of a multipart body', () => {
    const form = { fields: new Map([['purpose', 'batch']]), files: new Map() };
    expect(formBody({ kind: 'form', form })).toBe(form);
  });

  it('broken multipart is a 400 invalid_multipart', () => {
    const error = thrownBy(() => formBody({ kind: 'invalid-form' }));
    expect(error).toMatchObject({ status: 400, code: 'invalid_multipart', message: 'Could not parse multipart form data.' });
  });

  it('JSON or nothing is a 400 unsupported_content_type naming multipart/form-data', () => {
    for (const body of [{ kind: 'json', value: {} }, { kind: 'empty' }] as ParsedBody[]) {
      const error = thrownBy(() => formBody(body));
      expect(error).toMatchObject({ status: 400, code: 'unsupported_content_type' });
      expect(error.message).toContain("'multipart/form-data'");
    }
  });
});

describe('loggableBody', () => {
  it('summarises file parts and keeps fields', async () => {
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new File([BINARY], 'train.jsonl', { type: 'application/jsonl' }));
    expect(loggableBody(await parseBody(await multipart(form)))).toEqual({
      purpose: 'fine-tune',
      file: { filename: 'train.jsonl', bytes: 256, contentType: 'application/jsonl' },
    });
  });

  it('keeps fields and file parts named like properties of Object.prototype as ordinary entries', async () => {
    const form = new FormData();
    form.append('constructor', 'a');
    form.append('__proto__', new File([BINARY], 'x.bin', { type: 'application/octet-stream' }));
    form.append('toString', new File([BINARY], 'y.bin', { type: 'application/octet-stream' }));
    const logged = loggableBody(await parseBody(await multipart(form))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(logged)).toBe(Object.prototype);
    const summary = (filename: string) => ({ filename, bytes: 256, contentType: 'application/octet-stream' });
    expect(Object.entries(logged)).toEqual([
      ['constructor', 'a'],
      ['__proto__', summary('x.bin')],
      ['toString', summary('y.bin')],
    ]);
  });

  it('JSON as parsed, invalid JSON as text, nothing as null, bytes summarised', () => {
    expect(loggableBody({ kind: 'json', value: { a: [1] } })).toEqual({ a: [1] });
    expect(loggableBody({ kind: 'invalid-json', text: '{x' })).toBe('{x');
    expect(loggableBody({ kind: 'empty' })).toBeNull();
    expect(loggableBody({ kind: 'invalid-form' })).toBeNull();
    expect(loggableBody({ kind: 'bytes', bytes: BINARY, contentType: 'image/png' })).toEqual({
      bytes: 256,
      contentType: 'image/png',
    });
  });
});
