import type { JsonSchema } from './types.js';

type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;

/**
 * A JSON value that validates against `schema`, always the same for the same schema. It covers
 * what structured outputs accept (objects, arrays, enums, `const`, `anyOf`, `$ref`/`$defs`,
 * string formats, numeric bounds, `minItems`/`minLength`) and the usual extras (`oneOf`,
 * `allOf`, type arrays). Strings are the property's name (`"title"`), so a value shows where it
 * came from; a string with a `pattern` is not guaranteed to match it.
 */
export function sampleFromSchema(schema: JsonSchema): unknown {
  return sample(schema, typeof schema === 'object' ? schema : {}, 'value', 0);
}

function sample(node: JsonSchema, root: Schema, name: string, depth: number): unknown {
  if (typeof node === 'boolean') return node ? name : null;
  if (depth > MAX_DEPTH) return null;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    const target = resolveRef(ref, root);
    if (target !== undefined) return sample({ ...target, ...withoutRef(node) }, root, name, depth + 1);
  }
  if ('const' in node) return node['const'];
  if (Array.isArray(node['enum']) && node['enum'].length > 0) return node['enum'][0];
  if ('default' in node && node['default'] !== undefined) return node['default'];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = node[key];
    if (Array.isArray(options) && options.length > 0) {
      const usable = options.find((o) => !isNullSchema(o)) ?? options[0];
      return sample(usable as JsonSchema, root, name, depth + 1);
    }
  }
  if (Array.isArray(node['allOf'])) {
    const merged = (node['allOf'] as JsonSchema[]).reduce<Schema>(
      (acc, part) => (typeof part === 'object' ? mergeSchemas(acc, part) : acc),
      withoutKey(node, 'allOf'),
    );
    return sample(merged, root, name, depth + 1);
  }
  switch (typeOf(node)) {
    case 'object':
      return sampleObject(node, root, depth);
    case 'array':
      return sampleArray(node, root, name, depth);
    case 'string':
      return sampleString(node, name);
    case 'integer':
      return sampleNumber(node, true);
    case 'number':
      return sampleNumber(node, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return name;
  }
}

function typeOf(node: Schema): string | undefined {
  const type = node['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') ?? type[0]) as string | undefined;
  if (node['properties'] !== undefined || node['additionalProperties'] !== undefined) return 'object';
  if (node['items'] !== undefined || node['prefixItems'] !== undefined) return 'array';
  return undefined;
}

function sampleObject(node: Schema, root: Schema, depth: number): Record<string, unknown> {
  const properties = (node['properties'] ?? {}) as Record<string, JsonSchema>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(properties)) out[key] = sample(child, root, key, depth + 1);
  const required = Array.isArray(node['required']) ? (node['required'] as string[]) : [];
  for (const key of required) if (!(key in out)) out[key] = key;
  return out;
}

function sampleArray(node: Schema, root: Schema, name: string, depth: number): unknown[] {
  const prefix = Array.isArray(node['prefixItems']) ? (node['prefixItems'] as JsonSchema[]) : [];
  const items = node['items'];
  const min = nonNegative(node['minItems']) ?? 0;
  const max = nonNegative(node['maxItems']) ?? Infinity;
  const count = Math.min(Math.max(min, prefix.length, 1), max);
  const out: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    const itemSchema = prefix[i] ?? (typeof items === 'object' || typeof items === 'boolean' ? items : {});
    out.push(sample(itemSchema as JsonSchema, root, singular(name), depth + 1));
  }
  return out;
}

const FORMATS: Record<string, string> = {
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
  time: '00:00:00Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

function sampleString(node: Schema, name: string): string {
  const format = typeof node['format'] === 'string' ? FORMATS[node['format']] : undefined;
  if (format !== undefined) return format;
  const min = nonNegative(node['minLength']) ?? 0;
  const max = nonNegative(node['maxLength']) ?? Infinity;
  const word = name === '' ? 'x' : name;
  let text = word;
  while (text.length < min) text += ` ${word}`;
  return text.length > max ? text.slice(0, Math.max(min, max)) : text;
}

function sampleNumber(node: Schema, integer: boolean): number {
  const num = (key: string): number | undefined => (typeof node[key] === 'number' ? (node[key] as number) : undefined);
  const step = num('multipleOf');
  let low = num('minimum') ?? -Infinity;
  let high = num('maximum') ?? Infinity;
  const exclusiveLow = num('exclusiveMinimum');
  const exclusiveHigh = num('exclusiveMaximum');
  const unit = step ?? (integer ? 1 : 0.5);
  if (exclusiveLow !== undefined) low = Math.max(low, exclusiveLow + (integer ? 1 : unit / 2));
  if (exclusiveHigh !== undefined) high = Math.min(high, exclusiveHigh - (integer ? 1 : unit / 2));
  let value = Math.min(Math.max(0, low), high);
  if (integer) value = Math.ceil(value);
  if (step !== undefined) {
    value = Math.ceil(value / step) * step;
    if (value > high) value = Math.floor(high / step) * step;
  }
  return value;
}

function resolveRef(ref: string, root: Schema): Schema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Schema)[key];
  }
  return typeof node === 'object' && node !== null ? (node as Schema) : undefined;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  const merged: Schema = { ...a, ...b };
  if (a['properties'] !== undefined || b['properties'] !== undefined) {
    merged['properties'] = { ...(a['properties'] as Schema), ...(b['properties'] as Schema) };
  }
  if (Array.isArray(a['required']) || Array.isArray(b['required'])) {
    merged['required'] = [...((a['required'] as string[]) ?? []), ...((b['required'] as string[]) ?? [])];
  }
  return merged;
}

function isNullSchema(option: unknown): boolean {
  return typeof option === 'object' && option !== null && (option as Schema)['type'] === 'null';
}

function withoutRef(node: Schema): Schema {
  return withoutKey(node, '$ref');
}

function withoutKey(node: Schema, key: string): Schema {
  const copy = { ...node };
  delete copy[key];
  return copy;
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && value >= 0 ? value : undefined;
}

function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s') && !name.endsWith('ss')) return name.slice(0, -1);
  return name;
}
