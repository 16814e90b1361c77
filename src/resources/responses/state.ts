import { badRequest, notFound, type ApiError } from '../../engine/api-error.js';
import { toSeconds } from '../../engine/clock.js';
import { Timeline, type LifecycleState, type Phase } from '../../engine/lifecycle.js';
import type { MockContext } from '../../engine/resource.js';
import { LifecycleStore, type Stored } from '../../engine/store.js';
import type { NewItem } from './input-items.js';
import { checkResponsePlan, type BackgroundPhase, type PlannedResponseError, type ResponsePlan, type ResponsePlanTarget } from './plan.js';
import type { ConversationItem, DeletedResponse, ResponseObject, ResponseStatus } from './types.js';

/**
 * How long a `background: true` response stays in each status before it is done (ms on the
 * mock's clock): `queued` when created, `in_progress` after 1 s, finished after 3 s.
 */
export const BACKGROUND_PHASES: Readonly<Record<BackgroundPhase, number>> = { queued: 1000, in_progress: 2000 };

interface StoredResponse extends Stored<ResponseStatus> {
  /** The response as it is once done (for a background response, what it becomes). */
  readonly final: ResponseObject;
  /** The items this response was given, with their ids, oldest first. */
  readonly input: readonly ConversationItem[];
  /** Everything the model saw before answering: the chain's items, then `input`. */
  readonly context: readonly ConversationItem[];
  /** The error a test's plan makes a background response fail with. */
  readonly failure: PlannedResponseError | null;
}

/**
 * Stored responses (`store: true`, the default), for retrieve, delete, cancel and input items.
 * A background response has a lifecycle (queued, in_progress, then its outcome); one answered
 * at once, or seeded, is final from the start.
 */
export class ResponsesState {
  readonly store: LifecycleStore<ResponseStatus, StoredResponse, ResponsePlan, ResponsePlanTarget>;

  constructor(private readonly ctx: MockContext) {
    this.store = new LifecycleStore(ctx.clock, ctx.ids, { names: { kind: 'response', collection: 'responses' }, checkPlan: checkResponsePlan });
  }

  /** Ids of every stored response, oldest first. */
  ids(): string[] {
    return this.store.ids();
  }

  /** A stored response as `GET /v1/responses/{id}` returns it now, or undefined. */
  find(id: string): ResponseObject | undefined {
    const entry = this.store.get(id);
    return entry ? this.#view(entry) : undefined;
  }

  retrieve(id: string): ResponseObject {
    return this.#view(this.#entry(id));
  }

  /** A stored response's lifecycle now (one answered at once is final from the start). */
  lifecycle(id: string): LifecycleState<ResponseStatus> | undefined {
    return this.store.lifecycle(id);
  }

  /** Adds a plan for background responses the code under test will create. */
  plan(plan: ResponsePlan): void {
    this.store.plan(plan);
  }

  /** Ends a background response's current phase now. */
  step(id: string): ResponseObject {
    return this.#view(this.store.step(id));
  }

  delete(id: string): DeletedResponse {
    this.#entry(id);
    this.store.remove(id);
    return { id, object: 'response', deleted: true };
  }

  /**
   * Cancels a background response that is still `queued` or `in_progress`. A background response
   * that already finished (or was cancelled) is returned as it is, so cancelling is idempotent.
   */
  cancel(id: string): ResponseObject {
    const entry = this.#entry(id);
    if (!this.#timed(entry)) {
      // UNVERIFIED: wording; the API only cancels responses created with background=true.
      throw badRequest('Only responses created with background=true can be cancelled.');
    }
    const now = this.ctx.clock.now();
    if (!entry.timeline.at(now).terminal) entry.timeline.record({ type: 'stop', at: now, status: 'cancelled' });
    return this.#view(entry);
  }

  /** The items a stored response was given, oldest first, with the ids the API assigned them. */
  inputItems(id: string): readonly ConversationItem[] {
    return this.#entry(id).input;
  }

  /**
   * The conversation a new response continues from `previous_response_id`: the previous
   * response's context and its output. Unknown, deleted and unstored ids are all not found.
   */
  conversation(previousId: string): ConversationItem[] {
    const entry = this.store.get(previousId);
    if (!entry) {
      throw badRequest(`Previous response with id '${previousId}' not found.`, 'previous_response_id', 'previous_response_not_found');
    }
    const response = this.#view(entry);
    if (response.status === 'queued' || response.status === 'in_progress') {
      // UNVERIFIED: wording; a background response has no output to continue from until it ends.
      throw badRequest(
        `Previous response with id '${previousId}' is still ${response.status === 'queued' ? 'queued' : 'in progress'}. ` +
          'Wait until it is completed to continue from it.',
        'previous_response_id',
      );
    }
    return [...entry.context, ...response.output];
  }

