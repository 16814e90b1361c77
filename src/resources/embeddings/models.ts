/** The embedding models the mock serves, and what each one accepts. */
export interface EmbeddingModel {
  readonly id: EmbeddingModelId;
  /** Length of the vectors the model returns when `dimensions` is not given. */
  readonly nativeDimensions: number;
  /** Whether `dimensions` may shorten its vectors (the text-embedding-3 models only). */
  readonly acceptsDimensions: boolean;
  /**
   * The `model` of its responses. The API names the snapshot that answered: ada-002 requests
   * come back as `text-embedding-ada-002-v2` (seen in real responses); the others as requested.
   */
  readonly responseModel: string;
  /**
   * Mixed into every hash of the generator, so each model places the same words differently
   * (as with real models, vectors from two models are not comparable).
   */
  readonly seed: number;
}

export type EmbeddingModelId = 'text-embedding-3-small' | 'text-embedding-3-large' | 'text-embedding-ada-002';

export const EMBEDDING_MODELS: Readonly<Record<EmbeddingModelId, EmbeddingModel>> = {
  'text-embedding-3-small': {
    id: 'text-embedding-3-small',
    nativeDimensions: 1536,
    acceptsDimensions: true,
    responseModel: 'text-embedding-3-small',
    seed: 0x3a5e_11d1,
  },
  'text-embedding-3-large': {
    id: 'text-embedding-3-large',
    nativeDimensions: 3072,
    acceptsDimensions: true,
    responseModel: 'text-embedding-3-large',
    seed: 0x7c41_b2e9,
  },
  'text-embedding-ada-002': {
    id: 'text-embedding-ada-002',
    nativeDimensions: 1536,
    acceptsDimensions: false,
    responseModel: 'text-embedding-ada-002-v2',
    seed: 0x0ada_0002,
  },
};

/** The embedding model with this id, or undefined if `id` is not one. */
export function embeddingModel(id: string): EmbeddingModel | undefined {
  return Object.hasOwn(EMBEDDING_MODELS, id) ? EMBEDDING_MODELS[id as EmbeddingModelId] : undefined;
}
