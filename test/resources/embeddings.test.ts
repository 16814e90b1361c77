import OpenAI from 'openai';
import type { EmbeddingCreateParams } from 'openai/resources/embeddings';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const client = makeClient();
const model = 'text-embedding-3-small';

function norm(vector: readonly number[]): number {
  return Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot / (norm(a) * norm(b));
}

/** What a user decoding `encoding_format: 'base64'` by hand does: little-endian float32s. */
function decodeBase64(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

async function embed(input: string, params: Partial<EmbeddingCreateParams> = {}): Promise<number[]> {
  const response = await client.embeddings.create({ model, input, encoding_format: 'float', ...params });
  return response.data[0]!.embedding;
}

async function rawPost(body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch('https://api.openai.com/v1/embeddings', {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

describe('POST /v1/embeddings', () => {
  test('answers with the API shape: a list of embeddings, the model and usage', async () => {
    const response = await client.embeddings.create({ model, input: 'The quick brown fox jumped over the lazy dog', encoding_format: 'float' });
    expect(response).toEqual({
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: expect.any(Array) }],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 11, total_tokens: 11 },
    });
    expect(response.data[0]!.embedding).toHaveLength(1536);
    expect(response.data[0]!.embedding.every((x) => typeof x === 'number' && Number.isFinite(x))).toBe(true);
  });

  test('the SDK default call asks for base64 and decodes it to the same vector as float', async () => {
    const byDefault = await client.embeddings.create({ model, input: 'Senior Python developer' });
    const asFloat = await client.embeddings.create({ model, input: 'Senior Python developer', encoding_format: 'float' });
    expect(openaiMock.requests.map((r) => (r.body as { encoding_format?: string }).encoding_format)).toEqual(['base64', 'float']);
    expect(byDefault.data[0]!.embedding).toHaveLength(1536);
    expect(byDefault.data[0]!.embedding).toEqual(asFloat.data[0]!.embedding.map(Math.fround));
    expect(byDefault.usage).toEqual(asFloat.usage);
  });

  test('explicit base64 returns little-endian float32 bytes of the same vector', async () => {
    const response = await client.embeddings.create({ model, input: 'Senior Python developer', encoding_format: 'base64' });
    const encoded = response.data[0]!.embedding;
    expect(typeof encoded).toBe('string');
    expect(Buffer.from(encoded, 'base64').byteLength).toBe(1536 * 4);
    const floats = await embed('Senior Python developer');
    expect(decodeBase64(encoded)).toEqual(floats.map(Math.fround));
  });

  test('a raw request without encoding_format gets float arrays (the API default)', async () => {
    const { status, json } = await rawPost({ model, input: 'hello world' });
    expect(status).toBe(200);
    const embedding = (json as { data: { embedding: unknown }[] }).data[0]!.embedding;
    expect(Array.isArray(embedding)).toBe(true);
    expect(embedding).toEqual(await embed('hello world'));
  });

  test('float values print compactly and read back as the same float32', async () => {
    const { json } = await rawPost({ model, input: 'hello world', encoding_format: 'float' });
    const embedding = (json as { data: { embedding: number[] }[] }).data[0]!.embedding;
    const text = JSON.stringify(embedding);
    expect(text.length / embedding.length).toBeLessThan(13);
    const base64 = await client.embeddings.create({ model, input: 'hello world', encoding_format: 'base64' });
    expect(decodeBase64(base64.data[0]!.embedding)).toEqual(embedding.map(Math.fround));
  });

  test.each([
    ['text-embedding-3-small', 1536, 'text-embedding-3-small'],
    ['text-embedding-3-large', 3072, 'text-embedding-3-large'],
    ['text-embedding-ada-002', 1536, 'text-embedding-ada-002-v2'],
  ] as const)('%s returns %i unit-length dimensions (response model %s)', async (name, size, responseModel) => {
    for (const encoding_format of ['float', 'base64'] as const) {
      const response = await client.embeddings.create({ model: name, input: 'vector search', encoding_format });
      const embedding = response.data[0]!.embedding;
      const vector = typeof embedding === 'string' ? decodeBase64(embedding) : embedding;
      expect(vector).toHaveLength(size);
      expect(Math.abs(norm(vector) - 1)).toBeLessThan(1e-6);
      expect(response.model).toBe(responseModel);
    }
  });

  test.each([
    ['text-embedding-3-small', 256],
    ['text-embedding-3-small', 1],
    ['text-embedding-3-large', 1024],
    ['text-embedding-3-large', 3072],
  ] as const)('%s with dimensions %i: the first components of the full vector, renormalized', async (name, dimensions) => {
    const full = await embed('Matryoshka embeddings keep the gist first', { model: name });
    const short = await embed('Matryoshka embeddings keep the gist first', { model: name, dimensions });
    expect(short).toHaveLength(dimensions);
    expect(Math.abs(norm(short) - 1)).toBeLessThan(1e-6);
    const prefix = full.slice(0, dimensions);
    const expected = prefix.map((x) => x / norm(prefix));
    short.forEach((x, i) => expect(Math.abs(x - expected[i]!)).toBeLessThan(1e-7));
  });

  test('a shortened vector keeps shared words closer than unrelated ones', async () => {
    const options = { dimensions: 256 };
    const query = await embed('python django engineer', options);
    const related = await embed('Senior Python developer with Django and PostgreSQL', options);
    const unrelated = await embed('Pastry chef in a French bakery', options);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
  });

  test('the same text gives the same vector in every call, and after a reset', async () => {
    const first = await embed('Deterministic vectors make stable tests');
    const second = await embed('Deterministic vectors make stable tests');
    openaiMock.reset();
    const afterReset = await embed('Deterministic vectors make stable tests');
    expect(second).toEqual(first);
    expect(afterReset).toEqual(first);
    expect(await embed('Deterministic vectors make stable tests!')).not.toEqual(first);
  });

  test('texts sharing words are closer than unrelated texts; unrelated texts are near 0', async () => {
    const query = await embed('python django engineer');
    const python = await embed('Senior Python developer with Django and PostgreSQL');
    const pastry = await embed('Pastry chef in a French bakery');
    expect(cosine(query, python)).toBeGreaterThan(0.3);
    expect(Math.abs(cosine(query, pastry))).toBeLessThan(0.1);
    expect(cosine(query, python)).toBeGreaterThan(cosine(query, pastry) + 0.3);
  });

  test('an array of texts: one embedding per text, index in input order, usage summed', async () => {
    const texts = ['first text', 'a second, longer text', 'third'];
    const response = await client.embeddings.create({ model, input: texts, encoding_format: 'float' });
    expect(response.data.map((d) => d.index)).toEqual([0, 1, 2]);
    for (const [i, text] of texts.entries()) expect(response.data[i]!.embedding).toEqual(await embed(text));
    // The mock estimates 4 characters a token: 10, 21 and 5 characters.
    expect(response.usage).toEqual({ prompt_tokens: 3 + 6 + 2, total_tokens: 11 });
  });

  test('token inputs: a list is one input, a list of lists one input each; tokens count 1 each', async () => {
    const single = await client.embeddings.create({ model, input: [1212, 318, 257, 1332, 13], encoding_format: 'float' });
    expect(single.data).toHaveLength(1);
    expect(single.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });

    const many = await client.embeddings.create({ model, input: [[1212, 318, 257, 1332, 13], [9906, 1917]], encoding_format: 'float' });
    expect(many.data.map((d) => d.index)).toEqual([0, 1]);
    expect(many.data[0]!.embedding).toEqual(single.data[0]!.embedding);
    expect(many.usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });

    const sharing = await client.embeddings.create({ model, input: [[1212, 318, 9999], [4444, 5555, 6666]], encoding_format: 'float' });
    const tokensVector = single.data[0]!.embedding;
    expect(cosine(tokensVector, sharing.data[0]!.embedding)).toBeGreaterThan(cosine(tokensVector, sharing.data[1]!.embedding) + 0.2);
    expect(Math.abs(norm(many.data[1]!.embedding) - 1)).toBeLessThan(1e-6);
  });

  test('user is accepted and changes nothing', async () => {
    const withUser = await client.embeddings.create({ model, input: 'hello', user: 'user-1234', encoding_format: 'float' });
    expect(withUser.data[0]!.embedding).toEqual(await embed('hello'));
  });

  test('the request is logged like any other', async () => {
    await client.embeddings.create({ model, input: ['a', 'b'] });
    expect(openaiMock.requests).toHaveLength(1);
    expect(openaiMock.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/embeddings',
      status: 200,
      body: { model, input: ['a', 'b'], encoding_format: 'base64' },
    });
  });
});

