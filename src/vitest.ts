/**
 * The Vitest entry. Add it to `setupFiles`:
 *
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { setupFiles: ['openai-mock/vitest'] } });
 * ```
 *
 * For each test file it installs one mock (every request to the OpenAI API is answered in
 * process), registers the matchers, resets the mock's state and request log before each test,
 * and uninstalls it after the file. Import `openaiMock` and `advanceTime` in your tests.
 */
import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';
import { createOpenAIMock } from './index.js';
import { setActiveMock } from './mock/active.js';
import { matchers } from './matchers/index.js';
import { advanceFakeTime } from './runner/advance-time.js';
import type { OpenAIMockMatchers } from './matchers/types.js';

/** The mock serving this test file. State is reset before each test. */
export const openaiMock = createOpenAIMock();

/**
 * Lets `ms` milliseconds pass for the mock and the code under test.
 *
 * With fake timers on (`vi.useFakeTimers()`), it fires them one by one at their own moments and
 * lets the requests each one starts complete before moving on, so the SDK's own sleeps (retries,
 * `files.waitForProcessing`) and your polling loops run exactly as they would in real time.
 * With real timers it moves only the mock's clock: statuses change at once, nothing sleeps.
 */
export async function advanceTime(ms: number): Promise<void> {
  if (!Number.isFinite(ms) || ms < 0) openaiMock.clock.advance(ms); // throws the coded error
  if (vi.isFakeTimers()) {
    await advanceFakeTime(openaiMock, vitestTimers, ms);
  } else {
    openaiMock.clock.advance(ms);
  }
}

const vitestTimers = {
  isFake: () => vi.isFakeTimers(),
  advanceToNextTimer: async () => {
    await vi.advanceTimersToNextTimerAsync();
  },
  advanceBy: async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
  },
};

expect.extend(matchers);

beforeAll(() => {
  openaiMock.install();
  setActiveMock(openaiMock);
});

beforeEach(() => {
  openaiMock.reset();
  setActiveMock(openaiMock);
});

afterAll(() => {
  openaiMock.uninstall();
  setActiveMock(null);
});

declare module 'vitest' {
  // Vitest 5 types matchers as Matchers<R, T>: R is what the assertion returns (a promise under
  // `.resolves`). Type parameters must repeat Vitest's own declaration exactly.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void> = void | Promise<void>, T = unknown>
    extends OpenAIMockMatchers<R> {}
}
