import { describe, expect, test } from 'vitest';
import { rootTypeProblem, strictProblem } from './schema-rules.js';

const strictPerson = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    address: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
    pets: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' } }, required: ['kind'], additionalProperties: false } },
  },
  required: ['name', 'address', 'pets'],
  additionalProperties: false,
};

describe('rootTypeProblem', () => {
  test('an object root is fine', () => {
    expect(rootTypeProblem({ type: 'object', properties: {} })).toBeNull();
  });

  test('any other root is named as the API names it', () => {
    expect(rootTypeProblem({ type: 'array', items: {} })).toBe(
      `schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.`,
    );
    expect(rootTypeProblem({ anyOf: [{ type: 'object' }] })).toBe(
      `schema must be a JSON Schema of 'type: "object"', got 'type: "None"'.`,
    );
  });
});

describe('strictProblem', () => {
  test('a schema that follows the strict rules has no problem', () => {
    expect(strictProblem(strictPerson)).toBeNull();
  });

  test('the root needs additionalProperties: false', () => {
    expect(strictProblem({ ...strictPerson, additionalProperties: true })).toBe(
      "In context=(), 'additionalProperties' is required to be supplied and to be false.",
    );
  });

  test('every property must be required, and only properties', () => {
    expect(strictProblem({ ...strictPerson, required: ['name', 'pets'] })).toBe(
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'address'.",
    );
    expect(strictProblem({ ...strictPerson, required: [...strictPerson.required, 'age'] })).toBe(
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Extra required key 'age' supplied.",
    );
  });

  test('nested objects are checked, with the path as a Python tuple', () => {
    const nested = structuredClone(strictPerson);
    delete (nested.properties.address as Record<string, unknown>)['additionalProperties'];
    expect(strictProblem(nested)).toBe(
      "In context=('properties', 'address'), 'additionalProperties' is required to be supplied and to be false.",
    );
    const items = structuredClone(strictPerson);
    items.properties.pets.items.required = [];
    expect(strictProblem(items)).toContain("In context=('properties', 'pets', 'items'), 'required' is required");
    expect(strictProblem({ type: 'array', items: { type: 'object', properties: {} } })).toBe(
      "In context=('items',), 'additionalProperties' is required to be supplied and to be false.",
    );
  });

  test('anyOf branches and $defs are checked too', () => {
    const withAnyOf = {
      type: 'object',
      properties: { value: { anyOf: [{ type: 'string' }, { type: 'object', properties: {} }] } },
      required: ['value'],
      additionalProperties: false,
    };
    expect(strictProblem(withAnyOf)).toBe(
      "In context=('properties', 'value', 'anyOf', 1), 'additionalProperties' is required to be supplied and to be false.",
    );
    const withDefs = { ...strictPerson, $defs: { tag: { type: 'object', properties: { t: { type: 'string' } }, additionalProperties: false } } };
    expect(strictProblem(withDefs)).toBe(
      "In context=('$defs', 'tag'), 'required' is required to be supplied and to be an array including every key in properties. Missing 't'.",
    );
  });
});
