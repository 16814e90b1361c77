import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../../test/support/errors.js';
import { checkBatchPlan, type BatchPlan } from './plan.js';

describe('plan checks', () => {
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

});
