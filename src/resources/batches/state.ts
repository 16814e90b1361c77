import { ApiError, notFound } from '../../engine/api-error.js';
import { toSeconds } from '../../engine/clock.js';
import type { MockContext } from '../../engine/context.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { enteredAt, Timeline, type LifecycleState, type Phase } from '../../engine/lifecycle.js';
import type { FilesState } from '../files/state.js';
import {
  checkBatchPlan,
  PlanBook,
  ReadCounter,
  stepTimeline,
  type BatchPlan,
  type BatchPlanTarget,
  type PlannedRequestFailure,
} from '../../engine/scenario.js';
import type { BatchPhase } from '../../engine/config.js';
import type { CreateBatchParams } from './create-params.js';
import { checkInput, type BatchLine } from './input.js';
import { LineWriter } from './line-writer.js';
import type { Batch, BatchError, BatchOutputLine, BatchStatus, BatchUsage } from './types.js';

/** What answering one batch line gave: the HTTP status and body the endpoint answered. */
export interface LineAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string;
}

/** Answers a batch line with the handler of the endpoint's route (`/chat/completions`...). */
export type LineDispatcher = (path: string, body: Record<string, unknown>, customId: string) => LineAnswer;

/** What the counts and the error file need of one answered line (its bytes are in {@link LineBytes}). */
interface LineResult {
  readonly ok: boolean;
  readonly customId: string;
  /** Tokens the request used (from the endpoint's `usage`); 0 for a failed request. */
  readonly tokens: { readonly input: number; readonly output: number };
}

/**
 * Every answered line's output line, in input order, the successes and the failures each in one
 * buffer (each line followed by a newline). The output and error files are views of these, cut
 * after the lines done by the time the batch ended, so a large batch is held once.
 */
interface LineBytes {
  readonly ok: Uint8Array;
  readonly failed: Uint8Array;
  /** `okEnd[k]`: the bytes of `ok` that the first k lines account for; `failedEnd` likewise. */
  readonly okEnd: Float64Array;
  readonly failedEnd: Float64Array;
}

/** Running totals over the lines in input order: entry k covers the first k lines. */
interface Totals {
  readonly completed: Uint32Array;
  readonly inputTokens: Float64Array;
  readonly outputTokens: Float64Array;
}

interface StoredBatch {
  readonly id: string;
  readonly createdAt: number;
  readonly params: CreateBatchParams;
  readonly model: string | null;
  readonly timeline: Timeline<BatchStatus>;
  /** Why validation fails, when it does. */
  readonly errors: BatchError[] | null;
  readonly results: readonly LineResult[];
  /** Null when no line was answered (validation failed, or a seeded batch). */
  readonly bytes: LineBytes | null;
  readonly totals: Totals;
  /** The configured in_progress duration: requests are answered evenly over it. */
  readonly inProgressMs: number;
  readonly windowMs: number;
  /** Set for batches put in by a test: returned as given, apart from status changes. */
  readonly seeded: Batch | null;
  /** How many requests are answered when a planned expiry comes (null: as many as time allowed). */
  readonly expireAfter: number | null;
  /** Set in the read-counted mode: counts the batch's reads through the API. */
  readonly reads: ReadCounter | null;
  files: { output: string | null; error: string | null } | null;
}

const ACTIVE: ReadonlySet<BatchStatus> = new Set(['validating', 'in_progress', 'finalizing']);
const DONE: ReadonlySet<BatchStatus> = new Set(['completed', 'expired', 'cancelled']);
const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

/** The 500 a request gets when a test makes it fail (`failureRate`, `failCustomIds`). */
const SERVER_ERROR = new ApiError(
  500,
  'The server had an error while processing your request. Sorry about that!',
  'server_error',
).toJSON();

/** Batches: validation, the timed lifecycle, answering every line, output and error files. */
export class BatchesState {
  readonly #batches = new Map<string, StoredBatch>();
  readonly #plans = new PlanBook<BatchPlan, BatchPlanTarget>();

  constructor(
    private readonly ctx: MockContext,
    private readonly files: FilesState,
    private readonly modelExists: (id: string) => boolean,
    private readonly dispatch: LineDispatcher,
  ) {}

