import { ApiError, notFound } from '../../engine/api-error.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { Timeline, type LifecycleState, type Phase } from '../../engine/lifecycle.js';
import type { MockContext } from '../../engine/resource.js';
import { LifecycleStore } from '../../engine/store.js';
import type { FilesState } from '../files/state.js';
import { checkInput, type BatchLine } from './input.js';
import { answerLines, totals, type LineDispatcher } from './lines.js';
import type { BatchesConfig } from './options.js';
import type { CreateBatchParams } from './params.js';
import { checkBatchPlan, type BatchPlan, type BatchPlanTarget } from './plan.js';
import type { StoredBatch } from './record.js';
import { batchSchedule } from './schedule.js';
import type { Batch, BatchError, BatchStatus } from './types.js';
import { batchObject, outputBytes, processedLines } from './view.js';

export type { LineDispatcher } from './lines.js';

const ACTIVE: ReadonlySet<BatchStatus> = new Set(['validating', 'in_progress', 'finalizing']);
const DONE: ReadonlySet<BatchStatus> = new Set(['completed', 'expired', 'cancelled']);

/** Batches: validation, the timed lifecycle, answering every line, output and error files. */
export class BatchesState {
  readonly store: LifecycleStore<BatchStatus, StoredBatch, BatchPlan, BatchPlanTarget>;

  constructor(
    private readonly ctx: MockContext<BatchesConfig>,
    private readonly files: FilesState,
    private readonly modelExists: (id: string) => boolean,
    private readonly dispatch: LineDispatcher,
  ) {
    this.store = new LifecycleStore(ctx.clock, ctx.ids, { names: { kind: 'batch', collection: 'batches' }, checkPlan: checkBatchPlan });
  }

  /**
   * Creates a batch. The input file is read and every line answered now, so the schedule is
   * fixed from the start; the status, counts and files then follow the clock.
   */
  create(params: CreateBatchParams): Batch {
    const createdAt = this.ctx.clock.now();
    const id = this.store.nextId('batch_');
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

    const scenario = this.store.takePlan({
      input_file_id: params.inputFileId,
      endpoint: params.endpoint,
      completion_window: params.completionWindow,
      metadata: params.metadata,
    });
    if (scenario?.failValidation !== undefined) {
      const planned = Array.isArray(scenario.failValidation) ? scenario.failValidation : [scenario.failValidation];
      errors = planned.map((e: (typeof planned)[number]) => ({ code: e.code, message: e.message, param: e.param ?? null, line: e.line ?? null }));
    }
    const reads = this.store.counter(scenario);
    const schedule = batchSchedule(errors === null, scenario, this.ctx.config().batches, reads !== null);
    const context = { config: this.ctx.config, ids: this.ctx.ids, dispatch: this.dispatch };
    const { results, bytes } =
      errors === null ? answerLines(context, params.endpoint, lines, scenario?.failRequests) : { results: [], bytes: null };
    const batch = this.store.add({
      id,
      createdAt,
      params,
      model,
      timeline: new Timeline(createdAt, schedule.phases, schedule.outcome),
      errors,
      results,
      bytes,
      totals: totals(results),
      inProgressMs: schedule.inProgressMs,
      windowMs: schedule.windowMs,
      seeded: false,
      given: null,
      expireAfter: schedule.expireAfter,
      reads,
      files: null,
    });
    return this.#toObject(batch, batch.timeline.initial());
  }

  /** Puts a batch into the store as given; an active status is held until it is cancelled. */
  seed(object: Batch): Batch {
    const createdAt = object.created_at * 1000;
    const phases: Phase<BatchStatus>[] =
      ACTIVE.has(object.status) || object.status === 'cancelling' ? [{ status: object.status, durationMs: Infinity }] : [];
    this.store.seed({
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
      seeded: true,
      given: object,
      expireAfter: null,
      reads: null,
      files: { output: object.output_file_id, error: object.error_file_id },
    });
    return this.retrieve(object.id);
  }

  /** Adds a plan for batches the code under test will create (see `openaiMock.batches.plan`). */
  plan(plan: BatchPlan): void {
    this.store.plan(plan);
  }

  /** Ends the batch's current phase now (manual progression). */
  step(id: string): Batch {
    const batch = this.store.get(id);
    if (batch && this.store.state(batch).status === 'cancelling') {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_STEP',
        `The batch '${id}' is 'cancelling': it becomes 'cancelled' by itself after batches.timings.cancelling (${this.ctx.config().batches.timings.cancelling} ms). Let that time pass with advanceTime() instead of stepping it.`,
      );
    }
    return this.#toObject(this.store.step(id));
  }

  /**
   * Expires a batch now, as if its completion window had ended: requests not answered by now go
   * to the error file with `batch_expired`.
   */
  expire(id: string): Batch {
    const batch = this.store.get(id);
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

  retrieve(id: string): Batch {
    return this.#toObject(this.#get(id));
  }

  find(id: string): Batch | undefined {
    const batch = this.store.get(id);
    return batch && this.#toObject(batch);
  }

  ids(): string[] {
    return this.store.ids();
  }

  /** Batches newest first, as the list endpoint orders them. */
  list(): Batch[] {
    return this.store.sorted('desc').map((batch) => this.#toObject(batch));
  }

  lifecycle(id: string): LifecycleState<BatchStatus> | undefined {
    return this.store.lifecycle(id);
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
    for (const batch of this.store.live()) this.#materialize(batch, this.store.state(batch));
  }

  reset(): void {
    this.store.reset();
  }

  #materialize(batch: StoredBatch, state: LifecycleState<BatchStatus>): void {
    if (batch.files !== null || !DONE.has(state.status)) return;
    const { ok, failed } = outputBytes(batch, state, processedLines(batch, state, this.ctx.clock.now()), this.ctx.ids);
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
    const batch = this.store.get(id);
    if (!batch) throw notFound(`No batch found with id '${id}'.`);
    return batch;
  }

  /** The batch as the API returns it: as it stands now, or in the given state (a create response). */
  #toObject(batch: StoredBatch, state: LifecycleState<BatchStatus> = this.store.state(batch)): Batch {
    this.#materialize(batch, state);
    return batchObject(batch, state, processedLines(batch, state, this.ctx.clock.now()));
  }
}
