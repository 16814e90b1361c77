import { jsonBody } from '../../engine/fields.js';
import type { MockContext } from '../../engine/resource.js';
import { route, type Route } from '../../engine/router.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/state.js';
import { createCompletion } from './create.js';
import { chatCompletionChunks, eventStream } from './stream.js';

/**
 * `/v1/chat/completions`: a `chat.completion` as JSON, or with `stream: true` the whole
 * server-sent event stream at once.
 */
export function chatRoutes(ctx: MockContext, replies: Replies, models: ModelsState): Route[] {
  return [
    route('POST', '/chat/completions', (context) => {
      const { completion, params } = createCompletion(ctx, replies, models, jsonBody(context.body), context.batch?.customId ?? null);
      if (!params.stream) return { json: completion };
      return { bytes: eventStream(chatCompletionChunks(completion, params.includeUsage)), contentType: 'text/event-stream' };
    }),
  ];
}
