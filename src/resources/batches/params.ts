import { ApiError, invalidValue, missingParameter } from '../../engine/api-error.js';
import { given, metadata, optionalInteger, optionalObject, rejectUnknownKeys, requiredString } from '../../engine/fields.js';

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

/** The keys `POST /v1/batches` takes. */
const BATCH_KEYS: ReadonlySet<string> = new Set(['input_file_id', 'endpoint', 'completion_window', 'metadata', 'output_expires_after']);

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
  // UNVERIFIED: that the Batch API refuses unknown keys with this text, and before anything else.
  rejectUnknownKeys(body, BATCH_KEYS);
  const inputFileId = requiredString(body['input_file_id'], 'input_file_id');
  const endpoint = requiredString(body['endpoint'], 'endpoint');
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
  const window = requiredString(body['completion_window'], 'completion_window');
  if (window !== '24h') throw invalidValue('completion_window', window, ['24h']);
  return {
    inputFileId,
    endpoint,
    completionWindow: window,
    metadata: metadata(body['metadata']),
    outputExpiresAfterSeconds: outputExpiry(body['output_expires_after']),
  };
}

function outputExpiry(value: unknown): number | null {
  const policy = optionalObject(value, 'output_expires_after');
  if (policy === null) return null;
  const { anchor, seconds } = policy;
  if (anchor === undefined) throw missingParameter('output_expires_after.anchor');
  if (anchor !== 'created_at') throw invalidValue('output_expires_after.anchor', anchor, ['created_at']);
  if (!given(seconds)) throw missingParameter('output_expires_after.seconds');
  return optionalInteger(seconds, 'output_expires_after.seconds', {
    min: MIN_OUTPUT_EXPIRY_SECONDS,
    max: MAX_OUTPUT_EXPIRY_SECONDS,
  });
}
