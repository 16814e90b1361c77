import type { MockContext } from '../../mock/context.js';
import type { Route } from '../../mock/router.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/replies.js';
import type { ResponsesState } from './state.js';

/** `/v1/responses`. */
export function responseRoutes(
  _ctx: MockContext,
  _responses: ResponsesState,
  _replies: Replies,
  _models: ModelsState,
): Route[] {
  return [];
}
