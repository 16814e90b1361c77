import type { MockContext } from '../../mock/context.js';
import type { Route } from '../../mock/router.js';

/** `/v1/embeddings`. */
export function embeddingRoutes(_ctx: MockContext): Route[] {
  return [];
}
