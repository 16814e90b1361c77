import { badRequest, invalidType, invalidValue, missingParameter } from '../../engine/api-error.js';
import { given, isObject, isOneOf, optionalString, requiredString, type JsonObject } from '../../engine/fields.js';
import type { ConversationItem, InputContent, OutputContent } from './types.js';

/**
 * The `input` of `POST /v1/responses`: a string, or a list of items the mock checks one by one.
 * It answers `message`, `function_call` and `function_call_output` items; any other type the API
 * knows is refused as unsupported, and a type the API does not know as an invalid value.
 */

/** A conversation item from the request, before the mock gives it an id (`id` is kept if sent). */
export type NewItem = WithoutId<ConversationItem>;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> & { id: string | null } : never;

/** Item types the API accepts in `input` (its own list, in its order). */
const ITEM_TYPES = [
  'additional_tools', 'agent_message', 'apply_patch_call', 'apply_patch_call_output', 'code_interpreter_call',
  'compaction', 'compaction_trigger', 'computer_call', 'computer_call_output', 'custom_tool_call',
  'custom_tool_call_output', 'file_search_call', 'function_call', 'function_call_output', 'image_generation_call',
  'item_reference', 'local_shell_call', 'local_shell_call_output', 'mcp_approval_request', 'mcp_approval_response',
  'mcp_call', 'mcp_list_tools', 'message', 'multi_agent_call', 'multi_agent_call_output', 'program',
  'program_output', 'reasoning', 'shell_call', 'shell_call_output', 'tool_search_call', 'tool_search_output',
  'web_search_call',
] as const;

const ROLES = ['assistant', 'system', 'developer', 'user'] as const;

const CONTENT_TYPES = [
  'input_text', 'input_image', 'input_audio', 'output_text', 'refusal', 'input_file', 'computer_screenshot',
  'summary_text', 'encrypted_content',
] as const;

const INPUT_CONTENT_TYPES = ['input_text', 'input_image', 'input_file', 'scoped_content', 'input_audio'] as const;
const ASSISTANT_CONTENT_TYPES = ['output_text', 'refusal'] as const;
/** What a function call output may hold besides a string. */
const OUTPUT_CONTENT_TYPES = ['input_text', 'input_image', 'input_file'] as const;

/**
 * Reads `input`: a string is one user message (none when it is empty), an array is a list of
 * items checked in order. Absent is a missing parameter; `null` the API words as a type error.
 */
export function parseInput(body: JsonObject): NewItem[] {
  const input = body['input'];
  if (input === undefined) throw missingParameter('input');
  if (input === null) throw invalidType('input', 'a string', {});
  if (typeof input === 'string') {
    return input === '' ? [] : [userMessage(input)];
  }
  if (!Array.isArray(input)) throw invalidType('input', 'one of a string or array of input items', input);
  return input.map((item, i) => parseItem(item, `input[${i}]`));
}

function userMessage(text: string): NewItem {
  return { id: null, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] };
}

function parseItem(item: unknown, path: string): NewItem {
  if (!isObject(item)) throw invalidType(path, 'an input item', item);
  const type = item['type'];
  if (type !== undefined) {
    if (typeof type !== 'string') throw invalidValue(path, '', ITEM_TYPES);
    if (!isOneOf(type, ITEM_TYPES)) throw invalidValue(path, type, ITEM_TYPES);
    if (type === 'function_call') return parseFunctionCall(item, path);
    if (type === 'function_call_output') return parseFunctionCallOutput(item, path);
    if (type !== 'message') {
      throw badRequest(
        `openai-mock does not support input items of type '${type}'. It answers 'message', 'function_call' and 'function_call_output' items.`,
        path,
        'openai_mock_unsupported',
      );
    }
  }
  return parseMessage(item, path);
}

