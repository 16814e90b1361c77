import type { OpenAIMock } from '../openai-mock.js';

/** What `advanceTime` needs from a runner's fake timers (Vitest's `vi`, Jest's `jest`). */
export interface FakeTimerControls {
  /** True while the runner's fake timers are installed. */
  isFake(): boolean;
  /** Fires the next scheduled fake timer, moving the fake clock to its time. */
  advanceToNextTimer(): Promise<void>;
  /** Fires every timer due within `ms`, moving the fake clock by `ms`. */
  advanceBy(ms: number): Promise<void>;
}

// Captured when this module loads (from a setup file, before any test fakes timers), so that
// waiting for real I/O keeps working while the runner's timers are fake.
const realSetImmediate = globalThis.setImmediate;
const realNow = performance.now.bind(performance);
const nextRealTurn = (): Promise<void> => new Promise((resolve) => realSetImmediate(resolve));

/** Real event-loop turns with no request in flight after which pending I/O is taken as done. */
const QUIET_TURNS = 8;
/** Real milliseconds after which a request that never completes stops holding time back. */
const MAX_SETTLE_MS = 2000;
/** A guard against intervals firing without end: past it, the rest of the time passes at once. */
const MAX_TIMERS = 100_000;
/** The longest delay a timer can have (2^31 − 1 ms, about 24.8 days); Node makes a longer one 1 ms. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Lets `ms` pass under fake timers, one timer at a time: each timer fires at its own moment, and
 * the requests it starts (which need real event-loop turns to travel through nock) complete
 * before the clock moves on. A polling loop therefore sees exactly the statuses it would see in
 * real time. A sentinel timer at the end keeps the clock from passing the target.
 */
export async function advanceFakeTime(mock: OpenAIMock, timers: FakeTimerControls, ms: number): Promise<void> {
  // The sentinel is a timer, so a longer advance goes in steps a timer can span.
  let left = ms;
  do {
    const step = Math.min(left, MAX_DELAY_MS);
    await advanceUpTo(mock, timers, step);
    left -= step;
  } while (left > 0);
}

/** {@link advanceFakeTime} for at most {@link MAX_DELAY_MS}. */
async function advanceUpTo(mock: OpenAIMock, timers: FakeTimerControls, ms: number): Promise<void> {
  let reached = false;
  const sentinel = setTimeout(() => {
    reached = true;
  }, ms);
  try {
    await settle(mock);
    let fired = 0;
    while (!reached && fired < MAX_TIMERS) {
      await timers.advanceToNextTimer();
      fired += 1;
      await settle(mock);
    }
    if (!reached) await timers.advanceBy(ms);
    // Timers due at the very end, and what they start, run before we return.
    for (let i = 0; i < 100; i++) {
      const before = mock.requestCount;
      await timers.advanceBy(0);
      await settle(mock);
      if (mock.requestCount === before) break;
    }
  } finally {
    clearTimeout(sentinel);
  }
}

/** Waits real event-loop turns until no request is in flight and none has started for a while. */
async function settle(mock: OpenAIMock): Promise<void> {
  let quiet = 0;
  const deadline = realNow() + MAX_SETTLE_MS;
  while (quiet < QUIET_TURNS && realNow() < deadline) {
    const seen = mock.requestCount;
    await nextRealTurn();
    quiet = mock.inFlight > 0 || mock.requestCount !== seen ? 0 : quiet + 1;
  }
}
