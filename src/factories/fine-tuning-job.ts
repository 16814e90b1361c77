import { Factory } from 'fishery';
import type { FineTuningJobCheckpoint } from 'openai/resources/fine-tuning/jobs/checkpoints';
import type { FineTuningJob, FineTuningJobEvent } from 'openai/resources/fine-tuning/jobs/jobs';
import { onAnyReset } from '../engine/active.js';
import { builtFile, fileFactory } from './file.js';
import { fineTuningJobEventFactory } from './fine-tuning-job-event.js';
import { seedJob, seedMissingFiles } from './seed.js';
import {
  createdAtFor,
  DEFAULT_BASE_MODEL,
  DEFAULT_ORGANIZATION_ID,
  fineTunedModelName,
  modelShortId,
  seedId,
} from './shared.js';

export type { FineTuningJob };

/**
 * A job's status. `paused` is a real status (the pause endpoint returns it) that the official
 * SDK's `FineTuningJob['status']` does not list yet.
 */
export type FineTuningJobStatus = FineTuningJob['status'] | 'paused';

/** Transient params of {@link fineTuningJobFactory}: what `create()` seeds along with the job. */
export interface FineTuningJobTransientParams {
  /**
   * Events seeded with the job, in any order (they are sorted by `created_at`; the API lists
   * them newest first). Default: the lifecycle messages the job's status implies ("Created
   * fine-tuning job…", "Validating training file…", … "The job has successfully completed").
   * Pass `[]` for none. The mock lists an event once its `created_at` is reached on its clock,
   * so a test that sets the system time before the events' timestamps sees them later.
   */
  events: FineTuningJobEvent[];
  /** Checkpoints seeded with the job, in any order (sorted by step). Default: none. */
  checkpoints: FineTuningJobCheckpoint[];
  /** The suffix in the `fine_tuned_model` name (`ft:…:openai-mock:{suffix}:seed0001`). Default: none. */
  suffix: string;
}

/**
 * Offsets (s) from `created_at` at which a factory job changed status: the same schedule the
 * mock's own jobs follow by default (validating 2 s, queued 2 s, running 6 s).
 */
