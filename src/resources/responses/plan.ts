import { checkCommon, checkPlanObject, checkTimings, invalid, oneOf, type PlanBase } from '../../engine/plans.js';

/** The timed phases of a background response. */
export type BackgroundPhase = 'queued' | 'in_progress';

/** The create parameters a response plan's `match` sees, named as in the request body. */
export interface ResponsePlanTarget {
  readonly model: string;
  readonly metadata: Readonly<Record<string, string>>;
}

/** The error a planned background response fails with, as it appears in the response's `error`. */
export interface PlannedResponseError {
  readonly code: string;
  readonly message: string;
}

/**
 * What the background responses (`background: true`) a plan applies to do. See
 * `openaiMock.responses.plan()`. Responses answered at once have no lifecycle to plan.
 */
export interface ResponsePlan extends PlanBase<ResponsePlanTarget> {
  /** Which background responses the plan is for: every one when left out. */
  readonly match?: (params: ResponsePlanTarget) => boolean;
  /** Phase durations in ms for these responses, over the defaults (queued 1000, in_progress 2000). */
  readonly timings?: Partial<Record<BackgroundPhase, number>>;
  /** Keeps the response in this phase until the test calls `openaiMock.responses.step(id)`. */
  readonly hold?: BackgroundPhase;
  /** Read-counted progression: one status further on every `n`-th retrieve. */
  readonly advanceEveryReads?: number;
  /** The response ends `failed` with this error (and no output) instead of its answer. */
  readonly fail?: PlannedResponseError;
}

const PHASES: readonly BackgroundPhase[] = ['queued', 'in_progress'];

/** Checks a response plan when it is made. */
export function checkResponsePlan(plan: ResponsePlan): ResponsePlan {
  const where = 'openaiMock.responses.plan()';
  checkPlanObject(where, plan);
  checkCommon(where, plan);
  checkTimings(where, plan.timings, PHASES);
  if (plan.hold !== undefined && !PHASES.includes(plan.hold)) throw invalid(where, 'hold', plan.hold, oneOf(PHASES));
  if (plan.fail !== undefined) {
    const fail = plan.fail;
    if (typeof fail !== 'object' || fail === null) throw invalid(where, 'fail', fail, 'an object { code, message }');
    if (typeof fail.code !== 'string' || fail.code === '') throw invalid(where, 'fail.code', fail.code, "a non-empty string such as 'server_error'");
    if (typeof fail.message !== 'string' || fail.message === '') throw invalid(where, 'fail.message', fail.message, 'a non-empty string');
  }
  return plan;
}
