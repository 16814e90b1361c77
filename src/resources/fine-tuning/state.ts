import { badRequest, notFound } from '../../engine/api-error.js';
import { toSeconds } from '../../engine/clock.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { Timeline, type LifecycleState, type Phase } from '../../engine/lifecycle.js';
import type { MockContext } from '../../engine/resource.js';
import { LifecycleStore } from '../../engine/store.js';
import type { FilesState } from '../files/state.js';
import { jobActivity, type JobActivity } from './activity.js';
import { checkJobModel, fineTunedModelName } from './model-rules.js';
import type { FineTuningConfig } from './options.js';
import type { CreateJobParams } from './params.js';
import { checkJobPlan, type JobPlan, type JobPlanTarget, type PlannedJobError } from './plan.js';
import type { StoredJob } from './record.js';
import { jobSchedule } from './schedule.js';
import { checkData } from './training-data.js';
import { methodHyperparameters, planTraining, resolveMethod, random } from './training-plan.js';
import type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobEvent,
  FineTuningJobStatus,
} from './types.js';

const ACTIVE: ReadonlySet<FineTuningJobStatus> = new Set(['validating_files', 'queued', 'running', 'paused']);

/** Fine-tuning jobs: creation rules, the timed lifecycle, events, checkpoints and results. */
export class JobsState {
  readonly store: LifecycleStore<FineTuningJobStatus, StoredJob, JobPlan, JobPlanTarget>;

  constructor(
    private readonly ctx: MockContext<FineTuningConfig>,
    private readonly files: FilesState,
    private readonly modelExists: (id: string) => boolean = () => false,
  ) {
    this.store = new LifecycleStore(ctx.clock, ctx.ids, {
      names: { kind: 'fine-tuning job', collection: 'jobs', seededAs: 'job', resume: 'client.fineTuning.jobs.resume(id)' },
      checkPlan: checkJobPlan,
    });
  }

  /** Creates a job: checks synchronously what the API checks, decides its schedule up front. */
  create(params: CreateJobParams): FineTuningJob {
    const training = this.files.find(params.trainingFile);
    if (!training) throw badRequest(`invalid training_file: ${params.trainingFile}`, 'training_file');
    if (training.purpose !== 'fine-tune') {
      throw badRequest(
        `invalid training_file: ${params.trainingFile}. The file has purpose '${training.purpose}'; fine-tuning needs a file uploaded with purpose 'fine-tune'.`,
        'training_file',
      );
    }
    if (params.validationFile !== null && !this.files.find(params.validationFile)) {
      throw badRequest(`invalid validation_file: ${params.validationFile}`, 'validation_file');
    }
    checkJobModel(params, this.modelExists);

    const createdAt = this.ctx.clock.now();
    const id = this.store.nextId('ftjob-');
    const seed = params.seed ?? Math.floor(random(this.ctx.ids.nextNumber('ft-seed')) * 2_147_483_647);
    const legacy = /^(babbage|davinci)-002$/.test(params.model);
    const options = { method: params.method.type, legacy, minExamples: this.ctx.config().fineTuning.minExamples };
    const data = checkData(this.files.bytesOf(params.trainingFile)!, { ...options, file: 'training_file' });
    const validation =
      params.validationFile === null
        ? null
        : checkData(this.files.bytesOf(params.validationFile)!, { ...options, minExamples: 1, file: 'validation_file' });
    const dataFailure = !data.ok ? data.error : validation && !validation.ok ? validation.error : null;
    const plan =
      dataFailure === null && data.ok
        ? planTraining(methodHyperparameters(params.method), data, seed, params.validationFile !== null)
        : null;

    const scenario = this.store.takePlan({
      model: params.model,
      training_file: params.trainingFile,
      validation_file: params.validationFile,
      suffix: params.suffix,
      metadata: params.metadata,
    });
    const reads = this.store.counter(scenario);
    const schedule = jobSchedule(id, plan, scenario, { ...this.ctx.config().fineTuning.timings, ...scenario?.timings }, reads !== null);
    const failure = schedule.failure ?? dataFailure;

    const job = this.store.add({
      id,
      createdAt,
      params,
      seed,
      timeline: new Timeline(createdAt, schedule.phases, schedule.outcome),
      failure,
      plan,
      fineTunedModel: fineTunedModelName(params, this.ctx.config().organization.slug, this.ctx.ids.nextNumber('ft-model')),
      seeded: false,
      given: null,
      resultFileId: null,
      activityIds: new Map(),
      runningMs: schedule.runningMs,
      failStep: schedule.failStep,
      reads,
    });
    return this.#toObject(job, job.timeline.initial());
  }