function parseMessage(item: JsonObject, path: string): NewItem {
  const role = item['role'];
  if (typeof role !== 'string') throw invalidValue(path, '', ROLES);
  if (!isOneOf(role, ROLES)) throw invalidValue(path, role, ROLES);
  const content = item['content'];
  if (!given(content)) throw missingParameter(`${path}.content`);
  const id = optionalString(item['id'], `${path}.id`);
  if (role === 'assistant') {
    const parts: OutputContent[] =
      typeof content === 'string'
        ? [{ type: 'output_text', text: content, annotations: [], logprobs: [] }]
        : contentList(content, path).map((part, j) => assistantPart(part, `${path}.content[${j}]`));
    return { id, type: 'message', role: 'assistant', status: 'completed', content: parts };
  }
  const parts: InputContent[] =
    typeof content === 'string'
      ? [{ type: 'input_text', text: content }]
      : contentList(content, path).map((part, j) => inputPart(part, `${path}.content[${j}]`));
  return { id, type: 'message', role, status: 'completed', content: parts };
}

/** A content part whose `type` is one the API knows. */
type Part = JsonObject & { readonly type: string };

function contentList(content: unknown, path: string): Part[] {
  if (!Array.isArray(content)) {
    // UNVERIFIED: wording modelled on the API's other "expected one of" type errors.
    throw invalidType(`${path}.content`, 'one of a string or array of input content', content);
  }
  return content.map((part, j): Part => {
    const where = `${path}.content[${j}]`;
    if (!isObject(part)) throw invalidType(where, 'an object', part);
    const type = part['type'];
    if (typeof type !== 'string' || !isOneOf(type, CONTENT_TYPES)) {
      throw invalidValue(`${where}.type`, typeof type === 'string' ? type : '', CONTENT_TYPES);
    }
    return { ...part, type };
  });
}

function inputPart(part: Part, path: string): InputContent {
  if (!isOneOf(part.type, INPUT_CONTENT_TYPES)) throw invalidValue(path, part.type, INPUT_CONTENT_TYPES);
  if (part.type === 'input_text') return { ...part, text: requiredString(part['text'], `${path}.text`) };
  return part;
}

function assistantPart(part: Part, path: string): OutputContent {
  const type = part.type;
  if (type === 'output_text') {
    const text = requiredString(part['text'], `${path}.text`);
    return { type: 'output_text', text, annotations: [], logprobs: [] };
  }
  if (type === 'refusal') return { type: 'refusal', refusal: requiredString(part['refusal'], `${path}.refusal`) };
  throw invalidValue(path, type, ASSISTANT_CONTENT_TYPES);
}

function parseFunctionCall(item: JsonObject, path: string): NewItem {
  const id = optionalString(item['id'], `${path}.id`);
  if (id !== null && !id.startsWith('fc')) {
    // UNVERIFIED: the code; the message is the API's.
    throw badRequest(`Invalid '${path}.id': '${id}'. Expected an ID that begins with 'fc'.`, `${path}.id`, 'invalid_value');
  }
  return {
    id,
    type: 'function_call',
    status: 'completed',
    call_id: requiredString(item['call_id'], `${path}.call_id`),
    name: requiredString(item['name'], `${path}.name`),
    arguments: requiredString(item['arguments'], `${path}.arguments`),
  };
}

function parseFunctionCallOutput(item: JsonObject, path: string): NewItem {
  const id = optionalString(item['id'], `${path}.id`);
  const callId = requiredString(item['call_id'], `${path}.call_id`);
  const output = item['output'];
  if (!given(output)) throw missingParameter(`${path}.output`);
  if (typeof output === 'string') {
    return { id, type: 'function_call_output', call_id: callId, output, status: 'completed' };
  }
  if (!Array.isArray(output)) throw invalidType(`${path}.output`, 'one of a string or array of output content', output);
  const parts = output.map((part, j): InputContent => {
    const where = `${path}.output[${j}]`;
    if (!isObject(part)) throw invalidType(where, 'an object', part);
    const type = typeof part['type'] === 'string' ? part['type'] : '';
    if (!isOneOf(type, OUTPUT_CONTENT_TYPES)) throw invalidValue(where, type, OUTPUT_CONTENT_TYPES);
    if (type === 'input_text') return { ...part, type, text: requiredString(part['text'], `${where}.text`) };
    return { ...part, type };
  });
  return { id, type: 'function_call_output', call_id: callId, output: parts, status: 'completed' };
}
