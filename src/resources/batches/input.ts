import { showValue } from '../../engine/api-error.js';
import type { BatchError } from './types.js';

/** A request line of a batch input file that passed validation. */
export interface BatchLine {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly customId: string;
  readonly body: Record<string, unknown>;
}

export type InputCheck =
  | { readonly ok: true; readonly lines: readonly BatchLine[]; readonly model: string | null }
  | { readonly ok: false; readonly errors: BatchError[] };

/** The Batch API's limits on an input file. */
export const MAX_BATCH_REQUESTS = 50_000;
export const MAX_BATCH_FILE_BYTES = 200 * 1024 * 1024;

const ENDPOINT_NAMES: Record<string, string> = {
  '/v1/chat/completions': 'Chat Completions',
  '/v1/responses': 'Responses',
  '/v1/embeddings': 'Embeddings',
};

/** Body fields without which a line of each endpoint cannot run. */
const REQUIRED_BODY_FIELDS: Record<string, readonly string[]> = {
  '/v1/chat/completions': ['messages'],
  '/v1/embeddings': ['input'],
  '/v1/responses': [],
};

/**
 * Checks a batch input file as the API does while the batch is `validating`: every bad line is
 * reported (one error a line, in line order) and any error fails the whole batch.
 */
export function checkInput(
  bytes: Uint8Array,
  endpoint: string,
  modelExists: (id: string) => boolean,
): InputCheck {
  if (bytes.byteLength > MAX_BATCH_FILE_BYTES) {
    // UNVERIFIED wording and code; the 200 MB limit is documented.
    return fail({ code: 'file_too_large', message: 'The input file exceeds the maximum size of 200 MB.', param: null, line: null });
  }
  const text = new TextDecoder().decode(bytes);
  const known = new Map<string, boolean>();
  const exists = (id: string): boolean => {
    let answer = known.get(id);
    if (answer === undefined) known.set(id, (answer = modelExists(id)));
    return answer;
  };
  const errors: BatchError[] = [];
  const lines: BatchLine[] = [];
  const seen = new Set<string>();
  let model: string | null = null;
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end).trim();
    lineNumber += 1;
    start = end + 1;
    if (raw === '') continue;
    const checked = checkLine(raw, lineNumber, endpoint, seen, exists, model);
    if ('code' in checked) {
      errors.push(checked);
      continue;
    }
    model ??= typeof checked.body['model'] === 'string' ? checked.body['model'] : null;
    lines.push(checked);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (lines.length === 0) {
    // UNVERIFIED wording; `empty_file` is the code third-party summaries of the docs name.
    return fail({ code: 'empty_file', message: 'The input file is empty. Add at least one request.', param: null, line: null });
  }
  if (lines.length > MAX_BATCH_REQUESTS) {
    // UNVERIFIED wording; `too_many_tasks` and the 50,000 limit are documented.
    return fail({
      code: 'too_many_tasks',
      message: `The input file contains ${lines.length} requests; a batch can have at most ${MAX_BATCH_REQUESTS}.`,
      param: null,
      line: null,
    });
  }
  return { ok: true, lines, model };
}

function checkLine(
  raw: string,
  line: number,
  endpoint: string,
  seen: Set<string>,
  modelExists: (id: string) => boolean,
  batchModel: string | null,
): BatchLine | BatchError {
  const error = (code: string, message: string, param: string | null): BatchError => ({ code, message, param, line });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return error('invalid_json_line', 'This line is not parseable as valid JSON.', null);
  }
  const request = parsed as Record<string, unknown>;
  for (const key of ['custom_id', 'method', 'url', 'body']) {
    if (request[key] === undefined || request[key] === null) {
      return error('missing_required_parameter', `Missing required parameter: '${key}'.`, key);
    }
  }
  const { custom_id: customId, method, url, body } = request;
  if (typeof customId !== 'string') return error('invalid_type', `Invalid type for 'custom_id': expected a string.`, 'custom_id');
  // UNVERIFIED wording: the API only accepts POST lines.
  if (method !== 'POST') return error('invalid_value', `Invalid value: '${showValue(method)}'. Supported values are: 'POST'.`, 'method');
  if (url !== endpoint) {
    return error('invalid_url', 'The URL provided for this request does not match the batch endpoint.', 'url');
  }
  if (typeof body !== 'object' || Array.isArray(body)) return error('invalid_type', `Invalid type for 'body': expected an object.`, 'body');
  if (seen.has(customId)) {
    // UNVERIFIED wording; the code is documented.
    return error(
      'duplicate_custom_id',
      `The custom_id '${customId}' is used by another request in this batch; each request needs a unique custom_id.`,
      'custom_id',
    );
  }
  seen.add(customId);
  const fields = body as Record<string, unknown>;
  const name = ENDPOINT_NAMES[endpoint] ?? endpoint;
  if (fields['stream'] === true) {
    return error('streaming_unsupported', `${name}: Streaming is not supported in the Batch API.`, 'body.stream');
  }
  const model = fields['model'];
  if (model === undefined || model === null || model === '') {
    return error('invalid_request', 'Model parameter is required.', 'body.model');
  }
  if (typeof model !== 'string' || !modelExists(model)) {
    return error('model_not_found', `The provided model '${showValue(model)}' is not supported by the Batch API.`, 'body.model');
  }
  if (batchModel !== null && model !== batchModel) {
    // UNVERIFIED wording and code; the docs say a batch's requests must all use one model.
    return error(
      'mismatched_model',
      `The provided model '${model}' does not match the model '${batchModel}' of the other requests; a batch can only use one model.`,
      'body.model',
    );
  }
  for (const field of REQUIRED_BODY_FIELDS[endpoint] ?? []) {
    if (fields[field] === undefined || fields[field] === null) {
      const title = field.charAt(0).toUpperCase() + field.slice(1);
      return error('invalid_request', `${title} parameter is required.`, `body.${field}`);
    }
  }
  return { line, customId, body: fields };
}

function fail(error: BatchError): InputCheck {
  return { ok: false, errors: [error] };
}
