/**
 * Answering a batch's lines: each request goes to the route that serves its endpoint (unless a
 * test makes it fail), and its output line is written to the output or the error bytes, in
 * input order, with running totals for the counts and usage.
 */
import { ApiError } from '../../engine/api-error.js';
import type { IdGenerator } from '../../engine/ids.js';
import type { LineAnswer } from '../../engine/pipeline.js';
import type { BatchLine } from './input.js';
import { LineWriter } from './line-writer.js';
import type { BatchesConfig } from './options.js';
import type { PlannedRequestFailure } from './plan.js';
import type { BatchOutputLine, BatchUsage } from './types.js';

/** Answers a batch line with the handler of the endpoint's route (`/chat/completions`...). */
export type LineDispatcher = (path: string, body: Record<string, unknown>, customId: string) => LineAnswer;

/** What answering lines needs: the options in force, the id sequences and the dispatcher. */
export interface LineContext {
  readonly config: () => BatchesConfig;
  readonly ids: IdGenerator;
  readonly dispatch: LineDispatcher;
}

/** What the counts and the error file need of one answered line (its bytes are in {@link LineBytes}). */
export interface LineResult {
  readonly ok: boolean;
  readonly customId: string;
  /** Tokens the request used (from the endpoint's `usage`); 0 for a failed request. */
  readonly tokens: { readonly input: number; readonly output: number };
}

/**
 * Every answered line's output line, in input order, the successes and the failures each in one
 * buffer (each line followed by a newline). The output and error files are views of these, cut
 * after the lines done by the time the batch ended, so a large batch is held once.
 */
export interface LineBytes {
  readonly ok: Uint8Array;
  readonly failed: Uint8Array;
  /** `okEnd[k]`: the bytes of `ok` that the first k lines account for; `failedEnd` likewise. */
  readonly okEnd: Float64Array;
  readonly failedEnd: Float64Array;
}

/** Running totals over the lines in input order: entry k covers the first k lines. */
export interface Totals {
  readonly completed: Uint32Array;
  readonly inputTokens: Float64Array;
  readonly outputTokens: Float64Array;
}

/** The 500 a request gets when a test makes it fail (`failureRate`, `failCustomIds`). */
export const SERVER_ERROR = new ApiError(
  500,
  'The server had an error while processing your request. Sorry about that!',
  'server_error',
).toJSON();

/** Answers every line of a batch now, in input order. */
export function answerLines(
context: LineContext,
endpoint: string,
  lines: readonly BatchLine[],
  planned: PlannedRequestFailure | undefined,
): { results: LineResult[]; bytes: LineBytes } {
  const path = endpoint.replace(/^\/v1/, '');
  const { failureRate, failureSeed, failCustomIds } = context.config().batches;
  const okLines = new LineWriter();
  const failedLines = new LineWriter();
  const okEnd = new Float64Array(lines.length + 1);
  const failedEnd = new Float64Array(lines.length + 1);
  const results = lines.map((line, i): LineResult => {
    const chosen =
      planned !== undefined &&
      (typeof planned.customIds === 'function'
        ? planned.customIds(line.customId, line.body)
        : planned.customIds.includes(line.customId));
    const forced = failCustomIds.has(line.customId) || (failureRate > 0 && unitHash(failureSeed, line.customId) < failureRate);
    const answer = chosen
      ? { ...plannedFailure(planned), requestId: context.ids.next('req_') }
      : forced
        ? { status: 500, body: SERVER_ERROR, requestId: context.ids.next('req_') }
        : context.dispatch(path, line.body, line.customId);
    const ok = answer.status >= 200 && answer.status < 300;
    const output: BatchOutputLine = {
      id: context.ids.next('batch_req_'),
      custom_id: line.customId,
      response: { status_code: answer.status, request_id: answer.requestId, body: answer.body },
      error: null,
    };
    const bytes = (ok ? okLines : failedLines).write(`${JSON.stringify(output)}\n`);
    okEnd[i + 1] = okEnd[i]! + (ok ? bytes : 0);
    failedEnd[i + 1] = failedEnd[i]! + (ok ? 0 : bytes);
    return { ok, customId: line.customId, tokens: ok ? usageOf(answer.body) : { input: 0, output: 0 } };
  });
  return { results, bytes: { ok: okLines.finish(), failed: failedLines.finish(), okEnd, failedEnd } };
}

/** The status and body a request chosen by a plan's `failRequests` is answered with. */
function plannedFailure(planned: PlannedRequestFailure): { status: number; body: unknown } {
  const status = planned.status ?? 500;
  if (!planned.error) return { status, body: SERVER_ERROR };
  const { message, type, code, param } = planned.error;
  const body = new ApiError(status, message, type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'), param ?? null, code ?? null);
  return { status, body: body.toJSON() };
}

export function totals(results: readonly LineResult[]): Totals {
  const completed = new Uint32Array(results.length + 1);
  const inputTokens = new Float64Array(results.length + 1);
  const outputTokens = new Float64Array(results.length + 1);
  results.forEach((result, i) => {
    completed[i + 1] = completed[i]! + (result.ok ? 1 : 0);
    inputTokens[i + 1] = inputTokens[i]! + result.tokens.input;
    outputTokens[i + 1] = outputTokens[i]! + result.tokens.output;
  });
  return { completed, inputTokens, outputTokens };
}

export function usage(input: number, output: number): BatchUsage {
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** Token counts from an endpoint's `usage` (chat and embeddings name them one way, responses another). */
function usageOf(body: unknown): { input: number; output: number } {
  const u = (body as { usage?: Record<string, unknown> } | null)?.usage;
  if (!u) return { input: 0, output: 0 };
  const num = (key: string): number => (typeof u[key] === 'number' ? (u[key] as number) : 0);
  return { input: num('prompt_tokens') + num('input_tokens'), output: num('completion_tokens') + num('output_tokens') };
}

/** A number in [0, 1) from a seed and a string (FNV-1a): the same inputs always give the same number. */
function unitHash(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul((hash ^ text.charCodeAt(i)) >>> 0, 0x01000193) >>> 0;
  }
  // A final avalanche so that neighbouring custom_ids spread over the whole range.
  hash = (hash ^ (hash >>> 16)) >>> 0;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash = (hash ^ (hash >>> 13)) >>> 0;
  return hash / 0x1_0000_0000;
}
