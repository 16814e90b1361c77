import { badRequest, invalidType, invalidValue, missingParameter } from '../../engine/api-error.js';
import {
  checkLength,
  given,
  isObject,
  metadata,
  nonEmptyArray,
  nonEmptyString,
  objectItem,
  optionalBoolean,
  optionalDecimal,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  rejectUnknownMembers,
  requiredEnum,
  requiredObject,
  requiredOneOf,
  requiredString,
  unknownParameter,
  type JsonObject,
} from '../../engine/fields.js';
import { strictSchemaProblem } from '../replies/strict-schema.js';
import type { JsonSchema, ReplyTool, ReplyToolChoice } from '../replies/types.js';

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

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: JsonSchema; readonly strict: boolean };

/** `tool_choice`: a mode, or the one tool the model must call. */
export type ToolChoice = ReplyToolChoice;

/** A `POST /v1/chat/completions` body, checked, with defaults filled in. */
export interface ChatParams {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  /** Function tools (custom tools are accepted but the mock's replies never call them). */
  readonly tools: readonly ReplyTool[];
  readonly toolChoice: ToolChoice;
  readonly responseFormat: ResponseFormat;
  readonly n: number;
  readonly stream: boolean;
  /** `stream_options.include_usage`. */
  readonly includeUsage: boolean;
  /** `max_completion_tokens`, else `max_tokens`, else null. */
  readonly maxTokens: number | null;
  /** Stop sequences (`stop`), none by default. */
  readonly stop: readonly string[];
  /** The service tier the response reports (`auto` and none resolve to `default`). */
  readonly serviceTier: string;
}

/** Every top-level key the endpoint takes (spec `CreateChatCompletionRequest`). */
const KNOWN_PARAMETERS = new Set([
  'model', 'messages', 'audio', 'frequency_penalty', 'function_call', 'functions', 'logit_bias', 'logprobs',
  'max_completion_tokens', 'max_tokens', 'metadata', 'modalities', 'moderation', 'n', 'parallel_tool_calls',
  'prediction', 'presence_penalty', 'prompt_cache_key', 'prompt_cache_options', 'prompt_cache_retention',
  'reasoning_effort', 'response_format', 'safety_identifier', 'seed', 'service_tier', 'stop', 'store', 'stream',
  'stream_options', 'temperature', 'tool_choice', 'tools', 'top_logprobs', 'top_p', 'user', 'verbosity',
  'web_search_options',
]);

const SERVICE_TIERS = ['auto', 'default', 'fast', 'flex', 'priority'];
const NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;

/**
 * Checks a chat completions body the way the API does, in the order it reports problems (the
 * model, then `messages`, then unknown keys, then each parameter's type and range, then rules
 * between parameters and between messages), and throws the first problem as the API words it.
 * Whether the model exists is left to the caller.
 */