const INVALID_INPUT =
  "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.";

type ErrorClass = typeof OpenAI.BadRequestError | typeof OpenAI.NotFoundError | typeof OpenAI.PermissionDeniedError;

interface ErrorCase {
  readonly label: string;
  readonly body: Record<string, unknown>;
  readonly errorClass: ErrorClass;
  readonly status: number;
  readonly error: { message: string; type: string; param: string | null; code: string | null };
}

function badRequest(label: string, body: Record<string, unknown>, message: string, param: string | null = null, code: string | null = null): ErrorCase {
  return { label, body, errorClass: OpenAI.BadRequestError, status: 400, error: { message, type: 'invalid_request_error', param, code } };
}

const longText = 'word '.repeat(6560); // 32,800 characters: 8,200 tokens by the mock's estimate

const ERROR_CASES: readonly ErrorCase[] = [
  badRequest('missing model', { input: 'hi' }, "Missing required parameter: 'model'.", 'model', 'missing_required_parameter'),
  badRequest('missing input', { model }, "Missing required parameter: 'input'.", 'input', 'missing_required_parameter'),
  badRequest('model of the wrong type', { model: 42, input: 'hi' }, "Invalid type for 'model': expected a string, but got an integer instead.", 'model', 'invalid_type'),
  {
    label: 'unknown model',
    body: { model: 'text-embedding-4-huge', input: 'hi' },
    errorClass: OpenAI.NotFoundError,
    status: 404,
    error: {
      message: 'The model `text-embedding-4-huge` does not exist or you do not have access to it.',
      type: 'invalid_request_error',
      param: null,
      code: 'model_not_found',
    },
  },
  {
    label: 'a model that does not embed',
    body: { model: 'gpt-4o-mini', input: 'hi' },
    errorClass: OpenAI.PermissionDeniedError,
    status: 403,
    error: { message: 'You are not allowed to generate embeddings from this model', type: 'invalid_request_error', param: null, code: null },
  },
  badRequest('dimensions with ada-002', { model: 'text-embedding-ada-002', input: 'hi', dimensions: 512 }, 'This model does not support specifying dimensions.'),
  badRequest('dimensions: null with ada-002', { model: 'text-embedding-ada-002', input: 'hi', dimensions: null }, 'This model does not support specifying dimensions.'),
  badRequest('dimensions 0', { model, input: 'hi', dimensions: 0 }, "Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got 0 instead.", 'dimensions', 'integer_below_min_value'),
  badRequest('dimensions above the native size', { model, input: 'hi', dimensions: 1537 }, "Invalid 'dimensions': integer above maximum value. Expected a value <= 1536, but got 1537 instead.", 'dimensions', 'integer_above_max_value'),
  badRequest('dimensions above 3-large native size', { model: 'text-embedding-3-large', input: 'hi', dimensions: 4096 }, "Invalid 'dimensions': integer above maximum value. Expected a value <= 3072, but got 4096 instead.", 'dimensions', 'integer_above_max_value'),
  badRequest('fractional dimensions', { model, input: 'hi', dimensions: 1.5 }, "Invalid type for 'dimensions': expected an integer, but got a decimal number instead.", 'dimensions', 'invalid_type'),
  badRequest('dimensions as a string', { model, input: 'hi', dimensions: '256' }, "Invalid type for 'dimensions': expected an integer, but got a string instead.", 'dimensions', 'invalid_type'),
  badRequest('unknown encoding_format', { model, input: 'hi', encoding_format: 'md5' }, "Invalid value for 'encoding_format' = md5. Supported values: ['float', 'base64']."),
  badRequest('user of the wrong type', { model, input: 'hi', user: 7 }, "Invalid type for 'user': expected a string, but got an integer instead.", 'user', 'invalid_type'),
  badRequest('empty string', { model, input: '' }, INVALID_INPUT),
  badRequest('empty array', { model, input: [] }, INVALID_INPUT),
  badRequest('an empty string in an array', { model, input: ['a', ''] }, INVALID_INPUT),
  badRequest('an empty token list', { model, input: [[1, 2], []] }, INVALID_INPUT),
  badRequest('2049 texts', { model, input: Array.from({ length: 2049 }, (_, i) => `text ${i}`) }, INVALID_INPUT),
  badRequest('2049 tokens in one list', { model, input: Array.from({ length: 2049 }, (_, i) => i) }, INVALID_INPUT),
  badRequest('texts and tokens mixed', { model, input: ['a', 1] }, INVALID_INPUT),
  badRequest('fractional token ids', { model, input: [1, 2.5] }, INVALID_INPUT),
  badRequest('input as a number', { model, input: 42 }, INVALID_INPUT),
  badRequest('input as an object', { model, input: { text: 'hi' } }, INVALID_INPUT),
  badRequest(
    'an input over 8192 tokens',
    { model, input: ['short', longText] },
    "This model's maximum context length is 8192 tokens, however you requested 8200 tokens (8200 in your prompt; 0 for the completion). Please reduce your prompt; or completion length.",
  ),
  {
    label: 'over 300,000 tokens in one request',
    body: { model, input: Array.from({ length: 37 }, () => 'word '.repeat(6553)) },
    errorClass: OpenAI.BadRequestError,
    status: 400,
    error: { message: 'Requested 303104 tokens, max 300000 tokens per request', type: 'max_tokens_per_request', param: null, code: 'max_tokens_per_request' },
  },
];

