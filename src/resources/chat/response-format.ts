import { badRequest } from '../../engine/api-error.js';
import { optionalBoolean, optionalObject, optionalString, rejectUnknownMembers, requiredObject, requiredOneOf } from '../../engine/fields.js';
import { strictSchemaProblem } from '../replies/strict-schema.js';
import type { JsonSchema } from '../replies/types.js';
import { functionName } from './function-name.js';

/** `response_format`: plain text (the default), JSON mode, or a JSON schema the reply follows. */
export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: JsonSchema; readonly strict: boolean };

/**
 * Checks `response_format` and its `json_schema` (a strict schema must follow the strict rules).
 * Whether `json_object` mode has the word "json" in the messages is left to `parseChatRequest`.
 */
export function parseResponseFormat(value: unknown): ResponseFormat {
  const format = optionalObject(value, 'response_format');
  if (format === null) return { type: 'text' };
  const type = requiredOneOf(format['type'], 'response_format.type', ['json_object', 'json_schema', 'text']);
  if (type !== 'json_schema') {
    rejectUnknownMembers(format, ['type'], 'response_format');
    return { type };
  }
  rejectUnknownMembers(format, ['type', 'json_schema'], 'response_format');
  const spec = requiredObject(format['json_schema'], 'response_format.json_schema');
  // UNVERIFIED: unknown members of json_schema (seen for response_format and stream_options).
  rejectUnknownMembers(spec, ['name', 'description', 'schema', 'strict'], 'response_format.json_schema');
  const name = functionName(spec['name'], 'response_format.json_schema.name');
  optionalString(spec['description'], 'response_format.json_schema.description');
  // UNVERIFIED: the spec makes `schema` optional; this mock requires it (it has nothing to follow otherwise).
  const schema = requiredObject(spec['schema'], 'response_format.json_schema.schema');
  const strict = optionalBoolean(spec['strict'], 'response_format.json_schema.strict') ?? false;
  if (strict) {
    const problem = strictSchemaProblem(schema);
    if (problem !== null) throw badRequest(`Invalid schema for response_format '${name}': ${problem}`, 'response_format');
  }
  return { type, name, schema, strict };
}
