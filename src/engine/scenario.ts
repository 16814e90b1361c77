/**
 * Scenario control: plans for objects the code under test has yet to create (their timings,
 * their outcome, whether they wait for the test), and the read counter of the read-counted mode.
 *
 * A plan is chosen once, when the object is created, and becomes part of its schedule: the
 * object's status is still computed from its timeline when read, so nothing runs in between.
 */
import type { BatchPhase, FineTuningPhase } from './config.js';
import { OpenAIMockError } from './errors.js';
import type { LifecycleState, Timeline } from './lifecycle.js';

/** The create parameters a job plan's `match` sees, named as in the request body. */
export interface JobPlanTarget {
  readonly model: string;
  readonly training_file: string;
  readonly validation_file: string | null;
  readonly suffix: string | null;
  readonly metadata: Readonly<Record<string, string>> | null;
}

/** The error a planned job fails with, as it appears in the job's `error`. */
export interface PlannedJobError {
  readonly code: string;
  readonly message: string;
  /** Default null. */
  readonly param?: string | null;
}

/** Where a planned job fails: at the end of a phase, or while running, once a training step is done. */
export type JobFailurePoint = FineTuningPhase | { readonly step: number };

/** What the fine-tuning jobs a plan applies to do. See `openaiMock.jobs.plan()`. */
export interface JobPlan {
  /** Which jobs the plan is for: every job when left out. */
  readonly match?: (params: JobPlanTarget) => boolean;
  /** How many jobs the plan applies to before it is used up. Default: every matching job. */
  readonly times?: number;
  /** Phase durations in ms for these jobs, over the configured ones (`Infinity` holds a phase). */
  readonly timings?: Partial<Record<FineTuningPhase, number>>;
  /** Keeps the job in this phase until the test calls `openaiMock.jobs.step(id)`. */
  readonly hold?: FineTuningPhase;
  /**
   * Read-counted progression: the job moves one status further on every `n`-th read through the
   * API (retrieve, list, events, checkpoints), not on the clock.
   */
  readonly advanceEveryReads?: number;
  /**
   * Fails the job with this error. `at` is the phase at whose end it fails (default `'running'`),
   * or `{ step: n }`: it fails while running, once step `n` of training is done.
   */
  readonly fail?: PlannedJobError & { readonly at?: JobFailurePoint };
}

/** The create parameters a batch plan's `match` sees, named as in the request body. */
export interface BatchPlanTarget {
  readonly input_file_id: string;
  readonly endpoint: string;
  readonly completion_window: string;
  readonly metadata: Readonly<Record<string, string>> | null;
}

/** One validation error of a planned failed batch (an entry of the batch's `errors.data`). */
export interface PlannedBatchError {
  readonly code: string;
  readonly message: string;
  /** Default null. */
  readonly param?: string | null;
  /** Default null. */
  readonly line?: number | null;
}

/** Requests of a batch that fail, with the status and error their error-file line carries. */
export interface PlannedRequestFailure {
  /** The `custom_id`s that fail, or a function of each request's `custom_id` and `body`. */
  readonly customIds: readonly string[] | ((customId: string, body: Readonly<Record<string, unknown>>) => boolean);
  /** The HTTP status of their `response.status_code`. Default 500. */
  readonly status?: number;
  /** The error in their `response.body`. Default: the API's 500 `server_error`. */
  readonly error?: { readonly message: string; readonly type?: string; readonly code?: string | null; readonly param?: string | null };
}

/** The phases a batch can be held in. */
export type BatchHoldPhase = Exclude<BatchPhase, 'cancelling'>;

