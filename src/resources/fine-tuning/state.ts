import { badRequest, notFound } from '../../engine/api-error.js';
import { toSeconds } from '../../engine/clock.js';
import type { MockContext } from '../../engine/context.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { Timeline, type LifecycleState, type Phase } from '../../engine/lifecycle.js';
import type { FineTuningPhase } from '../../engine/config.js';
import { checkJobPlan, PlanBook, ReadCounter, stepTimeline, type JobPlan, type JobPlanTarget, type PlannedJobError } from '../../engine/scenario.js';
import type { FilesState } from '../files/state.js';
import { baseModel } from '../models/catalog.js';
import { jobActivity, type JobActivity } from './activity.js';
import type { CreateJobParams } from './create-params.js';
import { checkData } from './training-data.js';
import { methodHyperparameters, planTraining, resolveMethod, random, type TrainingPlan } from './training-plan.js';
import type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobError,
  FineTuningJobEvent,
  FineTuningJobStatus,
} from './types.js';

const ACTIVE: ReadonlySet<FineTuningJobStatus> = new Set(['validating_files', 'queued', 'running', 'paused']);

/** One job and everything needed to answer for it at any moment. */
export interface StoredJob {
  readonly id: string;
  readonly createdAt: number;
  readonly params: CreateJobParams;
  readonly seed: number;
  readonly timeline: Timeline<FineTuningJobStatus>;
  /** Why the job fails when its schedule ends in `failed` (or a test fails it). */
  failure: FineTuningJobError | null;
  /** Null when validation fails (the job never trains). */
  readonly plan: TrainingPlan | null;
  readonly fineTunedModel: string;
  /** Set for jobs put in by a test: returned as given, apart from status changes. */
  readonly seeded: { object: FineTuningJob; events: FineTuningJobEvent[]; checkpoints: FineTuningJobCheckpoint[] } | null;
  resultFileId: string | null;
  /** Sequential ids handed out the first time an event or checkpoint is read. */
  readonly activityIds: Map<string, string>;
  /** How long training takes in full (ms): metrics and checkpoints are spread over it. */
  readonly runningMs: number;
  /** The training step a planned failure happens at, if the job fails while running. */
  readonly failStep: number | null;
  /** Set in the read-counted mode: counts the job's reads through the API. */
  readonly reads: ReadCounter | null;
}

/** Fine-tuning jobs: creation rules, the timed lifecycle, events, checkpoints and results. */
export class JobsState {
  readonly #jobs = new Map<string, StoredJob>();
  readonly #plans = new PlanBook<JobPlan, JobPlanTarget>();

  constructor(
    private readonly ctx: MockContext,
    private readonly files: FilesState,
    private readonly modelExists: (id: string) => boolean = () => false,
  ) {}

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
    this.#checkModel(params);

