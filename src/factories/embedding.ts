import { Factory } from 'fishery';
import type { CreateEmbeddingResponse, Embedding, EmbeddingCreateParams } from 'openai/resources/embeddings';
import { ApiError } from '../engine/api-error.js';
import { OpenAIMockError } from '../engine/errors.js';
import type { EmbeddingModelId } from '../resources/embeddings/models.js';
import { parseEmbeddingRequest } from '../resources/embeddings/params.js';
import { embeddingList, type EmbeddingList } from '../resources/embeddings/response.js';

export type { CreateEmbeddingResponse, Embedding, EmbeddingModelId };

/** The text the factories embed when no input is given (the API reference's example). */
export const DEFAULT_EMBEDDING_INPUT = 'The quick brown fox jumped over the lazy dog';

interface VectorOptions {
  /** The embedding model. Default: `text-embedding-3-small`. */
  model: EmbeddingModelId;
  /** Length of the vectors (text-embedding-3 models only). Default: the model's native size. */
  dimensions: number;
  /**
   * Components as float32 values, as the official SDK hands them back when the caller leaves
   * `encoding_format` unset (it asks for base64 and decodes it). Default: false, the numbers of
   * `encoding_format: 'float'`.
   */
  float32: boolean;
}

/** Transient params of {@link embeddingResponseFactory}. */
export interface EmbeddingResponseTransientParams extends VectorOptions {
  /** What to embed, in any shape `input` takes. Default: {@link DEFAULT_EMBEDDING_INPUT}. */
  input: EmbeddingCreateParams['input'];
}

/** Transient params of {@link embeddingFactory}. */
export interface EmbeddingTransientParams extends VectorOptions {
  /** One input: a text or a list of token ids. Default: {@link DEFAULT_EMBEDDING_INPUT}. */
  input: string | number[];
}

/** The mock's own answer to this request, or a coded error saying what the factory was given wrong. */
function mockAnswer(
  factory: string,
  input: EmbeddingCreateParams['input'],
  { model, dimensions }: Partial<VectorOptions>,
): EmbeddingList {
  const body: Record<string, unknown> = { model: model ?? 'text-embedding-3-small', input, encoding_format: 'float' };
  if (dimensions !== undefined) body['dimensions'] = dimensions;
  try {
    return embeddingList(parseEmbeddingRequest(body));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      `${factory} was given a request the API would refuse (${error.status}): ${error.message}`,
    );
  }
}

function vectorOf(item: EmbeddingList['data'][number], float32: boolean | undefined): number[] {
  // The request above asks for floats, so every embedding is a number array.
  const vector = item.embedding as number[];
  return float32 ? vector.map(Math.fround) : vector;
}

function refuseCreate(factory: string): never {
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
    `${factory}.create() has nothing to store: the mock computes embeddings from their input on every request. ` +
      `Use ${factory}.build().`,
  );
}

/**
 * Builds `POST /v1/embeddings` answers (`CreateEmbeddingResponse`) with the mock's own vectors:
 * the same object `client.embeddings.create({ model, input, dimensions, encoding_format: 'float' })`
 * resolves to under the mock, usage included. Use it for fixtures (a vector store to seed, an
 * expected value) without a request.
 *
 * By default: `text-embedding-3-small`, one input ({@link DEFAULT_EMBEDDING_INPUT}), 1536
 * dimensions. `create()` throws: there is nothing to store.
 *
 * @example
 * const expected = embeddingResponseFactory.forInput(['a cv', 'another cv']).build();
 * expect(await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a cv', 'another cv'], encoding_format: 'float' }))
 *   .toEqual(expected);
 *
 * @example
 * // The SDK's default call (no encoding_format) decodes float32 values:
 * const sdkDefault = embeddingResponseFactory.forInput('hello').float32().build();
 */
export class EmbeddingResponseFactory extends Factory<CreateEmbeddingResponse, EmbeddingResponseTransientParams> {
  /** Embeds `input` (a text, texts, token ids or lists of token ids): one item per input. */
  forInput(input: EmbeddingCreateParams['input']) {
    return this.transient({ input });
  }

  /** With this model (the answer's `model` is the API's: `text-embedding-ada-002-v2` for ada). */
  withModel(model: EmbeddingModelId) {
    return this.transient({ model });
  }

  /** Vectors of `dimensions` components (text-embedding-3 models only). */
  withDimensions(dimensions: number) {
    return this.transient({ dimensions });
  }

  /** Components as float32 values, as the SDK returns them when `encoding_format` is unset. */
  float32() {
    return this.transient({ float32: true });
  }
}

export const embeddingResponseFactory = EmbeddingResponseFactory.define(
  ({ transientParams }): CreateEmbeddingResponse => {
    const answer = mockAnswer('embeddingResponseFactory', transientParams.input ?? DEFAULT_EMBEDDING_INPUT, transientParams);
    return {
      object: 'list',
      data: answer.data.map((item) => ({
        object: 'embedding',
        index: item.index,
        embedding: vectorOf(item, transientParams.float32),
      })),
      model: answer.model,
      usage: { ...answer.usage },
    };
  },
).onCreate(() => refuseCreate('embeddingResponseFactory'));

/**
 * Builds one `Embedding` (an item of `data`) with the mock's vector for one input: the vector
 * the mock answers for that text (or token list) with the same model and `dimensions`.
 *
 * By default: index 0, `text-embedding-3-small`, 1536 dimensions, {@link DEFAULT_EMBEDDING_INPUT}.
 * `create()` throws: there is nothing to store.
 *
 * @example
 * const stored = ['cv one', 'cv two'].map((text, index) => embeddingFactory.forInput(text).build({ index }));
 */
export class EmbeddingFactory extends Factory<Embedding, EmbeddingTransientParams> {
  /** Embeds this text or list of token ids. */
  forInput(input: string | number[]) {
    return this.transient({ input });
  }

  /** With this model. */
  withModel(model: EmbeddingModelId) {
    return this.transient({ model });
  }

  /** A vector of `dimensions` components (text-embedding-3 models only). */
  withDimensions(dimensions: number) {
    return this.transient({ dimensions });
  }

  /** Components as float32 values, as the SDK returns them when `encoding_format` is unset. */
  float32() {
    return this.transient({ float32: true });
  }
}

export const embeddingFactory = EmbeddingFactory.define(({ params, transientParams }): Embedding => {
  const input = transientParams.input ?? DEFAULT_EMBEDDING_INPUT;
  if (Array.isArray(input) && input.some((token) => typeof token !== 'number')) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      'embeddingFactory embeds one input: a text or a list of token ids. For several, use embeddingResponseFactory.',
    );
  }
  // A token list is sent inside a list of lists, so that it stays one input.
  const answer = mockAnswer('embeddingFactory', typeof input === 'string' ? input : [input], transientParams);
  return { object: 'embedding', index: params.index ?? 0, embedding: vectorOf(answer.data[0]!, transientParams.float32) };
}).onCreate(() => refuseCreate('embeddingFactory'));
