import { notFound } from '../../engine/api-error.js';
import type { MockContext } from '../../engine/resource.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/state.js';
import { applyStop, buildChatCompletion, type ChatCompletionObject } from './completion.js';
import { chatReplyRequest } from './request.js';
import { parseChatRequest, type ChatParams } from './params.js';

/**
 * Creates a chat completion for a request body: checks it as the API does (the model must
 * exist), asks the scripted model for each of the `n` choices and builds the `chat.completion`.
 * Synchronous, so a batch line can be answered with it; `customId` (the batch line's) reaches
 * the reply function.
 */
export function createCompletion(
  ctx: MockContext,
  replies: Replies,
  models: ModelsState,
  body: Record<string, unknown>,
  customId: string | null,
): { completion: ChatCompletionObject; params: ChatParams } {
  const params = parseChatRequest(body);
  if (!models.find(params.model)) {
    throw notFound(`The model \`${params.model}\` does not exist or you do not have access to it.`, null, 'model_not_found');
  }
  const request = chatReplyRequest(params, body, customId);
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
  return { completion, params };
}
