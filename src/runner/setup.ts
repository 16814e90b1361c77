/**
 * What every runner entry does, given that runner's own hooks, `expect` and timers: one mock per
 * test file, installed before the file's tests and removed after them, reset before each test,
 * the matchers registered, and an `advanceTime` that drives the runner's fake timers.
 */
import { createOpenAIMock, type TransportName } from '../index.js';
import { disabledMatchers } from '../matchers/disabled.js';
import { matchers } from '../matchers/index.js';
import { setActiveMock, setInspectScope, writeFinalState, writeStateQuietly, type OpenAIMock } from '../openai-mock.js';
import { releaseNock, releaseNockCopies } from '../transport/nock.js';
import { advanceFakeTime, type FakeTimerControls } from './advance-time.js';
import { maxRealWaitMs, mockMode } from './mode.js';
import { disabledMock, realAdvanceTime } from './real-mode.js';
import { transportFromEnv } from './transport-env.js';

export { shareActiveMock } from '../engine/active.js';

/** The part of a test runner an entry needs. Vitest and Jest both have it. */
export interface RunnerHooks {
  readonly expect: {
    extend(matchers: object): void;
    /** The running test's file and full name (for the inspection folders). */
    getState(): { testPath?: string | undefined; currentTestName?: string | undefined };
  };
  readonly beforeAll: (fn: () => void) => void;
  readonly beforeEach: (fn: () => void) => void;
  readonly afterEach: (fn: () => void) => void;
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
  /** False when `OPENAI_MOCK=off` sends the suite's requests to the real API. */
  readonly isMocked: boolean;
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
function runnerMock(transport: TransportName): OpenAIMock {
  const slot = globalThis as { [RUNNER_MOCK]?: OpenAIMock };
  return (slot[RUNNER_MOCK] ??= createOpenAIMock({ transport }));
}

/**
 * Wires an entry for the mode `OPENAI_MOCK` selects: the mock ({@link setUpMock}), or, with
 * `OPENAI_MOCK=off`, nothing installed so requests reach the real API ({@link setUpReal}).
 */
export function setUpRunner(runner: RunnerHooks): RunnerEntry {
  return mockMode() === 'mock' ? setUpMock(runner) : setUpReal(runner);
}

/**
 * Real mode: no interceptor, no reset. The matchers and the mock's state members throw
 * `ERR_OPENAI_MOCK_DISABLED`; `advanceTime` waits for real, up to `OPENAI_MOCK_MAX_WAIT_MS`.
 */
function setUpReal(runner: RunnerHooks): RunnerEntry {
  const openaiMock = disabledMock();
  const advanceTime = realAdvanceTime(runner.timers, maxRealWaitMs());
  runner.expect.extend(disabledMatchers(Object.keys(matchers)));
  // Factories' create() then fails with the same coded error instead of "not installed".
  runner.beforeAll(() => setActiveMock(openaiMock));
  runner.afterAll(() => {
    setActiveMock(null);
    // Nothing installs in real mode, so nothing loads nock; a copy the file loaded some other way
    // (through the library) is turned off with the file all the same, as in mock mode.
    if (runner.modulesPerFile) releaseNockCopies();
  });
  return { openaiMock, advanceTime, isMocked: false };
}

/**
 * The key `new OpenAI()` finds under the mock when OPENAI_API_KEY is unset. Not a credential: the
 * mock answers every request to an OpenAI origin, and any non-empty key passes its check.
 */
export const PLACEHOLDER_API_KEY = 'sk-openai-mock-placeholder';

function setUpMock(runner: RunnerHooks): RunnerEntry {
  // The SDK reads the key when a client is built, often at import time, and throws without one:
  // under the mock no key is needed, so an unset (or empty) one gets the placeholder. A key the
  // user set is kept, and real mode never gets here, so a contract pass sends the shell's key.
  if (!process.env['OPENAI_API_KEY']) process.env['OPENAI_API_KEY'] = PLACEHOLDER_API_KEY;
  const transport = transportFromEnv();
  const openaiMock = runnerMock(transport);
  // A client keeps the fetch it found when it was built, and test files may build theirs at
  // import time, right after this setup file: the fetch transport must be in place by then.
  if (transport === 'fetch') openaiMock.install();

  async function advanceTime(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) openaiMock.clock.advance(ms); // throws the coded error
    if (runner.timers.isFake()) {
      await advanceFakeTime(openaiMock, runner.timers, ms);
    } else {
      openaiMock.clock.advance(ms);
    }
    // Statuses changed with the clock, with no request to write them.
    const dir = openaiMock.config.inspectDir;
    if (dir !== null) writeStateQuietly(openaiMock, dir);
  }

  runner.expect.extend(matchers);

  /** With inspection on, each test's state goes to <inspectDir>/<test file>/<test name>/. */
  const inspectAs = (testName: string | undefined): void => {
    const { testPath, currentTestName } = runner.expect.getState();
    setInspectScope(openaiMock, { testPath, testName: testName ?? currentTestName });
  };

  runner.beforeAll(() => {
    openaiMock.install();
    setActiveMock(openaiMock);
    inspectAs('(beforeAll)');
  });

  runner.beforeEach(() => {
    openaiMock.reset();
    setActiveMock(openaiMock);
    inspectAs(undefined);
  });

  // Statuses are computed when read: the test's last moment is written once it ends.
  runner.afterEach(() => writeFinalState(openaiMock));

  runner.afterAll(() => {
    openaiMock.uninstall();
    // The next file in this worker, if any, starts from the defaults with nothing in it.
    openaiMock.resetConfig().reset();
    setActiveMock(null);
    if (runner.modulesPerFile) releaseNockCopies();
    else releaseNock();
  });

  return { openaiMock, advanceTime, isMocked: true };
}
