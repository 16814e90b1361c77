import { badRequest, invalidType, missingParameter } from '../../engine/api-error.js';
import {
  given,
  nonEmptyArray,
  objectItem,
  optionalObject,
  optionalString,
  requiredEnum,
  requiredObject,
  requiredOneOf,
  requiredString,
  type JsonObject,
} from '../../engine/fields.js';

/**
 * The `messages` of a chat completions request: each message checked against its role, its
 * content parts, the tool calls an assistant message carries, and the rule that tool messages
 * answer those calls in turn.
 */

/** The roles a message may have, in the order the API lists them in its error. */
export const MESSAGE_ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

/** A content part of a message (`{ type: 'text', text }`, `{ type: 'image_url', … }`, …). */
export type ContentPart = Readonly<Record<string, unknown>> & { readonly type: string };

/** A function tool call an assistant message of the conversation carries. */
export interface MessageToolCall {
  readonly id: string;
  readonly name: string;
}

/** A message of the conversation, checked. */
export interface ChatMessage {
  readonly role: MessageRole;
  /** Text, content parts, or null (an assistant message that only calls tools). */
  readonly content: string | readonly ContentPart[] | null;
  readonly name: string | null;
  /** The assistant's tool calls (function and custom), by id and name. */
  readonly toolCalls: readonly MessageToolCall[];
  /** For a `tool` message: the call it answers. */
  readonly toolCallId: string | null;
}

/** Content part types per role (spec); UNVERIFIED: the order the API lists them in its error. */
const PART_TYPES: Record<MessageRole, readonly string[]> = {
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  system: ['text'],
  developer: ['text'],
  tool: ['text'],
  function: ['text'],
};

/**
 * Checks `messages` (already known to be given) in the API's order: every message's role
 * first, then each message against its role's schema, and only then the content a message is
 * missing. The tool call sequence is checked later, by {@link checkToolSequence}, after the
 * other parameters.
 */
export function parseMessages(value: unknown): ChatMessage[] {
  const list = nonEmptyArray(value, 'messages', 'an array of objects');
  const raw = list.map((entry, i) => {
    const item = objectItem(entry, `messages[${i}]`);
    // UNVERIFIED: the wording for a role that is not a string.
    const role = requiredEnum(item['role'], `messages[${i}].role`, MESSAGE_ROLES);
    return { item, role };
  });
  const messages = raw.map(({ item, role }, i) => parseMessage(item, role, i));
  messages.forEach((message, i) => {
    const item = raw[i]!.item;
    const substitute =
      message.role === 'function' ||
      (message.role === 'assistant' &&
        (message.toolCalls.length > 0 || given(item['function_call']) || given(item['refusal']) || given(item['audio'])));
    if (message.content === null && !substitute) {
      throw badRequest("Invalid value for 'content': expected a string, got null.", `messages.[${i}].content`);
    }
  });
  return messages;
}

/** One message against its role's schema; a missing content is left to {@link parseMessages}. */
function parseMessage(item: JsonObject, role: MessageRole, i: number): ChatMessage {
  const at = `messages[${i}]`;
  const rawContent = item['content'];
  if (role === 'developer' && rawContent === undefined) throw missingParameter(`${at}.content`);
  if (role === 'developer' && rawContent === null) throw invalidType(`${at}.content`, 'one of a string or array of objects', null);
  let content: ChatMessage['content'] = null;
  if (given(rawContent)) {
    if (typeof rawContent === 'string') content = rawContent;
    else if (Array.isArray(rawContent) && role !== 'function') content = parseParts(rawContent, role, `${at}.content`);
    else throw invalidType(`${at}.content`, role === 'function' ? 'a string' : 'one of a string or array of objects', rawContent);
  }
  const name = optionalString(item['name'], `${at}.name`);
  if (role === 'function' && name === null) throw missingParameter(`${at}.name`);
  const toolCallId = role === 'tool' ? requiredString(item['tool_call_id'], `${at}.tool_call_id`) : null;
  const toolCalls = role === 'assistant' ? parseMessageToolCalls(item['tool_calls'], `${at}.tool_calls`) : [];
  const call = role === 'assistant' ? optionalObject(item['function_call'], `${at}.function_call`) : null;
  if (call !== null) {
    requiredString(call['name'], `${at}.function_call.name`);
    requiredString(call['arguments'], `${at}.function_call.arguments`);
  }
  if (role === 'assistant') optionalString(item['refusal'], `${at}.refusal`);
  return { role, content, name, toolCalls, toolCallId };
}

/** Content parts, each of a type the role allows and carrying that type's member. */
function parseParts(parts: readonly unknown[], role: MessageRole, at: string): ContentPart[] {
  return parts.map((part, j) => {
    const where = `${at}[${j}]`;
    const p = objectItem(part, where);
    const type = requiredOneOf(p['type'], `${where}.type`, PART_TYPES[role]);
    if (type === 'text') requiredString(p['text'], `${where}.text`);
    else if (type === 'refusal') requiredString(p['refusal'], `${where}.refusal`);
    else requiredObject(p[type], `${where}.${type}`);
    return p as ContentPart;
  });
}

/** An assistant message's `tool_calls`: function calls with arguments, custom calls with input. */
function parseMessageToolCalls(value: unknown, at: string): MessageToolCall[] {
  if (!given(value)) return [];
  return nonEmptyArray(value, at, 'an array of objects').map((entry, j) => {
    const where = `${at}[${j}]`;
    const call = objectItem(entry, where);
    const id = requiredString(call['id'], `${where}.id`);
    const type = requiredOneOf(call['type'], `${where}.type`, ['function', 'custom']);
    const detail = requiredObject(call[type], `${where}.${type}`);
    const name = requiredString(detail['name'], `${where}.${type}.name`);
    const payload = type === 'function' ? 'arguments' : 'input';
    requiredString(detail[payload], `${where}.${type}.${payload}`);
    return { id, name };
  });
}

/**
 * A `tool` message answers a call of the assistant message just before it (other tool
 * messages between them), and an assistant's calls are all answered before the next message.
 */
export function checkToolSequence(messages: readonly ChatMessage[]): void {
  let open: { ids: readonly string[]; answered: Set<string> } | null = null;
  messages.forEach((message, i) => {
    if (message.role === 'tool') {
      if (open === null) {
        throw badRequest(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${i}].role`,
        );
      }
      const id = message.toolCallId!;
      if (!open.ids.includes(id)) {
        // UNVERIFIED: param (the sentence is the API's).
        throw badRequest(`Invalid parameter: 'tool_call_id' of '${id}' not found in 'tool_calls' of previous message.`, `messages.[${i}].tool_call_id`);
      }
      open.answered.add(id);
      return;
    }
    if (open !== null) {
      const unanswered = open.ids.filter((id) => !open!.answered.has(id));
      if (unanswered.length > 0) {
        // UNVERIFIED: which index the param names (here: the message that came instead of a tool message).
        throw badRequest(
          `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${unanswered.join(', ')}`,
          `messages.[${i}].role`,
        );
      }
    }
    open = message.role === 'assistant' && message.toolCalls.length > 0 ? { ids: message.toolCalls.map((c) => c.id), answered: new Set() } : null;
  });
}

/** The text of a message's content: the string, or its text parts joined with a newline. */
export function textOf(content: ChatMessage['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .filter((part) => part.type === 'text' && typeof part['text'] === 'string')
    .map((part) => part['text'] as string)
    .join('\n');
}