describe('errors', () => {
  test.each(ERROR_CASES.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const error = await rejection(client.embeddings.create(c.body as unknown as EmbeddingCreateParams));
    expect(error).toBeInstanceOf(c.errorClass);
    expect(error).toMatchObject({ status: c.status, code: c.error.code, param: c.error.param, type: c.error.type, error: c.error });
    expect((error as Error).message).toBe(`${c.status} ${c.error.message}`);
    expect(openaiMock.requests.at(-1)?.status).toBe(c.status);
  });

  test('a raw request gets the same envelope', async () => {
    const { status, json } = await rawPost({ model, input: '' });
    expect(status).toBe(400);
    expect(json).toEqual({ error: { message: INVALID_INPUT, type: 'invalid_request_error', param: null, code: null } });
  });

  test('exactly 2048 inputs and exactly 8192 tokens are accepted', async () => {
    const inputs = Array.from({ length: 2048 }, (_, i) => `item ${i}`);
    const response = await client.embeddings.create({ model, input: inputs, dimensions: 8 });
    expect(response.data).toHaveLength(2048);
    expect(response.data[2047]!.index).toBe(2047);
    const full = await client.embeddings.create({ model, input: 'word '.repeat(6553) + 'ab', dimensions: 8 });
    expect(full.usage.prompt_tokens).toBe(8192);
  });
});
