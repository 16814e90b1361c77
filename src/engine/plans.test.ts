import { describe, expect, test } from 'vitest';
import { Timeline } from './lifecycle.js';
import { PlanBook, ReadCounter, stepTimeline } from './plans.js';
import { misuseBy } from '../../test/support/errors.js';

describe('PlanBook', () => {
  test('the first plan that matches applies, and a plan with times is used up', () => {
    const book = new PlanBook<{ name: string; match?: (n: number) => boolean; times?: number }, number>();
    book.add({ name: 'even once', match: (n) => n % 2 === 0, times: 1 });
    book.add({ name: 'any' });
    expect(book.take(2)?.name).toBe('even once');
    expect(book.take(4)?.name).toBe('any');
    expect(book.take(3)?.name).toBe('any');
    book.reset();
    expect(book.take(2)).toBeUndefined();
  });
});

describe('ReadCounter', () => {
  test('says to advance on every n-th read', () => {
    const counter = new ReadCounter(3);
    expect([1, 2, 3, 4, 5, 6].map(() => counter.read())).toEqual([false, false, true, false, false, true]);
  });
});

describe('stepTimeline', () => {
  const what = { kind: 'batch', collection: 'batches' };
  const held = (): Timeline<'a' | 'b' | 'done'> =>
    new Timeline(0, [{ status: 'a', durationMs: Infinity }, { status: 'b', durationMs: Infinity }], 'done');

  test('ends the current phase at the moment given', () => {
    const timeline = held();
    expect(stepTimeline(what, 'x', timeline, 100, false).status).toBe('b');
    expect(stepTimeline(what, 'x', timeline, 250, false)).toMatchObject({ status: 'done', since: 250, terminal: true });
  });

  test('says what is wrong with an unknown, final or seeded object', () => {
    const unknown = misuseBy(() => stepTimeline(what, 'batch_nope', undefined, 0, false));
    expect(unknown.code).toBe('ERR_OPENAI_MOCK_UNKNOWN_OBJECT');
    expect(unknown.message).toBe(
      "[openai-mock] There is no batch 'batch_nope' in the mock. Step an id the code under test got back from the API (ids restart at every reset; openaiMock.batches.all() lists them).",
    );
    const done = new Timeline(0, [], 'done');
    const final = misuseBy(() => stepTimeline(what, 'b1', done, 0, false));
    expect(final.code).toBe('ERR_OPENAI_MOCK_INVALID_STEP');
    expect(final.message).toBe(
      "[openai-mock] The batch 'b1' is 'done', a final status: there is no status to step to. Step it while it is in progress (openaiMock.batches.lifecycle(id) shows where it stands).",
    );
    expect(misuseBy(() => stepTimeline(what, 'b2', held(), 0, true)).code).toBe('ERR_OPENAI_MOCK_INVALID_STEP');
  });

  test('refuses a paused object', () => {
    const timeline = held();
    timeline.record({ type: 'pause', at: 10, status: 'b' });
    expect(misuseBy(() => stepTimeline(what, 'p', timeline, 20, false)).message).toContain('is paused: resume it');
  });
});
