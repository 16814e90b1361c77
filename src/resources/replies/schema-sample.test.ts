import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { sampleFromSchema } from './schema-sample.js';
import type { JsonSchema } from './types.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** The sample, after checking that it validates (the errors are the failure message if not). */
function validSample(schema: Record<string, unknown>): unknown {
  const value = sampleFromSchema(schema);
  const validate = ajv.compile(schema);
  expect(validate(value) ? [] : validate.errors).toEqual([]);
  return value;
}

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

/** A JSON Resume–like CV in the strict structured-outputs style: every key required, no extras. */
const cvSchema = {
  type: 'object',
  $defs: {
    location: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        countryCode: { type: 'string', minLength: 2, maxLength: 2 },
        postalCode: nullable({ type: 'string' }),
      },
      required: ['city', 'countryCode', 'postalCode'],
      additionalProperties: false,
    },
    profile: {
      type: 'object',
      properties: {
        network: { type: 'string', enum: ['LinkedIn', 'GitHub', 'Mastodon'] },
        username: { type: 'string' },
        url: { type: 'string', format: 'uri' },
      },
      required: ['network', 'username', 'url'],
      additionalProperties: false,
    },
    dateRange: {
      type: 'object',
      properties: { startDate: { type: 'string', format: 'date' }, endDate: nullable({ type: 'string', format: 'date' }) },
      required: ['startDate', 'endDate'],
      additionalProperties: false,
    },
  },
  properties: {
    basics: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1 },
        label: nullable({ type: 'string' }),
        email: { type: 'string', format: 'email' },
        phone: nullable({ type: 'string' }),
        website: nullable({ type: 'string', format: 'uri' }),
        summary: { type: 'string', maxLength: 500 },
        location: { $ref: '#/$defs/location' },
        profiles: { type: 'array', items: { $ref: '#/$defs/profile' } },
      },
      required: ['name', 'label', 'email', 'phone', 'website', 'summary', 'location', 'profiles'],
      additionalProperties: false,
    },
    work: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          company: { type: 'string' },
          position: { type: 'string' },
          period: { $ref: '#/$defs/dateRange' },
          highlights: { type: 'array', items: { type: 'string' }, minItems: 2, uniqueItems: true },
          employmentType: { type: 'string', enum: ['full-time', 'part-time', 'contract', 'internship'] },
          remote: { type: 'boolean' },
        },
        required: ['company', 'position', 'period', 'highlights', 'employmentType', 'remote'],
        additionalProperties: false,
      },
    },
    education: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          institution: { type: 'string' },
          studyType: { type: 'string', enum: ['Bachelor', 'Master', 'PhD', 'Other'] },
          score: nullable({ type: 'number', minimum: 0, maximum: 4 }),
          period: { $ref: '#/$defs/dateRange' },
        },
        required: ['institution', 'studyType', 'score', 'period'],
        additionalProperties: false,
      },
    },
    skills: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          level: { type: 'string', enum: ['Beginner', 'Intermediate', 'Advanced', 'Expert'] },
          years: { type: 'integer', minimum: 0, maximum: 50 },
          keywords: { type: 'array', items: { type: 'string' }, maxItems: 5 },
        },
        required: ['name', 'level', 'years', 'keywords'],
        additionalProperties: false,
      },
    },
    languages: { type: 'array', items: { type: 'string' }, uniqueItems: true, minItems: 3 },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  required: ['basics', 'work', 'education', 'skills', 'languages', 'updatedAt'],
  additionalProperties: false,
};

