import type { JsonSchema } from './types.js';

type Schema = Record<string, unknown>;

/** Past this depth the sampler gives up on a branch (`null`): the schema recurses without end. */
const MAX_DEPTH = 24;
/**
 * Past this depth the sampler heads for the smallest valid value: arrays at their `minItems`,
 * the `null` branch of a nullable value, required properties only. Recursive schemas (a tree of
 * sections, a comment thread) then end instead of running into {@link MAX_DEPTH}.
 */
const SHALLOW_DEPTH = 8;

/**
 * A JSON value that validates against `schema`, always the same for the same schema. It covers
 * what structured outputs accept (objects, arrays, enums, `const`, `anyOf`, `$ref`/`$defs`,
 * string formats, numeric bounds, `minItems`/`minLength`) and the usual extras (`oneOf`,
 * `allOf`, type arrays, `uniqueItems`, `multipleOf`). Strings are the property's name
 * (`"title"`), so a value shows where it came from; array items are numbered (`"skill"`,
 * `"skill 2"`). A string with a `pattern` is not guaranteed to match it, and a malformed schema
 * gets a best effort rather than an error.
 */
export function sampleFromSchema(schema: JsonSchema): unknown {
  const root = isSchema(schema) ? schema : {};
  return sample(schema, root, 'value', 0, 0);
}

function sample(input: unknown, root: Schema, name: string, depth: number, variant: number): unknown {
  if (typeof input === 'boolean') return input ? name : null;
  if (!isSchema(input)) return name;
  if (depth > MAX_DEPTH) return null;
  const node = flatten(input, root, 0);
  const shallow = depth >= SHALLOW_DEPTH;

  if ('const' in node) return node['const'];
  const choices = node['enum'];
  if (Array.isArray(choices) && choices.length > 0) return choices[variant % choices.length];
  if (node['default'] !== undefined) return node['default'];

  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = (Array.isArray(node[key]) ? (node[key] as unknown[]) : []).filter(
      (o) => isSchema(o) || typeof o === 'boolean',
    );
    if (options.length === 0) continue;
    const nullOption = options.find((o) => isNullSchema(o, root));
    const option = shallow && nullOption !== undefined ? nullOption : (options.find((o) => !isNullSchema(o, root)) ?? options[0]);
    if (typeof option === 'boolean') return sample(option, root, name, depth + 1, variant);
    // The chosen branch keeps the keywords beside anyOf (`properties` next to `anyOf: [{ required }]`).
    return sample(merge(withoutKey(node, key), flatten(option as Schema, root, 0)), root, name, depth + 1, variant);
  }

  switch (typeOf(node, shallow)) {
    case 'object':
      return sampleObject(node, root, depth, variant, shallow);
    case 'array':
      return sampleArray(node, root, name, depth, variant, shallow);
    case 'string':
      return sampleString(node, name, variant);
    case 'integer':
      return sampleNumber(node, true, variant);
    case 'number':
      return sampleNumber(node, false, variant);
    case 'boolean':
      return variant % 2 === 0;
    case 'null':
      return null;
    default:
      return variant === 0 ? name : `${name} ${variant + 1}`;
  }
}

/** The node with its `$ref` target and `allOf` parts merged in, so one schema describes it. */
function flatten(node: Schema, root: Schema, hops: number): Schema {
  let out = node;
  const ref = out['$ref'];
  if (typeof ref === 'string') {
    const target = hops < MAX_DEPTH ? resolveRef(ref, root) : undefined;
    out = target ? merge(flatten(target, root, hops + 1), withoutKey(out, '$ref')) : withoutKey(out, '$ref');
  }
  const parts = out['allOf'];
  if (Array.isArray(parts)) {
    out = parts.reduce<Schema>(
      (acc, part) => (isSchema(part) ? merge(acc, flatten(part, root, hops + 1)) : acc),
      withoutKey(out, 'allOf'),
    );
  }
  return out;
}

function typeOf(node: Schema, shallow: boolean): string | undefined {
  const type = node['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type) && type.length > 0) {
    if (shallow && type.includes('null')) return 'null';
    return (type.find((t) => t !== 'null') ?? type[0]) as string;
  }
  if (node['properties'] !== undefined || node['additionalProperties'] !== undefined || node['required'] !== undefined) {
    return 'object';
  }
  if (node['items'] !== undefined || node['prefixItems'] !== undefined) return 'array';
  return undefined;
}

