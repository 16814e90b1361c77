import { describe, expect, it } from 'vitest';
import { invalidValue, showValue } from './api-error.js';

describe('showValue', () => {
  it('quotes strings as they are, and numbers, booleans and null as JSON writes them', () => {
    expect(showValue('gpt-4o')).toBe('gpt-4o');
    expect(showValue(7)).toBe('7');
    expect(showValue(1.5)).toBe('1.5');
    expect(showValue(false)).toBe('false');
    expect(showValue(null)).toBe('null');
  });

  it('shows arrays and objects as JSON, without calling their toString or valueOf', () => {
    const trap = JSON.parse('{"toString":1,"valueOf":1}') as unknown;
    expect(() => String(trap)).toThrow(TypeError);
    expect(showValue(trap)).toBe('{"toString":1,"valueOf":1}');
    expect(showValue([trap, 'a'])).toBe('[{"toString":1,"valueOf":1},"a"]');
    expect(showValue({ a: [1, { b: null }] })).toBe('{"a":[1,{"b":null}]}');
  });

  it('names by its type what JSON cannot write', () => {
    expect(showValue(10n)).toBe('a bigint');
    expect(showValue(() => 1)).toBe('a function');
  });
});

describe('invalidValue', () => {
  it('quotes a value that is not a string without coercing it', () => {
    const trap = JSON.parse('{"toString":1}') as unknown;
    expect(invalidValue('response_format.type', trap, ['text', 'json_object']).toJSON()).toEqual({
      error: {
        message: `Invalid value: '{"toString":1}'. Supported values are: 'text' and 'json_object'.`,
        type: 'invalid_request_error',
        param: 'response_format.type',
        code: 'invalid_value',
      },
    });
  });
});