export function parseChatRequest(body: JsonObject): ChatParams {
  const model = body['model'];
  if (model === undefined || model === null || model === '') {
    throw badRequest('you must provide a model parameter');
  }
  // UNVERIFIED: the type error for a non-string model (the API's usual pattern).
  if (typeof model !== 'string') throw invalidType('model', 'a string', model);
  if (!given(body['messages'])) throw missingParameter('messages');
  rejectUnknownParameters(body, model);

  const messages = parseMessages(body['messages']);
  legacyFunctions(body['functions']);
  const tools = parseTools(body['tools']);
  const hasTools = given(body['tools']);
  const parallel = optionalBoolean(body['parallel_tool_calls'], 'parallel_tool_calls');
  const maxCompletionTokens = optionalInteger(body['max_completion_tokens'], 'max_completion_tokens', { min: 1 });
  const maxTokens = optionalInteger(body['max_tokens'], 'max_tokens', { min: 1 });
  const n = optionalInteger(body['n'], 'n', { min: 1, max: 128 }) ?? 1;
  optionalDecimal(body['temperature'], 'temperature', { min: 0, max: 2 });
  optionalDecimal(body['top_p'], 'top_p', { min: 0, max: 1 });
  optionalDecimal(body['presence_penalty'], 'presence_penalty', { min: -2, max: 2 });
  optionalDecimal(body['frequency_penalty'], 'frequency_penalty', { min: -2, max: 2 });
  const logprobs = optionalBoolean(body['logprobs'], 'logprobs');
  const topLogprobs = optionalInteger(body['top_logprobs'], 'top_logprobs', { min: 0, max: 20 });
  optionalString(body['user'], 'user');
  optionalInteger(body['seed'], 'seed');
  const safetyIdentifier = optionalString(body['safety_identifier'], 'safety_identifier');
  if (safetyIdentifier !== null) checkLength('safety_identifier', safetyIdentifier, 0, 64);
  optionalString(body['prompt_cache_key'], 'prompt_cache_key');
  optionalEnum(body['prompt_cache_retention'], 'prompt_cache_retention', ['in_memory', '24h']);
  const tier = optionalEnum(body['service_tier'], 'service_tier', SERVICE_TIERS);
  const stream = optionalBoolean(body['stream'], 'stream') ?? false;
  optionalBoolean(body['store'], 'store');
  metadata(body['metadata'], 'a metadata object');
  optionalEnum(body['verbosity'], 'verbosity', ['low', 'medium', 'high']);
  optionalString(body['reasoning_effort'], 'reasoning_effort');
  const stop = parseStop(body['stop']);
  optionalObject(body['logit_bias'], 'logit_bias');
  parseModalities(body['modalities']);
  for (const key of ['audio', 'prediction', 'web_search_options', 'moderation', 'prompt_cache_options']) optionalObject(body[key], key);
  const includeUsage = parseStreamOptions(body['stream_options']);
  const responseFormat = parseResponseFormat(body['response_format']);
  const choice = parseToolChoice(body['tool_choice']);
  parseFunctionCall(body['function_call']);

  if (choice !== null && !hasTools) {
    throw badRequest("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice');
  }
  if (choice !== null && typeof choice === 'object' && choice.kind === 'function' && !tools.some((t) => t.name === choice.name)) {
    // The API answers with the wording of the legacy `functions` parameter.
    throw badRequest(
      `Invalid value for 'function_call': no function named '${choice.name}' was specified in the 'functions' parameter.`,
      'function_call',
    );
  }
  if (parallel !== null && !hasTools) {
    // UNVERIFIED: param and code (the sentence is the API's).
    throw badRequest(
      "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.",
      'parallel_tool_calls',
    );
  }
  if (topLogprobs !== null && logprobs !== true) {
    throw badRequest("The 'top_logprobs' parameter is only allowed when 'logprobs' is enabled.", 'top_logprobs');
  }
  if (given(body['stream_options']) && !stream) {
    throw badRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
  }
  checkToolSequence(messages);
  if (responseFormat.type === 'json_object' && !messages.some((m) => /json/i.test(textOf(m.content)))) {
    // UNVERIFIED: param (the sentence is the API's).
    throw badRequest("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages');
  }

  return {
    model,
    messages,
    tools,
    toolChoice: choice === null ? (tools.length > 0 ? 'auto' : 'none') : typeof choice === 'string' ? choice : { name: choice.name },
    responseFormat,
    n,
    stream,
    includeUsage,
    maxTokens: maxCompletionTokens ?? maxTokens,
    stop,
    serviceTier: tier === null || tier === 'auto' ? 'default' : tier === 'fast' ? 'priority' : tier,
  };
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

/**
 * Whether the API answers unknown keys the newer way (`Unknown parameter: 'x'.`): seen from
 * o3-mini, o4-mini and the gpt-5 family, while gpt-4o-mini answers
 * `Unrecognized request argument supplied: x`. UNVERIFIED: that the split is by model family.
 */
function strictKeys(model: string): boolean {
  const base = model.startsWith('ft:') ? (model.split(':')[1] ?? '') : model;
  return /^(o\d|gpt-5)/.test(base);
}

function rejectUnknownParameters(body: JsonObject, model: string): void {
  const unknown = Object.keys(body).filter((key) => !KNOWN_PARAMETERS.has(key));
  if (unknown.length === 0) return;
  if (strictKeys(model)) throw unknownParameter(unknown[0]!);
  throw badRequest(
    unknown.length === 1
      ? `Unrecognized request argument supplied: ${unknown[0]}`
      : `Unrecognized request arguments supplied: ${unknown.join(', ')}`,
  );
}

// --- messages ---------------------------------------------------------------------------------

/** Content part types per role (spec); UNVERIFIED: the order the API lists them in its error. */
const PART_TYPES: Record<MessageRole, readonly string[]> = {
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
  system: ['text'],
  developer: ['text'],
  tool: ['text'],
  function: ['text'],
};

function parseMessages(value: unknown): ChatMessage[] {
  const list = nonEmptyArray(value, 'messages', 'an array of objects');
  // The API checks every message's role first, then each message against its role's schema,
  // and only then the content a message is missing.
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
function checkToolSequence(messages: readonly ChatMessage[]): void {
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

// --- tools ------------------------------------------------------------------------------------

function parseTools(value: unknown): ReplyTool[] {
  if (!given(value)) return [];
  const out: ReplyTool[] = [];
  nonEmptyArray(value, 'tools', 'an array of objects').forEach((entry, i) => {
    const at = `tools[${i}]`;
    const tool = objectItem(entry, at);
    // UNVERIFIED: the list of supported tool types in this error.
    const type = requiredOneOf(tool['type'], `${at}.type`, ['function', 'custom']);
    const detail = requiredObject(tool[type], `${at}.${type}`);
    const name = functionName(detail['name'], `${at}.${type}.name`);
    const description = optionalString(detail['description'], `${at}.${type}.description`);
    if (type === 'custom') return;
    const parameters = optionalObject(detail['parameters'], `${at}.function.parameters`);
    const strict = optionalBoolean(detail['strict'], `${at}.function.strict`) ?? false;
    if (strict && parameters !== null) {
      const problem = strictSchemaProblem(parameters);
      if (problem !== null) {
        throw badRequest(`Invalid schema for function '${name}': ${problem}`, `${at}.function.parameters`, 'invalid_function_parameters');
      }
    }
    out.push({ name, description, parameters, strict });
  });
  return out;
}

type ParsedToolChoice = 'none' | 'auto' | 'required' | { readonly kind: 'function' | 'custom'; readonly name: string };

function parseToolChoice(value: unknown): ParsedToolChoice | null {
  if (!given(value)) return null;
  if (typeof value === 'string') {
    if (value === 'none' || value === 'auto' || value === 'required') return value;
    throw invalidValue('tool_choice', value, ['none', 'auto', 'required']);
  }
  // The API's own wording, "one of" twice included.
  if (!isObject(value)) throw invalidType('tool_choice', "one of one of 'none', 'auto', or 'required' or object", value);
  const type = value['type'];
  if (type === 'custom') {
    const custom = requiredObject(value['custom'], 'tool_choice.custom');
    return { kind: 'custom', name: requiredString(custom['name'], 'tool_choice.custom.name') };
  }
  if (type === 'allowed_tools') {
    // UNVERIFIED: these checks follow the spec and the API's usual wording.
    const allowed = requiredObject(value['allowed_tools'], 'tool_choice.allowed_tools');
    const mode = requiredOneOf(allowed['mode'], 'tool_choice.allowed_tools.mode', ['auto', 'required']);
    const list = allowed['tools'];
    if (!given(list)) throw missingParameter('tool_choice.allowed_tools.tools');
    if (!Array.isArray(list)) throw invalidType('tool_choice.allowed_tools.tools', 'an array of objects', list);
    if (mode === 'auto') return 'auto';
    // `required` among a subset: the mock's default reply calls the first allowed function.
    const first = list.find((t) => isObject(t) && isObject(t['function']) && typeof t['function']['name'] === 'string');
    return first ? { kind: 'function', name: (first as { function: { name: string } }).function.name } : 'required';
  }
  // UNVERIFIED: a missing type, and an unknown type beside a function (the API was seen asking
  // for `tool_choice.function` when the type is unknown and the function absent).
  if (!given(type)) throw missingParameter('tool_choice.type');
  if (!given(value['function'])) throw missingParameter('tool_choice.function');
  if (type !== 'function') throw invalidValue('tool_choice.type', type, ['function', 'custom', 'allowed_tools']);
  const fn = requiredObject(value['function'], 'tool_choice.function');
  return { kind: 'function', name: requiredString(fn['name'], 'tool_choice.function.name') };
}

function legacyFunctions(value: unknown): void {
  if (!given(value)) return;
  nonEmptyArray(value, 'functions', 'an array of function definitions').forEach((entry, i) => {
    const fn = objectItem(entry, `functions[${i}]`);
    functionName(fn['name'], `functions[${i}].name`);
    optionalObject(fn['parameters'], `functions[${i}].parameters`);
  });
}

function parseFunctionCall(value: unknown): void {
  if (!given(value)) return;
  if (typeof value === 'string') {
    if (value !== 'none' && value !== 'auto') throw invalidValue('function_call', value, ['none', 'auto']);
    return;
  }
  const call = requiredObject(value, 'function_call');
  requiredString(call['name'], 'function_call.name');
}

// --- response format, streaming, the rest -----------------------------------------------------

function parseResponseFormat(value: unknown): ResponseFormat {
  const format = optionalObject(value, 'response_format');
  if (format === null) return { type: 'text' };
  const type = requiredOneOf(format['type'], 'response_format.type', ['json_object', 'json_schema', 'text']);
  if (type !== 'json_schema') {
    rejectUnknownMembers(format, ['type'], 'response_format');
    return { type };
  }
  rejectUnknownMembers(format, ['type', 'json_schema'], 'response_format');
  const spec = requiredObject(format['json_schema'], 'response_format.json_schema');
  // UNVERIFIED: unknown members of json_schema (seen for response_format and stream_options).
  rejectUnknownMembers(spec, ['name', 'description', 'schema', 'strict'], 'response_format.json_schema');
  const name = functionName(spec['name'], 'response_format.json_schema.name');
  optionalString(spec['description'], 'response_format.json_schema.description');
  // UNVERIFIED: the spec makes `schema` optional; this mock requires it (it has nothing to follow otherwise).
  const schema = requiredObject(spec['schema'], 'response_format.json_schema.schema');
  const strict = optionalBoolean(spec['strict'], 'response_format.json_schema.strict') ?? false;
  if (strict) {
    const problem = strictSchemaProblem(schema);
    if (problem !== null) throw badRequest(`Invalid schema for response_format '${name}': ${problem}`, 'response_format');
  }
  return { type, name, schema, strict };
}

function parseStreamOptions(value: unknown): boolean {
  const options = optionalObject(value, 'stream_options');
  if (options === null) return false;
  rejectUnknownMembers(options, ['include_usage', 'include_obfuscation'], 'stream_options');
  optionalBoolean(options['include_obfuscation'], 'stream_options.include_obfuscation');
  return optionalBoolean(options['include_usage'], 'stream_options.include_usage') ?? false;
}

function parseStop(value: unknown): string[] {
  if (!given(value)) return [];
  if (typeof value === 'string') return [value];
  // UNVERIFIED: the wording of the type error (the API's pattern for a string-or-array union).
  const list = nonEmptyArray(value, 'stop', 'one of a string or array of strings');
  if (list.length > 4) {
    throw badRequest(
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${list.length} instead.`,
      'stop',
      'array_above_max_length',
    );
  }
  return list.map((item, i) => {
    if (typeof item !== 'string') throw invalidType(`stop[${i}]`, 'a string', item);
    return item;
  });
}

function parseModalities(value: unknown): void {
  if (!given(value)) return;
  if (!Array.isArray(value)) throw invalidType('modalities', 'an array of strings', value);
  value.forEach((item, i) => {
    // UNVERIFIED: wording and param of an unknown modality.
    if (item !== 'text' && item !== 'audio') throw invalidValue(`modalities[${i}]`, item, ['text', 'audio']);
  });
}

// --- names ------------------------------------------------------------------------------------

/**
 * A function or schema name: a string of 1 to 64 letters, digits, `_` and `-`. The pattern
 * error is the API's for `tools[i].function.name`; UNVERIFIED for the other params and for the
 * length error.
 */
function functionName(value: unknown, param: string): string {
  const name = nonEmptyString(value, param);
  if (!NAME_PATTERN.test(name)) {
    throw badRequest(
      `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
      param,
      'invalid_value',
    );
  }
  checkLength(param, name, 0, 64);
  return name;
}
