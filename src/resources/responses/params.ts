import { badRequest, invalidType, missingParameter, notFound } from '../../engine/api-error.js';
import {
  given,
  isObject,
  metadata,
  optionalBoolean,
  optionalDecimal,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  rejectUnknownKeys,
  requiredString,
  unknownParameter,
  type JsonObject,
} from '../../engine/fields.js';
import { parseInput, type NewItem } from './input-items.js';
import { rootTypeProblem, strictProblem } from './schema-rules.js';
import { isFunctionTool, parseToolChoice, parseTools } from './tools.js';
import type { FunctionTool, TextFormat, Tool, ToolChoice } from './types.js';

/** `POST /v1/responses`, validated and with every default filled in. */
export interface CreateParams {
  readonly model: string;
  /** The input as items (a string is one user message); empty when `input` was `''` or `[]`. */
  readonly input: readonly NewItem[];
  readonly instructions: string | null;
  readonly maxOutputTokens: number | null;
  readonly maxToolCalls: number | null;
  readonly text: { readonly format: TextFormat; readonly verbosity: string };
  /** Every tool, as the Response echoes it. */
  readonly tools: readonly Tool[];
  /** The function tools among them: the ones a reply can call. */
  readonly functionTools: readonly FunctionTool[];
  readonly toolChoice: ToolChoice;
  readonly previousResponseId: string | null;
  readonly store: boolean;
  readonly stream: boolean;
  readonly background: boolean;
  readonly metadata: Readonly<Record<string, string>>;
  readonly temperature: number;
  readonly topP: number;
  readonly presencePenalty: number;
  readonly frequencyPenalty: number;
  readonly parallelToolCalls: boolean;
  readonly user: string | null;
  readonly safetyIdentifier: string | null;
  readonly promptCacheKey: string | null;
  readonly reasoning: { readonly effort: string | null; readonly summary: string | null };
  readonly serviceTier: string;
  readonly truncation: 'auto' | 'disabled';
  readonly topLogprobs: number;
}

const TEXT_FORMATS = ['json_object', 'text', 'json_schema'] as const;
const VERBOSITY = ['low', 'medium', 'high'] as const;
const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
const REASONING_SUMMARIES = ['concise', 'detailed', 'auto'] as const;
const TRUNCATION = ['auto', 'disabled'] as const;
const SERVICE_TIERS = ['auto', 'default', 'fast', 'flex', 'priority'] as const;

/** Chat Completions keys that moved elsewhere in the Responses API. */
const MOVED: ReadonlyMap<string, string> = new Map([
  ['messages', 'input'],
  ['response_format', 'text.format'],
  ['reasoning_effort', 'reasoning.effort'],
]);

/** Chat Completions keys the Responses API does not know (`stop` comes with a suggestion). */
const CHAT_ONLY = [
  'max_tokens', 'max_completion_tokens', 'n', 'seed', 'logprobs', 'logit_bias', 'functions', 'function_call',
  'modalities', 'audio', 'prediction', 'web_search_options',
];

/**
 * Every key `POST /v1/responses` takes: the spec's `CreateResponse`, and the two penalties the
 * API accepts and echoes though the spec leaves them out.
 */
const RESPONSE_KEYS: ReadonlySet<string> = new Set([
  'background', 'context_management', 'conversation', 'frequency_penalty', 'include', 'input', 'instructions',
  'max_output_tokens', 'max_tool_calls', 'metadata', 'model', 'moderation', 'parallel_tool_calls', 'presence_penalty',
  'previous_response_id', 'prompt', 'prompt_cache_key', 'prompt_cache_options', 'prompt_cache_retention', 'reasoning',
  'safety_identifier', 'service_tier', 'store', 'stream', 'stream_options', 'temperature', 'text', 'tool_choice',
  'tools', 'top_logprobs', 'top_p', 'truncation', 'user',
]);

/**
 * Validates the body of `POST /v1/responses` in the order the API reports problems (model, input,
 * keys it does not know, then field by field) and fills in the defaults the Response echoes.
 * Checks that need stored state (`previous_response_id`, an empty `input`, the model's existence,
 * tool call pairing) come after, in the route.
 */
