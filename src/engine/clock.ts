import { OpenAIMockError } from './errors.js';

/**
 * The mock's sense of time. `now()` is `Date.now()` plus a manual offset: under fake timers
 * (Vitest or Jest, which both fake `Date`) the runner drives it, and without them
 * {@link Clock.advance} moves it forward. No timer is ever scheduled.
 */
export class Clock {
  #offsetMs = 0;
  readonly #advanceListeners = new Set<() => void>();

  /** Milliseconds since the epoch, as the mock sees them. */
  now(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Unix seconds, the unit of every timestamp in the OpenAI API. */
  nowSeconds(): number {
    return toSeconds(this.now());
  }

  /** Moves the mock's time forward without touching the runner's timers. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `Cannot advance the clock by ${String(ms)} ms: pass a finite number of milliseconds, 0 or more.`,
      );
    }
    this.#offsetMs += ms;
    for (const listener of this.#advanceListeners) listener();
  }

  /**
   * Calls `listener` after every {@link advance} (what is waiting for a moment on this clock,
   * such as a delayed answer, looks again). Returns a function that stops the calls.
   */
  onAdvance(listener: () => void): () => void {
    this.#advanceListeners.add(listener);
    return () => {
      this.#advanceListeners.delete(listener);
    };
  }

  /** Drops the manual offset, so `now()` follows `Date.now()` again. */
  reset(): void {
    this.#offsetMs = 0;
  }
}

export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
