import type { Stored } from '../../engine/store.js';
import type { CreateJobParams } from './params.js';
import type { TrainingPlan } from './training-plan.js';
import type { FineTuningJob, FineTuningJobCheckpoint, FineTuningJobError, FineTuningJobEvent, FineTuningJobStatus } from './types.js';

/** One job and everything needed to answer for it at any moment. */
export interface StoredJob extends Stored<FineTuningJobStatus> {
  readonly params: CreateJobParams;
  readonly seed: number;
  /** Why the job fails when its schedule ends in `failed` (or a test fails it). */
  failure: FineTuningJobError | null;
  /** Null when validation fails (the job never trains). */
  readonly plan: TrainingPlan | null;
  readonly fineTunedModel: string;
  /** Set for jobs put in by a test: returned as given, apart from status changes. */
  readonly given: { object: FineTuningJob; events: FineTuningJobEvent[]; checkpoints: FineTuningJobCheckpoint[] } | null;
  resultFileId: string | null;
  /** Sequential ids handed out the first time an event or checkpoint is read. */
  readonly activityIds: Map<string, string>;
  /** How long training takes in full (ms): metrics and checkpoints are spread over it. */
  readonly runningMs: number;
  /** The training step a planned failure happens at, if the job fails while running. */
  readonly failStep: number | null;
}
