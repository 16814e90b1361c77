import { Factory } from 'fishery';
import type { FineTuningJobCheckpoint } from 'openai/resources/fine-tuning/jobs/checkpoints';
import type { FineTuningJob } from 'openai/resources/fine-tuning/jobs/jobs';
import { onAnyReset } from '../engine/active.js';
import { OpenAIMockError } from '../engine/errors.js';
import { createdAtFor, DEFAULT_BASE_MODEL, fineTunedModelName, lossAt, modelShortId, seedId } from './shared.js';

export type { FineTuningJobCheckpoint };

/** Transient params of {@link fineTuningCheckpointFactory}. */
export interface FineTuningCheckpointTransientParams {
  /**
   * The fine-tuned model the checkpoint snapshots: `fine_tuned_model_checkpoint` is
   * `{fineTunedModel}:ckpt-step-{step_number}`. Default: the model of the job it belongs to.
   */
  fineTunedModel: string;
  /** Steps in the whole training run, for the metrics curve. Default: at least 30. */
  totalSteps: number;
}

/**
 * Builds fine-tuning checkpoints (`GET /v1/fine_tuning/jobs/{id}/checkpoints`).
 *
 * By default: checkpoint `ftckpt_seed000001` of job `ftjob-seed000001` (the first job the job
 * factory builds) at step 10, then 20, 30… with each build (the sequence restarts on every mock
 * reset). Metrics follow a falling loss curve; `created_at` is deterministic (see
 * `FACTORY_EPOCH`). Checkpoints reach the mock with their job:
 * `fineTuningJobFactory.create({}, { transient: { checkpoints } })`; their own `create()` throws.
 *
 * @example
 * const job = fineTuningJobFactory.succeeded().build();
 * const checkpoints = [1, 2, 3].map((epoch) => fineTuningCheckpointFactory.forJob(job).build({ step_number: epoch * 10 }));
 * await fineTuningJobFactory.create(job, { transient: { checkpoints } });
 */
export class FineTuningCheckpointFactory extends Factory<FineTuningJobCheckpoint, FineTuningCheckpointTransientParams> {
  /** Belongs to `job`: its id, and checkpoint names derived from its (future) fine-tuned model. */
  forJob(job: Pick<FineTuningJob, 'id' | 'model' | 'fine_tuned_model'>) {
    return this.params({ fine_tuning_job_id: job.id }).transient({
      fineTunedModel: job.fine_tuned_model ?? fineTunedModelName(job.model, modelShortId(job.id)),
    });
  }
}

export const fineTuningCheckpointFactory = FineTuningCheckpointFactory.define(
  ({ sequence, params, transientParams }): FineTuningJobCheckpoint => {
    const jobId = params.fine_tuning_job_id ?? seedId('ftjob-', 1);
    const step = params.step_number ?? sequence * 10;
    const totalSteps = transientParams.totalSteps ?? Math.max(step, 30);
    const model = transientParams.fineTunedModel ?? fineTunedModelName(DEFAULT_BASE_MODEL, modelShortId(jobId));
    return {
      id: seedId('ftckpt_', sequence),
      object: 'fine_tuning.job.checkpoint',
      created_at: createdAtFor(sequence),
      fine_tuned_model_checkpoint: `${model}:ckpt-step-${step}`,
      fine_tuning_job_id: jobId,
      step_number: step,
      metrics: { step, ...lossAt(step, totalSteps) },
    };
  },
).onCreate((checkpoint) => {
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
    `Checkpoint '${checkpoint.id}' cannot be created on its own: the API only lists checkpoints of a job. ` +
      'Build it and seed it with its job: fineTuningJobFactory.create({}, { transient: { checkpoints: [checkpoint] } }).',
  );
});

onAnyReset(() => fineTuningCheckpointFactory.rewindSequence());
