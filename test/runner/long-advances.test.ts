/**
 * `advanceTime` under fake timers for any finite duration: a timer cannot be set past 2^31 − 1 ms
 * (about 24.8 days; Node clamps a longer one to 1 ms), so a long advance must still move the
 * clock, and fire what is due, by the whole duration.
 */
import { toFile } from 'openai';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const client = makeClient();
const DAY = 24 * 3600 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

test('a 31-day advance moves the clock 31 days: a batch input file (30 days) is gone', async () => {
  const file = await client.files.create({ file: await toFile(Buffer.from('{"custom_id":"a"}\n'), 'in.jsonl'), purpose: 'batch' });
  const start = openaiMock.clock.now();
  await advanceTime(31 * DAY);
  expect(openaiMock.clock.now() - start).toBe(31 * DAY);
  expect(await rejection(client.files.retrieve(file.id))).toMatchObject({ status: 404 });
});

test('timers due along a long advance fire at their own moments, the ones set during it too', async () => {
  const fired: number[] = [];
  const start = Date.now();
  const at = (): number => Date.now() - start;
  setTimeout(() => fired.push(at()), 10 * DAY);
  // A daily poll that re-arms itself, as a job watcher would, for 40 days.
  const poll = (): void => {
    if (at() < 40 * DAY) setTimeout(poll, DAY);
    else fired.push(at());
  };
  setTimeout(poll, DAY);
  await advanceTime(60 * DAY);
  expect(fired).toEqual([10 * DAY, 40 * DAY]);
  expect(at()).toBe(60 * DAY);
});
