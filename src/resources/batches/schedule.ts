import type { Phase } from '../../engine/lifecycle.js';
import type { BatchesConfig, BatchPhase } from './options.js';
import type { BatchPlan } from './plan.js';
import type { BatchStatus } from './types.js';

/** A new batch's schedule: its timed phases, how it ends, and its completion window. */
export interface BatchSchedule {
  readonly phases: Phase<BatchStatus>[];
  readonly outcome: BatchStatus;
  /** How many requests are answered when a planned expiry comes (null: as many as time allowed). */
  readonly expireAfter: number | null;
  /** How long `in_progress` lasts: requests are answered evenly over it. */
  readonly inProgressMs: number;
  /** How long the completion window lasts (ms from creation). */
  readonly windowMs: number;
}

/**
 * Decides a batch's schedule when it is created: whether it failed validation (`valid`), the
 * test's plan for it, the options in force and whether its progress counts reads. A batch whose
 * phases do not fit in its completion window expires.
 */
export function batchSchedule(
  valid: boolean,
  scenario: BatchPlan | undefined,
  config: BatchesConfig['batches'],
  readCounted: boolean,
): BatchSchedule {
  const timings = { ...config.timings, ...scenario?.timings };
  /** The duration of a phase for this batch: held phases (and all, when read-counted) last until stepped. */
  const ms = (phase: BatchPhase): number => (readCounted || scenario?.hold === phase ? Infinity : timings[phase]);
  const t = { validating: ms('validating'), in_progress: ms('in_progress'), finalizing: ms('finalizing') };
  let window = config.completionWindowMs;
  // A phase the test holds is not cut short by the completion window: the test decides when it ends.
  const held = !Number.isFinite(t.validating) || !Number.isFinite(t.in_progress);
  const phases: Phase<BatchStatus>[] = [{ status: 'validating', durationMs: held ? t.validating : Math.min(t.validating, window) }];
  let outcome: BatchStatus = 'failed';
  let expireAfter: number | null = null;
  if (valid && scenario?.expire !== undefined) {
    // A planned expiry: the window ends with the in_progress phase.
    phases.push({ status: 'in_progress', durationMs: t.in_progress });
    outcome = 'expired';
    expireAfter = scenario.expire === true ? 0 : scenario.expire.afterRequests;
    if (Number.isFinite(t.validating + t.in_progress)) window = t.validating + t.in_progress;
  } else if (valid) {
    if (held || t.validating + t.in_progress <= window) {
      phases.push({ status: 'in_progress', durationMs: t.in_progress }, { status: 'finalizing', durationMs: t.finalizing });
      outcome = 'completed';
    } else {
      if (t.validating < window) phases.push({ status: 'in_progress', durationMs: window - t.validating });
      outcome = 'expired';
    }
  }
  return { phases, outcome, expireAfter, inProgressMs: t.in_progress, windowMs: window };
}
