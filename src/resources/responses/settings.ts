import { badRequest, missingParameter } from '../../engine/api-error.js';
import {
  given,
  metadata,
  optionalBoolean,
  optionalDecimal,
  optionalEnum,
  optionalInteger,
  optionalObject,
  optionalString,
  requiredString,
  unknownParameter,
  type JsonObject,
} from '../../engine/fields.js';
import { rootTypeProblem, strictProblem } from './schema-rules.js';
import type { TextFormat } from './types.js';

/**
 * The settings of `POST /v1/responses`: every parameter that stands on its own (sampling, limits,
 * output format, reasoning, storage and streaming flags, identifiers), read with its default.
 */

/** `text`, with its defaults. */
export interface TextSettings {
  readonly format: TextFormat;
  readonly verbosity: string;
}

/** `reasoning`, each part null when left out. */
export interface ReasoningSettings {
  readonly effort: string | null;
  readonly summary: string | null;
}

/** The settings, validated and with every default filled in, as the Response echoes them. */
export interface Settings {
  readonly instructions: string | null;
  readonly maxOutputTokens: number | null;
  readonly maxToolCalls: number | null;
  readonly text: TextSettings;
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
  readonly reasoning: ReasoningSettings;
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

/**
 * Reads the settings field by field, in the order the API reports their problems (the caller reads
 * `tools` just before and `tool_choice` just after). Checks across fields are the caller's.
 */
export function parseSettings(body: JsonObject): Settings {
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
  return {
    instructions,
    maxOutputTokens,
    maxToolCalls,
    text,
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
 * `text`: the format (plain text when left out) and the verbosity. A `json_schema` format's schema
 * is held to the structured-output rules, the strict ones only with `strict: true`.
 */
function parseText(value: unknown): TextSettings {
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

/** `metadata`, checked as every endpoint checks it; `{}` when left out. */
function parseMetadata(value: unknown): Record<string, string> {
  return metadata(value, 'a metadata object') ?? {};
}

/** `stream_options`: checked, then dropped (the mock's stream events carry no `obfuscation` field). */
function parseStreamOptions(value: unknown): void {
  const options = optionalObject(value, 'stream_options');
  if (options === null) return;
  for (const key of Object.keys(options)) {
    if (key !== 'include_obfuscation') throw unknownParameter(`stream_options.${key}`);
  }
  optionalBoolean(options['include_obfuscation'], 'stream_options.include_obfuscation');
}

/** `reasoning`: effort and summary as sent, or null; `generate_summary` is refused as unknown. */
function parseReasoning(value: unknown): ReasoningSettings {
  const reasoning = optionalObject(value, 'reasoning');
  if (reasoning === null) return { effort: null, summary: null };
  if (reasoning['generate_summary'] !== undefined) throw unknownParameter('reasoning.generate_summary');
  return {
    effort: optionalEnum(reasoning['effort'], 'reasoning.effort', REASONING_EFFORTS),
    summary: optionalEnum(reasoning['summary'], 'reasoning.summary', REASONING_SUMMARIES),
  };
}