  /** Gives each new item the id the API would: `msg_…` for messages, `fc_…` for calls, `fco_…` for outputs. */
  identify(items: readonly NewItem[]): ConversationItem[] {
    return items.map((item): ConversationItem => {
      const prefix = item.type === 'message' ? 'msg_' : item.type === 'function_call' ? 'fc_' : 'fco_';
      return { ...item, id: item.id ?? this.ctx.ids.next(prefix) };
    });
  }

  /**
   * Keeps a response created with `store: true`, as it is once done. A background one starts its
   * schedule now: it reads `queued`, then `in_progress`, then `final.status` (see
   * BACKGROUND_PHASES), unless a test's plan says otherwise.
   */
  keep(final: ResponseObject, input: readonly ConversationItem[], context: readonly ConversationItem[]): void {
    const now = this.ctx.clock.now();
    let phases: Phase<ResponseStatus>[] = [];
    let plan: ResponsePlan | undefined;
    if (final.background) {
      plan = this.store.takePlan({ model: final.model, metadata: final.metadata });
      const reads = plan?.advanceEveryReads !== undefined;
      // The `instant` timing preset finishes a background response by its first read.
      const scale = this.ctx.config().timing === 'instant' ? 0 : 1;
      const ms = (phase: BackgroundPhase): number =>
        reads || plan?.hold === phase ? Infinity : (plan?.timings?.[phase] ?? BACKGROUND_PHASES[phase] * scale);
      phases = [
        { status: 'queued', durationMs: ms('queued') },
        { status: 'in_progress', durationMs: ms('in_progress') },
      ];
    }
    this.store.add({
      id: final.id,
      createdAt: now,
      timeline: new Timeline<ResponseStatus>(now, phases, plan?.fail ? 'failed' : final.status),
      reads: this.store.counter(plan),
      seeded: false,
      final,
      input,
      context,
      failure: plan?.fail ?? null,
    });
  }

  /**
   * Stores a response as given, as if created earlier (the factories' `create()` uses this). It
   * keeps its status; `inputItems` are what `input_items` lists and what a response continuing
   * from it sees before its output.
   */
  seed(response: ResponseObject, inputItems: readonly ConversationItem[] = []): ResponseObject {
    const createdAt = response.created_at * 1000;
    this.store.seed({
      id: response.id,
      createdAt,
      timeline: new Timeline<ResponseStatus>(createdAt, [], response.status),
      reads: null,
      seeded: true,
      final: response,
      input: inputItems,
      context: inputItems,
      failure: null,
    });
    return response;
  }

  reset(): void {
    this.store.reset();
  }

  #entry(id: string): StoredResponse {
    const entry = this.store.get(id);
    if (!entry) throw responseNotFound(id);
    return entry;
  }

  /** A stored response as its create call answers it: a background one in its first status. */
  created(id: string): ResponseObject {
    const entry = this.#entry(id);
    return this.#view(entry, entry.timeline.initial());
  }

  /** Whether the response has a lifecycle: created with `background: true` through the API. */
  #timed(entry: StoredResponse): boolean {
    return !entry.seeded && entry.final.background === true;
  }

  #view(entry: StoredResponse, at?: LifecycleState<ResponseStatus>): ResponseObject {
    if (!this.#timed(entry)) return entry.final;
    const state = at ?? this.store.state(entry);
    if (state.status === 'failed' && entry.failure) {
      return { ...entry.final, status: 'failed', completed_at: null, incomplete_details: null, output: [], usage: null, error: { ...entry.failure } };
    }
    if (state.status === 'completed') return { ...entry.final, completed_at: toSeconds(state.since) };
    if (state.status === entry.final.status) return entry.final;
    return { ...entry.final, status: state.status, completed_at: null, incomplete_details: null, output: [], usage: null };
  }
}

/** UNVERIFIED: param and code; the wording is the one OpenAI-compatible servers copy. */
export function responseNotFound(id: string): ApiError {
  return notFound(`Response with id '${id}' not found.`);
}
