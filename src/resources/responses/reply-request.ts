import type { ReplyMessage, ReplyRequest, ReplyTool } from '../replies/types.js';
import type { NewItem } from './input-items.js';
import type { CreateParams } from './params.js';
import type { ConversationItem, InputContent, OutputContent, ToolChoice } from './types.js';

/**
 * What a scripted reply sees of a Responses request: the whole conversation (the items of the
 * previous responses in the chain, then this request's input) as role/text messages, with the
 * `instructions` first as a `system` message, in the shape Chat Completions replies get too.
 */
export function toReplyRequest(
  params: CreateParams,
  conversation: readonly ConversationItem[],
  customId: string | null,
  body: Readonly<Record<string, unknown>>,
): ReplyRequest {
  const messages = conversationMessages(params.instructions, conversation);
  const format = params.text.format;
  return {
    endpoint: 'responses',
    model: params.model,
    messages,
    lastUserMessage: messages.findLast((m) => m.role === 'user')?.content ?? '',
    schema: format.type === 'json_schema' ? { name: format.name, schema: format.schema, strict: format.strict } : null,
    jsonMode: format.type === 'json_object',
    tools: params.functionTools.map<ReplyTool>((tool) => ({
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters,
      strict: tool.strict,
    })),
    toolChoice: replyToolChoice(params.toolChoice),
    maxTokens: params.maxOutputTokens,
    choiceIndex: 0,
    customId,
    body,
  };
}

/**
 * The conversation as role/text messages: input messages by their text parts, assistant messages
 * by their output text, each run of function calls as one empty `assistant` message (as Chat
 * keeps parallel tool calls in one message), and each function output as a `tool` message.
 */
export function conversationMessages(
  instructions: string | null,
  items: readonly (ConversationItem | NewItem)[],
): ReplyMessage[] {
  const messages: ReplyMessage[] = instructions === null ? [] : [{ role: 'system', content: instructions }];
  let previous: ConversationItem['type'] | null = null;
  for (const item of items) {
    switch (item.type) {
      case 'message':
        messages.push({
          role: item.role,
          content: item.role === 'assistant' ? outputText(item.content) : inputText(item.content),
        });
        break;
      case 'function_call':
        if (previous !== 'function_call') messages.push({ role: 'assistant', content: '' });
        break;
      case 'function_call_output':
        messages.push({ role: 'tool', content: typeof item.output === 'string' ? item.output : inputText(item.output) });
        break;
    }
    previous = item.type;
  }
  return messages;
}

function inputText(parts: readonly InputContent[]): string {
  return parts.flatMap((p) => (p.type === 'input_text' && typeof p.text === 'string' ? [p.text] : [])).join('\n');
}

function outputText(parts: readonly OutputContent[]): string {
  return parts.flatMap((p) => (p.type === 'output_text' ? [p.text] : [])).join('\n');
}

function replyToolChoice(choice: ToolChoice): ReplyRequest['toolChoice'] {
  if (typeof choice === 'string') return choice;
  if (choice.type === 'function' && typeof choice['name'] === 'string') return { name: choice['name'] };
  if (choice.type === 'allowed_tools' && (choice['mode'] === 'auto' || choice['mode'] === 'required')) {
    return choice['mode'];
  }
  return 'auto';
}
