import type { MockContext } from '../../mock/context.js';
import type { Route } from '../../mock/router.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/replies.js';

/** `/v1/chat/completions`. */
export function chatRoutes(_ctx: MockContext, _replies: Replies, _models: ModelsState): Route[] {
  return [];
}