const SCHEDULE = { queued: 2, running: 4, finished: 10 } as const;
/** What the mock resolves `"auto"` to for a small dataset. */
const RESOLVED_HYPERPARAMETERS = { batch_size: 1, learning_rate_multiplier: 1.8, n_epochs: 3 };
const AUTO_HYPERPARAMETERS = { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' } as const;
/** Tokens a factory job trained on when it succeeds (3 epochs of a small dataset). */
const TRAINED_TOKENS = 5_214;
/** Statuses reached only once the files were validated (hyperparameters resolved by then). */
const VALIDATED: ReadonlySet<FineTuningJobStatus> = new Set(['queued', 'running', 'paused', 'succeeded', 'cancelled']);

/** The error of a `.failed()` job by default: its training file did not validate. */
export function invalidTrainingFileError(trainingFile: string): FineTuningJob.Error {
  return {
    code: 'invalid_training_file',
    message: `The job failed due to an invalid training file. Invalid file format. Input file ${trainingFile} is in the incorrect format.`,
    param: 'training_file',
  };
}

/**
 * Builds fine-tuning jobs (`GET /v1/fine_tuning/jobs/{id}`), and with `create()` stores them in
 * the active mock, where they keep their status: a `.running().create()` job stays `running`
 * until the code under test cancels or pauses it; a `.succeeded()` job's `fine_tuned_model` is
 * listed by `GET /v1/models`.
 *
 * By default: a `validating_files` supervised job on `gpt-4o-mini-2024-07-18`, id
 * `ftjob-seed000001`, `ftjob-seed000002`… (the sequence restarts on every mock reset), with
 * fields consistent with its status (set by the traits): `hyperparameters` resolved once
 * validated, `estimated_finish` while running, `fine_tuned_model`, `finished_at`,
 * `trained_tokens` and `result_files` once succeeded, `error` once failed. Timestamps are
 * deterministic (see `FACTORY_EPOCH`) and follow the mock's default schedule from
 * `created_at`: queued at +2 s, running at +4 s, finished at +10 s.
 *
 * Associations: without a `training_file`, the job gets a fine-tune file built by
 * {@link fileFactory}; a succeeded job gets a results file the same way. On `create()`, every
 * file the job names that the file factory built (its own or one you pass as
 * `training_file: file.id`) and that the mock does not hold yet is seeded first, so
 * `client.files.retrieve(job.training_file)` works.
 *
 * @example
 * const job = await fineTuningJobFactory.succeeded().create();
 * (await client.models.list()).data.some((m) => m.id === job.fine_tuned_model); // true
 *
 * @example
 * const file = await fileFactory.create();
 * await fineTuningJobFactory.running().create({ training_file: file.id }, {
 *   transient: { events: [fineTuningJobEventFactory.metrics(5, 30).build()] },
 * });
 */
export class FineTuningJobFactory extends Factory<FineTuningJob, FineTuningJobTransientParams> {
  /** `status: 'validating_files'` (the default): just created, hyperparameters still `"auto"`. */
  validatingFiles() {
    return this.withStatus('validating_files');
  }

  /** `status: 'queued'`: files validated, hyperparameters resolved, waiting to train. */
  queued() {
    return this.withStatus('queued');
  }

  /** `status: 'running'`, with `estimated_finish`. */
  running() {
    return this.withStatus('running');
  }

  /**
   * `status: 'paused'` (the SDK's status type lacks it, though the API returns it; the object's
   * `status` is typed as the SDK declares it).
   */
  paused() {
    return this.withStatus('paused');
  }

  /**
   * `status: 'succeeded'`: `fine_tuned_model` (`ft:gpt-4o-mini-2024-07-18:openai-mock::seed0001`),
   * `finished_at`, `trained_tokens` and one `result_files` entry (a `fine-tune-results` file).
   */
  succeeded() {
    return this.withStatus('succeeded');
  }

  /**
   * `status: 'failed'` with `error` (default `{ code: 'invalid_training_file', message,
   * param: 'training_file' }`; fields you pass replace those). `finished_at` stays null, as for
   * jobs that fail validation.
   */
  failed(error?: Partial<FineTuningJob.Error>) {
    return this.params({ status: 'failed', ...(error ? { error } : {}) });
  }

  /** `status: 'cancelled'`. */
  cancelled() {
    return this.withStatus('cancelled');
  }

  private withStatus(status: FineTuningJobStatus) {
    return this.params({ status: status as FineTuningJob['status'] });
  }
}

export const fineTuningJobFactory = FineTuningJobFactory.define(
  ({ sequence, params, transientParams, onCreate }): FineTuningJob => {
    const id = params.id ?? seedId('ftjob-', sequence);
    const status: FineTuningJobStatus = params.status ?? 'validating_files';
    const createdAt = params.created_at ?? createdAtFor(sequence);
    const model = params.model ?? DEFAULT_BASE_MODEL;
    const finishedAt = createdAt + SCHEDULE.finished;
    const succeeded = status === 'succeeded';
    const trainingFile = params.training_file ?? fileFactory.build({ purpose: 'fine-tune', created_at: createdAt }).id;
    const resultFiles = succeeded
      ? (params.result_files ?? [
          fileFactory.build({ purpose: 'fine-tune-results', created_at: finishedAt }).id,
        ])
      : [];
    // Hyperparameters you pass show in `method` too, as the API echoes them in both places.
    const hyperparameters = {
      ...(VALIDATED.has(status) ? RESOLVED_HYPERPARAMETERS : AUTO_HYPERPARAMETERS),
      ...params.hyperparameters,
    };
    const methodType = params.method?.type ?? 'supervised';
    const methodHyperparameters =
      methodType === 'dpo' ? { ...hyperparameters, beta: VALIDATED.has(status) ? 0.1 : 'auto' } : hyperparameters;

    onCreate((job) => {
      seedMissingFiles(
        [job.training_file, job.validation_file, ...job.result_files].flatMap((fileId) => {
          const built = fileId ? builtFile(fileId) : undefined;
          return built ? [built] : [];
        }),
      );
      return seedJob(job, transientParams.events ?? lifecycleEvents(job), transientParams.checkpoints ?? []);
    });

    return {
      id,
      object: 'fine_tuning.job',
      created_at: createdAt,
      error: status === 'failed' ? invalidTrainingFileError(trainingFile) : null,
      fine_tuned_model: succeeded ? fineTunedModelName(model, modelShortId(id), transientParams.suffix) : null,
      finished_at: succeeded ? finishedAt : null,
      hyperparameters,
      model,
      organization_id: DEFAULT_ORGANIZATION_ID,
      result_files: resultFiles,
      seed: jobSeed(sequence),
      status: status as FineTuningJob['status'],
      trained_tokens: succeeded ? TRAINED_TOKENS : null,
      training_file: trainingFile,
      validation_file: null,
      estimated_finish: status === 'running' ? finishedAt : null,
      integrations: [],
      metadata: null,
      method: { type: methodType, [methodType]: { hyperparameters: methodHyperparameters } },
    };
  },
);

onAnyReset(() => fineTuningJobFactory.rewindSequence());

/** A deterministic seed in the API's range (0–2147483647), different for each job. */
function jobSeed(sequence: number): number {
  return (sequence * 1_103_515_245 + 12_345) % 2_147_483_647;
}

/** The message events a job in this state has logged, oldest first. */
function lifecycleEvents(job: FineTuningJob): FineTuningJobEvent[] {
  const status = job.status as FineTuningJobStatus;
  const c = job.created_at;
  const event = (at: number, message: string, level: FineTuningJobEvent['level'] = 'info') =>
    fineTuningJobEventFactory.build({ created_at: at, message, level, type: 'message', data: {} });
  const events = [
    event(c, `Created fine-tuning job: ${job.id}`),
    event(
      c,
      job.validation_file
        ? `Validating training file: ${job.training_file} and validation file: ${job.validation_file}`
        : `Validating training file: ${job.training_file}`,
    ),
  ];
  if (status === 'failed') {
    events.push(event(c + SCHEDULE.queued, job.error?.message ?? 'The job failed.', 'error'));
    return events;
  }
  if (status === 'validating_files') return events;
  events.push(event(c + SCHEDULE.queued, 'Files validated, moving job to queued state'));
  if (status === 'queued') return events;
  events.push(event(c + SCHEDULE.running, 'Fine-tuning job started'));
  const midway = c + Math.floor((SCHEDULE.running + SCHEDULE.finished) / 2);
  if (status === 'paused') events.push(event(midway, 'Fine-tuning job paused'));
  if (status === 'cancelled') events.push(event(midway, 'Fine-tuning job cancelled'));
  if (status === 'succeeded') {
    const at = job.finished_at ?? c + SCHEDULE.finished;
    events.push(event(at, `New fine-tuned model created: ${job.fine_tuned_model ?? ''}`));
    events.push(event(at, 'The job has successfully completed'));
  }
  return events;
}
