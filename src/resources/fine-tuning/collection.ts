import { settling, timedCollection, type TimedCollection } from '../../engine/collection.js';
import type { JobPlan, PlannedJobError } from './plan.js';
import type { JobsState } from './state.js';
import type { FineTuningJob, FineTuningJobCheckpoint, FineTuningJobEvent, FineTuningJobStatus } from './types.js';

/** `openaiMock.jobs`: the collection, plus each job's lifecycle, events and checkpoints. */
export interface JobsCollection extends TimedCollection<FineTuningJob, FineTuningJobStatus, JobPlan> {
  /** Events newest first, as the events endpoint lists them. */
  events(id: string): FineTuningJobEvent[] | undefined;
  /** Checkpoints newest first. */
  checkpoints(id: string): FineTuningJobCheckpoint[] | undefined;
  /**
   * Plans what fine-tuning jobs the code under test creates do: their phase timings, a failure
   * with a chosen error at a chosen phase or training step, a hold in a phase until
   * {@link step}, or read-counted progression. The first plan whose `match` accepts a new job
   * applies to it; plans last until reset (or for `times` jobs).
   *
   * @example
   * openaiMock.jobs.plan({ fail: { at: { step: 300 }, code: 'server_error', message: 'Training diverged.' } });
   * openaiMock.jobs.plan({ match: (job) => job.suffix === 'slow', hold: 'queued', times: 1 });
   */
  plan(plan: JobPlan): void;
  /** Ends a job's current phase now (it moves to the next status). Returns the job as it now is. */
  step(id: string): FineTuningJob;
  /** Fails an active job now with this error; its events and checkpoints stop where they are. */
  fail(id: string, error: PlannedJobError): FineTuningJob;
}

/** The fine-tuning jobs' part of `openaiMock`: each job as `GET /v1/fine_tuning/jobs/{id}` returns it now. */
export function jobsCollection(jobs: JobsState, settle: () => void): JobsCollection {
  return Object.assign(timedCollection(jobs, settle), {
    events: (id: string) => (jobs.find(id) ? jobs.events(id) : undefined),
    checkpoints: (id: string) => (jobs.find(id) ? jobs.checkpoints(id) : undefined),
    fail: settling(settle)((id: string, error: PlannedJobError) => jobs.fail(id, error)),
  });
}