export function parseCreateParams(body: JsonObject): CreateParams {
  const model = parseModel(body);
  const input = parseInput(body);
  checkChatKeys(body);

  const tools = parseTools(body['tools']);
  const metadata = parseMetadata(body['metadata']);
  const text = parseText(body['text']);
  const temperature = optionalDecimal(body['temperature'], 'temperature', { min: 0, max: 2 }) ?? 1;
  const topP = optionalDecimal(body['top_p'], 'top_p', { min: 0, max: 1 }) ?? 1;
  const presencePenalty = optionalDecimal(body['presence_penalty'], 'presence_penalty', { min: -2, max: 2 }) ?? 0;
  const frequencyPenalty = optionalDecimal(body['frequency_penalty'], 'frequency_penalty', { min: -2, max: 2 }) ?? 0;
  const parallelToolCalls = optionalBoolean(body['parallel_tool_calls'], 'parallel_tool_calls') ?? true;
  const stream = optionalBoolean(body['stream'], 'stream') ?? false;
  parseStreamOptions(body['stream_options']);
  const background = optionalBoolean(body['background'], 'background') ?? false;
  const maxOutputTokens = optionalInteger(body['max_output_tokens'], 'max_output_tokens', { min: 16 });
  const maxToolCalls = optionalInteger(body['max_tool_calls'], 'max_tool_calls', { min: 1 });
  const reasoning = parseReasoning(body['reasoning']);
  const user = optionalString(body['user'], 'user');
  const safetyIdentifier = optionalString(body['safety_identifier'], 'safety_identifier');
  const promptCacheKey = optionalString(body['prompt_cache_key'], 'prompt_cache_key');
  const truncation = optionalEnum(body['truncation'], 'truncation', TRUNCATION) ?? 'disabled';
  const instructions = optionalString(body['instructions'], 'instructions');
  const store = optionalBoolean(body['store'], 'store') ?? true;
  const serviceTier = optionalEnum(body['service_tier'], 'service_tier', SERVICE_TIERS);
  const topLogprobs = optionalInteger(body['top_logprobs'], 'top_logprobs', { min: 0, max: 20 }) ?? 0;
  const toolChoice = parseToolChoice(body['tool_choice'], tools);
  const previousResponseId = optionalString(body['previous_response_id'], 'previous_response_id');

  checkUnmodelled(body);
  if (background && !store) {
    // UNVERIFIED: the wording is the mock's; the API refuses background mode without storage.
    throw badRequest('Background mode requires store=true.', 'store');
  }
  if (background && stream) {
    throw badRequest(
      'openai-mock does not stream background responses (background: true with stream: true). ' +
        'Create the response without stream, then poll client.responses.retrieve(id) as time passes (advanceTime()).',
      'stream',
      'openai_mock_unsupported',
    );
  }

  return {
    model,
    input,
    instructions,
    maxOutputTokens,
    maxToolCalls,
    text,
    tools,
    functionTools: tools.flatMap((tool) => (isFunctionTool(tool) ? [tool] : [])),
    toolChoice,
    previousResponseId,
    store,
    stream,
    background,
    metadata,
    temperature,
    topP,
    presencePenalty,
    frequencyPenalty,
    parallelToolCalls,
    user,
    safetyIdentifier,
    promptCacheKey,
    reasoning,
    // The Response reports the tier that served it: `auto` runs on `default`, `fast` on `priority`.
    serviceTier: serviceTier === null || serviceTier === 'auto' ? 'default' : serviceTier === 'fast' ? 'priority' : serviceTier,
    truncation,
    topLogprobs,
  };
}

/**
 * `input: ''` or `[]` with nothing else to answer (no `previous_response_id`). Run after the
 * previous response was looked up: the API reports an unknown one first.
 */
export function checkInputProvided(params: CreateParams): void {
  if (params.input.length === 0 && params.previousResponseId === null) {
    throw badRequest(
      `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`,
      null,
      'missing_required_parameter',
    );
  }
}

