import { defineResource } from '../../engine/resource.js';
import { embeddingRoutes } from './routes.js';
import { EmbeddingScript, type EmbeddingSource } from './state.js';

/** What embeddings add to `openaiMock`. */
export interface EmbeddingsSurface {
  /**
   * Scripts the vectors `POST /v1/embeddings` (and batch lines sent to it) answers with from now
   * on, until `reset()`: an object mapping input texts to vectors, or a function of each
   * input returning its vector. Inputs left unscripted get the mock's deterministic vectors. A
   * vector must have as many numbers as the request's dimensions; it is sent as given (as
   * numbers or as base64, per `encoding_format`), not normalized.
   *
   * @example
   * openaiMock.embedWith({ 'cats': [1, 0, 0], 'dogs': [0, 1, 0] }); // with dimensions: 3
   * openaiMock.embedWith((input, { dimensions }) => (input === 'empty' ? new Array(dimensions).fill(0) : undefined));
   */
  embedWith(source: EmbeddingSource): this;
}

/** Embeddings (`/v1/embeddings`): deterministic vectors from the input, unless a test scripts them. */
export const embeddingsResource = defineResource({
  name: 'embeddings',
  create: (context) => {
    const script = new EmbeddingScript();
    const surface: EmbeddingsSurface = {
      embedWith(source) {
        script.set(source);
        return this;
      },
    };
    return { state: script, routes: embeddingRoutes(context, script), reset: () => script.reset(), surface };
  },
});
