import type { EmbeddingRequest } from './params.js';
import type { EmbeddingScript } from './state.js';
import { embeddingVector, toBase64 } from './vectors.js';

/** One item of `data`: a vector as numbers (`float`) or as base64 float32 bytes (`base64`). */
export interface EmbeddingObject {
  readonly object: 'embedding';
  readonly index: number;
  readonly embedding: number[] | string;
}

/** The body of a `POST /v1/embeddings` answer (`CreateEmbeddingResponse`). */
export interface EmbeddingList {
  readonly object: 'list';
  readonly data: EmbeddingObject[];
  readonly model: string;
  readonly usage: { readonly prompt_tokens: number; readonly total_tokens: number };
}

/** The API's answer to a checked request: one embedding per input, in input order. */
export function embeddingList(request: EmbeddingRequest, script?: EmbeddingScript): EmbeddingList {
  const { model, dimensions, encodingFormat } = request;
  const data = request.inputs.map((input, index): EmbeddingObject => {
    const scripted = script?.vectorFor(input, { model: model.id, dimensions, index });
    const vector = scripted ? [...scripted] : embeddingVector(input, model, dimensions);
    return { object: 'embedding', index, embedding: encodingFormat === 'base64' ? toBase64(vector) : vector };
  });
  const tokens = request.tokens.reduce((sum, count) => sum + count, 0);
  return { object: 'list', data, model: model.responseModel, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
