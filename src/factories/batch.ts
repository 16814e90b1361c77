import { Factory } from 'fishery';
import type { Batch } from 'openai/resources/batches';
import { onAnyReset } from '../engine/active.js';
import type { Batch as MockBatch, BatchOutputLine } from '../resources/batches/types.js';
import { builtFile, fileFactory } from './file.js';
import { seedBatch, seedMissingFiles } from './seed.js';
import { createdAtFor, seedId } from './shared.js';

export type { Batch, BatchOutputLine };

/** A line of a batch input file: one request. */
export interface BatchRequestLine {
  custom_id: string;
  method: 'POST';
  url: '/v1/chat/completions' | '/v1/embeddings' | '/v1/responses';
  body: Record<string, unknown>;
}

/**
 * Builds batch input lines. By default a chat completion request `request-1`, `request-2`…
 * on `gpt-4o-mini`; `.embedding()` and `.response()` build the other endpoints' requests.
 * Serialize a list with {@link toJsonl} to upload it.
 *
 * @example
 * const lines = batchRequestFactory.buildList(3);
 * await client.files.create({ file: await toFile(Buffer.from(toJsonl(lines)), 'in.jsonl'), purpose: 'batch' });
 */
export class BatchRequestFactory extends Factory<BatchRequestLine> {
  /** A `/v1/chat/completions` request asking `content` (the default). */
  chat(content?: string) {
    return this.params({ url: '/v1/chat/completions', ...(content === undefined ? {} : { body: chatBody(content) }) });
  }

  /** A `/v1/embeddings` request for `input` (float vectors, `text-embedding-3-small`). */
  embedding(input = 'The quick brown fox') {
    return this.params({
      url: '/v1/embeddings',
      body: { model: 'text-embedding-3-small', input, encoding_format: 'float' },
    });
  }

  /** A `/v1/responses` request for `input`. */
  response(input = 'Say hello.') {
    return this.params({ url: '/v1/responses', body: { model: 'gpt-4o-mini', input } });
  }
}

export const batchRequestFactory = BatchRequestFactory.define(({ sequence, params }): BatchRequestLine => ({
  custom_id: params.custom_id ?? `request-${sequence}`,
  method: 'POST',
  url: params.url ?? '/v1/chat/completions',
  body: params.body ?? chatBody(`Question ${sequence}`),
}));

/**
 * Builds lines of a batch output or error file: by default a 200 chat completion answer for
 * `request-1`, `request-2`…; `.failed(status, error)` a refused request; `.expired()` a request
 * the window closed on.
 */
export class BatchOutputLineFactory extends Factory<BatchOutputLine> {
  /** A request the endpoint refused (`response.status_code` non-2xx, body in the error envelope). */
  failed(status = 400, error: { message?: string; type?: string; param?: string | null; code?: string | null } = {}) {
    return this.params({
      response: {
        status_code: status,
        request_id: 'req_seed000000',
        body: {
          error: {
            message: error.message ?? 'Invalid request.',
            type: error.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
            param: error.param ?? null,
            code: error.code ?? null,
          },
        },
      },
    });
  }

  /** A request not executed before the completion window closed. */
  expired() {
    return this.params({
      response: null,
      error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' },
    });
  }
}

export const batchOutputLineFactory = BatchOutputLineFactory.define(({ sequence, params }): BatchOutputLine => {
  const requestId = seedId('req_', sequence);
  return {
    id: params.id ?? seedId('batch_req_', sequence),
    custom_id: params.custom_id ?? `request-${sequence}`,
    response:
      params.response === null
        ? null
        : {
            status_code: 200,
            request_id: requestId,
            body: chatCompletion(seedId('chatcmpl-', sequence), createdAtFor(sequence)),
            ...params.response,
          },
    error: params.error ? { code: params.error.code ?? 'batch_expired', message: params.error.message ?? '' } : null,
  };
});

/** Transient params of {@link batchFactory}. */
export interface BatchTransientParams {
  /** Lines of the input file seeded with the batch. Default: `total` chat requests. */
  requests: BatchRequestLine[];
  /** Lines of the output file of a finished batch. Default: one success per completed request. */
  outputLines: BatchOutputLine[];
  /** Lines of the error file. Default: one refused request per failed request. */
  errorLines: BatchOutputLine[];
}

/** Offsets (s) from `created_at` of each status change: the mock's default schedule. */
const SCHEDULE = { in_progress: 2, finalizing: 8, finished: 10 } as const;
type BatchStatus = MockBatch['status'];

/**
 * Builds Batch objects (`GET /v1/batches/{id}`), and with `create()` stores them in the active
 * mock, where an active status (`validating`, `in_progress`, `finalizing`) is held until the
 * code under test cancels the batch.
 *
 * By default: a `validating` chat completions batch of 3 requests, id `batch_seed000001`…,
 * fields consistent with the status the trait sets (timestamps on the mock's default schedule,
 * `request_counts`, `errors` for `.failed()`, output and error files once finished). On
 * `create()`, the input, output and error files are seeded too, with the lines given as
 * transient params (or consistent defaults), so `client.files.content(batch.output_file_id)`
 * returns real output lines.
 *
 * @example
 * const batch = await batchFactory.completed().create();
 * const lines = (await (await client.files.content(batch.output_file_id!)).text()).trim().split('\n');
 */
export class BatchFactory extends Factory<Batch, BatchTransientParams> {
  validating() {
    return this.withStatus('validating');
  }

  inProgress() {
    return this.withStatus('in_progress');
  }

  finalizing() {
    return this.withStatus('finalizing');
  }

  completed() {
    return this.withStatus('completed');
  }