/** What the batches a plan applies to do. See `openaiMock.batches.plan()`. */
export interface BatchPlan {
  /** Which batches the plan is for: every batch when left out. */
  readonly match?: (params: BatchPlanTarget) => boolean;
  /** How many batches the plan applies to before it is used up. Default: every matching batch. */
  readonly times?: number;
  /** Phase durations in ms for these batches, over the configured ones. */
  readonly timings?: Partial<Record<BatchPhase, number>>;
  /** Keeps the batch in this phase until the test calls `openaiMock.batches.step(id)`. */
  readonly hold?: BatchHoldPhase;
  /** Read-counted progression: one status further on every `n`-th retrieve or list. */
  readonly advanceEveryReads?: number;
  /**
   * The batch expires at the end of `in_progress` instead of finalizing. `afterRequests` of its
   * requests are answered by then (default 0); the rest go to the error file with `batch_expired`.
   */
  readonly expire?: true | { readonly afterRequests: number };
  /** The batch fails validation with these errors (its `errors.data`), whatever its input. */
  readonly failValidation?: PlannedBatchError | readonly PlannedBatchError[];
  /** Chosen requests fail (they go to the error file), besides the global `failCustomIds`. */
  readonly failRequests?: PlannedRequestFailure;
}

/** The create parameters a file plan's `match` sees. */
export interface FilePlanTarget {
  readonly filename: string;
  readonly purpose: string;
  readonly bytes: number;
}

/** What the files a plan applies to do. See `openaiMock.files.plan()`. */
export interface FilePlan {
  /** Which uploaded files the plan is for: every one when left out. */
  readonly match?: (file: FilePlanTarget) => boolean;
  /** How many files the plan applies to before it is used up. Default: every matching file. */
  readonly times?: number;
  /** How long these files stay `uploaded`, over `files.processingMs`. */
  readonly processingMs?: number;
  /** Keeps the file `uploaded` until the test calls `openaiMock.files.step(id)`. */
  readonly hold?: true;
  /** Read-counted progression: `processed` on the `n`-th retrieve, list or content download. */
  readonly advanceEveryReads?: number;
}

interface Entry<P> {
  readonly plan: P;
  left: number;
}

/**
 * Plans waiting for the objects they are for, in the order they were made. The first plan that
 * matches a new object applies to it (one plan per object) and counts one use.
 */
export class PlanBook<P extends { readonly match?: (target: T) => boolean; readonly times?: number }, T> {
  #entries: Entry<P>[] = [];

  add(plan: P): void {
    this.#entries.push({ plan, left: plan.times ?? Infinity });
  }

  /** The plan for a new object, if any (using it up by one). */
  take(target: T): P | undefined {
    const entry = this.#entries.find((e) => e.left > 0 && (e.plan.match?.(target) ?? true));
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.plan;
  }

  reset(): void {
    this.#entries = [];
  }
}

/**
 * Counts an object's reads through the API for the read-counted mode. `read()` answers true
 * when the object should move one status further (every `every`-th read).
 */
export class ReadCounter {
  #count = 0;

  constructor(readonly every: number) {}

