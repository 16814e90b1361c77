import { Factory } from 'fishery';
import type { FineTuningJobEvent } from 'openai/resources/fine-tuning/jobs/jobs';
import { onAnyReset } from '../engine/active.js';
import { OpenAIMockError } from '../engine/errors.js';
import { createdAtFor, lossAt, seedId } from './shared.js';

export type { FineTuningJobEvent };

/**
 * Builds fine-tuning job events (`GET /v1/fine_tuning/jobs/{id}/events`).
 *
 * By default: an `info` message event "Fine-tuning job started", id `ftevent-seed000001`,
 * `ftevent-seed000002`… (restarting on every mock reset), `created_at` deterministic (see
 * `FACTORY_EPOCH`). Events belong to a job, so they reach the mock with it:
 * `fineTuningJobFactory.create({}, { transient: { events } })`. Their own `create()` throws.
 *
 * @example
 * const events = [
 *   fineTuningJobEventFactory.build({ message: 'Fine-tuning job started' }),
 *   fineTuningJobEventFactory.metrics(10, 30).build(),
 * ];
 * const job = await fineTuningJobFactory.running().create({}, { transient: { events } });
 */
export class FineTuningJobEventFactory extends Factory<FineTuningJobEvent> {
  /**
   * A `metrics` event for training step `step` of `totalSteps`, as the API emits while a job
   * runs: message `Step 10/30: training loss=0.4210`, `data` with `step`, `total_steps`,
   * `train_loss` and `train_mean_token_accuracy` (a loss that falls as training progresses).
   */
  metrics(step: number, totalSteps: number) {
    if (!Number.isInteger(step) || !Number.isInteger(totalSteps) || step < 1 || step > totalSteps) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `fineTuningJobEventFactory.metrics(${String(step)}, ${String(totalSteps)}): pass whole numbers with 1 ≤ step ≤ totalSteps.`,
      );
    }
    const metrics = lossAt(step, totalSteps);
    return this.params({
      type: 'metrics',
      level: 'info',
      message: `Step ${step}/${totalSteps}: training loss=${metrics.train_loss.toFixed(4)}`,
      data: { step, total_steps: totalSteps, ...metrics },
    });
  }

  /** A `warn`-level message event. */
  warn(message = 'Training file contains examples longer than the context window; they will be truncated.') {
    return this.params({ level: 'warn', type: 'message', message });
  }

  /** An `error`-level message event, as a job logs when it fails. */
  error(message = 'The job failed due to an invalid training file. Invalid file format.') {
    return this.params({ level: 'error', type: 'message', message });
  }
}

export const fineTuningJobEventFactory = FineTuningJobEventFactory.define(({ sequence }): FineTuningJobEvent => ({
  id: seedId('ftevent-', sequence),
  object: 'fine_tuning.job.event',
  created_at: createdAtFor(sequence),
  level: 'info',
  message: 'Fine-tuning job started',
  type: 'message',
  data: {},
})).onCreate((event) => {
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
    `Event '${event.id}' cannot be created on its own: the API only lists events of a job. ` +
      'Build it and seed it with its job: fineTuningJobFactory.create({}, { transient: { events: [event] } }).',
  );
});

onAnyReset(() => fineTuningJobEventFactory.rewindSequence());