  /** Puts a job into the store as given; it holds its status until cancelled or paused. */
  seed(
    object: FineTuningJob,
    extras: { events?: FineTuningJobEvent[]; checkpoints?: FineTuningJobCheckpoint[] } = {},
  ): FineTuningJob {
    const createdAt = object.created_at * 1000;
    // An active status is held until the test (or the code under test) acts on the job. A paused
    // job is a held `running` phase paused from the start, so that resume has something to continue.
    const held: FineTuningJobStatus = object.status === 'paused' ? 'running' : object.status;
    const phases: Phase<FineTuningJobStatus>[] = ACTIVE.has(object.status)
      ? [{ status: held, durationMs: Infinity }]
      : [];
    const timeline = new Timeline(createdAt, phases, object.status);
    if (object.status === 'paused') timeline.record({ type: 'pause', at: createdAt, status: 'paused' });
    this.store.seed({
      id: object.id,
      createdAt,
      params: {
        model: object.model,
        trainingFile: object.training_file,
        validationFile: object.validation_file,
        suffix: null,
        seed: object.seed,
        method: object.method,
        integrations: object.integrations,
        metadata: object.metadata,
      },
      seed: object.seed,
      timeline,
      failure: object.error,
      plan: null,
      fineTunedModel: object.fine_tuned_model ?? '',
      seeded: true,
      given: { object, events: extras.events ?? [], checkpoints: extras.checkpoints ?? [] },
      resultFileId: null,
      activityIds: new Map(),
      runningMs: Infinity,
      failStep: null,
      reads: null,
    });
    return this.retrieve(object.id);
  }

  /** Adds a plan for jobs the code under test will create (see `openaiMock.jobs.plan`). */
  plan(plan: JobPlan): void {
    this.store.plan(plan);
  }

  /** Ends the job's current phase now (manual progression). */
  step(id: string): FineTuningJob {
    return this.#toObject(this.store.step(id));
  }

