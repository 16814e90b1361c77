/**
 * A schema whose required property is named `__proto__` (a JSON key like any other, and one a
 * generated schema can end up with: a dictionary of field names, a model of JavaScript objects).
 * Code under test asks for a structured output and forces a tool call with such a schema; the
 * mock's generated JSON must keep the key, so that it passes the strict schema it was asked for.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { makeClient } from '../support/client.js';

const client = makeClient();

/**
 * Parsed from text: in an object literal `__proto__` sets the prototype instead of adding a key.
 * Strict: every property required, no extras, so a missing `__proto__` cannot pass.
 */
const SCHEMA_TEXT = `{
  "type": "object",
  "properties": {
    "__proto__": {
      "type": "object",
      "properties": { "isAdmin": { "type": "boolean" } },
      "required": ["isAdmin"],
      "additionalProperties": false
    },
    "constructor": { "type": "string" },
    "name": { "type": "string" }
  },
  "required": ["__proto__", "constructor", "name"],
  "additionalProperties": false
}`;
const schema = (): Record<string, unknown> => JSON.parse(SCHEMA_TEXT) as Record<string, unknown>;

/**
 * Whether `value` (JSON text) is valid against the schema. Ajv counts a property named
 * `__proto__` as an additional property whatever the schema says, so the key is renamed in both
 * the schema text and the value before ajv sees them; that it is an own key of the value is
 * checked on its own.
 */
function conforms(json: string): boolean {
  const value = JSON.parse(json) as Record<string, unknown>;
  expect(Object.hasOwn(value, '__proto__')).toBe(true);
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  const rename = (text: string) => text.replaceAll('"__proto__"', '"proto_key"');
  const validate = new Ajv2020({ strict: false, ownProperties: true }).compile(JSON.parse(rename(SCHEMA_TEXT)) as object);
  const valid = validate(JSON.parse(rename(json)));
  expect(validate.errors ?? []).toEqual([]);
  return valid;
}

describe('a required property named __proto__', () => {
  test('chat completions: the structured output has it', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Describe the current user.' }],
      response_format: { type: 'json_schema', json_schema: { name: 'user', strict: true, schema: schema() } },
    });
    const content = completion.choices[0]!.message.content!;
    expect(conforms(content)).toBe(true);
    expect(JSON.parse(content)).toEqual(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":"constructor","name":"name"}'));
  });

  test('chat completions: the forced tool call has it in its arguments', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Save the current user.' }],
      tools: [{ type: 'function', function: { name: 'save_user', strict: true, parameters: schema() } }],
      tool_choice: { type: 'function', function: { name: 'save_user' } },
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && conforms(call.function.arguments)).toBe(true);
  });

  test('responses: the structured output and the forced function call have it', async () => {
    const structured = await client.responses.create({
      model: 'gpt-4o-mini',
      input: 'Describe the current user.',
      text: { format: { type: 'json_schema', name: 'user', strict: true, schema: schema() } },
    });
    expect(conforms(structured.output_text)).toBe(true);
    // The echoed schema keeps the key too.
    expect(Object.hasOwn((structured.text!.format as { schema: Record<string, unknown> }).schema['properties'] as object, '__proto__')).toBe(true);

    const called = await client.responses.create({
      model: 'gpt-4o-mini',
      input: 'Save the current user.',
      tools: [{ type: 'function', name: 'save_user', strict: true, parameters: schema() }],
      tool_choice: { type: 'function', name: 'save_user' },
    });
    const call = called.output.find((item) => item.type === 'function_call');
    expect(call?.type === 'function_call' && conforms(call.arguments)).toBe(true);
  });
});
