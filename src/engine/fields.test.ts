import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../test/support/errors.js';
import { describeType, invalidType } from './api-error.js';
import {
  deeperThan,
  jsonBody,
  jsonDepth,
  MAX_DEPTH,
  nonEmptyArray,
  numberOutOfRange,
  objectItem,
  optionalDecimal,
  optionalInteger,
  rejectUnknownKeys,
  rejectUnknownMembers,
  requiredEnum,
  requiredObject,
  requiredOneOf,
} from './fields.js';
import type { ParsedBody } from './request.js';

/** The error body a reader throws, as the API would send it. */
function errorOf(read: () => unknown) {
  return thrownBy(read).toJSON().error;
}

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

describe('requiredObject and objectItem', () => {
  it('return the object', () => {
    expect(requiredObject({ a: 1 }, 'x')).toEqual({ a: 1 });
    expect(objectItem({ a: 1 }, 'x[0]')).toEqual({ a: 1 });
  });

  it('differ on null: a missing parameter for a member, a type error for an array item', () => {
    expect(errorOf(() => requiredObject(null, 'tools[0].function'))).toMatchObject({
      message: "Missing required parameter: 'tools[0].function'.",
      code: 'missing_required_parameter',
    });
    expect(errorOf(() => objectItem(null, 'messages[0]'))).toEqual({
      message: "Invalid type for 'messages[0]': expected an object, but got null instead.",
      type: 'invalid_request_error',
      param: 'messages[0]',
      code: 'invalid_type',
    });
  });

  it('refuse an array as a type error', () => {
    expect(errorOf(() => requiredObject([], 'x'))).toMatchObject({ message: "Invalid type for 'x': expected an object, but got an array instead.", code: 'invalid_type' });
    expect(errorOf(() => objectItem([], 'x[1]'))).toMatchObject({ param: 'x[1]', code: 'invalid_type' });
  });
});

describe('nonEmptyArray', () => {
  it('returns the array', () => {
    expect(nonEmptyArray([1], 'tools')).toEqual([1]);
  });

  it('refuses a missing, a non-array and an empty array in the API’s words', () => {
    expect(errorOf(() => nonEmptyArray(undefined, 'tools'))).toMatchObject({ param: 'tools', code: 'missing_required_parameter' });
    expect(errorOf(() => nonEmptyArray('x', 'tools', 'an array of objects')).message).toBe(
      "Invalid type for 'tools': expected an array of objects, but got a string instead.",
    );
    expect(errorOf(() => nonEmptyArray({}, 'tools')).message).toBe("Invalid type for 'tools': expected an array, but got an object instead.");
    expect(errorOf(() => nonEmptyArray([], 'tools'))).toEqual({
      message: "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      type: 'invalid_request_error',
      param: 'tools',
      code: 'empty_array',
    });
  });
});

describe('requiredEnum and requiredOneOf', () => {
  const roles = ['user', 'assistant', 'tool'] as const;

  it('return the value', () => {
    expect(requiredEnum('tool', 'role', roles)).toBe('tool');
    expect(requiredOneOf('user', 'type', roles)).toBe('user');
  });

  it('both call an absent value missing and an unknown string an invalid value', () => {
    for (const read of [requiredEnum, requiredOneOf]) {
      expect(errorOf(() => read(null, 'role', roles))).toMatchObject({ message: "Missing required parameter: 'role'.", code: 'missing_required_parameter' });
      expect(errorOf(() => read('bot', 'role', roles))).toMatchObject({
        message: "Invalid value: 'bot'. Supported values are: 'user', 'assistant', and 'tool'.",
        code: 'invalid_value',
      });
    }
  });

  it('differ on a value of another type: a type error from requiredEnum, an invalid value from requiredOneOf', () => {
    expect(errorOf(() => requiredEnum(7, 'role', roles))).toMatchObject({
      message: "Invalid type for 'role': expected one of 'user', 'assistant', or 'tool', but got an integer instead.",
      code: 'invalid_type',
    });
    expect(errorOf(() => requiredOneOf(7, 'type', roles))).toMatchObject({
      message: "Invalid value: '7'. Supported values are: 'user', 'assistant', and 'tool'.",
      code: 'invalid_value',
    });
  });
});

describe('rejectUnknownMembers', () => {
  it('accepts an object of known members', () => {
    expect(() => rejectUnknownMembers({ include_usage: true }, ['include_usage'], 'stream_options')).not.toThrow();
  });

  it('names the first unknown member by its path', () => {
    expect(errorOf(() => rejectUnknownMembers({ include_usage: true, a: 1, b: 2 }, ['include_usage'], 'stream_options'))).toEqual({
      message: "Unknown parameter: 'stream_options.a'.",
      type: 'invalid_request_error',
      param: 'stream_options.a',
      code: 'unknown_parameter',
    });
  });
});

