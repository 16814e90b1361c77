import type { ReplyRequest } from '../replies/types.js';
import { textOf, type ChatParams } from './params.js';

/**
 * The chat completions request as a reply function sees it (`ReplyRequest`), for choice 0:
 * the conversation reduced to roles and text, the last user message, the JSON schema or JSON
 * mode of `response_format`, the function tools, `tool_choice` (a forced function reduced to
 * `{ name }`), and `max_completion_tokens` (or the older `max_tokens`). Choice `i` of `n` asks
 * with `{ ...request, choiceIndex: i }`.
 *
 * @param customId The batch line's `custom_id` when the request is a line of a batch.
 */
export function chatReplyRequest(
  params: ChatParams,
  body: Readonly<Record<string, unknown>>,
  customId: string | null = null,
): ReplyRequest {
  const messages = params.messages.map((m) => ({ role: m.role, content: textOf(m.content) }));
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const format = params.responseFormat;
  return {
    endpoint: 'chat.completions',
    model: params.model,
    messages,
    lastUserMessage: lastUser?.content ?? '',
    schema: format.type === 'json_schema' ? { name: format.name, schema: format.schema, strict: format.strict } : null,
    jsonMode: format.type === 'json_object',
    tools: params.tools,
    toolChoice: params.toolChoice,
    maxTokens: params.maxTokens,
    choiceIndex: 0,
    customId,
    body,
  };
}
