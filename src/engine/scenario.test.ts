import { describe, expect, test } from 'vitest';
import { Timeline } from './lifecycle.js';
import {
  checkBatchPlan,
  checkFilePlan,
  checkJobPlan,
  PlanBook,
  ReadCounter,
  stepTimeline,
  type BatchPlan,
  type JobPlan,
} from './scenario.js';
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

describe('plan checks', () => {
  test.each<[string, JobPlan, string]>([
    ['times 0', { times: 0 }, "openaiMock.jobs.plan(): 'times' is 0; it must be a whole number, 1 or more (leave it out for every matching object)."],
    ['unknown hold', { hold: 'training' as never }, "openaiMock.jobs.plan(): 'hold' is \"training\"; it must be 'validating_files', 'queued', 'running'."],
    ['step 0', { fail: { code: 'x', message: 'y', at: { step: 0 } } }, "openaiMock.jobs.plan(): 'fail.at' is {\"step\":0}; it must be 'validating_files', 'queued', 'running', or { step: n } with a whole number n of 1 or more."],
    ['no message', { fail: { code: 'x' } as never }, "openaiMock.jobs.plan(): 'fail.message' is undefined; it must be a non-empty string."],
    ['negative timing', { timings: { queued: -1 } }, "openaiMock.jobs.plan(): 'timings.queued' is -1; it must be a number of milliseconds, 0 or more (Infinity holds the phase)."],
    ['unknown phase', { timings: { training: 5 } as never }, "openaiMock.jobs.plan(): 'timings.training' is 5; it must be left out: the phases are 'validating_files', 'queued', 'running'."],
    ['hold and reads', { hold: 'queued', advanceEveryReads: 2 }, "openaiMock.jobs.plan(): 'hold' and 'advanceEveryReads' exclude each other (a read-counted object is held in every status until read). Keep one of them."],
  ])('a job plan with %s is refused', (_name, plan, message) => {
    const error = misuseBy(() => checkJobPlan(plan));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_OPTION');
    expect(error.message).toBe(`[openai-mock] ${message}`);
  });

  test.each<[string, BatchPlan, string]>([
    ['a 4xx with no error', { failRequests: { customIds: ['a'], status: 429 } }, "openaiMock.batches.plan(): 'failRequests.status' is 429; give 'failRequests.error' ({ message, type?, code? }) with a 4xx status (only the 500 has a default error)."],
    ['custom ids that are not strings', { failRequests: { customIds: [1] as never } }, "openaiMock.batches.plan(): 'failRequests.customIds' is [1]; it must be an array of custom_id strings or a function (customId, body) => boolean."],
    ['expire and failValidation', { expire: true, failValidation: { code: 'x', message: 'y' } }, "openaiMock.batches.plan(): 'expire' and 'failValidation' exclude each other (a batch that fails validation never runs long enough to expire). Make two plans with different 'match' functions."],
    ['hold cancelling', { hold: 'cancelling' as never }, "openaiMock.batches.plan(): 'hold' is \"cancelling\"; it must be 'validating', 'in_progress', 'finalizing'."],
    ['an empty error list', { failValidation: [] }, "openaiMock.batches.plan(): 'failValidation' is []; it must be an error { code, message, param?, line? } or a non-empty array of them."],
  ])('a batch plan with %s is refused', (_name, plan, message) => {
    const error = misuseBy(() => checkBatchPlan(plan));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_OPTION');
    expect(error.message).toBe(`[openai-mock] ${message}`);
  });

  test('a file plan checks its fields, and plans that are not objects are refused', () => {
    expect(misuseBy(() => checkFilePlan({ hold: false as never })).message).toBe(
      "[openai-mock] openaiMock.files.plan(): 'hold' is false; it must be true.",
    );
    expect(misuseBy(() => checkFilePlan(null as never)).message).toBe('[openai-mock] openaiMock.files.plan() takes a plan object, got null.');
    expect(checkFilePlan({ processingMs: 0, times: 2 })).toEqual({ processingMs: 0, times: 2 });
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