  /** `status: 'failed'` with `errors` (default: line 1 is not valid JSON). */
  failed(errors?: Batch['errors']) {
    return this.params({ status: 'failed', ...(errors ? { errors } : {}) });
  }

  expired() {
    return this.withStatus('expired');
  }

  cancelling() {
    return this.withStatus('cancelling');
  }

  cancelled() {
    return this.withStatus('cancelled');
  }

  private withStatus(status: BatchStatus) {
    return this.params({ status });
  }
}

export const batchFactory = BatchFactory.define(({ sequence, params, transientParams, onCreate }): Batch => {
  const id = params.id ?? seedId('batch_', sequence);
  const status: BatchStatus = params.status ?? 'validating';
  const created = params.created_at ?? createdAtFor(sequence);
  const endpoint = params.endpoint ?? '/v1/chat/completions';
  const requests = transientParams.requests ?? batchRequestFactory.buildList(3);
  const total = requests.length;
  const at = (offset: number, reached: boolean): number | null => (reached ? created + offset : null);
  const ran = !['validating', 'failed'].includes(status);
  const finished = ['completed', 'expired', 'cancelled'].includes(status);
  const given = params.request_counts;
  const counts = countsFor(status, total, given ? { total, completed: 0, failed: 0, ...given } : undefined);
  const outputLines =
    transientParams.outputLines ??
    requests.slice(0, counts.completed).map((r) => batchOutputLineFactory.build({ custom_id: r.custom_id }));
  const errorLines =
    transientParams.errorLines ??
    requests
      .slice(counts.completed, counts.completed + counts.failed)
      .map((r) => (status === 'expired' ? batchOutputLineFactory.expired() : batchOutputLineFactory.failed()).build({ custom_id: r.custom_id }));
  const inputFile =
    params.input_file_id ?? fileFactory.build({ purpose: 'batch', created_at: created }, { transient: { content: toJsonl(requests) } }).id;
  const outputFile =
    finished && outputLines.length > 0
      ? fileFactory.build({ purpose: 'batch_output', created_at: created + SCHEDULE.finished }, { transient: { content: toJsonl(outputLines) } }).id
      : null;
  const errorFile =
    finished && errorLines.length > 0
      ? fileFactory.build({ purpose: 'batch_output', created_at: created + SCHEDULE.finished }, { transient: { content: toJsonl(errorLines) } }).id
      : null;

  onCreate((batch) => {
    seedMissingFiles(
      [batch.input_file_id, batch.output_file_id, batch.error_file_id].flatMap((fileId) => {
        const built = fileId ? builtFile(fileId) : undefined;
        return built ? [built] : [];
      }),
    );
    return seedBatch(batch);
  });

  // The API sends null for what has not happened; the SDK's type marks those keys optional.
  const object: MockBatch = {
    id,
    object: 'batch',
    endpoint,
    model: 'gpt-4o-mini',
    errors:
      status === 'failed'
        ? { object: 'list', data: [{ code: 'invalid_json_line', line: 1, param: null, message: 'This line is not parseable as valid JSON.' }] }
        : null,
    input_file_id: inputFile,
    completion_window: '24h',
    status,
    output_file_id: outputFile,
    error_file_id: errorFile,
    created_at: created,
    in_progress_at: at(SCHEDULE.in_progress, ran),
    expires_at: created + 86_400,
    finalizing_at: at(SCHEDULE.finalizing, ['finalizing', 'completed'].includes(status)),
    completed_at: at(SCHEDULE.finished, status === 'completed'),
    failed_at: at(SCHEDULE.in_progress, status === 'failed'),
    expired_at: status === 'expired' ? created + 86_400 : null,
    cancelling_at: at(SCHEDULE.finalizing - 3, status === 'cancelling' || status === 'cancelled'),
    cancelled_at: at(SCHEDULE.finalizing - 1, status === 'cancelled'),
    request_counts: counts,
    usage: {
      input_tokens: counts.completed * 12,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: counts.completed * 9,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: counts.completed * 21,
    },
    metadata: null,
  };
  return object as unknown as Batch;
});

onAnyReset(() => {
  batchRequestFactory.rewindSequence();
  batchOutputLineFactory.rewindSequence();
  batchFactory.rewindSequence();
});

/** JSONL text: one JSON object a line, ending with a newline. */
export function toJsonl(lines: readonly unknown[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

/** Request counts that fit the status: nothing before in_progress, all done once completed. */
function countsFor(status: BatchStatus, total: number, given: Batch['request_counts']): NonNullable<Batch['request_counts']> {
  if (given) return given;
  switch (status) {
    case 'validating':
    case 'failed':
      return { total: 0, completed: 0, failed: 0 };
    case 'in_progress':
    case 'cancelling':
    case 'cancelled':
      return { total, completed: Math.floor(total / 2), failed: 0 };
    case 'expired': {
      const completed = Math.floor(total / 2);
      return { total, completed, failed: total - completed };
    }
    default:
      return { total, completed: total, failed: 0 };
  }
}

function chatBody(content: string): Record<string, unknown> {
  return { model: 'gpt-4o-mini', messages: [{ role: 'user', content }] };
}

function chatCompletion(id: string, created: number): Record<string, unknown> {
  const content = 'Mock reply.';
  return {
    id,
    object: 'chat.completion',
    created,
    model: 'gpt-4o-mini',
    choices: [
      { index: 0, message: { role: 'assistant', content, refusal: null, annotations: [] }, finish_reason: 'stop', logprobs: null },
    ],
    usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
    service_tier: 'default',
    system_fingerprint: null,
  };
}