/**
 * An object with the schema's properties (only the required ones once shallow), then any required
 * key the properties leave out. Keys are the schema's to choose, so each is defined as an own
 * property: assigning `out['__proto__']` would set the prototype instead (and `'toString' in out`
 * is true of every object), leaving a required key out of a reply that must have it.
 */
function sampleObject(node: Schema, root: Schema, depth: number, variant: number, shallow: boolean): Record<string, unknown> {
  const properties = isSchema(node['properties']) ? node['properties'] : {};
  const required = new Set(Array.isArray(node['required']) ? node['required'].filter((k) => typeof k === 'string') : []);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(properties)) {
    if (shallow && !required.has(key)) continue;
    setOwn(out, key, sample(child, root, key, depth + 1, variant));
  }
  const extra = node['additionalProperties'];
  for (const key of required) {
    if (Object.hasOwn(out, key)) continue;
    setOwn(out, key, isSchema(extra) || typeof extra === 'boolean' ? sample(extra, root, key, depth + 1, variant) : key);
  }
  return out;
}

/** Sets `key` as an own, enumerable data property, whatever its name (`__proto__` included). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function sampleArray(node: Schema, root: Schema, name: string, depth: number, variant: number, shallow: boolean): unknown[] {
  const prefix = Array.isArray(node['prefixItems']) ? node['prefixItems'] : [];
  const items = node['items'];
  const min = nonNegative(node['minItems']) ?? 0;
  let max = nonNegative(node['maxItems']) ?? Infinity;
  if (items === false) max = Math.min(max, prefix.length);
  const count = Math.min(Math.max(min, prefix.length, shallow ? 0 : 1), max);
  const item = singular(name);
  const out: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    // Items of one schema differ from one another (uniqueItems); tuple positions keep their own.
    if (i < prefix.length) out.push(sample(prefix[i], root, item, depth + 1, variant));
    else out.push(sample(items === undefined ? {} : items, root, item, depth + 1, variant + i));
  }
  return out;
}

function sampleString(node: Schema, name: string, variant: number): string {
  const format = typeof node['format'] === 'string' ? formatValue(node['format'], variant) : undefined;
  if (format !== undefined) return format;
  const min = nonNegative(node['minLength']) ?? 0;
  const max = nonNegative(node['maxLength']) ?? Infinity;
  const word = name === '' ? 'x' : name;
  let text = variant === 0 ? word : `${word} ${variant + 1}`;
  while (text.length < min) text += ` ${word}`;
  if (text.length > max) {
    // Cut to size, keeping the item number at the end so list items stay distinct.
    const tag = variant === 0 ? '' : String(variant + 1);
    text = max === 0 ? '' : tag.length >= max ? tag.slice(-max) : text.slice(0, max - tag.length) + tag;
  }
  return text;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A value in the format (`variant` tells list items apart), or undefined for a format the sampler does not know. */
function formatValue(format: string, variant: number): string | undefined {
  const n = variant + 1;
  const two = (k: number) => String(k).padStart(2, '0');
  switch (format) {
    case 'date-time':
    case 'iso-date-time':
      return `2025-01-${two(((n - 1) % 28) + 1)}T00:00:00Z`;
    case 'date':
      return `2025-01-${two(((n - 1) % 28) + 1)}`;
    case 'time':
    case 'iso-time':
      return `00:${two((n - 1) % 60)}:00Z`;
    case 'duration':
      return `P${n}D`;
    case 'email':
    case 'idn-email':
      return variant === 0 ? 'user@example.com' : `user${n}@example.com`;
    case 'hostname':
    case 'idn-hostname':
      return variant === 0 ? 'example.com' : `host${n}.example.com`;
    case 'ipv4':
      return `192.0.2.${(n % 254) + 1}`;
    case 'ipv6':
      return `2001:db8::${n.toString(16)}`;
    case 'uri':
    case 'url':
    case 'iri':
    case 'uri-reference':
    case 'iri-reference':
      return variant === 0 ? 'https://example.com/' : `https://example.com/${n}`;
    case 'uri-template':
      return variant === 0 ? 'https://example.com/{id}' : `https://example.com/${n}/{id}`;
    case 'uuid':
      return `00000000-0000-4000-8000-${String(variant).padStart(12, '0')}`;
    case 'regex':
      return variant === 0 ? '.*' : `.{${n}}`;
    case 'json-pointer':
      return variant === 0 ? '/value' : `/value/${n}`;
    case 'relative-json-pointer':
      return String(variant);
    case 'byte':
      return `AAA${BASE64[variant % 64]}`;
    default:
      return undefined;
  }
}

