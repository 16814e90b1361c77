/**
 * The Jest entry. Add it to `setupFilesAfterEnv`:
 *
 * ```js
 * // jest.config.js
 * module.exports = { setupFilesAfterEnv: ['openai-mock/jest'] };
 * ```
 *
 * For each test file it installs one mock (every request to the OpenAI API is answered in
 * process), registers the matchers, resets the mock's state and request log before each test,
 * and uninstalls it after the file. Import `openaiMock` and `advanceTime` in your tests.
 *
 * With `OPENAI_MOCK=off` it installs nothing, so the same suite runs against the real OpenAI API
 * (a contract pass); `isMocked` tells tests which mode they run in.
 *
 * It works in CommonJS projects (ts-jest, babel-jest) and in native-ESM ones
 * (`--experimental-vm-modules`): the runner's functions come from `@jest/globals`, which Jest
 * provides to every module it loads, whatever the format.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, jest } from '@jest/globals';
import { OpenAIMockError, type OpenAIMock } from './index.js';
import type { OpenAIMockMatchers } from './matchers/types.js';
import { setUpRunner, shareActiveMock, type RunnerEntry } from './runner/setup.js';

/** Jest's modern fake timers (@sinonjs/fake-timers) mark each faked function with its clock. */
function modernFakeTimers(): boolean {
  return typeof (globalThis.setTimeout as { clock?: unknown }).clock === 'object';
}

function legacyFakeTimers(): boolean {
  return jest.isMockFunction(globalThis.setTimeout);
}

function setUp(): RunnerEntry {
  return setUpRunner({
    expect,
    beforeAll,
    beforeEach,
    afterEach,
    afterAll,
    modulesPerFile: true,
    timers: {
      isFake: () => {
        if (legacyFakeTimers()) {
          throw new OpenAIMockError(
            'ERR_OPENAI_MOCK_LEGACY_FAKE_TIMERS',
            "advanceTime() needs Jest's modern fake timers, but legacy ones are on. " +
              'Call jest.useFakeTimers() without `legacyFakeTimers: true` (and drop `timers: "legacy"` ' +
              'or `fakeTimers: { legacyFakeTimers: true }` from the Jest config).',
          );
        }
        return modernFakeTimers();
      },
      advanceToNextTimer: async () => {
        await jest.advanceTimersToNextTimerAsync();
      },
      advanceBy: async (ms) => {
        await jest.advanceTimersByTimeAsync(ms);
      },
    },
  });
}

// A native-ESM Jest project may load this entry twice in one test file: Jest resolves
// `setupFilesAfterEnv` with `require` conditions (the CommonJS build), while the test file's
// `import` gets the ES module build. Jest gives every test file a fresh global object, so the
// first copy to load keeps its entry there and the second one reuses it: one mock, one set of
// hooks, one registration of the matchers.
const ENTRY = Symbol.for('openai-mock.jest-entry');
const slot = globalThis as { [ENTRY]?: RunnerEntry };
shareActiveMock();
const entry = (slot[ENTRY] ??= setUp());

/** The mock serving this test file. State is reset before each test. */
export const openaiMock: OpenAIMock = entry.openaiMock;

/**
 * Lets `ms` milliseconds pass for the mock and the code under test.
 *
 * With Jest's fake timers on (`jest.useFakeTimers()`), it fires them one by one at their own
 * moments and lets the requests each one starts complete before moving on, so the SDK's own
 * sleeps (retries, `files.waitForProcessing`) and your polling loops run exactly as they would in
 * real time. With real timers it moves only the mock's clock: statuses change at once.
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
 * (isMocked ? test : test.skip)('the job succeeds after 10 s', async () => { ... });
 * ```
 */
export const isMocked: boolean = entry.isMocked;

// The matchers' types, for both ways Jest users type `expect`: the global one from @types/jest
// (`jest.Matchers<R, T>`), and the one imported from `@jest/globals` (the `expect` package's
// `Matchers<R, T>`). Each augmentation repeats its target's type parameters exactly.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> extends OpenAIMockMatchers<R> {}
  }
}

declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends OpenAIMockMatchers<R> {}
}
