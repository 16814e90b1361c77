import { afterEach, describe, expect, it, vi } from 'vitest';
import { Clock, toSeconds } from './clock.js';
import { OpenAIMockError } from './errors.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('Clock', () => {
  it('follows Date.now() with no offset', () => {
    vi.useFakeTimers({ now: 1_700_000_000_123 });
    const clock = new Clock();
    expect(clock.now()).toBe(1_700_000_000_123);
    expect(clock.nowSeconds()).toBe(1_700_000_000);
  });

  it('advance adds to Date.now() and accumulates', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const clock = new Clock();
    clock.advance(2500);
    expect(clock.now()).toBe(1_002_500);
    clock.advance(500);
    clock.advance(0);
    expect(clock.now()).toBe(1_003_000);
    // The runner's own time is untouched.
    expect(Date.now()).toBe(1_000_000);
  });

  it('advance works under real timers too', () => {
    const clock = new Clock();
    const before = Date.now();
    clock.advance(3_600_000);
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(now).toBeLessThan(Date.now() + 3_600_000 + 1000);
  });

  it.each([-1, Number.NaN, Infinity, -Infinity])('advance(%s) is rejected with ERR_OPENAI_MOCK_INVALID_ARGUMENT', (ms) => {
    vi.useFakeTimers({ now: 5000 });
    const clock = new Clock();
    let thrown: unknown;
    try {
      clock.advance(ms);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OpenAIMockError);
    expect(thrown).toMatchObject({ name: 'OpenAIMockError', code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' });
    expect((thrown as Error).message).toContain(`Cannot advance the clock by ${String(ms)} ms`);
    expect((thrown as Error).message).toMatch(/^\[openai-mock\] /);
    // A rejected call leaves the clock where it was.
    expect(clock.now()).toBe(5000);
  });

  it('reset drops the offset so it follows Date.now() again', () => {
    vi.useFakeTimers({ now: 10_000 });
    const clock = new Clock();
    clock.advance(99_000);
    clock.reset();
    expect(clock.now()).toBe(10_000);
  });

  it('follows vi.setSystemTime and vi.advanceTimersByTime, keeping its own offset on top', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const clock = new Clock();
    const start = Date.parse('2026-01-01T00:00:00Z');
    expect(clock.now()).toBe(start);

    vi.advanceTimersByTime(4000);
    expect(clock.now()).toBe(start + 4000);

    clock.advance(1000);
    vi.setSystemTime(new Date('2026-06-01T00:00:00Z'));
    expect(clock.now()).toBe(Date.parse('2026-06-01T00:00:00Z') + 1000);
    expect(clock.nowSeconds()).toBe(Math.floor((Date.parse('2026-06-01T00:00:00Z') + 1000) / 1000));
  });
});

describe('toSeconds', () => {
  it('floors milliseconds to whole Unix seconds', () => {
    expect(toSeconds(1_700_000_000_999)).toBe(1_700_000_000);
    expect(toSeconds(1_700_000_000_000)).toBe(1_700_000_000);
    expect(toSeconds(0)).toBe(0);
  });
});
