/**
 * Timed state machines whose status is computed when read, never pushed by a timer.
 *
 * A {@link Timeline} holds the creation time, a schedule (phases with durations, then a
 * terminal outcome) and the events recorded against it (cancel, pause, resume, a manual step).
 * {@link Timeline.at} replays them up to a moment and answers the status then, when it was
 * entered, what comes next and the whole history. Fake timers, `setSystemTime` jumps and real
 * time all work the same way, and nothing is left running between tests.
 */

/** One timed phase. `durationMs: Infinity` holds the phase until a `step` event ends it. */
export interface Phase<S extends string> {
  readonly status: S;
  readonly durationMs: number;
}

/** Something that happened to an object, at a moment on the mock's clock (ms). */
export type TimelineEvent<S extends string> =
  /**
   * Ends the lifecycle now in a terminal status (cancelled, failed...), straight away or, with
   * `via`, after a timed last phase (a batch is `cancelling` for a while before `cancelled`).
   */
  | { readonly type: 'stop'; readonly at: number; readonly status: S; readonly via?: Phase<S> }
  /** Freezes the schedule: time spent paused does not count toward the phase. */
  | { readonly type: 'pause'; readonly at: number; readonly status: S }
  /** Continues the phase that was paused, with the time it had left. */
  | { readonly type: 'resume'; readonly at: number }
  /** Ends the current phase now (manual progression). */
  | { readonly type: 'step'; readonly at: number };

export interface Transition<S extends string> {
  readonly status: S;
  /** When the status was entered, in ms on the mock's clock. */
  readonly at: number;
}

export interface LifecycleState<S extends string> {
  readonly status: S;
  /** When the current status was entered (ms). */
  readonly since: number;
  /** The change that comes next if nothing intervenes; null when terminal, paused or held. */
  readonly next: Transition<S> | null;
  /** Every status entered so far, oldest first; the last one is the current status. */
  readonly history: readonly Transition<S>[];
  /** True once the schedule has run out or a `stop` event ended it. */
  readonly terminal: boolean;
  readonly paused: boolean;
}

export class Timeline<S extends string> {
  readonly #events: TimelineEvent<S>[] = [];

  constructor(
    readonly createdAt: number,
    readonly phases: readonly Phase<S>[],
    readonly outcome: S,
  ) {}

  /** Records an event. Events are replayed in time order, ties in recording order. */
  record(event: TimelineEvent<S>): void {
    let i = this.#events.length;
    while (i > 0 && this.#events[i - 1]!.at > event.at) i--;
    this.#events.splice(i, 0, event);
  }

  /**
   * The lifecycle as the object is created, before any time passes: its first status, even when
   * that phase lasts 0 ms (the API answers a create with the first status; a phase of 0 ms ends
   * by the next read). Create responses use it.
   */
  initial(): LifecycleState<S> {
    const first = this.phases[0];
    const status = first?.status ?? this.outcome;
    const end = first ? this.createdAt + first.durationMs : Infinity;
    const next = first && Number.isFinite(end) ? { status: this.phases[1]?.status ?? this.outcome, at: end } : null;
    return { status, since: this.createdAt, next, history: [{ status, at: this.createdAt }], terminal: !first, paused: false };
  }

  /** The lifecycle as it stands at `now` (ms). */
  at(now: number): LifecycleState<S> {
    const phases = this.phases;
    const history: Transition<S>[] = [{ status: phases[0]?.status ?? this.outcome, at: this.createdAt }];
    let index = 0;
    let enteredAt = this.createdAt;
    let pausedAt: number | null = null;
    let stopped = false;
    /** The terminal status a `stop` with `via` is heading for, and when it is reached. */
    let ending: Transition<S> | null = null;

    const current = (): S => (index < phases.length ? phases[index]!.status : this.outcome);
    const enter = (at: number): void => {
      history.push({ status: current(), at });
    };
    const run = (until: number): void => {
      while (!stopped && pausedAt === null && index < phases.length) {
        const end = enteredAt + phases[index]!.durationMs;
        if (end > until) return;
        index += 1;
        enteredAt = end;
        enter(end);
      }
    };

    for (const event of this.#events) {
      if (event.at > now) break;
      run(event.at);
      if (stopped) break;
      const finished = index >= phases.length;
      switch (event.type) {
        case 'stop':
          if (finished) break;
          stopped = true;
          if (event.via) {
            history.push({ status: event.via.status, at: event.at });
            ending = { status: event.status, at: event.at + event.via.durationMs };
          } else {
            history.push({ status: event.status, at: event.at });
          }
          break;
        case 'pause':
          if (finished || pausedAt !== null) break;
          pausedAt = event.at;
          history.push({ status: event.status, at: event.at });
          break;
        case 'resume':
          if (pausedAt === null) break;
          enteredAt += event.at - pausedAt;
          pausedAt = null;
          enter(event.at);
          break;
        case 'step':
          if (finished || pausedAt !== null) break;
          index += 1;
          enteredAt = event.at;
          enter(event.at);
          break;
      }
    }
    run(now);
    if (ending !== null && ending.at <= now) {
      history.push(ending);
      ending = null;
    }

    const last = history.at(-1)!;
    const terminal = (stopped && ending === null) || (!stopped && index >= phases.length);
    let next: Transition<S> | null = ending !== null && Number.isFinite(ending.at) ? ending : null;
    if (!stopped && !terminal && pausedAt === null) {
      const end = enteredAt + phases[index]!.durationMs;
      if (Number.isFinite(end)) {
        next = { status: index + 1 < phases.length ? phases[index + 1]!.status : this.outcome, at: end };
      }
    }
    return { status: last.status, since: last.at, next, history, terminal, paused: !stopped && pausedAt !== null };
  }
}

/** When `status` was first entered, if it has been. */
export function enteredAt<S extends string>(state: LifecycleState<S>, status: S): number | null {
  return state.history.find((t) => t.status === status)?.at ?? null;
}
