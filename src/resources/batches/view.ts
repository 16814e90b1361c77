/**
 * How a batch looks at a moment: how many of its lines are answered by then, the output and
 * error bytes it leaves when it ends, and the Batch object the API returns.
 */
import { toSeconds } from '../../engine/clock.js';
import type { IdGenerator } from '../../engine/ids.js';
import { enteredAt, type LifecycleState } from '../../engine/lifecycle.js';
import { usage } from './lines.js';
import type { StoredBatch } from './record.js';
import type { Batch, BatchOutputLine, BatchStatus } from './types.js';

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

/**
 * How many lines (in input order) have been answered by the moment the lifecycle is in: they
 * are answered evenly over in_progress (all of them once it is over; up to the planned number
 * when a planned expiry ends it).
 */
export function processedLines(batch: StoredBatch, state: LifecycleState<BatchStatus>, now: number): number {
  const total = batch.results.length;
  const start = enteredAt(state, 'in_progress');
  if (start === null || total === 0) return 0;
  if (enteredAt(state, 'finalizing') !== null) return total;
  const target = Math.min(total, batch.expireAfter ?? total);
  if (state.status === 'expired' && batch.expireAfter !== null) return target;
  const frozen = enteredAt(state, 'cancelling') ?? enteredAt(state, 'expired');
  const until = frozen ?? now;
  if (batch.inProgressMs === 0) return target;
  return Math.min(target, Math.floor((target * Math.max(0, until - start)) / batch.inProgressMs));
}

/**
 * The output and error files' bytes of a batch that has ended with `done` lines answered: the
 * answered lines, and for an expired batch one `batch_expired` line per request left.
 */
export function outputBytes(batch: StoredBatch, state: LifecycleState<BatchStatus>, done: number, ids: IdGenerator): { ok: Uint8Array; failed: Uint8Array } {
  const bytes = batch.bytes;
  const ok = bytes ? bytes.ok.subarray(0, bytes.okEnd[done]) : EMPTY;
  let failed = bytes ? bytes.failed.subarray(0, bytes.failedEnd[done]) : EMPTY;
  if (state.status === 'expired') {
    const expiredLines: Uint8Array[] = [];
    for (const result of batch.results.slice(done)) {
      const line: BatchOutputLine = {
        id: ids.next('batch_req_'),
        custom_id: result.customId,
        response: null,
        error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' },
      };
      expiredLines.push(encoder.encode(`${JSON.stringify(line)}\n`));
    }
    if (expiredLines.length > 0) failed = Buffer.concat([failed, ...expiredLines]);
  }
  return { ok, failed };
}

/** The batch as the API returns it in this state, with `done` lines answered. */
export function batchObject(batch: StoredBatch, state: LifecycleState<BatchStatus>, done: number): Batch {
  const at = (status: BatchStatus): number | null => {
    const ms = enteredAt(state, status);
    return ms === null ? null : toSeconds(ms);
  };
  const timestamps = {
    in_progress_at: at('in_progress'),
    finalizing_at: at('finalizing'),
    completed_at: at('completed'),
    failed_at: at('failed'),
    expired_at: at('expired'),
    cancelling_at: at('cancelling'),
    cancelled_at: at('cancelled'),
  };
  if (batch.given) {
    const changed = Object.fromEntries(Object.entries(timestamps).filter(([, v]) => v !== null));
    return { ...batch.given, ...changed, status: state.status };
  }
  const completed = batch.totals.completed[done]!;
  const unfinished = state.status === 'expired' ? batch.results.length - done : 0;
  const validated = batch.errors === null && enteredAt(state, 'in_progress') !== null;
  return {
    id: batch.id,
    object: 'batch',
    endpoint: batch.params.endpoint,
    // The spec (and the SDK's type) have `model` as a string that may be absent, never null.
    ...(batch.model === null ? {} : { model: batch.model }),
    errors: state.status === 'failed' && batch.errors ? { object: 'list', data: batch.errors } : null,
    input_file_id: batch.params.inputFileId,
    completion_window: batch.params.completionWindow,
    status: state.status,
    output_file_id: batch.files?.output ?? null,
    error_file_id: batch.files?.error ?? null,
    created_at: toSeconds(batch.createdAt),
    expires_at: toSeconds(batch.createdAt + batch.windowMs),
    ...timestamps,
    request_counts: validated
      ? { total: batch.results.length, completed, failed: done - completed + unfinished }
      : { total: 0, completed: 0, failed: 0 },
    usage: usage(batch.totals.inputTokens[done]!, batch.totals.outputTokens[done]!),
    metadata: batch.params.metadata,
  };
}
