import { notFound } from '../../engine/api-error.js';
import type { MockContext } from '../../engine/context.js';
import { jsonObject } from '../../engine/request.js';
import type { Reply, Route, RouteContext } from '../../engine/router.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/replies.js';
import { applyStop, buildChatCompletion } from './completion.js';
import { chatReplyRequest } from './request.js';
import { chatCompletionChunks, eventStream } from './stream.js';
import { parseChatRequest } from './validate.js';

/** `/v1/chat/completions`. */
export function chatRoutes(ctx: MockContext, replies: Replies, models: ModelsState): Route[] {
  return [
    {
      method: 'POST',
      path: '/chat/completions',
      handler: (context) => createChatCompletion(ctx, replies, models, context),
    },
  ];
}

/**
 * `POST /v1/chat/completions`: checks the body, asks {@link Replies} for each of the `n`
 * choices, and answers a `chat.completion` as JSON, or with `stream: true` the whole
 * server-sent event stream at once. Synchronous, so a batch line can be answered with it
 * (`context.batch` is set then, and its `custom_id` reaches the reply function).
 */
export function createChatCompletion(
  ctx: MockContext,
  replies: Replies,
  models: ModelsState,
  context: RouteContext,
): Reply {
  const body = jsonObject(context.body);
  const params = parseChatRequest(body);
  if (!models.find(params.model)) {
    throw notFound(`The model \`${params.model}\` does not exist or you do not have access to it.`, null, 'model_not_found');
  }
  const request = chatReplyRequest(params, body, context.batch?.customId ?? null);
  const outputs = Array.from({ length: params.n }, (_, choiceIndex) =>
    applyStop(replies.answer({ ...request, choiceIndex }), params.stop),
  );
  const completion = buildChatCompletion({
    id: ctx.ids.next('chatcmpl-'),
    created: ctx.clock.nowSeconds(),
    model: params.model,
    serviceTier: params.serviceTier,
    messages: request.messages,
    outputs,
  });
  if (!params.stream) return { json: completion };
  return { bytes: eventStream(chatCompletionChunks(completion, params.includeUsage)), contentType: 'text/event-stream' };
}
