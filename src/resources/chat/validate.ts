import { badRequest, describeType, invalidValue, missingParameter, type ApiError } from '../../engine/api-error.js';
import { metadata } from '../../engine/fields.js';
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

type Body = Record<string, unknown>;

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
export function parseChatRequest(body: Body): ChatParams {
  const model = body['model'];
  if (model === undefined || model === null || model === '') {
    throw badRequest('you must provide a model parameter');
  }
  // UNVERIFIED: the type error for a non-string model (the API's usual pattern).
  if (typeof model !== 'string') throw typeError('model', 'a string', model);
  if (body['messages'] === undefined || body['messages'] === null) throw missingParameter('messages');
  rejectUnknownParameters(body, model);

  const messages = parseMessages(body['messages']);
  legacyFunctions(body['functions']);
  const tools = parseTools(body['tools']);
  const hasTools = body['tools'] !== undefined && body['tools'] !== null;
  const parallel = optionalBoolean(body, 'parallel_tool_calls');
  const maxCompletionTokens = optionalInteger(body, 'max_completion_tokens', 1, Infinity);
  const maxTokens = optionalInteger(body, 'max_tokens', 1, Infinity);
  const n = optionalInteger(body, 'n', 1, 128) ?? 1;
  optionalNumber(body, 'temperature', 0, 2);
  optionalNumber(body, 'top_p', 0, 1);
  optionalNumber(body, 'presence_penalty', -2, 2);
  optionalNumber(body, 'frequency_penalty', -2, 2);
  const logprobs = optionalBoolean(body, 'logprobs');
  const topLogprobs = optionalInteger(body, 'top_logprobs', 0, 20);
  optionalString(body, 'user');
  optionalInteger(body, 'seed', -Infinity, Infinity);
  const safetyIdentifier = optionalString(body, 'safety_identifier');
  if (safetyIdentifier !== null) maxLength('safety_identifier', safetyIdentifier, 64);
  optionalString(body, 'prompt_cache_key');
  optionalEnum(body, 'prompt_cache_retention', ['in_memory', '24h']);
  const tier = optionalEnum(body, 'service_tier', SERVICE_TIERS);
  const stream = optionalBoolean(body, 'stream') ?? false;
  optionalBoolean(body, 'store');
  parseMetadata(body['metadata']);
  optionalEnum(body, 'verbosity', ['low', 'medium', 'high']);
  optionalString(body, 'reasoning_effort');
  const stop = parseStop(body['stop']);
  optionalObject(body, 'logit_bias');
  parseModalities(body['modalities']);
  for (const key of ['audio', 'prediction', 'web_search_options', 'moderation', 'prompt_cache_options']) optionalObject(body, key);
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
  if (body['stream_options'] !== undefined && body['stream_options'] !== null && !stream) {
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

function rejectUnknownParameters(body: Body, model: string): void {
  const unknown = Object.keys(body).filter((key) => !KNOWN_PARAMETERS.has(key));
  if (unknown.length === 0) return;
  if (strictKeys(model)) throw unknownParameter(unknown[0]!);
  throw badRequest(
    unknown.length === 1
      ? `Unrecognized request argument supplied: ${unknown[0]}`
      : `Unrecognized request arguments supplied: ${unknown.join(', ')}`,
  );
}

function unknownParameter(param: string): ApiError {
  return badRequest(`Unknown parameter: '${param}'.`, param, 'unknown_parameter');
}

function rejectUnknownMembers(object: Body, allowed: readonly string[], prefix: string): void {
  const extra = Object.keys(object).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw unknownParameter(`${prefix}.${extra}`);
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
  if (!Array.isArray(value)) throw typeError('messages', 'an array of objects', value);
  if (value.length === 0) throw emptyArray('messages');
  // The API checks every message's role first, then each message against its role's schema,
  // and only then the content a message is missing.
  const raw = value.map((item, i) => {
    if (!isObject(item)) throw typeError(`messages[${i}]`, 'an object', item);
    const role = item['role'];
    if (role === undefined || role === null) throw missingParameter(`messages[${i}].role`);
    // UNVERIFIED: the wording for a role that is not a string.
    if (typeof role !== 'string') throw typeError(`messages[${i}].role`, `one of ${quotedList(MESSAGE_ROLES, 'or')}`, role);
    if (!(MESSAGE_ROLES as readonly string[]).includes(role)) throw invalidValue(`messages[${i}].role`, role, MESSAGE_ROLES);
    return { item, role: role as MessageRole };
  });
  const messages = raw.map(({ item, role }, i) => parseMessage(item, role, i));
  messages.forEach((message, i) => {
    const substitute =
      message.role === 'function' ||
      (message.role === 'assistant' &&
        (message.toolCalls.length > 0 || isPresent(raw[i]!.item['function_call']) || isPresent(raw[i]!.item['refusal']) || isPresent(raw[i]!.item['audio'])));
    if (message.content === null && !substitute) {
      throw badRequest("Invalid value for 'content': expected a string, got null.", `messages.[${i}].content`);
    }
  });
  return messages;
}

function parseMessage(item: Body, role: MessageRole, i: number): ChatMessage {
  const at = `messages[${i}]`;
  const rawContent = item['content'];
  if (role === 'developer' && rawContent === undefined) throw missingParameter(`${at}.content`);
  if (role === 'developer' && rawContent === null) throw typeError(`${at}.content`, 'one of a string or array of objects', null);
  let content: ChatMessage['content'] = null;
  if (isPresent(rawContent)) {
    if (typeof rawContent === 'string') content = rawContent;
    else if (Array.isArray(rawContent) && role !== 'function') content = parseParts(rawContent, role, `${at}.content`);
    else throw typeError(`${at}.content`, role === 'function' ? 'a string' : 'one of a string or array of objects', rawContent);
  }
  const name = optionalString(item, 'name', `${at}.name`);
  if (role === 'function' && name === null) throw missingParameter(`${at}.name`);
  let toolCallId: string | null = null;
  if (role === 'tool') {
    const id = item['tool_call_id'];
    if (id === undefined || id === null) throw missingParameter(`${at}.tool_call_id`);
    if (typeof id !== 'string') throw typeError(`${at}.tool_call_id`, 'a string', id);
    toolCallId = id;
  }
  const toolCalls = role === 'assistant' ? parseMessageToolCalls(item['tool_calls'], `${at}.tool_calls`) : [];
  if (role === 'assistant' && isPresent(item['function_call'])) {
    const call = object(item['function_call'], `${at}.function_call`);
    requiredString(call, 'name', `${at}.function_call.name`);
    requiredString(call, 'arguments', `${at}.function_call.arguments`);
  }
  if (role === 'assistant') optionalString(item, 'refusal', `${at}.refusal`);
  return { role, content, name, toolCalls, toolCallId };
}

function parseParts(parts: unknown[], role: MessageRole, at: string): ContentPart[] {
  return parts.map((part, j) => {
    const where = `${at}[${j}]`;
    const p = object(part, where);
    const type = p['type'];
    if (type === undefined || type === null) throw missingParameter(`${where}.type`);
    if (typeof type !== 'string' || !PART_TYPES[role].includes(type)) throw invalidValue(`${where}.type`, type, PART_TYPES[role]);
    if (type === 'text') requiredString(p, 'text', `${where}.text`);
    else if (type === 'refusal') requiredString(p, 'refusal', `${where}.refusal`);
    else if (p[type] === undefined || p[type] === null) throw missingParameter(`${where}.${type}`);
    else object(p[type], `${where}.${type}`);
    return p as ContentPart;
  });
}

function parseMessageToolCalls(value: unknown, at: string): MessageToolCall[] {
  if (!isPresent(value)) return [];
  if (!Array.isArray(value)) throw typeError(at, 'an array of objects', value);
  if (value.length === 0) throw emptyArray(at);
  return value.map((entry, j) => {
    const where = `${at}[${j}]`;
    const call = object(entry, where);
    const id = requiredString(call, 'id', `${where}.id`);
    const type = call['type'];
    if (type === undefined || type === null) throw missingParameter(`${where}.type`);
    if (type !== 'function' && type !== 'custom') throw invalidValue(`${where}.type`, type, ['function', 'custom']);
    if (call[type] === undefined || call[type] === null) throw missingParameter(`${where}.${type}`);
    const detail = object(call[type], `${where}.${type}`);
    const name = requiredString(detail, 'name', `${where}.${type}.name`);
    requiredString(detail, type === 'function' ? 'arguments' : 'input', `${where}.${type}.${type === 'function' ? 'arguments' : 'input'}`);
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
  if (!isPresent(value)) return [];
  if (!Array.isArray(value)) throw typeError('tools', 'an array of objects', value);
  if (value.length === 0) throw emptyArray('tools');
  const out: ReplyTool[] = [];
  value.forEach((entry, i) => {
    const at = `tools[${i}]`;
    const tool = object(entry, at);
    const type = tool['type'];
    if (type === undefined || type === null) throw missingParameter(`${at}.type`);
    // UNVERIFIED: the list of supported tool types in this error.
    if (type !== 'function' && type !== 'custom') throw invalidValue(`${at}.type`, type, ['function', 'custom']);
    if (tool[type] === undefined || tool[type] === null) throw missingParameter(`${at}.${type}`);
    const detail = object(tool[type], `${at}.${type}`);
    const name = requiredString(detail, 'name', `${at}.${type}.name`);
    checkName(name, `${at}.${type}.name`);
    optionalString(detail, 'description', `${at}.${type}.description`);
    if (type === 'custom') return;
    const parameters = detail['parameters'];
    if (isPresent(parameters) && !isObject(parameters)) throw typeError(`${at}.function.parameters`, 'an object', parameters);
    const strict = optionalBoolean(detail, 'strict', `${at}.function.strict`) ?? false;
    if (strict && isObject(parameters)) {
      const problem = strictSchemaProblem(parameters);
      if (problem !== null) {
        throw badRequest(`Invalid schema for function '${name}': ${problem}`, `${at}.function.parameters`, 'invalid_function_parameters');
      }
    }
    out.push({
      name,
      description: typeof detail['description'] === 'string' ? detail['description'] : null,
      parameters: isObject(parameters) ? parameters : null,
      strict,
    });
  });
  return out;
}

type ParsedToolChoice = 'none' | 'auto' | 'required' | { readonly kind: 'function' | 'custom'; readonly name: string };

function parseToolChoice(value: unknown): ParsedToolChoice | null {
  if (!isPresent(value)) return null;
  if (typeof value === 'string') {
    if (value === 'none' || value === 'auto' || value === 'required') return value;
    throw invalidValue('tool_choice', value, ['none', 'auto', 'required']);
  }
  // The API's own wording, "one of" twice included.
  if (!isObject(value)) throw typeError('tool_choice', "one of one of 'none', 'auto', or 'required' or object", value);
  const type = value['type'];
  if (type === 'custom') {
    if (!isPresent(value['custom'])) throw missingParameter('tool_choice.custom');
    return { kind: 'custom', name: requiredString(object(value['custom'], 'tool_choice.custom'), 'name', 'tool_choice.custom.name') };
  }
  if (type === 'allowed_tools') {
    // UNVERIFIED: these checks follow the spec and the API's usual wording.
    if (!isPresent(value['allowed_tools'])) throw missingParameter('tool_choice.allowed_tools');
    const allowed = object(value['allowed_tools'], 'tool_choice.allowed_tools');
    const mode = allowed['mode'];
    if (mode === undefined || mode === null) throw missingParameter('tool_choice.allowed_tools.mode');
    if (mode !== 'auto' && mode !== 'required') throw invalidValue('tool_choice.allowed_tools.mode', mode, ['auto', 'required']);
    const list = allowed['tools'];
    if (list === undefined || list === null) throw missingParameter('tool_choice.allowed_tools.tools');
    if (!Array.isArray(list)) throw typeError('tool_choice.allowed_tools.tools', 'an array of objects', list);
    if (mode === 'auto') return 'auto';
    // `required` among a subset: the mock's default reply calls the first allowed function.
    const first = list.find((t) => isObject(t) && isObject(t['function']) && typeof t['function']['name'] === 'string');
    return first ? { kind: 'function', name: (first as { function: { name: string } }).function.name } : 'required';
  }
  // UNVERIFIED: a missing type, and an unknown type beside a function (the API was seen asking
  // for `tool_choice.function` when the type is unknown and the function absent).
  if (type === undefined || type === null) throw missingParameter('tool_choice.type');
  if (!isPresent(value['function'])) throw missingParameter('tool_choice.function');
  if (type !== 'function') throw invalidValue('tool_choice.type', type, ['function', 'custom', 'allowed_tools']);
  const fn = object(value['function'], 'tool_choice.function');
  if (fn['name'] === undefined || fn['name'] === null) throw missingParameter('tool_choice.function.name');
  return { kind: 'function', name: requiredString(fn, 'name', 'tool_choice.function.name') };
}

function legacyFunctions(value: unknown): void {
  if (!isPresent(value)) return;
  if (!Array.isArray(value)) throw typeError('functions', 'an array of function definitions', value);
  if (value.length === 0) throw emptyArray('functions'); // UNVERIFIED (the spec's minItems).
  value.forEach((entry, i) => {
    const fn = object(entry, `functions[${i}]`);
    checkName(requiredString(fn, 'name', `functions[${i}].name`), `functions[${i}].name`);
    if (isPresent(fn['parameters']) && !isObject(fn['parameters'])) throw typeError(`functions[${i}].parameters`, 'an object', fn['parameters']);
  });
}

function parseFunctionCall(value: unknown): void {
  if (!isPresent(value)) return;
  if (typeof value === 'string') {
    if (value !== 'none' && value !== 'auto') throw invalidValue('function_call', value, ['none', 'auto']);
    return;
  }
  const call = object(value, 'function_call');
  if (call['name'] === undefined || call['name'] === null) throw missingParameter('function_call.name');
  requiredString(call, 'name', 'function_call.name');
}

// --- response format, streaming, the rest -----------------------------------------------------

function parseResponseFormat(value: unknown): ResponseFormat {
  if (!isPresent(value)) return { type: 'text' };
  const format = object(value, 'response_format');
  const type = format['type'];
  if (type === undefined || type === null) throw missingParameter('response_format.type');
  if (type !== 'text' && type !== 'json_object' && type !== 'json_schema') {
    throw invalidValue('response_format.type', type, ['json_object', 'json_schema', 'text']);
  }
  if (type !== 'json_schema') {
    rejectUnknownMembers(format, ['type'], 'response_format');
    return { type };
  }
  rejectUnknownMembers(format, ['type', 'json_schema'], 'response_format');
  if (!isPresent(format['json_schema'])) throw missingParameter('response_format.json_schema');
  const spec = object(format['json_schema'], 'response_format.json_schema');
  // UNVERIFIED: unknown members of json_schema (seen for response_format and stream_options).
  rejectUnknownMembers(spec, ['name', 'description', 'schema', 'strict'], 'response_format.json_schema');
  if (spec['name'] === undefined || spec['name'] === null) throw missingParameter('response_format.json_schema.name');
  const name = requiredString(spec, 'name', 'response_format.json_schema.name');
  checkName(name, 'response_format.json_schema.name');
  optionalString(spec, 'description', 'response_format.json_schema.description');
  // UNVERIFIED: the spec makes `schema` optional; this mock requires it (it has nothing to follow otherwise).
  if (!isPresent(spec['schema'])) throw missingParameter('response_format.json_schema.schema');
  const schema = object(spec['schema'], 'response_format.json_schema.schema');
  const strict = optionalBoolean(spec, 'strict', 'response_format.json_schema.strict') ?? false;
  if (strict) {
    const problem = strictSchemaProblem(schema);
    if (problem !== null) throw badRequest(`Invalid schema for response_format '${name}': ${problem}`, 'response_format');
  }
  return { type, name, schema, strict };
}

function parseStreamOptions(value: unknown): boolean {
  if (!isPresent(value)) return false;
  const options = object(value, 'stream_options');
  rejectUnknownMembers(options, ['include_usage', 'include_obfuscation'], 'stream_options');
  optionalBoolean(options, 'include_obfuscation', 'stream_options.include_obfuscation');
  return optionalBoolean(options, 'include_usage', 'stream_options.include_usage') ?? false;
}

function parseStop(value: unknown): string[] {
  if (!isPresent(value)) return [];
  if (typeof value === 'string') return [value];
  // UNVERIFIED: the wording of the type error (the API's pattern for a string-or-array union).
  if (!Array.isArray(value)) throw typeError('stop', 'one of a string or array of strings', value);
  if (value.length === 0) throw emptyArray('stop');
  if (value.length > 4) {
    throw badRequest(
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${value.length} instead.`,
      'stop',
      'array_above_max_length',
    );
  }
  return value.map((item, i) => {
    if (typeof item !== 'string') throw typeError(`stop[${i}]`, 'a string', item);
    return item;
  });
}

function parseModalities(value: unknown): void {
  if (!isPresent(value)) return;
  if (!Array.isArray(value)) throw typeError('modalities', 'an array of strings', value);
  value.forEach((item, i) => {
    // UNVERIFIED: wording and param of an unknown modality.
    if (item !== 'text' && item !== 'audio') throw invalidValue(`modalities[${i}]`, item, ['text', 'audio']);
  });
}

function parseMetadata(value: unknown): void {
  metadata(value, 'a metadata object');
}

// --- small checks, in the API's words ---------------------------------------------------------

/** `Invalid type for 'x': expected …, but got … instead.` (a fractional number is "a decimal number"). */
function typeError(param: string, expected: string, value: unknown): ApiError {
  const got = typeof value === 'number' && !Number.isInteger(value) ? 'a decimal number' : describeType(value);
  return badRequest(`Invalid type for '${param}': expected ${expected}, but got ${got} instead.`, param, 'invalid_type');
}

function emptyArray(param: string): ApiError {
  return badRequest(
    `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
    param,
    'empty_array',
  );
}

function maxLength(param: string, value: string, max: number): void {
  if (value.length <= max) return;
  throw badRequest(
    `Invalid '${param}': string too long. Expected a string with maximum length ${max}, but got a string with length ${value.length} instead.`,
    param,
    'string_above_max_length',
  );
}

/**
 * Function and schema names: 1 to 64 letters, digits, `_` and `-`. The pattern error is the
 * API's for `tools[i].function.name`; UNVERIFIED for the other params and for the length error.
 */
function checkName(name: string, param: string): void {
  if (name === '') {
    throw badRequest(`Invalid '${param}': empty string. Expected a string with minimum length 1, but got an empty string instead.`, param, 'empty_string');
  }
  if (!NAME_PATTERN.test(name)) {
    throw badRequest(
      `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
      param,
      'invalid_value',
    );
  }
  maxLength(param, name, 64);
}

function object(value: unknown, param: string): Body {
  if (!isObject(value)) throw typeError(param, 'an object', value);
  return value;
}

function requiredString(object: Body, key: string, param: string): string {
  const value = object[key];
  if (value === undefined || value === null) throw missingParameter(param);
  if (typeof value !== 'string') throw typeError(param, 'a string', value);
  return value;
}

function optionalString(object: Body, key: string, param = key): string | null {
  const value = object[key];
  if (!isPresent(value)) return null;
  if (typeof value !== 'string') throw typeError(param, 'a string', value);
  return value;
}

function optionalBoolean(object: Body, key: string, param = key): boolean | null {
  const value = object[key];
  if (!isPresent(value)) return null;
  if (typeof value !== 'boolean') throw typeError(param, 'a boolean', value);
  return value;
}

function optionalObject(object: Body, key: string): void {
  const value = object[key];
  if (isPresent(value) && !isObject(value)) throw typeError(key, 'an object', value);
}

function optionalEnum(object: Body, key: string, values: readonly string[]): string | null {
  const value = object[key];
  if (!isPresent(value)) return null;
  if (typeof value !== 'string') throw typeError(key, `one of ${quotedList(values, 'or')}`, value);
  if (!values.includes(value)) throw invalidValue(key, value, values);
  return value;
}

function optionalInteger(object: Body, key: string, min: number, max: number): number | null {
  const value = object[key];
  if (!isPresent(value)) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(key, 'an integer', value);
  if (value < min) {
    throw badRequest(`Invalid '${key}': integer below minimum value. Expected a value >= ${min}, but got ${value} instead.`, key, 'integer_below_min_value');
  }
  if (value > max) {
    throw badRequest(`Invalid '${key}': integer above maximum value. Expected a value <= ${max}, but got ${value} instead.`, key, 'integer_above_max_value');
  }
  return value;
}

function optionalNumber(object: Body, key: string, min: number, max: number): number | null {
  const value = object[key];
  if (!isPresent(value)) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw typeError(key, 'a decimal', value);
  if (value < min) {
    throw badRequest(`Invalid '${key}': decimal below minimum value. Expected a value >= ${min}, but got ${value} instead.`, key, 'decimal_below_min_value');
  }
  if (value > max) {
    throw badRequest(`Invalid '${key}': decimal above maximum value. Expected a value <= ${max}, but got ${value} instead.`, key, 'decimal_above_max_value');
  }
  return value;
}

/** `'a', 'b', or 'c'` (the API's list in a type error). */
function quotedList(values: readonly string[], conjunction: string): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 2) return quoted.join(` ${conjunction} `);
  return `${quoted.slice(0, -1).join(', ')}, ${conjunction} ${quoted.at(-1)}`;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function isObject(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
