/**
 * What the runner entries hand out when `OPENAI_MOCK=off`: nothing is installed and requests go
 * to the real API, so the mock's state does not exist. `openaiMock` becomes a stand-in whose
 * state and scripting members throw a coded error saying how to guard the test, and
 * `advanceTime` really waits (up to a cap) instead of moving a clock.
 */
import { OpenAIMockError } from '../engine/errors.js';
import { OpenAIMock } from '../openai-mock.js';
import type { FetchFunction } from '../transport/fetch.js';
import type { FakeTimerControls } from './advance-time.js';
import { MAX_WAIT_VARIABLE, MODE_VARIABLE } from './mode.js';

// Captured when this module loads (from a setup file, before any test fakes timers).
const realSetTimeout = globalThis.setTimeout;
const realNow = performance.now.bind(performance);
const realSleep = (ms: number): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, ms));

/** How often, in real ms, fake timers catch up with real time while `advanceTime` waits. */
const SLICE_MS = 25;

/** How to run a test or an assertion only against the mock; ends every message here. */
const GUARD =
  "Run it only against the mock: test.runIf(isMocked)(...) in Vitest, (isMocked ? test : test.skip)(...) in Jest, or `if (isMocked) { ... }` around the lines, with isMocked from 'openai-mock/vitest' or 'openai-mock/jest'.";

/** Members that set the mock up rather than read it: harmless no-ops with nothing installed. */
const NO_OPS = new Set<PropertyKey>(['configure', 'resetConfig', 'reset', 'install', 'uninstall']);

/** The error for using the mock's state while the suite runs against the real API. */
export function disabledError(what: string): OpenAIMockError {
  return new OpenAIMockError(
    'ERR_OPENAI_MOCK_DISABLED',
    `${what} needs the mock's state, which does not exist with ${MODE_VARIABLE}=off: requests go to the real OpenAI API. ${GUARD}`,
  );
}

/**
 * The `openaiMock` of real mode. `installed` is false, `fetch` is the global `fetch` (so clients
 * built with `fetch: openaiMock.fetch` reach the real API too), and `configure`, `resetConfig`,
 * `reset`, `install` and `uninstall` do nothing. Every other member of {@link OpenAIMock}
 * (`files`, `jobs`, `requests`, `seed`, `replyWith`, `clock`, ...) throws
 * `ERR_OPENAI_MOCK_DISABLED`. Keys that are not its own members (`then`, `constructor`,
 * `toString`, symbols) read as usual, so the runner can print or await-check the object.
 */
export function disabledMock(): OpenAIMock {
  const target = new OpenAIMock();
  const members = new Set([...Object.getOwnPropertyNames(target), ...Object.getOwnPropertyNames(OpenAIMock.prototype)]);
  members.delete('constructor');
  const passThrough: FetchFunction = (input, init) => globalThis.fetch(input, init);
  const proxy: OpenAIMock = new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || !members.has(key)) return Reflect.get(object, key, receiver) as unknown;
      if (key === 'installed') return false;
      if (key === 'fetch') return passThrough;
      if (NO_OPS.has(key)) return () => proxy;
      throw disabledError(`openaiMock.${key}`);
    },
  });
  return proxy;
}

/**
 * `advanceTime` for real mode: `ms` of real time pass. Under fake timers they are advanced in
 * step with the real clock (every {@link SLICE_MS} ms), so the code under test's sleeps end when
 * they would and its requests travel over the network meanwhile; with real timers it simply
 * sleeps. Waits longer than `maxWaitMs` throw `ERR_OPENAI_MOCK_REAL_WAIT_TOO_LONG` at once.
 */
export function realAdvanceTime(timers: FakeTimerControls, maxWaitMs: number): (ms: number) => Promise<void> {
  return async (ms: number): Promise<void> => {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `Cannot advance time by ${String(ms)} ms: pass a finite number of milliseconds, 0 or more.`,
      );
    }
    if (ms > maxWaitMs) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_REAL_WAIT_TOO_LONG',
        `advanceTime(${ms}) would wait ${ms} ms of real time: with ${MODE_VARIABLE}=off nothing speeds up the real API ` +
          `(a fine-tuning job takes minutes to hours, a batch up to its completion window). The cap is ${maxWaitMs} ms. ` +
          `Skip this test in real mode, or raise the cap with ${MAX_WAIT_VARIABLE} (and the runner's test timeout). ${GUARD}`,
      );
    }
    if (!timers.isFake()) {
      await realSleep(ms);
      return;
    }
    const start = realNow();
    let moved = 0;
    while (moved < ms) {
      await realSleep(Math.min(SLICE_MS, ms - moved));
      const due = Math.min(ms, Math.floor(realNow() - start));
      if (due > moved) {
        await timers.advanceBy(due - moved);
        moved = due;
      }
    }
  };
}
