import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Clock } from './clock.js';
import { HeldAnswers, type DroppedConnection } from './held-answers.js';
import type { MockResponse } from './request.js';

const response: MockResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };

/** Whether a promise has settled after the microtasks queued so far ran. */
async function settledNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await Promise.resolve();
  await Promise.resolve();
  return settled;
}

describe('HeldAnswers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a delayed answer comes when its timer fires', async () => {
    const held = new HeldAnswers(new Clock());
    const { held: answer } = held.hold(response, 1000);
    expect(held.size).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settledNow(answer)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toBe(response);
    expect(held.size).toBe(0);
  });

  test('moving the mock clock past the due time answers at once, and clears the timer', async () => {
    const clock = new Clock();
    const held = new HeldAnswers(clock);
    const { held: answer } = held.hold(response, 1000);
    clock.advance(500);
    expect(await settledNow(answer)).toBe(false);
    clock.advance(500);
    await expect(answer).resolves.toBe(response);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('an unanswered request is never due, sets no timer, and gets its answer on release', async () => {
    const clock = new Clock();
    const held = new HeldAnswers(clock);
    const released: MockResponse = { status: 408, headers: { 'x-should-retry': 'false' }, body: '{}' };
    const { held: answer } = held.hold(released, Infinity);
    expect(vi.getTimerCount()).toBe(0);
    clock.advance(1e12);
    expect(await settledNow(answer)).toBe(false);
    held.releaseAll();
    await expect(answer).resolves.toBe(released);
  });

  test('releaseAll answers delayed requests now; abandon drops one and forgets it', async () => {
    const held = new HeldAnswers(new Clock());
    const first = held.hold(response, 5000);
    const second = held.hold(response, 5000);
    second.abandon();
    const dropped = (await second.held) as DroppedConnection;
    expect(dropped.dropped).toMatchObject({ code: 'ECONNRESET' });
    expect(held.size).toBe(1);
    held.releaseAll();
    await expect(first.held).resolves.toBe(response);
    expect(held.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    first.abandon(); // a late abort changes nothing
  });
});