  /** Fails an active job now with this error (its events and checkpoints stop where they are). */
  fail(id: string, error: PlannedJobError): FineTuningJob {
    const job = this.store.get(id);
    if (!job) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_UNKNOWN_OBJECT',
        `There is no fine-tuning job '${id}' in the mock. Fail an id the code under test got back from the API (openaiMock.jobs.all() lists them).`,
      );
    }
    checkJobPlan({ fail: error });
    const status = this.#status(job);
    if (!ACTIVE.has(status)) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_STEP',
        `The fine-tuning job '${id}' is '${status}', a final status: only a job still validating_files, queued, running or paused can be failed.`,
      );
    }
    job.failure = { code: error.code, message: error.message, param: error.param ?? null };
    job.timeline.record({ type: 'stop', at: this.ctx.clock.now(), status: 'failed' });
    return this.#toObject(job);
  }

  retrieve(id: string): FineTuningJob {
    return this.#toObject(this.#get(id));
  }

  find(id: string): FineTuningJob | undefined {
    const job = this.store.get(id);
    return job && this.#toObject(job);
  }

  /** The job's lifecycle now: status, since when, and what comes next. */
  lifecycle(id: string): LifecycleState<FineTuningJobStatus> | undefined {
    return this.store.lifecycle(id);
  }

  /** Jobs newest first (by creation time, then by order of creation), as the list endpoint orders them. */
  list(): FineTuningJob[] {
    return this.store.sorted('desc').map((job) => this.#toObject(job));
  }

  ids(): string[] {
    return this.store.ids();
  }

  cancel(id: string): FineTuningJob {
    const job = this.#get(id);
    const status = this.#status(job);
    if (!ACTIVE.has(status)) {
      throw badRequest(`Cannot cancel job ${id}: it has already ${status === 'cancelled' ? 'been cancelled' : status}.`, null, 'invalid_job_status');
    }
    job.timeline.record({ type: 'stop', at: this.ctx.clock.now(), status: 'cancelled' });
    return this.#toObject(job);
  }

  pause(id: string): FineTuningJob {
    const job = this.#get(id);
    const status = this.#status(job);
    if (status !== 'running') {
      throw badRequest(`Cannot pause job ${id}: only a running job can be paused, and its status is '${status}'.`, null, 'invalid_job_status');
    }
    job.timeline.record({ type: 'pause', at: this.ctx.clock.now(), status: 'paused' });
    return this.#toObject(job);
  }

  resume(id: string): FineTuningJob {
    const job = this.#get(id);
    const status = this.#status(job);
    if (status !== 'paused') {
      throw badRequest(`Cannot resume job ${id}: only a paused job can be resumed, and its status is '${status}'.`, null, 'invalid_job_status');
    }
    job.timeline.record({ type: 'resume', at: this.ctx.clock.now() });
    return this.#toObject(job);
  }

  /** Events newest first. */
  events(id: string): FineTuningJobEvent[] {
    return this.#activity(this.#get(id)).events.slice().reverse();
  }

  /** Checkpoints newest (highest step) first. */
  checkpoints(id: string): FineTuningJobCheckpoint[] {
    return this.#activity(this.#get(id)).checkpoints.slice().reverse();
  }

  /** Fine-tuned models of the jobs that have succeeded, with when they appeared (s). */
  succeededModels(): { id: string; created: number }[] {
    this.settle();
    return this.store.live().flatMap((job) => {
      const state = job.timeline.at(this.ctx.clock.now());
      if (state.status !== 'succeeded' || job.fineTunedModel === '') return [];
      const created = job.given?.object.finished_at ?? toSeconds(state.since);
      return [{ id: job.fineTunedModel, created }];
    });
  }

  /** Makes what a finished job leaves behind exist: its results file. */
  settle(): void {
    for (const job of this.store.live()) this.#materialize(job);
  }

  reset(): void {
    this.store.reset();
  }

  #activity(job: StoredJob): JobActivity {
    const now = this.ctx.clock.now();
    if (job.given) {
      const events = job.given.events.filter((e) => e.created_at <= toSeconds(now));
      return { events, checkpoints: job.given.checkpoints, resultsCsv: '' };
    }
    return jobActivity(job, job.timeline.at(now), now, (key, prefix) => {
      let activityId = job.activityIds.get(key);
      if (!activityId) {
        activityId = this.ctx.ids.next(prefix);
        job.activityIds.set(key, activityId);
      }
      return activityId;
    });
  }

  #get(id: string): StoredJob {
    const job = this.store.get(id);
    if (!job) throw notFound(`Could not find fine-tuning job ${id}.`, 'fine_tuning_job_id');
    return job;
  }

  #status(job: StoredJob): FineTuningJobStatus {
    return job.timeline.at(this.ctx.clock.now()).status;
  }

  #materialize(job: StoredJob): void {
    if (job.given || !job.plan || job.resultFileId !== null) return;
    const state = job.timeline.at(this.ctx.clock.now());
    if (state.status !== 'succeeded') return;
    const csv = this.#activity(job).resultsCsv;
    const file = this.files.create(
      {
        filename: 'step_metrics.csv',
        purpose: 'fine-tune-results',
        content: new TextEncoder().encode(Buffer.from(csv).toString('base64')),
        createdAt: state.since,
      },
      'system',
    );
    job.resultFileId = file.id;
  }

  /** The job as the API returns it: as it stands now, or in the given state (a create response). */
  #toObject(job: StoredJob, state: LifecycleState<FineTuningJobStatus> = job.timeline.at(this.ctx.clock.now())): FineTuningJob {
    this.#materialize(job);
    const { status } = state;
    if (job.given) {
      // A seeded job keeps its fields, apart from what a cancel, pause or `jobs.fail()` changed.
      const failedNow = status === 'failed' && job.given.object.status !== 'failed';
      return { ...job.given.object, status, ...(failedNow ? { error: job.failure, finished_at: toSeconds(state.since) } : {}) };
    }
    const { plan, params } = job;
    // Hyperparameters resolve once validation has passed (the job has been queued).
    const trained = plan !== null && state.history.some((h) => h.status === 'queued');
    const method = trained ? resolveMethod(params.method, plan) : params.method;
    const hp = trained ? methodHyperparameters(method) : methodHyperparameters(params.method);
    const succeeded = status === 'succeeded';
    return {
      id: job.id,
      object: 'fine_tuning.job',
      created_at: toSeconds(job.createdAt),
      error: status === 'failed' ? job.failure : null,
      fine_tuned_model: succeeded ? job.fineTunedModel : null,
      finished_at:
        succeeded || (status === 'failed' && plan !== null && state.history.some((h) => h.status === 'queued'))
          ? toSeconds(state.since)
          : null,
      hyperparameters: { batch_size: hp.batch_size, learning_rate_multiplier: hp.learning_rate_multiplier, n_epochs: hp.n_epochs },
      model: params.model,
      organization_id: this.ctx.config().organization.id,
      result_files: succeeded && job.resultFileId ? [job.resultFileId] : [],
      seed: job.seed,
      status,
      trained_tokens: succeeded && plan ? plan.trainedTokens : null,
      training_file: params.trainingFile,
      validation_file: params.validationFile,
      estimated_finish: status === 'running' && state.next ? toSeconds(state.next.at) : null,
      integrations: params.integrations,
      metadata: params.metadata,
      method,
    };
  }
}