describe('sampleFromSchema', () => {
  test('a JSON Resume–like CV: $defs/$ref, nullable anyOf, enums, arrays, nested objects, formats', () => {
    expect(validSample(cvSchema)).toEqual({
      basics: {
        name: 'name',
        label: 'label',
        email: 'user@example.com',
        phone: 'phone',
        website: 'https://example.com/',
        summary: 'summary',
        location: { city: 'city', countryCode: 'co', postalCode: 'postalCode' },
        profiles: [{ network: 'LinkedIn', username: 'username', url: 'https://example.com/' }],
      },
      work: [
        {
          company: 'company',
          position: 'position',
          period: { startDate: '2025-01-01', endDate: '2025-01-01' },
          highlights: ['highlight', 'highlight 2'],
          employmentType: 'full-time',
          remote: true,
        },
      ],
      education: [{ institution: 'institution', studyType: 'Bachelor', score: 0, period: { startDate: '2025-01-01', endDate: '2025-01-01' } }],
      skills: [{ name: 'name', level: 'Beginner', years: 0, keywords: ['keyword'] }],
      languages: ['language', 'language 2', 'language 3'],
      updatedAt: '2025-01-01T00:00:00Z',
    });
  });

  test('the same schema always gives the same value', () => {
    expect(sampleFromSchema(cvSchema)).toEqual(sampleFromSchema(structuredClone(cvSchema)));
  });

  test('a recursive schema ends (arrays empty and nullable values null once deep enough)', () => {
    const section = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        parent: nullable({ $ref: '#' }),
        children: { type: 'array', items: { $ref: '#' } },
      },
      required: ['title', 'parent', 'children'],
      additionalProperties: false,
    };
    const value = validSample(section) as { children: unknown[] };
    expect(value.children).toHaveLength(1);
    const chain = validSample({
      $defs: { node: { type: 'object', properties: { value: { type: 'integer' }, next: nullable({ $ref: '#/$defs/node' }) }, required: ['value', 'next'] } },
      $ref: '#/$defs/node',
    });
    expect(chain).toMatchObject({ value: 0, next: { value: 0 } });
  });

  test.each<[string, Record<string, unknown>]>([
    ['integer bounds', { type: 'integer', minimum: 3, maximum: 9 }],
    ['negative-only integer', { type: 'integer', maximum: -5 }],
    ['exclusive bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }],
    ['exclusive integer bounds', { type: 'integer', exclusiveMinimum: 4.5 }],
    ['multipleOf 0.1 above 0.25', { type: 'number', minimum: 0.25, multipleOf: 0.1 }],
    ['multipleOf 0.01', { type: 'number', exclusiveMinimum: 0, multipleOf: 0.01 }],
    ['multipleOf 1e-7', { type: 'number', minimum: 0.00000025, multipleOf: 1e-7 }],
    ['multipleOf 7 between 10 and 20', { type: 'integer', minimum: 10, maximum: 20, multipleOf: 7 }],
    ['a string between 5 and 6 characters', { type: 'string', minLength: 5, maxLength: 6 }],
    ['a 3-character string', { type: 'string', maxLength: 3 }],
    ['an empty-only string', { type: 'string', maxLength: 0 }],
  ])('numbers and strings: %s', (_, schema) => {
    validSample({ type: 'object', properties: { value: schema }, required: ['value'] });
  });

  test('formats', () => {
    const formats = ['date-time', 'date', 'time', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'uuid', 'byte', 'regex', 'json-pointer', 'relative-json-pointer', 'uri-template', 'url'];
    const properties = Object.fromEntries(formats.map((f) => [f, { type: 'array', items: { type: 'string', format: f }, minItems: 3, uniqueItems: true }]));
    validSample({ type: 'object', properties, required: formats });
  });

  test('arrays: bounds, unique items of every kind, tuples', () => {
    const value = validSample({
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 3, uniqueItems: true },
        scores: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 10 }, minItems: 4, uniqueItems: true },
        flags: { type: 'array', items: { type: 'boolean' }, minItems: 2, uniqueItems: true },
        colors: { type: 'array', items: { enum: ['red', 'green', 'blue'] }, minItems: 3, uniqueItems: true },
        people: {
          type: 'array',
          minItems: 2,
          uniqueItems: true,
          items: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'] },
        },
        point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }, { type: 'string' }], items: false },
        none: { type: 'array', maxItems: 0 },
      },
    });
    expect(value).toMatchObject({
      tags: ['tag', 'tag 2', 'tag 3'],
      scores: [1, 2, 3, 4],
      flags: [true, false],
      colors: ['red', 'green', 'blue'],
      people: [{ name: 'name', age: 0 }, { name: 'name 2', age: 1 }],
      point: [0, 0, 'point'],
      none: [],
    });
  });

  test('allOf with a $ref: the base and the extension are merged', () => {
    const value = validSample({
      $defs: {
        base: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, kind: { const: 'base' } }, required: ['id', 'kind'] },
      },
      allOf: [{ $ref: '#/$defs/base' }, { properties: { extra: { type: 'integer', minimum: 5 } }, required: ['extra'] }],
    });
    expect(value).toEqual({ id: '00000000-0000-4000-8000-000000000000', kind: 'base', extra: 5 });
  });

  test('anyOf beside properties: the branch adds its keywords to the node', () => {
    const value = validSample({
      type: 'object',
      properties: { email: { type: 'string', format: 'email' }, phone: { type: 'string' } },
      anyOf: [{ required: ['email'] }, { required: ['phone'] }],
    });
    expect(value).toEqual({ email: 'user@example.com', phone: 'phone' });
  });

  test('oneOf, type arrays, const, enums of any type, nullable types', () => {
    validSample({
      type: 'object',
      properties: {
        contact: {
          oneOf: [
            { type: 'object', properties: { kind: { const: 'email' }, address: { type: 'string', format: 'email' } }, required: ['kind', 'address'], additionalProperties: false },
            { type: 'object', properties: { kind: { const: 'phone' }, number: { type: 'string' } }, required: ['kind', 'number'], additionalProperties: false },
          ],
        },
        middleName: { type: ['string', 'null'] },
        version: { const: 2 },
        priority: { enum: [1, 2, 3] },
        status: { type: 'string', enum: ['open', 'closed'], default: 'open' },
      },
      required: ['contact', 'middleName', 'version', 'priority', 'status'],
      additionalProperties: false,
    });
  });

  test('required keys outside properties take the additionalProperties schema', () => {
    expect(validSample({ type: 'object', required: ['count'], additionalProperties: { type: 'integer', minimum: 2 } })).toEqual({ count: 2 });
    expect(validSample({ type: 'object', properties: {}, required: ['anything'] })).toEqual({ anything: 'anything' });
  });

  test('property names are data: __proto__, constructor and toString are kept as own keys', () => {
    // Parsed, as the schema arrives: in an object literal `__proto__` would set the prototype.
    const schema = JSON.parse(`{
      "type": "object",
      "properties": {
        "__proto__": { "type": "object", "properties": { "polluted": { "type": "boolean" } }, "required": ["polluted"], "additionalProperties": false },
        "constructor": { "type": "string" },
        "name": { "type": "string" }
      },
      "required": ["__proto__", "constructor", "name", "toString"],
      "additionalProperties": { "type": "integer" }
    }`) as Record<string, unknown>;
    const value = sampleFromSchema(schema) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'name', 'toString']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(value))).toEqual(JSON.parse('{"__proto__":{"polluted":true},"constructor":"constructor","name":"name","toString":0}'));
    // Ajv counts a property named __proto__ as additional whatever the schema says: rename it for ajv.
    const rename = (json: string): unknown => JSON.parse(json.replaceAll('"__proto__"', '"proto_key"'));
    const strict = new Ajv2020({ strict: false, ownProperties: true });
    expect(strict.validate(rename(JSON.stringify(schema)) as object, rename(JSON.stringify(value)))).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('a $ref resolves through own keys only, never into Object.prototype', () => {
    expect(sampleFromSchema({ type: 'object', properties: { a: { $ref: '#/__proto__' } }, required: ['a'] })).toEqual({ a: 'a' });
    expect(sampleFromSchema({ type: 'object', properties: { a: { $ref: '#/constructor/prototype' } }, required: ['a'] })).toEqual({ a: 'a' });
  });

  test('boolean schemas and schemas without a type', () => {
    expect(sampleFromSchema(true)).toBe('value');
    validSample({ type: 'object', properties: { free: true, loose: {} }, required: ['free', 'loose'] });
  });

  test('a malformed schema gets a best effort, never an exception', () => {
    const malformed: JsonSchema[] = [
      { type: 'object', properties: { a: 5, b: null, c: [] } } as unknown as JsonSchema,
      { $ref: '#/$defs/missing' },
      { $ref: 'https://example.com/schema.json' },
      { $ref: '#/%E0%A4%A' },
      { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' },
      { anyOf: [] },
      { allOf: [5] } as unknown as JsonSchema,
      { type: 'array', minItems: -1, items: 'x' } as unknown as JsonSchema,
      { type: 'number', multipleOf: 0 },
    ];
    for (const schema of malformed) expect(() => sampleFromSchema(schema)).not.toThrow();
  });
});