function sampleNumber(node: Schema, integer: boolean, variant: number): number {
  const num = (key: string): number | undefined => (typeof node[key] === 'number' ? (node[key] as number) : undefined);
  const multiple = num('multipleOf');
  const step = multiple !== undefined && multiple > 0 ? multiple : undefined;
  let low = num('minimum') ?? -Infinity;
  let high = num('maximum') ?? Infinity;
  // Draft 4 wrote exclusive bounds as booleans beside minimum/maximum.
  const exclusiveLow = num('exclusiveMinimum') ?? (node['exclusiveMinimum'] === true ? num('minimum') : undefined);
  const exclusiveHigh = num('exclusiveMaximum') ?? (node['exclusiveMaximum'] === true ? num('maximum') : undefined);
  const unit = step ?? (integer ? 1 : 0.5);
  if (exclusiveLow !== undefined) low = Math.max(low, integer ? Math.floor(exclusiveLow) + 1 : exclusiveLow + unit / 2);
  if (exclusiveHigh !== undefined) high = Math.min(high, integer ? Math.ceil(exclusiveHigh) - 1 : exclusiveHigh - unit / 2);
  const snap = (value: number): number => {
    let v = integer ? Math.ceil(value) : value;
    if (step !== undefined) v = multipleAtLeast(v, step, high);
    return v;
  };
  const base = snap(Math.min(Math.max(0, low), high));
  const varied = snap(base + variant * unit);
  return variant > 0 && varied <= high ? varied : base;
}

/**
 * The smallest multiple of `step` from `value` up that also passes a floating-point check
 * (`x / step` an integer: 0.3 / 0.1 is not, in binary, so 0.4 is taken), or the largest one
 * under `high` when none fits.
 */
function multipleAtLeast(value: number, step: number, high: number): number {
  const first = Math.ceil(value / step);
  for (let k = first; k < first + 100; k += 1) {
    const candidate = roundTo(k * step, step);
    if (candidate > high) break;
    if (Number.isInteger(candidate / step)) return candidate;
  }
  const fallback = roundTo(Math.ceil(value / step) * step, step);
  return fallback > high ? roundTo(Math.floor(high / step) * step, step) : fallback;
}

/** `value` rounded to the decimals of `step`, so 3 × 0.1 is 0.3 rather than 0.30000000000000004. */
function roundTo(value: number, step: number): number {
  const [mantissa = '', exponent = '0'] = String(step).split('e');
  const decimals = Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent));
  return Number(value.toFixed(Math.min(decimals, 100)));
}

function resolveRef(ref: string, root: Schema): Schema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    // Own keys only: `#/__proto__` or `#/constructor` must not walk into Object.prototype.
    if (!isSchema(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return isSchema(node) ? node : undefined;
}

/** Both schemas at once: `b` wins on a shared keyword, except properties and required, which add up. */
function merge(a: Schema, b: Schema): Schema {
  const merged: Schema = { ...a, ...b };
  if (isSchema(a['properties']) || isSchema(b['properties'])) {
    merged['properties'] = {
      ...(isSchema(a['properties']) ? a['properties'] : {}),
      ...(isSchema(b['properties']) ? b['properties'] : {}),
    };
  }
  if (Array.isArray(a['required']) || Array.isArray(b['required'])) {
    const all = [...(Array.isArray(a['required']) ? a['required'] : []), ...(Array.isArray(b['required']) ? b['required'] : [])];
    merged['required'] = [...new Set(all)];
  }
  return merged;
}

function isNullSchema(option: unknown, root: Schema): boolean {
  if (!isSchema(option)) return false;
  const node = flatten(option, root, 0);
  return node['type'] === 'null' || ('const' in node && node['const'] === null);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  if (name.endsWith('ies') && name.length > 3) return `${name.slice(0, -3)}y`;
  if (name.endsWith('s') && !name.endsWith('ss') && name.length > 1) return name.slice(0, -1);
  return name;
}
