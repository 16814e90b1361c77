import { badRequest, notFound, type ApiError } from '../../engine/api-error.js';
import { toSeconds } from '../../engine/clock.js';
import type { MockContext } from '../../engine/context.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { Timeline, type LifecycleState } from '../../engine/lifecycle.js';
import type { NewItem } from './input-items.js';
import type { ConversationItem, DeletedResponse, ResponseObject, ResponseStatus } from './types.js';

/**
 * How long a `background: true` response stays in each status before it is done (ms on the
 * mock's clock): `queued` when created, `in_progress` after 1 s, finished after 3 s.
 */
export const BACKGROUND_PHASES: Readonly<Record<'queued' | 'in_progress', number>> = { queued: 1000, in_progress: 2000 };

interface Entry {
  /** The response as it is once done (for a background response, what it becomes). */
  readonly final: ResponseObject;
  /** The items this response was given, with their ids, oldest first. */
  readonly input: readonly ConversationItem[];
  /** Everything the model saw before answering: the chain's items, then `input`. */
  readonly context: readonly ConversationItem[];
  /** The schedule of a background response; null for one answered at once. */
  readonly timeline: Timeline<ResponseStatus> | null;
}

/** Stored responses (`store: true`, the default), for retrieve, delete, cancel and input items. */
export class ResponsesState {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly ctx: MockContext) {}

  /** Ids of every stored response, oldest first. */
  ids(): string[] {
    return [...this.#entries.keys()];
  }

  /** A stored response as `GET /v1/responses/{id}` returns it now, or undefined. */
  find(id: string): ResponseObject | undefined {
    const entry = this.#entries.get(id);
    return entry ? this.#view(entry) : undefined;
  }

  retrieve(id: string): ResponseObject {
    return this.#view(this.#entry(id));
  }

  delete(id: string): DeletedResponse {
    this.#entry(id);
    this.#entries.delete(id);
    return { id, object: 'response', deleted: true };
  }

  /**
   * Cancels a background response that is still `queued` or `in_progress`. A background response
   * that already finished (or was cancelled) is returned as it is, so cancelling is idempotent.
   */
  cancel(id: string): ResponseObject {
    const entry = this.#entry(id);
    if (!entry.timeline) {
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
    const entry = this.#entries.get(previousId);
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
   * schedule now: it reads `queued`, then `in_progress`, then `final.status` (see BACKGROUND_PHASES).
   */
  store(final: ResponseObject, input: readonly ConversationItem[], context: readonly ConversationItem[]): void {
    // The `instant` timing preset finishes a background response by its first read.
    const scale = this.ctx.config().timing === 'instant' ? 0 : 1;
    const timeline = final.background
      ? new Timeline<ResponseStatus>(
          this.ctx.clock.now(),
          [
            { status: 'queued', durationMs: BACKGROUND_PHASES.queued * scale },
            { status: 'in_progress', durationMs: BACKGROUND_PHASES.in_progress * scale },
          ],
          final.status,
        )
      : null;
    this.#entries.set(final.id, { final, input, context, timeline });
  }

  /**
   * Stores a response as given, as if created earlier (the factories' `create()` uses this). It
   * keeps its status; `inputItems` are what `input_items` lists and what a response continuing
   * from it sees before its output.
   */
  seed(response: ResponseObject, inputItems: readonly ConversationItem[] = []): ResponseObject {
    if (this.#entries.has(response.id)) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_DUPLICATE_ID',
        `A response with id '${response.id}' already exists in the mock. Give the seeded response another id.`,
      );
    }
    this.#entries.set(response.id, { final: response, input: inputItems, context: inputItems, timeline: null });
    return response;
  }

  reset(): void {
    this.#entries.clear();
  }

  #entry(id: string): Entry {
    const entry = this.#entries.get(id);
    if (!entry) throw responseNotFound(id);
    return entry;
  }

  /** A stored response as its create call answers it: a background one in its first status. */
  created(id: string): ResponseObject {
    const entry = this.#entry(id);
    return this.#view(entry, entry.timeline?.initial());
  }

  #view(entry: Entry, at?: LifecycleState<ResponseStatus>): ResponseObject {
    if (!entry.timeline) return entry.final;
    const state = at ?? entry.timeline.at(this.ctx.clock.now());
    if (state.status === 'completed') return { ...entry.final, completed_at: toSeconds(state.since) };
    if (state.status === entry.final.status) return entry.final;
    return { ...entry.final, status: state.status, completed_at: null, incomplete_details: null, output: [], usage: null };
  }
}

/** UNVERIFIED: param and code; the wording is the one OpenAI-compatible servers copy. */
export function responseNotFound(id: string): ApiError {
  return notFound(`Response with id '${id}' not found.`);
}
