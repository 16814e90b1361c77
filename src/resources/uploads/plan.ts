import { OpenAIMockError } from '../../engine/errors.js';
import { checkCommon, checkDuration, checkPlanObject, invalid, type PlanBase } from '../../engine/plans.js';

/** The create parameters an upload plan's `match` sees, named as in the request body. */
export interface UploadPlanTarget {
  readonly filename: string;
  readonly purpose: string;
  readonly bytes: number;
}

/** What the uploads a plan applies to do. See `openaiMock.uploads.plan()`. */
export interface UploadPlan extends PlanBase<UploadPlanTarget> {
  /** Which uploads the plan is for: every one when left out. */
  readonly match?: (upload: UploadPlanTarget) => boolean;
  /** How long these uploads stay `pending` before they expire, in ms. Default: an hour, as the API does. */
  readonly expiresAfterMs?: number;
  /** Keeps these uploads `pending` until completed, cancelled, or stepped (`openaiMock.uploads.step(id)` expires one). */
  readonly hold?: true;
}

/** Checks an upload plan when it is made. */
export function checkUploadPlan(plan: UploadPlan): UploadPlan {
  const where = 'openaiMock.uploads.plan()';
  checkPlanObject(where, plan);
  if ('advanceEveryReads' in plan) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_OPTION',
      `${where}: 'advanceEveryReads' does not apply to uploads: the API has no endpoint that reads an upload. Use 'hold' and openaiMock.uploads.step(id), or 'expiresAfterMs'.`,
    );
  }
  checkCommon(where, plan);
  if (plan.expiresAfterMs !== undefined) checkDuration(where, 'expiresAfterMs', plan.expiresAfterMs);
  if (plan.hold !== undefined && plan.hold !== true) throw invalid(where, 'hold', plan.hold, 'true');
  if (plan.hold !== undefined && plan.expiresAfterMs !== undefined) {
    throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_OPTION', `${where}: 'hold' and 'expiresAfterMs' exclude each other (a held upload never expires by itself). Keep one of them.`);
  }
  return plan;
}
