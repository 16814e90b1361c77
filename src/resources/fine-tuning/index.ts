import { jsonPerObject } from '../../engine/inspect.js';
import { defineResource } from '../../engine/resource.js';
import { filesResource } from '../files/index.js';
import { modelsResource } from '../models/index.js';
import { jobsCollection, type JobsCollection } from './collection.js';
import { fineTuningConfig, type FineTuningConfig, type FineTuningOptions } from './options.js';
import { fineTuningRoutes } from './routes.js';
import { JobsState } from './state.js';
import type { FineTuningJob, FineTuningJobCheckpoint, FineTuningJobEvent } from './types.js';

/** What fine-tuning adds to `openaiMock`. */
export interface FineTuningSurface {
  /** Fine-tuning jobs, each as `GET /v1/fine_tuning/jobs/{id}` would return it now. */
  readonly jobs: JobsCollection;
}

/** What it adds to `openaiMock.seed`. */
export interface FineTuningSeed {
  /** Stores a fine-tuning job with, optionally, its events and checkpoints. */
  job(
    object: FineTuningJob,
    extras?: { events?: FineTuningJobEvent[]; checkpoints?: FineTuningJobCheckpoint[] },
  ): FineTuningJob;
}

/**
 * Fine-tuning (`/v1/fine_tuning/jobs`): jobs that validate their files, queue, train with
 * metrics, events and checkpoints, and succeed with a model (listed by the models resource) and
 * a results file (a file of the files resource). Inspection writes `job_metadata/<id>.json`.
 */
export const fineTuningResource = defineResource({
  name: 'fine-tuning',
  config: (options: FineTuningOptions, timing): FineTuningConfig => fineTuningConfig(options, timing),
  create: (context) => {
    const models = context.use(modelsResource).state;
    const jobs = new JobsState(context, context.use(filesResource).state, (id) => models.find(id) !== undefined);
    models.addSource(() => jobs.succeededModels());
    const surface: FineTuningSurface = { jobs: jobsCollection(jobs, context.settle) };
    const seed: FineTuningSeed = { job: (object, extras) => jobs.seed(object, extras) };
    return {
      state: jobs,
      routes: fineTuningRoutes(jobs),
      reset: () => jobs.reset(),
      settle: () => jobs.settle(),
      surface,
      seed,
      inspect: jsonPerObject('job_metadata', () => surface.jobs.all(), (job) => ({
        job,
        lifecycle: jobs.lifecycle(job.id),
        events: jobs.events(job.id),
        checkpoints: jobs.checkpoints(job.id),
      })),
    };
  },
});
