import { describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { EMBEDDING_MODELS } from './models.js';
import { INVALID_INPUT_MESSAGE, parseEmbeddingRequest } from './params.js';

const model = 'text-embedding-3-small';

describe('parseEmbeddingRequest', () => {
  test('a minimal body: float, native size, one input with its token estimate', () => {
    expect(parseEmbeddingRequest({ model, input: 'hello world' })).toEqual({
      model: EMBEDDING_MODELS[model],
      inputs: ['hello world'],
      tokens: [3],
      dimensions: 1536,
      encodingFormat: 'float',
    });
  });

  test('the four input shapes', () => {
    expect(parseEmbeddingRequest({ model, input: ['a', 'bcdef'] })).toMatchObject({ inputs: ['a', 'bcdef'], tokens: [1, 2] });
    expect(parseEmbeddingRequest({ model, input: [5, 6, 7] })).toMatchObject({ inputs: [[5, 6, 7]], tokens: [3] });
    expect(parseEmbeddingRequest({ model, input: [[5], [6, 7]] })).toMatchObject({ inputs: [[5], [6, 7]], tokens: [1, 2] });
  });

  test('null optional parameters mean their defaults; dimensions and base64 are read', () => {
    expect(parseEmbeddingRequest({ model, input: 'x', encoding_format: null, dimensions: null, user: null })).toMatchObject({
      encodingFormat: 'float',
      dimensions: 1536,
    });
    expect(parseEmbeddingRequest({ model: 'text-embedding-3-large', input: 'x', encoding_format: 'base64', dimensions: 3072 })).toMatchObject({
      encodingFormat: 'base64',
      dimensions: 3072,
    });
  });

  test('null model or input counts as missing', () => {
    expect(thrownBy(() => parseEmbeddingRequest({ model: null, input: 'x' }))).toMatchObject({
      status: 400,
      code: 'missing_required_parameter',
      param: 'model',
    });
    expect(thrownBy(() => parseEmbeddingRequest({ model, input: null }))).toMatchObject({ code: 'missing_required_parameter', param: 'input' });
  });

  test('checks run in order: parameters present, model, encoding_format, dimensions, user, input, tokens', () => {
    const first = (body: Record<string, unknown>) => thrownBy(() => parseEmbeddingRequest(body)).message;
    expect(first({ input: '' })).toBe("Missing required parameter: 'model'.");
    expect(first({ model: 'nope' })).toBe("Missing required parameter: 'input'.");
    expect(first({ model: 'nope', input: '', encoding_format: 'md5' })).toBe(
      'The model `nope` does not exist or you do not have access to it.',
    );
    expect(first({ model, input: '', encoding_format: 'md5', dimensions: 0 })).toBe(
      "Invalid value for 'encoding_format' = md5. Supported values: ['float', 'base64'].",
    );
    expect(first({ model, input: '', dimensions: 0, user: 1 })).toContain("Invalid 'dimensions'");
    expect(first({ model, input: '', user: 1 })).toContain("Invalid type for 'user'");
    expect(first({ model, input: ['', 'x'.repeat(40_000)] })).toBe(INVALID_INPUT_MESSAGE);
  });

  test('dimensions: the type and the minimum are checked before the model supports them', () => {
    const ada = 'text-embedding-ada-002';
    expect(thrownBy(() => parseEmbeddingRequest({ model: ada, input: 'x', dimensions: 'x' })).code).toBe('invalid_type');
    expect(thrownBy(() => parseEmbeddingRequest({ model: ada, input: 'x', dimensions: 0 })).code).toBe('integer_below_min_value');
    expect(thrownBy(() => parseEmbeddingRequest({ model: ada, input: 'x', dimensions: 9999 })).message).toBe(
      'This model does not support specifying dimensions.',
    );
  });

  test('models of the catalog that do not embed get 403; anything else 404', () => {
    for (const name of ['gpt-4o-mini', 'whisper-1', 'dall-e-3', 'o3']) {
      expect(thrownBy(() => parseEmbeddingRequest({ model: name, input: 'x' }))).toMatchObject({ status: 403, code: null, param: null });
    }
    expect(thrownBy(() => parseEmbeddingRequest({ model: 'ft:gpt-4o-mini:org::abc', input: 'x' }))).toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
    expect(thrownBy(() => parseEmbeddingRequest({ model: 'hasOwnProperty', input: 'x' })).status).toBe(404);
  });

  test('a non-string encoding_format is shown as JSON in the message', () => {
    expect(thrownBy(() => parseEmbeddingRequest({ model, input: 'x', encoding_format: 5 })).message).toBe(
      "Invalid value for 'encoding_format' = 5. Supported values: ['float', 'base64'].",
    );
  });

  test('token limits: 8192 per input, 300,000 per request', () => {
    expect(parseEmbeddingRequest({ model, input: [Array.from({ length: 8192 }, () => 1)] }).tokens).toEqual([8192]);
    expect(thrownBy(() => parseEmbeddingRequest({ model, input: [Array.from({ length: 8193 }, () => 1)] })).message).toContain(
      'however you requested 8193 tokens (8193 in your prompt; 0 for the completion)',
    );
    const big = Array.from({ length: 40 }, () => Array.from({ length: 7600 }, () => 1));
    expect(thrownBy(() => parseEmbeddingRequest({ model, input: big }))).toMatchObject({
      status: 400,
      message: 'Requested 304000 tokens, max 300000 tokens per request',
      type: 'max_tokens_per_request',
      code: 'max_tokens_per_request',
      param: null,
    });
  });
});
