import { checkCommon, checkDuration, checkPlanObject, invalid, type PlanBase } from '../../engine/plans.js';

/** The create parameters a file plan's `match` sees. */
export interface FilePlanTarget {
  readonly filename: string;
  readonly purpose: string;
  readonly bytes: number;
}

/** What the files a plan applies to do. See `openaiMock.files.plan()`. */
export interface FilePlan extends PlanBase<FilePlanTarget> {
  /** Which uploaded files the plan is for: every one when left out. */
  readonly match?: (file: FilePlanTarget) => boolean;
  /** How long these files stay `uploaded`, over `files.processingMs`. */
  readonly processingMs?: number;
  /** Keeps the file `uploaded` until the test calls `openaiMock.files.step(id)`. */
  readonly hold?: true;
  /** Read-counted progression: `processed` on the `n`-th retrieve, list or content download. */
  readonly advanceEveryReads?: number;
  /**
   * The file ends `error` instead of `processed`, with this explanation in its `status_details`
   * (the deprecated fields the API still sends, for a file it could not process).
   */
  readonly fail?: { readonly details: string };
}

/** Checks a file plan when it is made. */
export function checkFilePlan(plan: FilePlan): FilePlan {
  const where = 'openaiMock.files.plan()';
  checkPlanObject(where, plan);
  checkCommon(where, plan);
  if (plan.processingMs !== undefined) checkDuration(where, 'processingMs', plan.processingMs);
  if (plan.hold !== undefined && plan.hold !== true) throw invalid(where, 'hold', plan.hold, 'true');
  if (plan.fail !== undefined && (typeof plan.fail !== 'object' || plan.fail === null || typeof plan.fail.details !== 'string' || plan.fail.details === '')) {
    throw invalid(where, 'fail', plan.fail, "an object { details } with a non-empty string, such as { details: 'Invalid file format.' }");
  }
  return plan;
}
