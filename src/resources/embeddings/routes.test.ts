import { describe, expect, test } from 'vitest';
import { ApiError } from '../../engine/api-error.js';
import type { MockContext } from '../../engine/resource.js';
import type { RouteContext } from '../../engine/router.js';
import { embeddingRoutes } from './routes.js';

const route = embeddingRoutes({} as MockContext)[0]!;

function call(value: unknown, batch?: { customId: string }): ReturnType<typeof route.handler> {
  const context: RouteContext = {
    request: { method: 'POST', url: 'https://api.openai.com/v1/embeddings', headers: {}, body: new Uint8Array(0) },
    params: {},
    query: new URLSearchParams(),
    body: { kind: 'json', value },
    ...(batch ? { batch } : {}),
  };
  return route.handler(context);
}

describe('embeddingRoutes', () => {
  test('serves POST /embeddings only', () => {
    expect(embeddingRoutes({} as MockContext).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /embeddings']);
  });

  test('answers a batch line synchronously with JSON, as batches require', () => {
    const reply = call({ model: 'text-embedding-3-small', input: ['a', 'b'], dimensions: 3 }, { customId: 'request-1' });
    expect(reply).not.toBeInstanceOf(Promise);
    expect(reply).toEqual({
      json: {
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: [expect.any(Number), expect.any(Number), expect.any(Number)] },
          { object: 'embedding', index: 1, embedding: [expect.any(Number), expect.any(Number), expect.any(Number)] },
        ],
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 2, total_tokens: 2 },
      },
    });
  });

  test('a batch line gets the same vectors as a request on its own', () => {
    const body = { model: 'text-embedding-3-small', input: 'same either way', encoding_format: 'base64' };
    expect(call(body, { customId: 'x' })).toEqual(call(body));
  });

  test('refuses a body that is not a JSON object, and a bad request, with ApiErrors', () => {
    expect(() => call(['not', 'an', 'object'])).toThrow(ApiError);
    expect(() => call({ model: 'text-embedding-3-small', input: '' })).toThrow(ApiError);
  });
});