  read(): boolean {
    this.#count += 1;
    if (this.#count < this.every) return false;
    this.#count = 0;
    return true;
  }
}

const JOB_PHASES: readonly FineTuningPhase[] = ['validating_files', 'queued', 'running'];
const BATCH_PHASES: readonly BatchPhase[] = ['validating', 'in_progress', 'finalizing', 'cancelling'];
const BATCH_HOLD_PHASES: readonly BatchHoldPhase[] = ['validating', 'in_progress', 'finalizing'];

/** Checks a job plan when it is made, so a mistake fails at the line that made it. */
export function checkJobPlan(plan: JobPlan): JobPlan {
  const where = 'openaiMock.jobs.plan()';
  checkObject(where, plan);
  checkCommon(where, plan);
  checkTimings(where, plan.timings, JOB_PHASES);
  if (plan.hold !== undefined && !JOB_PHASES.includes(plan.hold)) {
    throw invalid(where, 'hold', plan.hold, oneOf(JOB_PHASES));
  }
  if (plan.fail !== undefined) {
    const fail = plan.fail;
    if (typeof fail !== 'object' || fail === null) throw invalid(where, 'fail', fail, 'an object { code, message, param?, at? }');
    if (typeof fail.code !== 'string' || fail.code === '') throw invalid(where, 'fail.code', fail.code, "a non-empty string such as 'invalid_training_file'");
    if (typeof fail.message !== 'string' || fail.message === '') throw invalid(where, 'fail.message', fail.message, 'a non-empty string');
    if (fail.param !== undefined && fail.param !== null && typeof fail.param !== 'string') {
      throw invalid(where, 'fail.param', fail.param, 'a string or null');
    }
    const at = fail.at;
    if (at !== undefined && !(typeof at === 'string' && JOB_PHASES.includes(at)) && !isStep(at)) {
      throw invalid(where, 'fail.at', at, `${oneOf(JOB_PHASES)}, or { step: n } with a whole number n of 1 or more`);
    }
  }
  return plan;
}

/** Checks a batch plan when it is made. */
export function checkBatchPlan(plan: BatchPlan): BatchPlan {
  const where = 'openaiMock.batches.plan()';
  checkObject(where, plan);
  checkCommon(where, plan);
  checkTimings(where, plan.timings, BATCH_PHASES);
  if (plan.hold !== undefined && !BATCH_HOLD_PHASES.includes(plan.hold)) {
    throw invalid(where, 'hold', plan.hold, oneOf(BATCH_HOLD_PHASES));
  }
  if (plan.expire !== undefined && plan.expire !== true) {
    const after = (plan.expire as { afterRequests?: unknown }).afterRequests;
    if (typeof plan.expire !== 'object' || plan.expire === null || !Number.isInteger(after) || (after as number) < 0) {
      throw invalid(where, 'expire', plan.expire, 'true, or { afterRequests: n } with a whole number n of 0 or more');
    }
  }
  if (plan.failValidation !== undefined) {
    const errors = Array.isArray(plan.failValidation) ? plan.failValidation : [plan.failValidation];
    const ok = errors.length > 0 && errors.every(
      (e: unknown) => typeof e === 'object' && e !== null && typeof (e as PlannedBatchError).code === 'string' && typeof (e as PlannedBatchError).message === 'string',
    );
    if (!ok) throw invalid(where, 'failValidation', plan.failValidation, 'an error { code, message, param?, line? } or a non-empty array of them');
    if (plan.expire !== undefined) {
      throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_OPTION', `${where}: 'expire' and 'failValidation' exclude each other (a batch that fails validation never runs long enough to expire). Make two plans with different 'match' functions.`);
    }
  }
  if (plan.failRequests !== undefined) {
    const f = plan.failRequests;
    const ids = f?.customIds;
    if (typeof ids !== 'function' && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) {
      throw invalid(where, 'failRequests.customIds', ids, 'an array of custom_id strings or a function (customId, body) => boolean');
    }
    if (f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 400 && f.status <= 599)) {
      throw invalid(where, 'failRequests.status', f.status, 'an HTTP error status from 400 to 599');
    }
    if (f.error !== undefined && (typeof f.error !== 'object' || f.error === null || typeof f.error.message !== 'string')) {
      throw invalid(where, 'failRequests.error', f.error, 'an object { message, type?, code?, param? }');
    }
    if (f.error === undefined && f.status !== undefined && f.status < 500) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_OPTION',
        `${where}: 'failRequests.status' is ${f.status}; give 'failRequests.error' ({ message, type?, code? }) with a 4xx status (only the 500 has a default error).`,
      );
    }
  }
  return plan;
}

/** Checks a file plan when it is made. */
export function checkFilePlan(plan: FilePlan): FilePlan {
  const where = 'openaiMock.files.plan()';
  checkObject(where, plan);
  checkCommon(where, plan);
  if (plan.processingMs !== undefined) checkDuration(where, 'processingMs', plan.processingMs);
  if (plan.hold !== undefined && plan.hold !== true) throw invalid(where, 'hold', plan.hold, 'true');
  return plan;
}

function checkObject(where: string, plan: unknown): void {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) {
    throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_OPTION', `${where} takes a plan object, got ${describe(plan)}.`);
  }
}

