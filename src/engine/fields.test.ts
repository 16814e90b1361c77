import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/support/errors.js';
import { describeType, invalidType } from './api-error.js';
import { optionalInteger, rejectUnknownKeys } from './fields.js';

describe('rejectUnknownKeys', () => {
  const known = new Set(['model', 'input']);

  it('accepts a body of known keys', () => {
    expect(() => rejectUnknownKeys({ model: 'm', input: 'x' }, known)).not.toThrow();
  });

  it('names the first unknown key in the API’s words', () => {
    expect(thrownBy(() => rejectUnknownKeys({ model: 'm', colour: 'blue', size: 1 }, known))).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      message: "Unknown parameter: 'colour'.",
      param: 'colour',
      code: 'unknown_parameter',
    });
  });
});

describe('type wording', () => {
  it('calls a fractional number "a decimal number", a whole one "an integer"', () => {
    expect(describeType(1.5)).toBe('a decimal number');
    expect(describeType(2)).toBe('an integer');
    expect(invalidType('seed', 'an integer', 0.5).message).toBe(
      "Invalid type for 'seed': expected an integer, but got a decimal number instead.",
    );
    expect(thrownBy(() => optionalInteger(2.5, 'n')).message).toBe(
      "Invalid type for 'n': expected an integer, but got a decimal number instead.",
    );
  });
});
