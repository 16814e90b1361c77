import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import {
  DEFAULT_EMBEDDING_INPUT,
  embeddingFactory,
  embeddingResponseFactory,
  type CreateEmbeddingResponse,
  type Embedding,
} from './embedding.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });
const model = 'text-embedding-3-small';

describe('embeddingResponseFactory', () => {
  test('build() is what the mock answers for the same request, and sends no request', async () => {
    const built: CreateEmbeddingResponse = embeddingResponseFactory.build();
    expect(openaiMock.requests).toHaveLength(0);
    expect(built).toMatchObject({ object: 'list', model, usage: { prompt_tokens: 11, total_tokens: 11 } });
    expect(built.data).toHaveLength(1);
    expect(built.data[0]!.embedding).toHaveLength(1536);
    const answered = await client.embeddings.create({ model, input: DEFAULT_EMBEDDING_INPUT, encoding_format: 'float' });
    expect(answered).toEqual(built);
  });

  test('.float32() matches the SDK default call, which decodes base64 float32', async () => {
    const built = embeddingResponseFactory.forInput(['one cv', 'another cv']).float32().build();
    expect(await client.embeddings.create({ model, input: ['one cv', 'another cv'] })).toEqual(built);
  });

  test('.forInput() takes every input shape; indexes follow the input', async () => {
    const texts = embeddingResponseFactory.forInput(['a', 'b', 'c']).build();
    expect(texts.data.map((d) => d.index)).toEqual([0, 1, 2]);
    const tokens = embeddingResponseFactory.forInput([[1, 2, 3], [4]]).build();
    expect(tokens.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
    expect(tokens).toEqual(await client.embeddings.create({ model, input: [[1, 2, 3], [4]], encoding_format: 'float' }));
  });

  test('.withModel() and .withDimensions() shape the vectors as the API would', async () => {
    const large = embeddingResponseFactory.withModel('text-embedding-3-large').withDimensions(256).build();
    expect(large.model).toBe('text-embedding-3-large');
    expect(large.data[0]!.embedding).toHaveLength(256);
    expect(large).toEqual(
      await client.embeddings.create({ model: 'text-embedding-3-large', input: DEFAULT_EMBEDDING_INPUT, dimensions: 256, encoding_format: 'float' }),
    );
    expect(embeddingResponseFactory.withModel('text-embedding-ada-002').build().model).toBe('text-embedding-ada-002-v2');
  });

  test('params override fields of the answer', () => {
    expect(embeddingResponseFactory.build({ model: 'my-proxy-model', usage: { prompt_tokens: 1 } })).toMatchObject({
      model: 'my-proxy-model',
      usage: { prompt_tokens: 1, total_tokens: 11 },
    });
  });

  test('a request the API would refuse is a coded error naming the reason', () => {
    expect(() => embeddingResponseFactory.withModel('text-embedding-ada-002').withDimensions(256).build()).toThrow(
      expect.objectContaining({
        code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        message: '[openai-mock] embeddingResponseFactory was given a request the API would refuse (400): This model does not support specifying dimensions.',
      }),
    );
    expect(() => embeddingResponseFactory.forInput('').build()).toThrow(/'\$\.input' is invalid/);
  });

  test('create() refuses: there is nothing to store', async () => {
    await expect(embeddingResponseFactory.create()).rejects.toMatchObject({
      code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      message: expect.stringContaining('Use embeddingResponseFactory.build()'),
    });
  });
});

describe('embeddingFactory', () => {
  test('builds the item the mock answers for one input', async () => {
    const item: Embedding = embeddingFactory.forInput('Senior Python developer').build();
    const answered = await client.embeddings.create({ model, input: 'Senior Python developer', encoding_format: 'float' });
    expect(item).toEqual(answered.data[0]);
  });

  test('index, model, dimensions, float32 and token ids', async () => {
    const item = embeddingFactory.forInput([1212, 318]).withModel('text-embedding-3-large').withDimensions(64).float32().build({ index: 3 });
    expect(item.index).toBe(3);
    const answered = await client.embeddings.create({ model: 'text-embedding-3-large', input: [1212, 318], dimensions: 64 });
    expect(item.embedding).toEqual(answered.data[0]!.embedding);
  });

  test('builds stored vectors for a fixture, as a vector store would hold them', () => {
    const stored = ['cv one', 'cv two'].map((text, index) => embeddingFactory.forInput(text).build({ index }));
    expect(stored.map((s) => s.index)).toEqual([0, 1]);
    expect(stored[0]!.embedding).not.toEqual(stored[1]!.embedding);
  });

  test('refuses several inputs and create()', async () => {
    expect(() => embeddingFactory.forInput(['a', 'b'] as unknown as string).build()).toThrow(
      'embeddingFactory embeds one input: a text or a list of token ids. For several, use embeddingResponseFactory.',
    );
    await expect(embeddingFactory.create()).rejects.toMatchObject({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' });
  });
});
