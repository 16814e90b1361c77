import { describe, expect, test } from 'vitest';
import { OpenAIMock } from '../openai-mock.js';
import type { FakeTimerControls } from './advance-time.js';
import { disabledMock, realAdvanceTime } from './real-mode.js';

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'no error';
}

describe('disabledMock', () => {
  const mock = disabledMock();

  test('every state, scripting and engine member throws ERR_OPENAI_MOCK_DISABLED', () => {
    for (const key of ['files', 'jobs', 'batches', 'models', 'uploads', 'responses', 'requests', 'seed', 'clock', 'config', 'replyWith', 'replyOnce', 'pendingReplies', 'handle', 'requestCount'] as const) {
      expect(codeOf(() => mock[key]), key).toBe('ERR_OPENAI_MOCK_DISABLED');
    }
  });

  test('setting up does nothing and returns the stand-in; installed is false', () => {
    expect(mock.installed).toBe(false);
    expect(mock.install()).toBe(mock);
    expect(mock.installed).toBe(false);
    expect(mock.configure({ files: { processingMs: 0 } }).resetConfig().reset().uninstall()).toBe(mock);
  });

  test('fetch is the global fetch, looked up at call time', async () => {
    const original = globalThis.fetch;
    globalThis.fetch = (() => Promise.resolve(new Response('from global'))) as typeof fetch;
    try {
      expect(await (await mock.fetch('https://api.openai.com/v1/models')).text()).toBe('from global');
    } finally {
      globalThis.fetch = original;
    }
  });

  test('what is not a member of the mock reads as usual, so it can be printed and awaited', async () => {
    expect((mock as unknown as { then?: unknown }).then).toBeUndefined();
    expect(mock).toBeInstanceOf(OpenAIMock);
    expect(typeof mock.toString()).toBe('string');
    await expect(Promise.resolve(mock)).resolves.toBe(mock);
  });
});

describe('realAdvanceTime', () => {
  const realTimers: FakeTimerControls = {
    isFake: () => false,
    advanceToNextTimer: () => Promise.reject(new Error('not used with real timers')),
    advanceBy: () => Promise.reject(new Error('not used with real timers')),
  };

  test.each([-1, Number.NaN, Infinity])('refuses %s ms with ERR_OPENAI_MOCK_INVALID_ARGUMENT', async (ms) => {
    await expect(realAdvanceTime(realTimers, 1000)(ms)).rejects.toMatchObject({
      code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      message: `[openai-mock] Cannot advance time by ${String(ms)} ms: pass a finite number of milliseconds, 0 or more.`,
    });
  });

  test('refuses a wait above the cap before waiting at all', async () => {
    await expect(realAdvanceTime(realTimers, 1000)(1001)).rejects.toThrow(
      '[openai-mock] advanceTime(1001) would wait 1001 ms of real time: with OPENAI_MOCK=off nothing speeds up the real API ' +
        '(a fine-tuning job takes minutes to hours, a batch up to its completion window). The cap is 1000 ms. ' +
        "Skip this test in real mode, or raise the cap with OPENAI_MOCK_MAX_WAIT_MS (and the runner's test timeout). Run it only against the mock:",
    );
  });

  test('under fake timers, moves them by exactly ms in real-time slices', async () => {
    const steps: number[] = [];
    const fake: FakeTimerControls = {
      isFake: () => true,
      advanceToNextTimer: () => Promise.reject(new Error('not used')),
      advanceBy: (ms) => {
        steps.push(ms);
        return Promise.resolve();
      },
    };
    const start = performance.now();
    await realAdvanceTime(fake, 1000)(80);
    expect(performance.now() - start).toBeGreaterThanOrEqual(75);
    expect(steps.reduce((a, b) => a + b, 0)).toBe(80);
    expect(steps.length).toBeGreaterThan(1);
  });
});
