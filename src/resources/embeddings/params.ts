import { ApiError, badRequest, invalidType, missingParameter, notFound } from '../../engine/api-error.js';
import { rejectUnknownKeys } from '../../engine/fields.js';
import { estimateTokens } from '../../engine/tokens.js';
import { baseModel } from '../models/catalog.js';
import { embeddingModel, type EmbeddingModel } from './models.js';
import type { EmbeddingInput } from './vectors.js';

export type EncodingFormat = 'float' | 'base64';

/** A `POST /v1/embeddings` body that passed every check the API makes. */
export interface EmbeddingRequest {
  readonly model: EmbeddingModel;
  /** One entry per embedding to return, in input order. */
  readonly inputs: readonly EmbeddingInput[];
  /** Tokens of each input: the mock's estimate for a text, the count for token ids. */
  readonly tokens: readonly number[];
  readonly dimensions: number;
  readonly encodingFormat: EncodingFormat;
}

/** Most items `input` may hold (texts, token ids, or token lists). */
export const MAX_INPUT_ITEMS = 2048;
/** Most tokens one input may hold (all embedding models). */
export const MAX_INPUT_TOKENS = 8192;
/** Most tokens one request may hold, summed over its inputs. */
export const MAX_REQUEST_TOKENS = 300_000;

/**
 * What the API answers for any `input` that fits none of its four shapes: an empty string, an
 * empty array, an empty string or an empty token list in an array, more than 2048 items, items of
 * mixed or wrong types. Observed for empty strings, alone or in an array (2023–2025), and for an
 * array of 7,000 texts (through Azure OpenAI, 2025); the other shapes fail the same schema, so they
 * are given the same answer.
 */
export const INVALID_INPUT_MESSAGE =
  "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.";

/** The keys `POST /v1/embeddings` takes (the spec's `CreateEmbeddingRequest`). */
const EMBEDDING_KEYS: ReadonlySet<string> = new Set(['input', 'model', 'encoding_format', 'dimensions', 'user']);

/**
 * Checks a request body as the API does, in this order: unknown keys, required parameters, the model,
 * `encoding_format`, `dimensions`, `user`, the shape of `input`, then token limits (the API's own
 * order for a body with several faults is not on record). Throws the ApiError the API answers.
 */
export function parseEmbeddingRequest(body: Readonly<Record<string, unknown>>): EmbeddingRequest {
  // UNVERIFIED: that embeddings refuse unknown keys with this text, and before anything else.
  rejectUnknownKeys(body, EMBEDDING_KEYS);
  const modelName = body['model'];
  if (modelName === undefined || modelName === null) throw missingParameter('model');
  if (typeof modelName !== 'string') throw invalidType('model', 'a string', modelName);
  if (body['input'] === undefined || body['input'] === null) throw missingParameter('input');
  const model = findModel(modelName);
  const encodingFormat = parseEncodingFormat(body['encoding_format']);
  const dimensions = parseDimensions(body, model);
  const user = body['user'];
  if (user !== undefined && user !== null && typeof user !== 'string') throw invalidType('user', 'a string', user);
  const inputs = parseInput(body['input']);
  const tokens = inputs.map((input) => (typeof input === 'string' ? estimateTokens(input) : input.length));
  checkTokenLimits(tokens);
  return { model, inputs, tokens, dimensions, encodingFormat };
}

function findModel(name: string): EmbeddingModel {
  const model = embeddingModel(name);
  if (model) return model;
  if (baseModel(name)) {
    // A model that exists but does not embed: 403, observed for gpt-3.5-turbo (2023) and gpt-4o (2024).
    throw new ApiError(403, 'You are not allowed to generate embeddings from this model');
  }
  throw notFound(`The model \`${name}\` does not exist or you do not have access to it.`, null, 'model_not_found');
}

function parseEncodingFormat(value: unknown): EncodingFormat {
  if (value === undefined || value === null) return 'float';
  if (value === 'float' || value === 'base64') return value;
  // The API's own words (observed for `"md5"`), with neither param nor code.
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  throw badRequest(`Invalid value for 'encoding_format' = ${shown}. Supported values: ['float', 'base64'].`);
}

const DIMENSIONS_NOT_SUPPORTED = 'This model does not support specifying dimensions.';

function parseDimensions(body: Readonly<Record<string, unknown>>, model: EmbeddingModel): number {
  if (!Object.hasOwn(body, 'dimensions') || body['dimensions'] === undefined) return model.nativeDimensions;
  const value = body['dimensions'];
  // Sending the key at all, even as null, is "specifying dimensions" for ada-002.
  if (value === null) {
    if (!model.acceptsDimensions) throw badRequest(DIMENSIONS_NOT_SUPPORTED);
    return model.nativeDimensions;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidType('dimensions', 'an integer', value);
  if (value < 1) {
    throw badRequest(
      `Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got ${value} instead.`,
      'dimensions',
      'integer_below_min_value',
    );
  }
  if (!model.acceptsDimensions) throw badRequest(DIMENSIONS_NOT_SUPPORTED);
  if (value > model.nativeDimensions) {
    // UNVERIFIED: the API's wording for a size above the model's own is not on record; this is
    // its usual wording for an integer above a maximum.
    throw badRequest(
      `Invalid 'dimensions': integer above maximum value. Expected a value <= ${model.nativeDimensions}, but got ${value} instead.`,
      'dimensions',
      'integer_above_max_value',
    );
  }
  return value;
}

/** The inputs `input` holds: one for a string or a token list, one per item for an array of either. */
function parseInput(input: unknown): EmbeddingInput[] {
  if (typeof input === 'string') {
    if (input === '') throw invalidInput();
    return [input];
  }
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_INPUT_ITEMS) throw invalidInput();
  const items: readonly unknown[] = input;
  if (items.every((item) => typeof item === 'string')) {
    if (items.some((item) => item === '')) throw invalidInput();
    return items as string[];
  }
  if (items.every(isTokenId)) return [items as number[]];
  if (items.every((item) => Array.isArray(item) && item.length > 0 && item.every(isTokenId))) {
    return items as number[][];
  }
  throw invalidInput();
}

function isTokenId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function invalidInput(): ApiError {
  return badRequest(INVALID_INPUT_MESSAGE);
}

function checkTokenLimits(tokens: readonly number[]): void {
  let total = 0;
  for (const count of tokens) {
    if (count > MAX_INPUT_TOKENS) {
      // Observed (text-embedding-3-small, 2024): the completions-era wording, no param, no code.
      throw badRequest(
        `This model's maximum context length is ${MAX_INPUT_TOKENS} tokens, however you requested ${count} tokens ` +
          `(${count} in your prompt; 0 for the completion). Please reduce your prompt; or completion length.`,
      );
    }
    total += count;
  }
  if (total > MAX_REQUEST_TOKENS) {
    // Observed (2025): type and code are both max_tokens_per_request.
    throw new ApiError(
      400,
      `Requested ${total} tokens, max ${MAX_REQUEST_TOKENS} tokens per request`,
      'max_tokens_per_request',
      null,
      'max_tokens_per_request',
    );
  }
}
