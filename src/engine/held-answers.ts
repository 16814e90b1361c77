/**
 * Answers the mock holds back: those a `latency` fault delays, and requests a `timeout` fault
 * never answers. Each waits for a moment on the mock's clock, so fake timers (or
 * `clock.advance()`) let it go; all are let go at once on reset or uninstall, so none outlives a
 * test. A request never answered is then given its release answer, an error the client does not
 * retry: a retry would outlive the test, and after uninstall it would reach the network.
 */
import type { Clock } from './clock.js';
import { connectionResetError } from './fault-responses.js';
import type { MockResponse } from './request.js';

/** The connection drops before any answer: the transport fails the request as the network would. */
export interface DroppedConnection {
  /** The error the socket raised (`ECONNRESET`). */
  readonly dropped: Error;
}

/** An answer the engine holds back; the transport waits for it outside the in-flight count. */
export interface HeldAnswer {
  /**
   * Settles with the answer when it is due or the mock lets go of it (reset, uninstall), or with
   * a dropped connection when the client gave up on it.
   */
  readonly held: Promise<MockResponse | DroppedConnection>;
  /** For transports: the client aborted the request, so the mock stops holding it. */
  abandon(): void;
}

interface Entry {
  /** When the answer is due on the mock's clock (Infinity: never). */
  readonly due: number;
  readonly answer: MockResponse;
  readonly settle: (answer: MockResponse | DroppedConnection) => void;
  clearTimer: (() => void) | null;
}

/** The answers held now. */
export class HeldAnswers {
  readonly #clock: Clock;
  readonly #entries = new Set<Entry>();

  constructor(clock: Clock) {
    this.#clock = clock;
    clock.onAdvance(() => this.#releaseDue());
  }

  /** How many answers are held now. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Holds `answer` for `ms` on the mock's clock. With `ms` = Infinity it is never due: the
   * request ends when the client gives up, or with `answer` when the mock lets go of it.
   *
   * The wait is a timer made with the `setTimeout` of the moment: a fake one under fake timers,
   * which `advanceTime` fires; a real one otherwise, which `clock.advance()` cuts short.
   */
  hold(answer: MockResponse, ms: number): HeldAnswer {
    let settle!: (answer: MockResponse | DroppedConnection) => void;
    const held = new Promise<MockResponse | DroppedConnection>((resolve) => {
      settle = resolve;
    });
    const entry: Entry = { due: this.#clock.now() + ms, answer, settle, clearTimer: null };
    this.#entries.add(entry);
    if (Number.isFinite(ms)) {
      const set = globalThis.setTimeout;
      const clear = globalThis.clearTimeout;
      const timer = set(() => this.#release(entry), ms);
      // A real timer must not keep the process alive on its own.
      (timer as { unref?: () => void }).unref?.();
      entry.clearTimer = () => clear(timer);
    }
    return { held, abandon: () => this.#release(entry, true) };
  }

  /** Lets every held answer go now, each with its answer. */
  releaseAll(): void {
    for (const entry of [...this.#entries]) this.#release(entry);
  }

  #releaseDue(): void {
    const now = this.#clock.now();
    for (const entry of [...this.#entries]) {
      if (entry.due <= now) this.#release(entry);
    }
  }

  #release(entry: Entry, drop = false): void {
    if (!this.#entries.delete(entry)) return;
    entry.clearTimer?.();
    entry.settle(drop ? { dropped: connectionResetError() } : entry.answer);
  }
}
