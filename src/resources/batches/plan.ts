import { OpenAIMockError } from '../../engine/errors.js';
import { checkCommon, checkPlanObject, checkTimings, invalid, oneOf, type PlanBase } from '../../engine/plans.js';
import type { BatchPhase } from './options.js';

/** The create parameters a batch plan's `match` sees, named as in the request body. */
export interface BatchPlanTarget {
  readonly input_file_id: string;
  readonly endpoint: string;
  readonly completion_window: string;
  readonly metadata: Readonly<Record<string, string>> | null;
}

/** One validation error of a planned failed batch (an entry of the batch's `errors.data`). */
export interface PlannedBatchError {
  readonly code: string;
  readonly message: string;
  /** Default null. */
  readonly param?: string | null;
  /** Default null. */
  readonly line?: number | null;
}

/** Requests of a batch that fail, with the status and error their error-file line carries. */
export interface PlannedRequestFailure {
  /** The `custom_id`s that fail, or a function of each request's `custom_id` and `body`. */
  readonly customIds: readonly string[] | ((customId: string, body: Readonly<Record<string, unknown>>) => boolean);
  /** The HTTP status of their `response.status_code`. Default 500. */
  readonly status?: number;
  /** The error in their `response.body`. Default: the API's 500 `server_error`. */
  readonly error?: { readonly message: string; readonly type?: string; readonly code?: string | null; readonly param?: string | null };
}

/** The phases a batch can be held in. */
export type BatchHoldPhase = Exclude<BatchPhase, 'cancelling'>;

/** What the batches a plan applies to do. See `openaiMock.batches.plan()`. */
export interface BatchPlan extends PlanBase<BatchPlanTarget> {
  /** Which batches the plan is for: every batch when left out. */
  readonly match?: (params: BatchPlanTarget) => boolean;
  /** How many batches the plan applies to before it is used up. Default: every matching batch. */
  readonly times?: number;
  /** Phase durations in ms for these batches, over the configured ones. */
  readonly timings?: Partial<Record<BatchPhase, number>>;
  /** Keeps the batch in this phase until the test calls `openaiMock.batches.step(id)`. */
  readonly hold?: BatchHoldPhase;
  /** Read-counted progression: one status further on every `n`-th retrieve or list. */
  readonly advanceEveryReads?: number;
  /**
   * The batch expires at the end of `in_progress` instead of finalizing. `afterRequests` of its
   * requests are answered by then (default 0); the rest go to the error file with `batch_expired`.
   */
  readonly expire?: true | { readonly afterRequests: number };
  /** The batch fails validation with these errors (its `errors.data`), whatever its input. */
  readonly failValidation?: PlannedBatchError | readonly PlannedBatchError[];
  /** Chosen requests fail (they go to the error file), besides the global `failCustomIds`. */
  readonly failRequests?: PlannedRequestFailure;
}

const BATCH_PHASES: readonly BatchPhase[] = ['validating', 'in_progress', 'finalizing', 'cancelling'];
const BATCH_HOLD_PHASES: readonly BatchHoldPhase[] = ['validating', 'in_progress', 'finalizing'];

/** Checks a batch plan when it is made. */
export function checkBatchPlan(plan: BatchPlan): BatchPlan {
  const where = 'openaiMock.batches.plan()';
  checkPlanObject(where, plan);
  checkCommon(where, plan);
  checkTimings(where, plan.timings, BATCH_PHASES);
  if (plan.hold !== undefined && !BATCH_HOLD_PHASES.includes(plan.hold)) {
    throw invalid(where, 'hold', plan.hold, oneOf(BATCH_HOLD_PHASES));
  }
  if (plan.expire !== undefined && plan.expire !== true) {
    const after = (plan.expire as { afterRequests?: unknown }).afterRequests;
    if (typeof plan.expire !== 'object' || plan.expire === null || !Number.isInteger(after) || (after as number) < 0) {
      throw invalid(where, 'expire', plan.expire, 'true, or { afterRequests: n } with a whole number n of 0 or more');
    }
  }
  if (plan.failValidation !== undefined) {
    const errors = Array.isArray(plan.failValidation) ? plan.failValidation : [plan.failValidation];
    const ok = errors.length > 0 && errors.every(
      (e: unknown) => typeof e === 'object' && e !== null && typeof (e as PlannedBatchError).code === 'string' && typeof (e as PlannedBatchError).message === 'string',
    );
    if (!ok) throw invalid(where, 'failValidation', plan.failValidation, 'an error { code, message, param?, line? } or a non-empty array of them');
    if (plan.expire !== undefined) {
      throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_OPTION', `${where}: 'expire' and 'failValidation' exclude each other (a batch that fails validation never runs long enough to expire). Make two plans with different 'match' functions.`);
    }
  }
  if (plan.failRequests !== undefined) {
    const f = plan.failRequests;
    const ids = f?.customIds;
    if (typeof ids !== 'function' && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) {
      throw invalid(where, 'failRequests.customIds', ids, 'an array of custom_id strings or a function (customId, body) => boolean');
    }
    if (f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 400 && f.status <= 599)) {
      throw invalid(where, 'failRequests.status', f.status, 'an HTTP error status from 400 to 599');
    }
    if (f.error !== undefined && (typeof f.error !== 'object' || f.error === null || typeof f.error.message !== 'string')) {
      throw invalid(where, 'failRequests.error', f.error, 'an object { message, type?, code?, param? }');
    }
    if (f.error === undefined && f.status !== undefined && f.status < 500) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_OPTION',
        `${where}: 'failRequests.status' is ${f.status}; give 'failRequests.error' ({ message, type?, code? }) with a 4xx status (only the 500 has a default error).`,
      );
    }
  }
  return plan;
}
