import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../../test/support/errors.js';
import { checkJobPlan, type JobPlan } from './plan.js';

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

});
