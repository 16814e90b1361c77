import type { JsonSchema } from './types.js';

type Schema = Record<string, unknown>;
type Path = readonly (string | number)[];

/**
 * The first rule of strict structured outputs (`strict: true` on a response format or a
 * function tool) that `schema` breaks, worded as the API words it after its
 * "Invalid schema for response_format 'name': " or "Invalid schema for function 'name': " prefix;
 * null when the schema passes. The rules checked are the ones tests trip over: the root is an
 * object, and every object schema sets `additionalProperties: false` and lists every property
 * in `required`. Subschemas are visited under `properties`, `items`, `anyOf`, `$defs` and
 * `definitions`, in document order. The messages and the `context=` tuples for `properties` and
 * `items` are the API's; UNVERIFIED: which rule it reports first when a node breaks both, and
 * its paths under `anyOf` and `$defs`.
 *
 * @example
 * strictSchemaProblem({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] });
 * // "In context=(), 'additionalProperties' is required to be supplied and to be false."
 */
export function strictSchemaProblem(schema: JsonSchema): string | null {
  if (!isSchema(schema)) return null;
  const rootType = schema['type'];
  if (typeof rootType === 'string' && rootType !== 'object') {
    // Wording seen from an OpenAI-compatible provider; UNVERIFIED against api.openai.com itself.
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${rootType}"'.`;
  }
  return visit(schema, []);
}

function visit(node: Schema, path: Path): string | null {
  if (isObjectSchema(node)) {
    const where = `In context=${pythonTuple(path)}`;
    if (node['additionalProperties'] !== false) {
      return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    }
    const properties = isSchema(node['properties']) ? Object.keys(node['properties']) : [];
    const required = Array.isArray(node['required']) ? node['required'] : [];
    const missing = properties.find((key) => !required.includes(key));
    if (missing !== undefined) {
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
  }
  const children: [Path, unknown][] = [];
  if (isSchema(node['properties'])) {
    for (const [key, child] of Object.entries(node['properties'])) children.push([[...path, 'properties', key], child]);
  }
  if (node['items'] !== undefined) children.push([[...path, 'items'], node['items']]);
  if (Array.isArray(node['anyOf'])) node['anyOf'].forEach((child, i) => children.push([[...path, 'anyOf', i], child]));
  for (const defs of ['$defs', 'definitions'] as const) {
    if (isSchema(node[defs])) {
      for (const [key, child] of Object.entries(node[defs])) children.push([[...path, defs, key], child]);
    }
  }
  for (const [childPath, child] of children) {
    if (!isSchema(child)) continue;
    const problem = visit(child, childPath);
    if (problem !== null) return problem;
  }
  return null;
}

function isObjectSchema(node: Schema): boolean {
  const type = node['type'];
  if (type === 'object') return true;
  if (Array.isArray(type)) return type.includes('object');
  return type === undefined && isSchema(node['properties']);
}

/** A path as the API prints it: a Python tuple, `()`, `('items',)`, `('properties', 'name')`. */
function pythonTuple(path: Path): string {
  const parts = path.map((p) => (typeof p === 'number' ? String(p) : `'${p}'`));
  if (parts.length === 1) return `(${parts[0]},)`;
  return `(${parts.join(', ')})`;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
