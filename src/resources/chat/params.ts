import { badRequest, invalidType, missingParameter } from '../../engine/api-error.js';
import {
  checkLength,
  given,
  metadata,
  optionalBoolean,
  optionalDecimal,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  unknownParameter,
  type JsonObject,
} from '../../engine/fields.js';
import type { ReplyTool } from '../replies/types.js';
import { checkToolSequence, parseMessages, textOf, type ChatMessage } from './messages.js';
import { checkModalities, parseStop, parseStreamOptions } from './output-options.js';
import { parseResponseFormat, type ResponseFormat } from './response-format.js';
import { checkFunctionCall, checkLegacyFunctions, parseToolChoice, parseTools, type ToolChoice } from './tools.js';

// Where importers have always found them.
export { MESSAGE_ROLES, textOf, type ChatMessage, type ContentPart, type MessageRole, type MessageToolCall } from './messages.js';
export type { ResponseFormat } from './response-format.js';
export type { ToolChoice } from './tools.js';

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

const SERVICE_TIERS = ['auto', 'default', 'fast', 'flex', 'priority'] as const;

/**
 * Checks a chat completions body the way the API does, in the order it reports problems (the
 * model, then `messages`, then unknown keys, then each parameter's type and range, then rules
 * between parameters and between messages), and throws the first problem as the API words it.
 * Whether the model exists is left to the caller. The parts live in modules of their own
 * (messages, tools, response format, output options); the order they are called in is here.
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
  checkLegacyFunctions(body['functions']);
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
  checkModalities(body['modalities']);
  for (const key of ['audio', 'prediction', 'web_search_options', 'moderation', 'prompt_cache_options']) optionalObject(body[key], key);
  const includeUsage = parseStreamOptions(body['stream_options']);
  const responseFormat = parseResponseFormat(body['response_format']);
  const choice = parseToolChoice(body['tool_choice']);
  checkFunctionCall(body['function_call']);

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

/**
 * Whether the API answers unknown keys the newer way (`Unknown parameter: 'x'.`): seen from
 * o3-mini, o4-mini and the gpt-5 family, while gpt-4o-mini answers
 * `Unrecognized request argument supplied: x`. UNVERIFIED: that the split is by model family.
 */
function strictKeys(model: string): boolean {
  const base = model.startsWith('ft:') ? (model.split(':')[1] ?? '') : model;
  return /^(o\d|gpt-5)/.test(base);
}

/** Refuses top-level keys the endpoint does not take, in the wording the model's family gets. */
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