function checkCommon(
  where: string,
  plan: { readonly match?: unknown; readonly times?: unknown; readonly hold?: unknown; readonly advanceEveryReads?: unknown },
): void {
  if (plan.match !== undefined && typeof plan.match !== 'function') {
    throw invalid(where, 'match', plan.match, 'a function of the create parameters returning true for the objects the plan is for');
  }
  if (plan.times !== undefined && !(Number.isInteger(plan.times) && (plan.times as number) >= 1)) {
    throw invalid(where, 'times', plan.times, 'a whole number, 1 or more (leave it out for every matching object)');
  }
  if (plan.advanceEveryReads !== undefined) {
    if (!(Number.isInteger(plan.advanceEveryReads) && (plan.advanceEveryReads as number) >= 1)) {
      throw invalid(where, 'advanceEveryReads', plan.advanceEveryReads, 'a whole number of reads, 1 or more');
    }
    if (plan.hold !== undefined) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_OPTION',
        `${where}: 'hold' and 'advanceEveryReads' exclude each other (a read-counted object is held in every status until read). Keep one of them.`,
      );
    }
  }
}

function checkTimings(where: string, timings: unknown, phases: readonly string[]): void {
  if (timings === undefined) return;
  if (typeof timings !== 'object' || timings === null) throw invalid(where, 'timings', timings, `an object with durations for ${oneOf(phases)}`);
  for (const [phase, ms] of Object.entries(timings)) {
    if (!phases.includes(phase)) throw invalid(where, `timings.${phase}`, ms, `left out: the phases are ${oneOf(phases)}`);
    checkDuration(where, `timings.${phase}`, ms);
  }
}

function checkDuration(where: string, name: string, ms: unknown): void {
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms < 0) {
    throw invalid(where, name, ms, 'a number of milliseconds, 0 or more (Infinity holds the phase)');
  }
}

function isStep(value: unknown): value is { step: number } {
  const step = (value as { step?: unknown } | null)?.step;
  return typeof value === 'object' && value !== null && Number.isInteger(step) && (step as number) >= 1;
}

function oneOf(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

function invalid(where: string, name: string, value: unknown, expected: string): OpenAIMockError {
  return new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_OPTION', `${where}: '${name}' is ${describe(value)}; it must be ${expected}.`);
}

/** What `openaiMock.<kind>.step(id)` calls a kind of object in its messages. */
export interface Stepped {
  /** `file`, `fine-tuning job`, `batch`. */
  readonly kind: string;
  /** The collection on `openaiMock` (`files`, `jobs`, `batches`). */
  readonly collection: string;
}

/**
 * Ends the current phase of an object now (manual progression), or says why it cannot be
 * stepped: unknown id, final status, paused, or seeded (seeded objects keep their status).
 */
export function stepTimeline<S extends string>(
  what: Stepped,
  id: string,
  timeline: Timeline<S> | undefined,
  now: number,
  seeded: boolean,
): LifecycleState<S> {
  if (!timeline) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_UNKNOWN_OBJECT',
      `There is no ${what.kind} '${id}' in the mock. Step an id the code under test got back from the API (ids restart at every reset; openaiMock.${what.collection}.all() lists them).`,
    );
  }
  const state = timeline.at(now);
  if (seeded) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_STEP',
      `The ${what.kind} '${id}' was seeded, and seeded objects keep the status they are given. Create it through the API, with openaiMock.${what.collection}.plan({ hold }) if it must wait for the test, to step it.`,
    );
  }
  if (state.terminal) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_STEP',
      `The ${what.kind} '${id}' is '${state.status}', a final status: there is no status to step to. Step it while it is in progress (openaiMock.${what.collection}.lifecycle(id) shows where it stands).`,
    );
  }
  if (state.paused) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_STEP',
      `The ${what.kind} '${id}' is paused: resume it (client.fineTuning.jobs.resume(id)) before stepping it.`,
    );
  }
  timeline.record({ type: 'step', at: now });
  return timeline.at(now);
}
