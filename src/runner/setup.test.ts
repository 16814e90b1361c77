// The shared entry wiring in real mode, driven by stand-in runner hooks: this is the path the
// Jest entry takes too (Vitest's is also run for real in test/runner/real-mode.test.ts).
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getActiveMock, setActiveMock } from '../openai-mock.js';
import { openaiMock as fileMock } from '../vitest.js';
import { setUpRunner, type RunnerHooks } from './setup.js';

function fakeRunner() {
  const hooks: Record<'beforeAll' | 'beforeEach' | 'afterEach' | 'afterAll', (() => void)[]> = {
    beforeAll: [],
    beforeEach: [],
    afterEach: [],
    afterAll: [],
  };
  const extended: Record<string, (...args: unknown[]) => unknown>[] = [];
  const runner: RunnerHooks = {
    expect: { extend: (m) => extended.push(m as Record<string, (...args: unknown[]) => unknown>), getState: () => ({}) },
    beforeAll: (fn) => hooks.beforeAll.push(fn),
    beforeEach: (fn) => hooks.beforeEach.push(fn),
    afterEach: (fn) => hooks.afterEach.push(fn),
    afterAll: (fn) => hooks.afterAll.push(fn),
    modulesPerFile: false, // true would turn off nock copies; this worker shares nock with the file's own mock
    timers: { isFake: () => false, advanceToNextTimer: () => Promise.resolve(), advanceBy: () => Promise.resolve() },
  };
  return { runner, hooks, extended };
}

afterEach(() => {
  vi.unstubAllEnvs();
  setActiveMock(fileMock); // this file's own mock, as the setup file left it
});

describe('setUpRunner with OPENAI_MOCK=off', () => {
  test('installs nothing and registers no reset; the active mock is the stand-in while the file runs', () => {
    vi.stubEnv('OPENAI_MOCK', 'off');
    const { runner, hooks } = fakeRunner();
    const entry = setUpRunner(runner);
    expect(entry.isMocked).toBe(false);
    expect(entry.openaiMock.installed).toBe(false);
    expect([hooks.beforeAll.length, hooks.beforeEach.length, hooks.afterEach.length, hooks.afterAll.length]).toEqual([1, 0, 0, 1]);

    hooks.beforeAll[0]!();
    expect(getActiveMock()).toBe(entry.openaiMock);
    expect(() => getActiveMock().seed).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_DISABLED' }) as Error);
    hooks.afterAll[0]!();
    expect(() => getActiveMock()).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_NOT_INSTALLED' }) as Error);
  });

  test('registers every matcher, each throwing the coded error', () => {
    vi.stubEnv('OPENAI_MOCK', '0');
    const { runner, extended } = fakeRunner();
    setUpRunner(runner);
    expect(extended).toHaveLength(1);
    const registered = extended[0]!;
    expect(Object.keys(registered).sort()).toEqual(['toHaveBatchInStatus', 'toHaveJobInStatus', 'toHaveReceivedRequest', 'toHaveUploadedFile']);
    for (const [name, matcher] of Object.entries(registered)) {
      expect(() => matcher(fileMock), name).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_DISABLED' }) as Error);
    }
    expect(() => registered['toHaveReceivedRequest']!(fileMock)).toThrow(
      'Check what your code returned (the real API keeps no log of your requests) instead',
    );
  });

  test('a bad OPENAI_MOCK_MAX_WAIT_MS fails when the entry loads, not at the first advanceTime', () => {
    vi.stubEnv('OPENAI_MOCK', 'off');
    vi.stubEnv('OPENAI_MOCK_MAX_WAIT_MS', '1m');
    expect(() => setUpRunner(fakeRunner().runner)).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ENV' }) as Error);
  });

  test('a bad OPENAI_MOCK fails when the entry loads, with nothing registered', () => {
    vi.stubEnv('OPENAI_MOCK', 'maybe');
    const { runner, hooks, extended } = fakeRunner();
    expect(() => setUpRunner(runner)).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_INVALID_ENV' }) as Error);
    expect([extended.length, hooks.beforeAll.length]).toEqual([0, 0]);
  });
});
