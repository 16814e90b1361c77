import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../../test/support/errors.js';
import { checkFilePlan } from './plan.js';

describe('plan checks', () => {
  test('a file plan checks its fields, and plans that are not objects are refused', () => {
    expect(misuseBy(() => checkFilePlan({ hold: false as never })).message).toBe(
      "[openai-mock] openaiMock.files.plan(): 'hold' is false; it must be true.",
    );
    expect(misuseBy(() => checkFilePlan(null as never)).message).toBe('[openai-mock] openaiMock.files.plan() takes a plan object, got null.');
    expect(checkFilePlan({ processingMs: 0, times: 2 })).toEqual({ processingMs: 0, times: 2 });
  });
});
