import { OpenAIMockError } from '../../engine/errors.js';
import type { Phase } from '../../engine/lifecycle.js';
import type { FineTuningPhase } from './options.js';
import type { JobPlan } from './plan.js';
import type { TrainingPlan } from './training-plan.js';
import type { FineTuningJobError, FineTuningJobStatus } from './types.js';

/** A new job's schedule: its timed phases, how it ends, and a planned failure's details. */
export interface JobSchedule {
  readonly phases: Phase<FineTuningJobStatus>[];
  readonly outcome: 'succeeded' | 'failed';
  /** The error a test's plan fails the job with, if any. */
  readonly failure: FineTuningJobError | null;
  /** The training step a planned failure happens at, if it fails while running. */
  readonly failStep: number | null;
  /** How long training takes in full (ms): metrics and checkpoints are spread over it. */
  readonly runningMs: number;
}

/**
 * Decides a job's schedule when it is created, from its training plan (null when its data
 * failed validation: it fails at the end of `validating_files`), the test's plan for it, the
 * phase timings in force, and whether its progress counts reads.
 */
export function jobSchedule(
  id: string,
  plan: TrainingPlan | null,
  scenario: JobPlan | undefined,
  timings: Readonly<Record<FineTuningPhase, number>>,
  readCounted: boolean,
): JobSchedule {
  /** The duration of a phase for this job: held phases (and all, when read-counted) last until stepped. */
  const ms = (phase: FineTuningPhase): number => (readCounted || scenario?.hold === phase ? Infinity : timings[phase]);
  // A planned failure cuts the schedule at the end of its phase (a dataset that fails
  // validation fails there whatever the plan says).
  const failAt = plan ? (scenario?.fail?.at ?? (scenario?.fail ? 'running' : null)) : null;
  let failStep: number | null = null;
  if (plan && typeof failAt === 'object' && failAt !== null) {
    if (failAt.step > plan.totalSteps) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_OPTION',
        `openaiMock.jobs.plan(): the job fails at step ${failAt.step}, but ${id} trains for ${plan.totalSteps} steps (${plan.epochs} epochs of ${plan.stepsPerEpoch}). Choose a step from 1 to ${plan.totalSteps}, or give the job more examples or epochs.`,
      );
    }
    failStep = failAt.step;
  }
  const failure = plan && scenario?.fail ? { code: scenario.fail.code, message: scenario.fail.message, param: scenario.fail.param ?? null } : null;
  const phases: Phase<FineTuningJobStatus>[] = [{ status: 'validating_files', durationMs: ms('validating_files') }];
  if (plan && failAt !== 'validating_files') {
    phases.push({ status: 'queued', durationMs: ms('queued') });
    if (failAt !== 'queued') {
      const running = ms('running');
      phases.push({ status: 'running', durationMs: failStep === null ? running : running * (failStep / plan.totalSteps) });
    }
  }
  return { phases, outcome: plan && failAt === null ? 'succeeded' : 'failed', failure, failStep, runningMs: ms('running') };
}