    const createdAt = this.ctx.clock.now();
    const id = this.ctx.ids.nextFree('ftjob-', this.#jobs);
    const seed = params.seed ?? Math.floor(random(this.ctx.ids.nextNumber('ft-seed')) * 2_147_483_647);
    const legacy = /^(babbage|davinci)-002$/.test(params.model);
    const options = { method: params.method.type, legacy, minExamples: this.ctx.config().fineTuning.minExamples };
    const data = checkData(this.files.bytesOf(params.trainingFile)!, { ...options, file: 'training_file' });
    const validation =
      params.validationFile === null
        ? null
        : checkData(this.files.bytesOf(params.validationFile)!, { ...options, minExamples: 1, file: 'validation_file' });
    let failure = !data.ok ? data.error : validation && !validation.ok ? validation.error : null;
    const plan =
      failure === null && data.ok
        ? planTraining(methodHyperparameters(params.method), data, seed, params.validationFile !== null)
        : null;

    const scenario = this.#plans.take({
      model: params.model,
      training_file: params.trainingFile,
      validation_file: params.validationFile,
      suffix: params.suffix,
      metadata: params.metadata,
    });
    const reads = scenario?.advanceEveryReads === undefined ? null : new ReadCounter(scenario.advanceEveryReads);
    const t = { ...this.ctx.config().fineTuning.timings, ...scenario?.timings };
    /** The duration of a phase for this job: held phases (and all, when read-counted) last until stepped. */
    const ms = (phase: FineTuningPhase): number => (reads || scenario?.hold === phase ? Infinity : t[phase]);
    // A planned failure cuts the schedule at the end of its phase (a dataset that fails
    // validation fails there whatever the plan says).
    const failAt = plan ? scenario?.fail?.at ?? (scenario?.fail ? 'running' : null) : null;
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
    if (plan && scenario?.fail) {
      failure = { code: scenario.fail.code, message: scenario.fail.message, param: scenario.fail.param ?? null };
    }
    const phases: Phase<FineTuningJobStatus>[] = [{ status: 'validating_files', durationMs: ms('validating_files') }];
    if (plan && failAt !== 'validating_files') {
      phases.push({ status: 'queued', durationMs: ms('queued') });
      if (failAt !== 'queued') {
        const running = ms('running');
        phases.push({ status: 'running', durationMs: failStep === null ? running : running * (failStep / plan.totalSteps) });
      }
    }

    const job: StoredJob = {
      id,
      createdAt,
      params,
      seed,
      timeline: new Timeline(createdAt, phases, plan && failAt === null ? 'succeeded' : 'failed'),
      failure,
      plan,
      fineTunedModel: this.#modelName(params),
      seeded: null,
      resultFileId: null,
      activityIds: new Map(),
      runningMs: ms('running'),
      failStep,
      reads,
    };
    this.#jobs.set(id, job);
    return this.#toObject(job, job.timeline.initial());
  }

  /** Puts a job into the store as given; it holds its status until cancelled or paused. */
  seed(
    object: FineTuningJob,
    extras: { events?: FineTuningJobEvent[]; checkpoints?: FineTuningJobCheckpoint[] } = {},
  ): FineTuningJob {
    if (this.#jobs.has(object.id)) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_DUPLICATE_ID',
        `A fine-tuning job with id '${object.id}' already exists in the mock. Give the seeded job another id.`,
      );
    }
    const createdAt = object.created_at * 1000;
    // An active status is held until the test (or the code under test) acts on the job. A paused
    // job is a held `running` phase paused from the start, so that resume has something to continue.
    const held: FineTuningJobStatus = object.status === 'paused' ? 'running' : object.status;
    const phases: Phase<FineTuningJobStatus>[] = ACTIVE.has(object.status)
      ? [{ status: held, durationMs: Infinity }]
      : [];
    const timeline = new Timeline(createdAt, phases, object.status);
    if (object.status === 'paused') timeline.record({ type: 'pause', at: createdAt, status: 'paused' });
    this.#jobs.set(object.id, {
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
      seeded: { object, events: extras.events ?? [], checkpoints: extras.checkpoints ?? [] },
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
    this.#plans.add(checkJobPlan(plan));
  }

  /** Ends the job's current phase now (manual progression). */
  step(id: string): FineTuningJob {
    const job = this.#jobs.get(id);
    stepTimeline({ kind: 'fine-tuning job', collection: 'jobs' }, id, job?.timeline, this.ctx.clock.now(), job?.seeded != null);
    return this.#toObject(job!);
  }

  /** Fails an active job now with this error (its events and checkpoints stop where they are). */
  fail(id: string, error: PlannedJobError): FineTuningJob {
    const job = this.#jobs.get(id);
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

  /** Counts a read through the API of each of these jobs (the read-counted mode). */
  observe(ids: readonly string[]): void {
    const now = this.ctx.clock.now();
    for (const id of ids) {
      const job = this.#jobs.get(id);
      if (!job?.reads) continue;
      const state = job.timeline.at(now);
      if (state.terminal || state.paused) continue;
      if (job.reads.read()) job.timeline.record({ type: 'step', at: now });
    }
  }

  retrieve(id: string): FineTuningJob {
    return this.#toObject(this.#get(id));
  }

  find(id: string): FineTuningJob | undefined {
    const job = this.#jobs.get(id);
    return job && this.#toObject(job);
  }

  /** The job's lifecycle now: status, since when, and what comes next. */
  lifecycle(id: string): LifecycleState<FineTuningJobStatus> | undefined {
    return this.#jobs.get(id)?.timeline.at(this.ctx.clock.now());
  }

  /** Jobs newest first (by creation time, then by order of creation), as the list endpoint orders them. */
  list(): FineTuningJob[] {
    return [...this.#jobs.values()]
      .map((job, order) => ({ job, order }))
      .sort((a, b) => b.job.createdAt - a.job.createdAt || b.order - a.order)
      .map(({ job }) => this.#toObject(job));
  }

  ids(): string[] {
    return [...this.#jobs.keys()];
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
    return [...this.#jobs.values()].flatMap((job) => {
      const state = job.timeline.at(this.ctx.clock.now());
      if (state.status !== 'succeeded' || job.fineTunedModel === '') return [];
      const created = job.seeded?.object.finished_at ?? toSeconds(state.since);
      return [{ id: job.fineTunedModel, created }];
    });
  }

  /** Makes what a finished job leaves behind exist: its results file. */
  settle(): void {
    for (const job of this.#jobs.values()) this.#materialize(job);
  }

  reset(): void {
    this.#jobs.clear();
    this.#plans.reset();
  }

  #activity(job: StoredJob): JobActivity {
    const now = this.ctx.clock.now();
    if (job.seeded) {
      const events = job.seeded.events.filter((e) => e.created_at <= toSeconds(now));
      return { events, checkpoints: job.seeded.checkpoints, resultsCsv: '' };
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

  #checkModel(params: CreateJobParams): void {
    const unavailable = badRequest(
      `Model ${params.model} is not available for fine-tuning or does not exist.`,
      'model',
      'model_not_available',
    );
    if (params.model.startsWith('ft:')) {
      if (!this.modelExists(params.model)) throw unavailable;
      return;
    }
    const model = baseModel(params.model);
    if (!model || model.fineTuning.length === 0) throw unavailable;
    if (!model.fineTuning.includes(params.method.type)) {
      throw badRequest(
        `Model ${params.model} does not support the '${params.method.type}' fine-tuning method. Supported: ${model.fineTuning.join(', ')}.`,
        'method.type',
        'model_not_available',
      );
    }
  }

  #modelName(params: CreateJobParams): string {
    const base = params.model.startsWith('ft:')
      ? params.model.split(':')[1]!
      : (baseModel(params.model)?.snapshot ?? params.model);
    const short = `mock${String(this.ctx.ids.nextNumber('ft-model')).padStart(4, '0')}`;
    return `ft:${base}:${this.ctx.config().organization.slug}:${params.suffix ?? ''}:${short}`;
  }

  #get(id: string): StoredJob {
    const job = this.#jobs.get(id);
    if (!job) throw notFound(`Could not find fine-tuning job ${id}.`, 'fine_tuning_job_id');
    return job;
  }

  #status(job: StoredJob): FineTuningJobStatus {
    return job.timeline.at(this.ctx.clock.now()).status;
  }

  #materialize(job: StoredJob): void {
    if (job.seeded || !job.plan || job.resultFileId !== null) return;
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
    if (job.seeded) {
      // A seeded job keeps its fields, apart from what a cancel, pause or `jobs.fail()` changed.
      const failedNow = status === 'failed' && job.seeded.object.status !== 'failed';
      return { ...job.seeded.object, status, ...(failedNow ? { error: job.failure, finished_at: toSeconds(state.since) } : {}) };
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
