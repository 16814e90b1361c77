import { describe, expect, test } from 'vitest';
import { strictSchemaProblem } from './strict-schema.js';

const strictObject = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

describe('strictSchemaProblem', () => {
  test('a schema that follows the rules passes', () => {
    expect(
      strictSchemaProblem({
        ...strictObject({
          name: { type: 'string' },
          tags: { type: 'array', items: strictObject({ label: { type: 'string' } }) },
          address: { anyOf: [{ $ref: '#/$defs/address' }, { type: 'null' }] },
        }),
        $defs: { address: strictObject({ city: { type: 'string' } }) },
      }),
    ).toBeNull();
  });

  test('additionalProperties must be false, at the root', () => {
    expect(strictSchemaProblem({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] })).toBe(
      "In context=(), 'additionalProperties' is required to be supplied and to be false.",
    );
  });

  test('every property must be required, named in the message', () => {
    expect(strictSchemaProblem({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'], additionalProperties: false })).toBe(
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.",
    );
  });

  test('nested objects are named by their path, as a Python tuple', () => {
    expect(strictSchemaProblem(strictObject({ etymology: { type: 'object', properties: {} } }))).toBe(
      "In context=('properties', 'etymology'), 'additionalProperties' is required to be supplied and to be false.",
    );
    expect(
      strictSchemaProblem(
        strictObject({
          organizations: { type: 'array', items: { type: 'object', properties: { name: {}, roles: {} }, required: ['name'], additionalProperties: false } },
        }),
      ),
    ).toBe(
      "In context=('properties', 'organizations', 'items'), 'required' is required to be supplied and to be an array including every key in properties. Missing 'roles'.",
    );
    expect(strictSchemaProblem({ ...strictObject({}), $defs: { item: { type: 'object', properties: {} } } })).toBe(
      "In context=('$defs', 'item'), 'additionalProperties' is required to be supplied and to be false.",
    );
    expect(strictSchemaProblem(strictObject({ v: { anyOf: [{ type: 'string' }, { type: ['object', 'null'], properties: {} }] } }))).toBe(
      "In context=('properties', 'v', 'anyOf', 1), 'additionalProperties' is required to be supplied and to be false.",
    );
  });

  test('the root must be an object', () => {
    expect(strictSchemaProblem({ type: 'array', items: { type: 'string' } })).toBe(
      `schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.`,
    );
  });

  test('non-object input is left alone', () => {
    expect(strictSchemaProblem(true)).toBeNull();
  });
});
