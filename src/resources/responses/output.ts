import type { IdGenerator } from '../../engine/ids.js';
import { estimateTokens } from '../../engine/tokens.js';
import type { ModelOutput, ReplyMessage } from '../replies/types.js';
import type { OutputContent, OutputItem, ResponseObject, ResponseUsage } from './types.js';

/**
 * The `output` of a response for what the model said: a `message` item (`msg_…`) holding the text
 * as `output_text` and any refusal as a `refusal` part, then a `function_call` item (`fc_…`) per
 * tool call. A reply with tool calls and no text has no message item, as the API answers.
 */
export function outputItems(output: ModelOutput, ids: IdGenerator): OutputItem[] {
  const cut = output.finishReason === 'length' || output.finishReason === 'content_filter';
  const items: OutputItem[] = [];
  const content: OutputContent[] = [];
  if (output.content !== null) content.push({ type: 'output_text', text: output.content, annotations: [], logprobs: [] });
  if (output.refusal !== null) content.push({ type: 'refusal', refusal: output.refusal });
  if (content.length === 0 && output.toolCalls.length === 0) {
    content.push({ type: 'output_text', text: '', annotations: [], logprobs: [] });
  }
  if (content.length > 0) {
    items.push({ id: ids.next('msg_'), type: 'message', status: cut ? 'incomplete' : 'completed', role: 'assistant', content });
  }
  for (const call of output.toolCalls) {
    items.push({
      id: ids.next('fc_'),
      type: 'function_call',
      status: 'completed',
      arguments: call.arguments,
      call_id: call.id,
      name: call.name,
    });
  }
  return items;
}

/** `completed`, or `incomplete` with why when the reply was cut short. */
export function outcome(output: ModelOutput): Pick<ResponseObject, 'status' | 'incomplete_details'> {
  if (output.finishReason === 'length') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (output.finishReason === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

/** Token counts from the mock's estimate: the whole conversation in, the output items out. */
export function usageFor(messages: readonly ReplyMessage[], items: readonly OutputItem[]): ResponseUsage {
  const input = estimateTokens(messages.map((m) => m.content).join('\n'));
  const output = items.reduce((sum, item) => sum + estimateTokens(itemText(item)), 0);
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

function itemText(item: OutputItem): string {
  if (item.type === 'function_call') return `${item.name}${item.arguments}`;
  return item.content.map((part) => (part.type === 'output_text' ? part.text : part.refusal)).join('');
}