  /**
   * Creates a batch. The input file is read and every line answered now, so the schedule is
   * fixed from the start; the status, counts and files then follow the clock.
   */
  create(params: CreateBatchParams): Batch {
    const createdAt = this.ctx.clock.now();
    const id = this.ctx.ids.nextFree('batch_', this.#batches);
    const config = this.ctx.config().batches;
    const content = this.files.bytesOf(params.inputFileId);
    const input = this.files.find(params.inputFileId);
    let errors: BatchError[] | null = null;
    let lines: readonly BatchLine[] = [];
    let model: string | null = null;
    if (!content || !input) {
      const org = this.ctx.config().organization.id;
      errors = [
        {
          code: 'invalid_request',
          message: `Cannot find file ${params.inputFileId}, or organization ${org} does not have access to it.`,
          param: 'file_id',
          line: null,
        },
      ];
    } else if (input.purpose !== 'batch') {
      // UNVERIFIED wording: the input file must have been uploaded with purpose 'batch'.
      errors = [
        {
          code: 'invalid_request',
          message: `File ${params.inputFileId} has purpose '${input.purpose}'; a batch input file must be uploaded with purpose 'batch'.`,
          param: 'input_file_id',
          line: null,
        },
      ];
    } else {
      const check = checkInput(content, params.endpoint, this.modelExists);
      if (check.ok) {
        lines = check.lines;
        model = check.model;
      } else {
        errors = check.errors;
      }
    }

    const scenario = this.#plans.take({
      input_file_id: params.inputFileId,
      endpoint: params.endpoint,
      completion_window: params.completionWindow,
      metadata: params.metadata,
    });
    if (scenario?.failValidation !== undefined) {
      const planned = Array.isArray(scenario.failValidation) ? scenario.failValidation : [scenario.failValidation];
      errors = planned.map((e: (typeof planned)[number]) => ({ code: e.code, message: e.message, param: e.param ?? null, line: e.line ?? null }));
    }
    const reads = scenario?.advanceEveryReads === undefined ? null : new ReadCounter(scenario.advanceEveryReads);
    const timings = { ...config.timings, ...scenario?.timings };
    /** The duration of a phase for this batch: held phases (and all, when read-counted) last until stepped. */
    const ms = (phase: BatchPhase): number => (reads || scenario?.hold === phase ? Infinity : timings[phase]);
    const t = { validating: ms('validating'), in_progress: ms('in_progress'), finalizing: ms('finalizing') };
    let window = config.completionWindowMs;
    // A phase the test holds is not cut short by the completion window: the test decides when it ends.
    const held = !Number.isFinite(t.validating) || !Number.isFinite(t.in_progress);
    const phases: Phase<BatchStatus>[] = [{ status: 'validating', durationMs: held ? t.validating : Math.min(t.validating, window) }];
    let outcome: BatchStatus = 'failed';
    let expireAfter: number | null = null;
    if (errors === null && scenario?.expire !== undefined) {
      // A planned expiry: the window ends with the in_progress phase.
      phases.push({ status: 'in_progress', durationMs: t.in_progress });
      outcome = 'expired';
      expireAfter = scenario.expire === true ? 0 : scenario.expire.afterRequests;
      if (Number.isFinite(t.validating + t.in_progress)) window = t.validating + t.in_progress;
    } else if (errors === null) {
      if (held || t.validating + t.in_progress <= window) {
        phases.push({ status: 'in_progress', durationMs: t.in_progress }, { status: 'finalizing', durationMs: t.finalizing });
        outcome = 'completed';
      } else {
        if (t.validating < window) phases.push({ status: 'in_progress', durationMs: window - t.validating });
        outcome = 'expired';
      }
    }
    const { results, bytes } =
      errors === null ? this.#answer(params.endpoint, lines, scenario?.failRequests) : { results: [], bytes: null };
    const batch: StoredBatch = {
      id,
      createdAt,
      params,
      model,
      timeline: new Timeline(createdAt, phases, outcome),
      errors,
      results,
      bytes,
      totals: totals(results),
      inProgressMs: t.in_progress,
      windowMs: window,
      seeded: null,
      expireAfter,
      reads,
      files: null,
    };
    this.#batches.set(id, batch);
    return this.#toObject(batch, batch.timeline.initial());
  }

  /** Puts a batch into the store as given; an active status is held until it is cancelled. */
  seed(object: Batch): Batch {
    if (this.#batches.has(object.id)) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_DUPLICATE_ID',
        `A batch with id '${object.id}' already exists in the mock. Give the seeded batch another id.`,
      );
    }
    const createdAt = object.created_at * 1000;
    const phases: Phase<BatchStatus>[] =
      ACTIVE.has(object.status) || object.status === 'cancelling' ? [{ status: object.status, durationMs: Infinity }] : [];
    this.#batches.set(object.id, {
      id: object.id,
      createdAt,
      params: {
        inputFileId: object.input_file_id,
        endpoint: object.endpoint,
        completionWindow: '24h',
        metadata: object.metadata,
        outputExpiresAfterSeconds: null,
      },
      model: object.model ?? null,
      timeline: new Timeline(createdAt, phases, object.status),
      errors: object.errors?.data ?? null,
      results: [],
      bytes: null,
      totals: totals([]),
      inProgressMs: 0,
      windowMs: this.ctx.config().batches.completionWindowMs,
      seeded: object,
      expireAfter: null,
      reads: null,
      files: { output: object.output_file_id, error: object.error_file_id },
    });
    return this.retrieve(object.id);
  }

  /** Adds a plan for batches the code under test will create (see `openaiMock.batches.plan`). */
  plan(plan: BatchPlan): void {
    this.#plans.add(checkBatchPlan(plan));
  }

  /** Ends the batch's current phase now (manual progression). */
  step(id: string): Batch {
    const batch = this.#batches.get(id);
    if (batch && batch.timeline.at(this.ctx.clock.now()).status === 'cancelling') {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_STEP',
        `The batch '${id}' is 'cancelling': it becomes 'cancelled' by itself after batches.timings.cancelling (${this.ctx.config().batches.timings.cancelling} ms). Let that time pass with advanceTime() instead of stepping it.`,
      );
    }
    stepTimeline({ kind: 'batch', collection: 'batches' }, id, batch?.timeline, this.ctx.clock.now(), batch?.seeded != null);
    return this.#toObject(batch!);
  }

  /**
   * Expires a batch now, as if its completion window had ended: requests not answered by now go
   * to the error file with `batch_expired`.
   */
  expire(id: string): Batch {
    const batch = this.#batches.get(id);
    if (!batch) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_UNKNOWN_OBJECT',
        `There is no batch '${id}' in the mock. Expire an id the code under test got back from the API (openaiMock.batches.all() lists them).`,
      );
    }
    const now = this.ctx.clock.now();
    const { status } = batch.timeline.at(now);
    if (!ACTIVE.has(status)) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_STEP',
        `The batch '${id}' is '${status}': only a batch still validating, in_progress or finalizing can expire.`,
      );
    }
    batch.timeline.record({ type: 'stop', at: now, status: 'expired' });
    return this.#toObject(batch);
  }

  /** Counts a read through the API of each of these batches (the read-counted mode). */
  observe(ids: readonly string[]): void {
    const now = this.ctx.clock.now();
    for (const id of ids) {
      const batch = this.#batches.get(id);
      if (!batch?.reads || batch.timeline.at(now).terminal) continue;
      if (batch.timeline.at(now).status === 'cancelling') continue;
      if (batch.reads.read()) batch.timeline.record({ type: 'step', at: now });
    }
  }

  retrieve(id: string): Batch {
    return this.#toObject(this.#get(id));
  }

  find(id: string): Batch | undefined {
    const batch = this.#batches.get(id);
    return batch && this.#toObject(batch);
  }

  ids(): string[] {
    return [...this.#batches.keys()];
  }

  /** Batches newest first, as the list endpoint orders them. */
  list(): Batch[] {
    return [...this.#batches.values()]
      .map((batch, order) => ({ batch, order }))
      .sort((a, b) => b.batch.createdAt - a.batch.createdAt || b.order - a.order)
      .map(({ batch }) => this.#toObject(batch));
  }

  lifecycle(id: string): LifecycleState<BatchStatus> | undefined {
    return this.#batches.get(id)?.timeline.at(this.ctx.clock.now());
  }

  cancel(id: string): Batch {
    const batch = this.#get(id);
    const status = batch.timeline.at(this.ctx.clock.now()).status;
    if (status === 'cancelling' || status === 'cancelled') return this.#toObject(batch);
    if (!ACTIVE.has(status)) {
      // Retrying cannot help, so the SDK is told not to (it retries a 409 by default).
      throw new ApiError(409, `Cannot cancel a batch with status '${status}'.`, 'invalid_request_error', null, null, {
        'x-should-retry': 'false',
      });
    }
    batch.timeline.record({
      type: 'stop',
      at: this.ctx.clock.now(),
      status: 'cancelled',
      via: { status: 'cancelling', durationMs: this.ctx.config().batches.timings.cancelling },
    });
    return this.#toObject(batch);
  }

  /** Makes the output and error files of every batch that has finished exist. */
  settle(): void {
    for (const batch of this.#batches.values()) this.#materialize(batch, batch.timeline.at(this.ctx.clock.now()));
  }

  reset(): void {
    this.#batches.clear();
    this.#plans.reset();
  }

  #answer(
    endpoint: string,
    lines: readonly BatchLine[],
    planned: PlannedRequestFailure | undefined,
  ): { results: LineResult[]; bytes: LineBytes } {
    const path = endpoint.replace(/^\/v1/, '');
    const { failureRate, failureSeed, failCustomIds } = this.ctx.config().batches;
    const okLines = new LineWriter();
    const failedLines = new LineWriter();
    const okEnd = new Float64Array(lines.length + 1);
    const failedEnd = new Float64Array(lines.length + 1);
    const results = lines.map((line, i): LineResult => {
      const chosen =
        planned !== undefined &&
        (typeof planned.customIds === 'function'
          ? planned.customIds(line.customId, line.body)
          : planned.customIds.includes(line.customId));
      const forced = failCustomIds.has(line.customId) || (failureRate > 0 && unitHash(failureSeed, line.customId) < failureRate);
      const answer = chosen
        ? { ...plannedFailure(planned), requestId: this.ctx.ids.next('req_') }
        : forced
          ? { status: 500, body: SERVER_ERROR, requestId: this.ctx.ids.next('req_') }
          : this.dispatch(path, line.body, line.customId);
      const ok = answer.status >= 200 && answer.status < 300;
      const output: BatchOutputLine = {
        id: this.ctx.ids.next('batch_req_'),
        custom_id: line.customId,
        response: { status_code: answer.status, request_id: answer.requestId, body: answer.body },
        error: null,
      };
      const bytes = (ok ? okLines : failedLines).write(`${JSON.stringify(output)}\n`);
      okEnd[i + 1] = okEnd[i]! + (ok ? bytes : 0);
      failedEnd[i + 1] = failedEnd[i]! + (ok ? 0 : bytes);
      return { ok, customId: line.customId, tokens: ok ? usageOf(answer.body) : { input: 0, output: 0 } };
    });
    return { results, bytes: { ok: okLines.finish(), failed: failedLines.finish(), okEnd, failedEnd } };
  }

  /**
   * How many lines (in input order) have been answered by the moment the lifecycle is in: they
   * are answered evenly over in_progress (all of them once it is over; up to the planned number
   * when a planned expiry ends it).
   */
  #processed(batch: StoredBatch, state: LifecycleState<BatchStatus>): number {
    const total = batch.results.length;
    const start = enteredAt(state, 'in_progress');
    if (start === null || total === 0) return 0;
    if (enteredAt(state, 'finalizing') !== null) return total;
    const target = Math.min(total, batch.expireAfter ?? total);
    if (state.status === 'expired' && batch.expireAfter !== null) return target;
    const frozen = enteredAt(state, 'cancelling') ?? enteredAt(state, 'expired');
    const until = frozen ?? this.ctx.clock.now();
    if (batch.inProgressMs === 0) return target;
    return Math.min(target, Math.floor((target * Math.max(0, until - start)) / batch.inProgressMs));
  }

  #materialize(batch: StoredBatch, state: LifecycleState<BatchStatus>): void {
    if (batch.files !== null || !DONE.has(state.status)) return;
    const done = this.#processed(batch, state);
    const bytes = batch.bytes;
    const ok = bytes ? bytes.ok.subarray(0, bytes.okEnd[done]) : EMPTY;
    let failed = bytes ? bytes.failed.subarray(0, bytes.failedEnd[done]) : EMPTY;
    if (state.status === 'expired') {
      const expiredLines: Uint8Array[] = [];
      for (const result of batch.results.slice(done)) {
        const line: BatchOutputLine = {
          id: this.ctx.ids.next('batch_req_'),
          custom_id: result.customId,
          response: null,
          error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' },
        };
        expiredLines.push(encoder.encode(`${JSON.stringify(line)}\n`));
      }
      if (expiredLines.length > 0) failed = Buffer.concat([failed, ...expiredLines]);
    }
    const write = (content: Uint8Array, kind: 'output' | 'error'): string | null =>
      content.byteLength === 0
        ? null
        : this.files.create(
            {
              filename: `${batch.id}_${kind}.jsonl`,
              purpose: 'batch_output',
              content,
              createdAt: state.since,
              expiresAfterSeconds: batch.params.outputExpiresAfterSeconds,
            },
            'system',
          ).id;
    batch.files = { output: write(ok, 'output'), error: write(failed, 'error') };
  }

  #get(id: string): StoredBatch {
    const batch = this.#batches.get(id);
    if (!batch) throw notFound(`No batch found with id '${id}'.`);
    return batch;
  }

  /** The batch as the API returns it: as it stands now, or in the given state (a create response). */
  #toObject(batch: StoredBatch, state: LifecycleState<BatchStatus> = batch.timeline.at(this.ctx.clock.now())): Batch {
    this.#materialize(batch, state);
    const at = (status: BatchStatus): number | null => {
      const ms = enteredAt(state, status);
      return ms === null ? null : toSeconds(ms);
    };
    const timestamps = {
      in_progress_at: at('in_progress'),
      finalizing_at: at('finalizing'),
      completed_at: at('completed'),
      failed_at: at('failed'),
      expired_at: at('expired'),
      cancelling_at: at('cancelling'),
      cancelled_at: at('cancelled'),
    };
    if (batch.seeded) {
      const changed = Object.fromEntries(Object.entries(timestamps).filter(([, v]) => v !== null));
      return { ...batch.seeded, ...changed, status: state.status };
    }
    const done = this.#processed(batch, state);
    const completed = batch.totals.completed[done]!;
    const unfinished = state.status === 'expired' ? batch.results.length - done : 0;
    const validated = batch.errors === null && enteredAt(state, 'in_progress') !== null;
    return {
      id: batch.id,
      object: 'batch',
      endpoint: batch.params.endpoint,
      // The spec (and the SDK's type) have `model` as a string that may be absent, never null.
      ...(batch.model === null ? {} : { model: batch.model }),
      errors: state.status === 'failed' && batch.errors ? { object: 'list', data: batch.errors } : null,
      input_file_id: batch.params.inputFileId,
      completion_window: batch.params.completionWindow,
      status: state.status,
      output_file_id: batch.files?.output ?? null,
      error_file_id: batch.files?.error ?? null,
      created_at: toSeconds(batch.createdAt),
      expires_at: toSeconds(batch.createdAt + batch.windowMs),
      ...timestamps,
      request_counts: validated
        ? { total: batch.results.length, completed, failed: done - completed + unfinished }
        : { total: 0, completed: 0, failed: 0 },
      usage: usage(batch.totals.inputTokens[done]!, batch.totals.outputTokens[done]!),
      metadata: batch.params.metadata,
    };
  }
}

