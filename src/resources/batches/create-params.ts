import { ApiError, badRequest, invalidType, invalidValue, missingParameter } from '../../mock/api-error.js';
import { metadata } from '../fine-tuning/create-params.js';

/** Endpoints the Batch API accepts (the spec's enum), in the order its error message lists them. */
export const BATCH_ENDPOINTS = [
  '/v1/responses',
  '/v1/chat/completions',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/moderations',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/videos',
] as const;

/** The endpoints whose batch lines the mock can answer. */
export const SERVED_BATCH_ENDPOINTS: ReadonlySet<string> = new Set([
  '/v1/responses',
  '/v1/chat/completions',
  '/v1/embeddings',
]);

const MIN_OUTPUT_EXPIRY_SECONDS = 3600;
const MAX_OUTPUT_EXPIRY_SECONDS = 2_592_000;

/** A `POST /v1/batches` body, checked. */
export interface CreateBatchParams {
  readonly inputFileId: string;
  readonly endpoint: string;
  readonly completionWindow: '24h';
  readonly metadata: Record<string, string> | null;
  /** Lifetime of the output and error files, in seconds, if the request set one. */
  readonly outputExpiresAfterSeconds: number | null;
}

/** Checks what the API refuses synchronously (400); problems in the input file fail the batch later. */
export function parseCreateBatch(body: Record<string, unknown>): CreateBatchParams {
  const inputFileId = requiredString(body, 'input_file_id');
  const endpoint = requiredString(body, 'endpoint');
  if (!(BATCH_ENDPOINTS as readonly string[]).includes(endpoint)) throw invalidValue('endpoint', endpoint, BATCH_ENDPOINTS);
  if (!SERVED_BATCH_ENDPOINTS.has(endpoint)) {
    throw new ApiError(
      501,
      `openai-mock does not serve batches for ${endpoint} yet: it answers batch lines for ${[...SERVED_BATCH_ENDPOINTS].join(', ')}.`,
      'invalid_request_error',
      'endpoint',
      'openai_mock_unhandled_route',
      { 'x-should-retry': 'false' },
    );
  }
  const window = requiredString(body, 'completion_window');
  if (window !== '24h') throw invalidValue('completion_window', window, ['24h']);
  return {
    inputFileId,
    endpoint,
    completionWindow: window,
    metadata: metadata(body['metadata']),
    outputExpiresAfterSeconds: outputExpiry(body['output_expires_after']),
  };
}

function requiredString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (value === undefined || value === null) throw missingParameter(key);
  if (typeof value !== 'string') throw invalidType(key, 'a string', value);
  return value;
}

function outputExpiry(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidType('output_expires_after', 'an object', value);
  const { anchor, seconds } = value as Record<string, unknown>;
  if (anchor === undefined) throw missingParameter('output_expires_after.anchor');
  if (anchor !== 'created_at') throw invalidValue('output_expires_after.anchor', anchor, ['created_at']);
  if (seconds === undefined) throw missingParameter('output_expires_after.seconds');
  if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
    throw invalidType('output_expires_after.seconds', 'an integer', seconds);
  }
  if (seconds < MIN_OUTPUT_EXPIRY_SECONDS || seconds > MAX_OUTPUT_EXPIRY_SECONDS) {
    const below = seconds < MIN_OUTPUT_EXPIRY_SECONDS;
    throw badRequest(
      `Invalid 'output_expires_after.seconds': integer ${below ? 'below minimum' : 'above maximum'} value. Expected a value ${below ? `>= ${MIN_OUTPUT_EXPIRY_SECONDS}` : `<= ${MAX_OUTPUT_EXPIRY_SECONDS}`}, but got ${seconds} instead.`,
      'output_expires_after.seconds',
      below ? 'integer_below_min_value' : 'integer_above_max_value',
    );
  }
  return seconds;
}
