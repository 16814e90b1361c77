import { jsonBody } from '../../engine/fields.js';
import type { MockContext } from '../../engine/resource.js';
import { route, type Route } from '../../engine/router.js';
import { parseEmbeddingRequest } from './params.js';
import { embeddingList } from './response.js';
import type { EmbeddingScript } from './state.js';

/**
 * `/v1/embeddings`. The vectors come from the input alone (see `vectors.ts`), so the same request
 * gives the same answer before and after a reset, in every process; unless a test scripted them
 * (`openaiMock.embedWith`).
 */
export function embeddingRoutes(_ctx: MockContext, script?: EmbeddingScript): Route[] {
  return [route('POST', '/embeddings', ({ body }) => ({ json: embeddingList(parseEmbeddingRequest(jsonBody(body)), script) }))];
}
