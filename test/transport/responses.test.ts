import OpenAI, { toFile } from 'openai';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { makeClient, uploadTrainingFile } from '../support/client.js';
import { rejection } from '../support/errors.js';

const API = 'https://api.openai.com/v1';
const client = makeClient();

describe('response headers', () => {
  test('a JSON response carries x-request-id (as the SDK reads it) and content-type application/json', async () => {
    const { data, response, request_id } = await client.files.list().withResponse();
    expect(data.data).toEqual([]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const header = response.headers.get('x-request-id');
    expect(header).toMatch(/^req_\w+$/);
    expect(request_id).toBe(header);
    expect(openaiMock.requests[0]!.requestId).toBe(header);
  });

  test('objects returned by the SDK expose the request id as _request_id', async () => {
    const file = await uploadTrainingFile(client);
    expect(file._request_id).toMatch(/^req_\w+$/);
    expect(file._request_id).toBe(openaiMock.requests[0]!.requestId);
  });

  test('every response has its own x-request-id: JSON, raw bytes, errors, unknown routes, missing key', async () => {
    const file = await client.files.create({ file: await toFile(Buffer.from('{"x":1}\n'), 'a.jsonl'), purpose: 'batch' });
    const responses = [
      (await client.files.retrieve(file.id).withResponse()).response,
      await client.files.content(file.id),
      await fetch(`${API}/files/file-nope`, { headers: { authorization: 'Bearer sk-test' } }),
      await fetch(`${API}/foo`, { method: 'POST', headers: { authorization: 'Bearer sk-test' } }),
      await fetch(`${API}/vector_stores`, { headers: { authorization: 'Bearer sk-test' } }),
      await fetch(`${API}/files`),
    ];
    const ids = responses.map((r) => r.headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^req_\w+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 404, 501, 401]);
    // The recorded ids are the ones sent (the upload came first).
    expect(openaiMock.requests.slice(1).map((r) => r.requestId)).toEqual(ids);
  });

  test('JSON bodies (including errors) are application/json; file content is not', async () => {
    const file = await client.files.create({ file: await toFile(Buffer.from('{"a":1}'), 'a.json'), purpose: 'user_data' });
    const error = await fetch(`${API}/files/file-nope`, { headers: { authorization: 'Bearer sk-test' } });
    expect(error.headers.get('content-type')).toBe('application/json');
    // user_data files cannot be downloaded; use a purpose that can.
    const downloadable = await client.files.create({ file: await toFile(Buffer.from('{"x":1}\n'), 'b.jsonl'), purpose: 'batch' });
    const content = await client.files.content(downloadable.id);
    expect(content.headers.get('content-type')).toBe('application/octet-stream');
    expect(await content.text()).toBe('{"x":1}\n');
    expect(file.id).not.toBe(downloadable.id);
  });
});

describe('errors reach the SDK as its own classes', () => {
  test('an unknown file is a NotFoundError with param id and the API’s message', async () => {
    const error = await rejection(client.files.retrieve('file-nope'));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    const notFound = error as InstanceType<typeof OpenAI.NotFoundError>;
    expect(notFound.status).toBe(404);
    expect(notFound.param).toBe('id');
    expect(notFound.type).toBe('invalid_request_error');
    expect(notFound.code).toBeNull();
    expect(notFound.error).toEqual({
      message: 'No such File object: file-nope',
      type: 'invalid_request_error',
      param: 'id',
      code: null,
    });
    expect(notFound.message).toBe('404 No such File object: file-nope');
    expect(notFound.requestID).toMatch(/^req_\w+$/);
    expect(notFound.requestID).toBe(openaiMock.requests.at(-1)!.requestId);
    expect(notFound.headers.get('x-request-id')).toBe(notFound.requestID);
  });

  test('the error body is exactly OpenAI’s envelope: four keys, nulls included', async () => {
    const response = await fetch(`${API}/files/file-nope`, { headers: { authorization: 'Bearer sk-test' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toStrictEqual({
      error: { message: 'No such File object: file-nope', type: 'invalid_request_error', param: 'id', code: null },
    });
  });

  test('a 404 is not retried, even with retries on', async () => {
    const retrying = makeClient({ maxRetries: 2 });
    await expect(retrying.files.retrieve('file-nope')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    expect(openaiMock.requests).toHaveLength(1);
  });

  test('a bad query parameter is a BadRequestError naming it', async () => {
    const error = await rejection(client.files.list({ limit: 0 }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'limit', code: 'integer_below_min_value' });
  });

  test('a request with no Authorization header is a 401 in OpenAI’s envelope', async () => {
    const response = await fetch(`${API}/files`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-request-id')).toMatch(/^req_\w+$/);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toStrictEqual({
      message: expect.stringMatching(/^You didn't provide an API key\./),
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
    expect(openaiMock.requests).toMatchObject([{ method: 'GET', path: '/v1/files', status: 401 }]);
  });

  test('an empty bearer token is a 401 too, and nothing is stored', async () => {
    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new File(['{}\n'], 'a.jsonl'));
    const response = await fetch(`${API}/files`, { method: 'POST', headers: { authorization: 'Bearer ' }, body: form });
    expect(response.status).toBe(401);
    expect(openaiMock.files.size).toBe(0);
  });

  test('a wrong method on a served path is a 405 naming it', async () => {
    const response = await fetch(`${API}/files`, { method: 'PUT', headers: { authorization: 'Bearer sk-test' } });
    expect(response.status).toBe(405);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Method not allowed (PUT /v1/files)',
    );
  });
});
