import { toSeconds } from '../../engine/clock.js';
import type { LifecycleState } from '../../engine/lifecycle.js';
import type { StoredJob } from './record.js';
import { metricsAt, type TrainingPlan } from './training-plan.js';
import type { FineTuningJobCheckpoint, FineTuningJobEvent, FineTuningJobStatus } from './types.js';

/** What a job has produced so far: events and checkpoints (oldest first) and its results CSV. */
export interface JobActivity {
  readonly events: FineTuningJobEvent[];
  readonly checkpoints: FineTuningJobCheckpoint[];
  readonly resultsCsv: string;
}

/** Hands out the id of an event or checkpoint, stable per key. */
export type ActivityIds = (key: string, prefix: 'ftevent-' | 'ftckpt_') => string;

/** At most this many metrics events a job: one a step, thinned out evenly for long jobs. */
const MAX_METRICS_EVENTS = 100;

/**
 * Derives a job's events and checkpoints from its lifecycle as it stands, so they follow the
 * clock like the status does: metrics appear as training progresses, a pause shifts them, a
 * cancel cuts them off.
 */
export function jobActivity(
  job: StoredJob,
  state: LifecycleState<FineTuningJobStatus>,
  now: number,
  idFor: ActivityIds,
): JobActivity {
  const entries: { at: number; key: string; level: FineTuningJobEvent['level']; message: string; type?: 'metrics'; data?: Record<string, unknown> }[] = [];
  const say = (at: number, key: string, message: string, level: FineTuningJobEvent['level'] = 'info'): void => {
    entries.push({ at, key, level, message });
  };
  const { params } = job;
  say(job.createdAt, 'created', `Created fine-tuning job: ${job.id}`);
  say(
    job.createdAt,
    'validating',
    params.validationFile === null
      ? `Validating training file: ${params.trainingFile}`
      : `Validating training file: ${params.trainingFile} and validation file: ${params.validationFile}`,
  );

  const running = runningTime(job, state, now);
  let pauses = 0;
  for (const [i, t] of state.history.entries()) {
    const previous = state.history[i - 1]?.status;
    switch (t.status) {
      case 'queued':
        say(t.at, 'validated', 'Files validated, moving job to queued state');
        break;
      case 'running':
        if (previous === 'paused') say(t.at, `resumed:${pauses}`, 'Fine-tuning job resumed');
        else say(t.at, 'started', 'Fine-tuning job started');
        break;
      case 'paused':
        pauses += 1;
        say(t.at, `paused:${pauses}`, 'Fine-tuning job paused');
        break;
      case 'succeeded':
        say(t.at, 'model', `New fine-tuned model created: ${job.fineTunedModel}`);
        say(t.at, 'completed', 'The job has successfully completed');
        break;
      case 'failed':
        say(t.at, 'failed', job.failure?.message ?? 'The job failed.', 'error');
        break;
      case 'cancelled':
        say(t.at, 'cancelled', 'Fine-tuning job cancelled');
        break;
      default:
        break;
    }
  }

  const plan = job.plan;
  const checkpoints: FineTuningJobCheckpoint[] = [];
  if (plan) {
    for (const step of metricSteps(plan, job.failStep)) {
      const at = running(step / plan.totalSteps);
      if (at === null) break;
      const metrics = metricsAt(plan, step);
      entries.push({
        at,
        key: `metrics:${step}`,
        level: 'info',
        type: 'metrics',
        message: `Step ${step}/${plan.totalSteps}: training loss=${metrics.train_loss.toFixed(4)}`,
        data: { step, total_steps: plan.totalSteps, ...metrics },
      });
    }
    for (let epoch = Math.max(1, plan.epochs - 2); epoch <= plan.epochs; epoch++) {
      const step = plan.stepsPerEpoch * epoch;
      const at = running(step / plan.totalSteps);
      if (at === null || (epoch === plan.epochs && state.status !== 'succeeded')) break;
      const metrics = metricsAt(plan, step);
      checkpoints.push({
        id: idFor(`checkpoint:${step}`, 'ftckpt_'),
        object: 'fine_tuning.job.checkpoint',
        created_at: toSeconds(at),
        fine_tuned_model_checkpoint: `${job.fineTunedModel}:ckpt-step-${step}`,
        fine_tuning_job_id: job.id,
        step_number: step,
        metrics: {
          step,
          ...metrics,
          ...(metrics.valid_loss === undefined
            ? {}
            : { full_valid_loss: metrics.valid_loss, full_valid_mean_token_accuracy: metrics.valid_mean_token_accuracy }),
        },
      });
    }
  }

  // At one instant, training output comes before the terminal messages that close the job.
  const TERMINAL = new Set(['model', 'completed', 'failed', 'cancelled']);
  const order = (e: { key: string }): number => (TERMINAL.has(e.key) ? 1 : 0);
  entries.sort((a, b) => a.at - b.at || order(a) - order(b));
  const events = entries.map<FineTuningJobEvent>((e) => ({
    id: idFor(`event:${e.key}`, 'ftevent-'),
    object: 'fine_tuning.job.event',
    created_at: toSeconds(e.at),
    level: e.level,
    message: e.message,
    type: e.type ?? 'message',
    data: e.data ?? {},
  }));
  return { events, checkpoints, resultsCsv: plan ? resultsCsv(plan) : '' };
}

/** Steps that get a metrics event: all of them, or an even sample ending on the last. */
function metricSteps(plan: TrainingPlan, failStep: number | null): number[] {
  const every = Math.max(1, Math.ceil(plan.totalSteps / MAX_METRICS_EVENTS));
  const steps: number[] = [];
  for (let s = every; s < plan.totalSteps; s += every) steps.push(s);
  steps.push(plan.totalSteps);
  // The step a job fails at always gets its metrics event, sampled or not.
  if (failStep !== null && !steps.includes(failStep)) steps.push(failStep);
  return steps.sort((x, y) => x - y);
}

/**
 * Maps training progress (0–1) to the moment on the clock it was reached, counting only time
 * spent `running` (a pause stops the count); null if it has not been reached (yet). Training is
 * spread over the job's full running time, so a job that fails at a step has reached exactly the
 * steps before it. When the running phase ended early (stepped by the test, or held with no
 * duration), the steps it did not reach in time are stamped at its end.
 */
function runningTime(
  job: StoredJob,
  state: LifecycleState<FineTuningJobStatus>,
  now: number,
): (progress: number) => number | null {
  const duration = job.runningMs;
  const segments: [number, number][] = [];
  state.history.forEach((t, i) => {
    if (t.status === 'running') segments.push([t.at, state.history[i + 1]?.at ?? Infinity]);
  });
  const left = state.status === 'succeeded' || (state.status === 'failed' && job.failStep !== null);
  const endedAt = left ? (segments.at(-1)?.[1] ?? null) : null;
  const reach = job.plan && job.failStep !== null ? job.failStep / job.plan.totalSteps : 1;
  return (progress) => {
    if (progress > reach) return null;
    if (Number.isFinite(duration)) {
      let needed = duration * progress;
      for (const [start, end] of segments) {
        if (start + needed <= end) return start + needed <= now ? start + needed : null;
        needed -= end - start;
      }
    }
    return endedAt;
  };
}

function resultsCsv(plan: TrainingPlan): string {
  const rows = ['step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy'];
  for (let step = 1; step <= plan.totalSteps; step++) {
    const m = metricsAt(plan, step);
    rows.push(`${step},${m.train_loss},${m.train_mean_token_accuracy},${m.valid_loss ?? ''},${m.valid_mean_token_accuracy ?? ''}`);
  }
  return `${rows.join('\n')}\n`;
}
