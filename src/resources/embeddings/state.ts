import { OpenAIMockError } from '../../engine/errors.js';
import type { EmbeddingInput } from './vectors.js';

/** What a scripted embedding function is told about the input it embeds. */
export interface EmbeddingScriptRequest {
  /** The model as the request names it (`text-embedding-3-small`). */
  readonly model: string;
  /** How many numbers the vector must have (`dimensions`, or the model's own size). */
  readonly dimensions: number;
  /** The input's position in the request's `input`. */
  readonly index: number;
}

/**
 * Scripted embeddings: a vector per input text, or a function of each input returning its vector
 * (`undefined` leaves that input to the mock's deterministic vectors).
 */
export type EmbeddingSource =
  | Readonly<Record<string, readonly number[]>>
  | ((input: EmbeddingInput, request: EmbeddingScriptRequest) => readonly number[] | undefined);

/** The embeddings a test has scripted, until reset. */
export class EmbeddingScript {
  #source: EmbeddingSource | null = null;

  set(source: EmbeddingSource): void {
    if (typeof source !== 'function' && (typeof source !== 'object' || source === null || Array.isArray(source))) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        'openaiMock.embedWith() takes an object mapping input texts to vectors ({ "hello": [0.1, 0.2, ...] }) or a function (input, { model, dimensions, index }) => vector | undefined.',
      );
    }
    this.#source = source;
  }

  /** The scripted vector for one input, if any; throws when the script gives a vector that cannot be sent. */
  vectorFor(input: EmbeddingInput, request: EmbeddingScriptRequest): readonly number[] | undefined {
    const source = this.#source;
    if (source === null) return undefined;
    const vector =
      typeof source === 'function'
        ? source(input, request)
        : typeof input === 'string' && Object.hasOwn(source, input)
          ? source[input]
          : undefined;
    if (vector === undefined) return undefined;
    if (!Array.isArray(vector) || !vector.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_REPLY',
        `The embedding scripted with openaiMock.embedWith() for input ${request.index} is not an array of finite numbers.`,
      );
    }
    if (vector.length !== request.dimensions) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_REPLY',
        `The embedding scripted with openaiMock.embedWith() for input ${request.index} has ${vector.length} numbers, but ${request.model} answers with ${request.dimensions} here. Script vectors of that length, or send 'dimensions: ${vector.length}' if the model allows it.`,
      );
    }
    return vector;
  }

  reset(): void {
    this.#source = null;
  }
}
