import { checkCommon, checkPlanObject, checkTimings, invalid, isStep, oneOf, type PlanBase } from '../../engine/plans.js';
import type { FineTuningPhase } from './options.js';

/** The create parameters a job plan's `match` sees, named as in the request body. */
export interface JobPlanTarget {
  readonly model: string;
  readonly training_file: string;
  readonly validation_file: string | null;
  readonly suffix: string | null;
  readonly metadata: Readonly<Record<string, string>> | null;
}

/** The error a planned job fails with, as it appears in the job's `error`. */
export interface PlannedJobError {
  readonly code: string;
  readonly message: string;
  /** Default null. */
  readonly param?: string | null;
}

/** Where a planned job fails: at the end of a phase, or while running, once a training step is done. */
export type JobFailurePoint = FineTuningPhase | { readonly step: number };

/** What the fine-tuning jobs a plan applies to do. See `openaiMock.jobs.plan()`. */
export interface JobPlan extends PlanBase<JobPlanTarget> {
  /** Which jobs the plan is for: every job when left out. */
  readonly match?: (params: JobPlanTarget) => boolean;
  /** How many jobs the plan applies to before it is used up. Default: every matching job. */
  readonly times?: number;
  /** Phase durations in ms for these jobs, over the configured ones (`Infinity` holds a phase). */
  readonly timings?: Partial<Record<FineTuningPhase, number>>;
  /** Keeps the job in this phase until the test calls `openaiMock.jobs.step(id)`. */
  readonly hold?: FineTuningPhase;
  /**
   * Read-counted progression: the job moves one status further on every `n`-th read through the
   * API (retrieve, list, events, checkpoints), not on the clock.
   */
  readonly advanceEveryReads?: number;
  /**
   * Fails the job with this error. `at` is the phase at whose end it fails (default `'running'`),
   * or `{ step: n }`: it fails while running, once step `n` of training is done.
   */
  readonly fail?: PlannedJobError & { readonly at?: JobFailurePoint };
}

const JOB_PHASES: readonly FineTuningPhase[] = ['validating_files', 'queued', 'running'];

/** Checks a job plan when it is made, so a mistake fails at the line that made it. */
export function checkJobPlan(plan: JobPlan): JobPlan {
  const where = 'openaiMock.jobs.plan()';
  checkPlanObject(where, plan);
  checkCommon(where, plan);
  checkTimings(where, plan.timings, JOB_PHASES);
  if (plan.hold !== undefined && !JOB_PHASES.includes(plan.hold)) {
    throw invalid(where, 'hold', plan.hold, oneOf(JOB_PHASES));
  }
  if (plan.fail !== undefined) {
    const fail = plan.fail;
    if (typeof fail !== 'object' || fail === null) throw invalid(where, 'fail', fail, 'an object { code, message, param?, at? }');
    if (typeof fail.code !== 'string' || fail.code === '') throw invalid(where, 'fail.code', fail.code, "a non-empty string such as 'invalid_training_file'");
    if (typeof fail.message !== 'string' || fail.message === '') throw invalid(where, 'fail.message', fail.message, 'a non-empty string');
    if (fail.param !== undefined && fail.param !== null && typeof fail.param !== 'string') {
      throw invalid(where, 'fail.param', fail.param, 'a string or null');
    }
    const at = fail.at;
    if (at !== undefined && !(typeof at === 'string' && JOB_PHASES.includes(at)) && !isStep(at)) {
      throw invalid(where, 'fail.at', at, `${oneOf(JOB_PHASES)}, or { step: n } with a whole number n of 1 or more`);
    }
  }
  return plan;
}
