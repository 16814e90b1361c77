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
 *
 * With `OPENAI_MOCK=off` it installs nothing, so the same suite runs against the real OpenAI API
 * (a contract pass); `isMocked` tells tests which mode they run in.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import type { OpenAIMock } from './index.js';
import type { OpenAIMockMatchers } from './matchers/types.js';
import { setUpRunner } from './runner/setup.js';

const entry = setUpRunner({
  expect,
  beforeAll,
  beforeEach,
  afterEach,
  afterAll,
  modulesPerFile: false,
  timers: {
    isFake: () => vi.isFakeTimers(),
    advanceToNextTimer: async () => {
      await vi.advanceTimersToNextTimerAsync();
    },
    advanceBy: async (ms) => {
      await vi.advanceTimersByTimeAsync(ms);
    },
  },
});

/** The mock serving this test file. State is reset before each test. */
export const openaiMock: OpenAIMock = entry.openaiMock;

/**
 * Lets `ms` milliseconds pass for the mock and the code under test.
 *
 * With fake timers on (`vi.useFakeTimers()`), it fires them one by one at their own moments and
 * lets the requests each one starts complete before moving on, so the SDK's own sleeps (retries,
 * `files.waitForProcessing`) and your polling loops run exactly as they would in real time.
 * With real timers it moves only the mock's clock: statuses change at once, nothing sleeps.
 *
 * With `OPENAI_MOCK=off` (real API) it waits `ms` of real time instead, advancing fake timers in
 * step, and throws `ERR_OPENAI_MOCK_REAL_WAIT_TOO_LONG` past `OPENAI_MOCK_MAX_WAIT_MS` (60 s).
 */
export const advanceTime: (ms: number) => Promise<void> = entry.advanceTime;

/**
 * True when the mock answers this suite's requests (the default); false when `OPENAI_MOCK=off`
 * sends them to the real OpenAI API. Guard what only the mock can do (matchers, `openaiMock`'s
 * state, scripted replies, long `advanceTime` waits) with it, so one suite runs in both modes:
 *
 * ```ts
 * test.runIf(isMocked)('the job succeeds after 10 s', async () => { ... });
 * ```
 */
export const isMocked: boolean = entry.isMocked;

// The matchers' types. Vitest's own `Matchers` interface changed shape in every major (3.0:
// `Assertion<T>`, 3.2 and 4: `Matchers<T>`, 5: `Matchers<R, T>`), and an augmentation must repeat
// the exact type parameters, so no single `Matchers` augmentation compiles on all of them. Every
// major, though, builds `Assertion` by mapping Chai's `Assertion` interface (methods keep their
// signature, and become promise-returning under `.resolves`/`.rejects`), and Vitest's
// `expect.extend` registers matchers on Chai's prototype. Adding the matchers to Chai's
// `Assertion` therefore types them the same way on Vitest 3, 4 and 5.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Chai {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Assertion extends OpenAIMockMatchers<void> {}
  }
}