/** `[[[…]]]`, `depth` arrays deep, parsed from text (building it by recursion could run out of stack). */
function nested(depth: number, leaf = '0'): unknown {
  return JSON.parse(`${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`);
}

describe('jsonDepth and deeperThan', () => {
  it('count the arrays and objects around the deepest value', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth([])).toBe(1);
    expect(jsonDepth({ a: 1, b: [2, { c: [] }] })).toBe(4);
    expect(jsonDepth([[1], [[[2]]], 3])).toBe(4);
  });

  it('measure any depth without running out of stack', () => {
    expect(jsonDepth(nested(100_000))).toBe(100_000);
    expect(jsonDepth({ a: nested(20_000, '{"b":{}}') })).toBe(20_003);
  });

  it('stop walking past the limit they are given', () => {
    expect(deeperThan(nested(MAX_DEPTH), MAX_DEPTH)).toBe(false);
    expect(deeperThan(nested(MAX_DEPTH + 1), MAX_DEPTH)).toBe(true);
    expect(jsonDepth(nested(100_000), 10)).toBe(11);
  });
});

describe('jsonBody', () => {
  const json = (value: unknown): ParsedBody => ({ kind: 'json', value });

  it('returns the body of a JSON route as an object', () => {
    expect(jsonBody(json({ model: 'm', input: [[1, 2]] }))).toEqual({ model: 'm', input: [[1, 2]] });
    expect(jsonBody({ kind: 'empty' })).toEqual({});
  });

  it('refuses a field nested deeper than the limit, naming the field and its depth', () => {
    expect(() => jsonBody(json({ metadata: nested(MAX_DEPTH) }))).not.toThrow();
    expect(errorOf(() => jsonBody(json({ model: 'm', metadata: nested(6000) })))).toEqual({
      message: `Invalid 'metadata': value nested too deeply. Expected a value with maximum depth ${MAX_DEPTH}, but got a value with depth 6000 instead.`,
      type: 'invalid_request_error',
      param: 'metadata',
      code: 'value_above_max_depth',
    });
  });

  it('checks the depth before any field is read: a deep value outranks a wrong type elsewhere', () => {
    expect(errorOf(() => jsonBody(json({ model: 5, tools: [{ a: nested(MAX_DEPTH) }] })))).toMatchObject({
      param: 'tools',
      code: 'value_above_max_depth',
    });
  });
});

describe('the resources', () => {
  it('read every JSON body with jsonBody, never with jsonObject, so the depth check cannot be skipped', () => {
    const root = new URL('../resources/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const bypassing = files.filter((f) => /\bjsonObject\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(files.length).toBeGreaterThan(50);
    expect(bypassing).toEqual([]);
  });
});

describe('numbers that are not finite', () => {
  const outOfRange = (param: string, shown: string) => ({
    message: `Invalid '${param}': number out of range. Expected a finite number, but got ${shown} instead.`,
    type: 'invalid_request_error',
    param,
    code: 'number_out_of_range',
  });

  it('are refused by the number readers, not taken as a bound or a type error', () => {
    expect(errorOf(() => optionalDecimal(Infinity, 'temperature', { min: 0, max: 2 }))).toEqual(outOfRange('temperature', 'Infinity'));
    expect(errorOf(() => optionalDecimal(-Infinity, 'top_p'))).toEqual(outOfRange('top_p', '-Infinity'));
    expect(errorOf(() => optionalInteger(Infinity, 'seed'))).toEqual(outOfRange('seed', 'Infinity'));
    expect(numberOutOfRange('x', Number.NaN).message).toBe("Invalid 'x': number out of range. Expected a finite number, but got NaN instead.");
  });

  it('are refused wherever they sit in a JSON body, named by their path', () => {
    const body = JSON.parse('{"model":"m","logit_bias":{"50256":1},"tools":[{"parameters":{"properties":{"n":{"minItems":1e309}}}}]}') as unknown;
    expect(errorOf(() => jsonBody({ kind: 'json', value: body }))).toEqual(outOfRange('tools[0].parameters.properties.n.minItems', 'Infinity'));
    expect(errorOf(() => jsonBody({ kind: 'json', value: { a: [1, [2, -Infinity]] } }))).toEqual(outOfRange('a[1][1]', '-Infinity'));
    expect(jsonBody({ kind: 'json', value: { a: [1.5, -1.7e308, { b: 0 }] } })).toEqual({ a: [1.5, -1.7e308, { b: 0 }] });
  });
});
