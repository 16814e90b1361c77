import { showValue } from '../../engine/api-error.js';
import type { JsonObject } from '../../engine/fields.js';
import { isObject } from '../../engine/fields.js';

/**
 * The rules structured outputs put on a JSON schema, as the API states them when it refuses one:
 * `schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.` for the root, and with
 * `strict: true`, `In context=('properties', 'address'), 'additionalProperties' is required to be
 * supplied and to be false.` for each object schema inside. Only these common rules are checked;
 * the mock accepts keywords the real API would refuse in strict mode (`uniqueItems`, ...).
 */

/**
 * The root of a structured-output or function schema must be an object schema. The `type` sent is
 * quoted with `showValue`: it may be anything, `{"toString": 1}` included.
 */
export function rootTypeProblem(schema: JsonObject): string | null {
  const type = schema['type'];
  if (type === 'object') return null;
  const shown = type === undefined || type === null ? 'None' : Array.isArray(type) ? type.map(showValue).join(', ') : showValue(type);
  return `schema must be a JSON Schema of 'type: "object"', got 'type: "${shown}"'.`;
}

/** The first strict-mode rule the schema breaks, with where (the API's `context=(...)`), or null. */
export function strictProblem(schema: JsonObject): string | null {
  return walk(schema, []);
}

function walk(node: unknown, path: readonly (string | number)[]): string | null {
  if (!isObject(node)) return null;
  const properties = isObject(node['properties']) ? node['properties'] : null;
  const type = node['type'];
  const isObjectSchema = type === 'object' || (Array.isArray(type) && type.includes('object')) || properties !== null;
  if (isObjectSchema) {
    const where = `In context=${context(path)}, `;
    if (node['additionalProperties'] !== false) {
      return `${where}'additionalProperties' is required to be supplied and to be false.`;
    }
    const keys = Object.keys(properties ?? {});
    const required = Array.isArray(node['required']) ? (node['required'] as unknown[]) : null;
    const rule = "'required' is required to be supplied and to be an array including every key in properties.";
    const missing = keys.find((key) => required === null || !required.includes(key));
    if (missing !== undefined) return `${where}${rule} Missing '${missing}'.`;
    const extra = (required ?? []).find((key) => typeof key !== 'string' || !keys.includes(key));
    if (extra !== undefined) return `${where}${rule} Extra required key '${showValue(extra)}' supplied.`;
    for (const key of keys) {
      const problem = walk(properties![key], [...path, 'properties', key]);
      if (problem) return problem;
    }
  }
  if (node['items'] !== undefined) {
    const problem = walk(node['items'], [...path, 'items']);
    if (problem) return problem;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = node[key];
    if (!Array.isArray(options)) continue;
    for (let i = 0; i < options.length; i++) {
      const problem = walk(options[i], [...path, key, i]);
      if (problem) return problem;
    }
  }
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = node[key];
    if (!isObject(defs)) continue;
    for (const [name, def] of Object.entries(defs)) {
      const problem = walk(def, [...path, key, name]);
      if (problem) return problem;
    }
  }
  return null;
}

/** A path as the API prints it: a Python tuple, `()`, `('items',)`, `('properties', 'a')`. */
function context(path: readonly (string | number)[]): string {
  const parts = path.map((p) => (typeof p === 'number' ? String(p) : `'${p}'`));
  if (parts.length === 0) return '()';
  if (parts.length === 1) return `(${parts[0]},)`;
  return `(${parts.join(', ')})`;
}