function parseModel(body: JsonObject): string {
  const model = body['model'];
  if (model === undefined) throw missingParameter('model');
  // The API words a null model as an object.
  if (model === null) throw invalidType('model', 'a string', {});
  if (typeof model !== 'string') throw invalidType('model', 'a string', model);
  if (model === '') throw badRequest("The requested model '' does not exist.", 'model', 'model_not_found');
  return model;
}

function checkChatKeys(body: JsonObject): void {
  for (const key of Object.keys(body)) {
    const moved = MOVED.get(key); // a Map: a key such as __proto__ must not find Object.prototype
    if (moved !== undefined) {
      throw badRequest(
        `Unsupported parameter: '${key}'. In the Responses API, this parameter has moved to '${moved}'. ` +
          'Try again with the new parameter. See the API documentation for more information: ' +
          'https://platform.openai.com/docs/api-reference/responses/create.',
        null,
        'unsupported_parameter',
      );
    }
    if (key === 'stop') throw unknownParameter('stop', 'store');
    if (CHAT_ONLY.includes(key)) throw unknownParameter(key);
  }
  rejectUnknownKeys(body, RESPONSE_KEYS);
}

function parseText(value: unknown): CreateParams['text'] {
  const text = optionalObject(value, 'text');
  const verbosity = optionalEnum(text?.['verbosity'], 'text.verbosity', VERBOSITY) ?? 'medium';
  const raw = optionalObject(text?.['format'], 'text.format', 'a text format');
  if (raw === null) return { format: { type: 'text' }, verbosity };
  if (!given(raw['type'])) throw missingParameter('text.format.type');
  const type = optionalEnum(raw['type'], 'text.format.type', TEXT_FORMATS)!;
  if (type !== 'json_schema') return { format: { type }, verbosity };
  const name = requiredString(raw['name'], 'text.format.name');
  const schema = optionalObject(raw['schema'], 'text.format.schema');
  if (schema === null) throw missingParameter('text.format.schema');
  const strict = optionalBoolean(raw['strict'], 'text.format.strict') ?? false;
  const description = optionalString(raw['description'], 'text.format.description');
  const problem = rootTypeProblem(schema) ?? (strict ? strictProblem(schema) : null);
  if (problem !== null) {
    throw badRequest(`Invalid schema for response_format '${name}': ${problem}`, 'text.format.schema', 'invalid_json_schema');
  }
  return { format: { type: 'json_schema', name, description, schema, strict }, verbosity };
}

function parseMetadata(value: unknown): Record<string, string> {
  return metadata(value, 'a metadata object') ?? {};
}

function parseStreamOptions(value: unknown): void {
  const options = optionalObject(value, 'stream_options');
  if (options === null) return;
  for (const key of Object.keys(options)) {
    if (key !== 'include_obfuscation') throw unknownParameter(`stream_options.${key}`);
  }
  optionalBoolean(options['include_obfuscation'], 'stream_options.include_obfuscation');
}

function parseReasoning(value: unknown): CreateParams['reasoning'] {
  const reasoning = optionalObject(value, 'reasoning');
  if (reasoning === null) return { effort: null, summary: null };
  if (reasoning['generate_summary'] !== undefined) throw unknownParameter('reasoning.generate_summary');
  return {
    effort: optionalEnum(reasoning['effort'], 'reasoning.effort', REASONING_EFFORTS),
    summary: optionalEnum(reasoning['summary'], 'reasoning.summary', REASONING_SUMMARIES),
  };
}

/**
 * Features the mock has no state for. A conversation or a stored prompt the account does not
 * have is a 404 in the API, and the mock has none, so that is what it answers.
 */
function checkUnmodelled(body: JsonObject): void {
  const conversation = body['conversation'];
  if (given(conversation)) {
    const id = isObject(conversation) ? conversation['id'] : conversation;
    if (typeof id !== 'string') throw invalidType('conversation', 'one of a string or an object', conversation);
    throw notFound(`Conversation with id '${id}' not found.`);
  }
  const prompt = body['prompt'];
  if (given(prompt)) {
    const object = optionalObject(prompt, 'prompt')!;
    throw notFound(`Prompt with id '${requiredString(object['id'], 'prompt.id')}' not found.`);
  }
}