/** The status and body a request chosen by a plan's `failRequests` is answered with. */
function plannedFailure(planned: PlannedRequestFailure): { status: number; body: unknown } {
  const status = planned.status ?? 500;
  if (!planned.error) return { status, body: SERVER_ERROR };
  const { message, type, code, param } = planned.error;
  const body = new ApiError(status, message, type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'), param ?? null, code ?? null);
  return { status, body: body.toJSON() };
}

function totals(results: readonly LineResult[]): Totals {
  const completed = new Uint32Array(results.length + 1);
  const inputTokens = new Float64Array(results.length + 1);
  const outputTokens = new Float64Array(results.length + 1);
  results.forEach((result, i) => {
    completed[i + 1] = completed[i]! + (result.ok ? 1 : 0);
    inputTokens[i + 1] = inputTokens[i]! + result.tokens.input;
    outputTokens[i + 1] = outputTokens[i]! + result.tokens.output;
  });
  return { completed, inputTokens, outputTokens };
}

function usage(input: number, output: number): BatchUsage {
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

/** Token counts from an endpoint's `usage` (chat and embeddings name them one way, responses another). */
function usageOf(body: unknown): { input: number; output: number } {
  const u = (body as { usage?: Record<string, unknown> } | null)?.usage;
  if (!u) return { input: 0, output: 0 };
  const num = (key: string): number => (typeof u[key] === 'number' ? (u[key] as number) : 0);
  return { input: num('prompt_tokens') + num('input_tokens'), output: num('completion_tokens') + num('output_tokens') };
}

/** A number in [0, 1) from a seed and a string (FNV-1a): the same inputs always give the same number. */
function unitHash(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul((hash ^ text.charCodeAt(i)) >>> 0, 0x01000193) >>> 0;
  }
  // A final avalanche so that neighbouring custom_ids spread over the whole range.
  hash = (hash ^ (hash >>> 16)) >>> 0;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash = (hash ^ (hash >>> 13)) >>> 0;
  return hash / 0x1_0000_0000;
}
