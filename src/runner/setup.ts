/**
 * What every runner entry does, given that runner's own hooks, `expect` and timers: one mock per
 * test file, installed before the file's tests and removed after them, reset before each test,
 * the matchers registered, and an `advanceTime` that drives the runner's fake timers.
 */
import { createOpenAIMock } from '../index.js';
import { matchers } from '../matchers/index.js';
import { setActiveMock } from '../mock/active.js';
import type { OpenAIMock } from '../mock/openai-mock.js';
import { releaseNock, releaseNockCopies } from '../transport/nock.js';
import { advanceFakeTime, type FakeTimerControls } from './advance-time.js';

/** The part of a test runner an entry needs. Vitest and Jest both have it. */
export interface RunnerHooks {
  readonly expect: { extend(matchers: object): void };
  readonly beforeAll: (fn: () => void) => void;
  readonly beforeEach: (fn: () => void) => void;
  readonly afterAll: (fn: () => void) => void;
  readonly timers: FakeTimerControls;
  /**
   * True where the runner drops a test file's modules when the file ends (Jest): the copies of
   * nock the file loaded are then turned off with it.
   */
  readonly modulesPerFile: boolean;
}

/** What a runner entry exports. */
export interface RunnerEntry {
  /** The mock serving this test file. State is reset before each test. */
  readonly openaiMock: OpenAIMock;
  /** Lets `ms` milliseconds pass for the mock and the code under test. */
  readonly advanceTime: (ms: number) => Promise<void>;
}

const RUNNER_MOCK = Symbol.for('openai-mock.runner-mock');

/**
 * The runner entries' mock, one per global object. Vitest with `isolate: false` runs several
 * files in one worker, one after another, and evaluates the setup file again for each while
 * keeping the modules the files share (a helper that imports `openaiMock` is evaluated once): a
 * new mock per evaluation would leave such a helper holding an earlier file's mock, uninstalled.
 * So every evaluation in a worker gets the same mock, put back to its defaults after each file.
 * Jest gives each test file a fresh global object, hence a fresh mock.
 */
function runnerMock(): OpenAIMock {
  const slot = globalThis as { [RUNNER_MOCK]?: OpenAIMock };
  return (slot[RUNNER_MOCK] ??= createOpenAIMock());
}

export function setUpRunner(runner: RunnerHooks): RunnerEntry {
  const openaiMock = runnerMock();

  async function advanceTime(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) openaiMock.clock.advance(ms); // throws the coded error
    if (runner.timers.isFake()) {
      await advanceFakeTime(openaiMock, runner.timers, ms);
    } else {
      openaiMock.clock.advance(ms);
    }
  }

  runner.expect.extend(matchers);

  runner.beforeAll(() => {
    openaiMock.install();
    setActiveMock(openaiMock);
  });

  runner.beforeEach(() => {
    openaiMock.reset();
    setActiveMock(openaiMock);
  });

  runner.afterAll(() => {
    openaiMock.uninstall();
    // The next file in this worker, if any, starts from the defaults with nothing in it.
    openaiMock.resetConfig().reset();
    setActiveMock(null);
    if (runner.modulesPerFile) releaseNockCopies();
    else releaseNock();
  });

  return { openaiMock, advanceTime };
}
