import { badRequest, invalidType, invalidValue, missingParameter, type ApiError } from './api-error.js';
import { jsonObject, type ParsedBody } from './request.js';

/**
 * Readers for the fields of a JSON body, answering with the API's wording when a value has the
 * wrong type or is out of range. Absent and `null` both read as "not given".
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export function optionalString(value: unknown, param: string): string | null {
  if (!given(value)) return null;
  if (typeof value !== 'string') throw invalidType(param, 'a string', value);
  return value;
}

export function requiredString(value: unknown, param: string): string {
  if (!given(value)) throw missingParameter(param);
  if (typeof value !== 'string') throw invalidType(param, 'a string', value);
  return value;
}

export function optionalBoolean(value: unknown, param: string): boolean | null {
  if (!given(value)) return null;
  if (typeof value !== 'boolean') throw invalidType(param, 'a boolean', value);
  return value;
}

export function optionalObject(value: unknown, param: string, expected = 'an object'): JsonObject | null {
  if (!given(value)) return null;
  if (!isObject(value)) throw invalidType(param, expected, value);
  return value;
}

/** An integer within bounds: `Invalid 'x': integer below minimum value. Expected a value >= 16, ...`. */
export function optionalInteger(value: unknown, param: string, bounds: { min?: number; max?: number } = {}): number | null {
  if (!given(value)) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) throw numberOutOfRange(param, value);
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidType(param, 'an integer', value);
  checkBounds(value, param, 'integer', bounds);
  return value;
}

/** A number within bounds: `Invalid 'x': decimal above maximum value. Expected a value <= 2, ...`. */
export function optionalDecimal(value: unknown, param: string, bounds: { min?: number; max?: number } = {}): number | null {
  if (!given(value)) return null;
  if (typeof value !== 'number') throw invalidType(param, 'a decimal', value);
  if (!Number.isFinite(value)) throw numberOutOfRange(param, value);
  checkBounds(value, param, 'decimal', bounds);
  return value;
}

/**
 * `Invalid 'x': number out of range. Expected a finite number, but got Infinity instead.`: a
 * number JSON parsing could not hold (`1e309` reads as Infinity, which JSON then writes as
 * `null`). UNVERIFIED: the API's words; these follow its other range errors.
 */
export function numberOutOfRange(param: string, value: number): ApiError {
  return badRequest(
    `Invalid '${param}': number out of range. Expected a finite number, but got ${String(value)} instead.`,
    param,
    'number_out_of_range',
  );
}

function checkBounds(value: number, param: string, kind: 'integer' | 'decimal', bounds: { min?: number; max?: number }): void {
  if (bounds.min !== undefined && value < bounds.min) {
    throw badRequest(
      `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${bounds.min}, but got ${value} instead.`,
      param,
      `${kind}_below_min_value`,
    );
  }
  if (bounds.max !== undefined && value > bounds.max) {
    throw badRequest(
      `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${bounds.max}, but got ${value} instead.`,
      param,
      `${kind}_above_max_value`,
    );
  }
}

/**
 * One of a set of strings. A value of another type gets the API's "expected one of 'a' or 'b'"
 * wording; an unknown string gets `Invalid value: 'x'. Supported values are: ...`.
 */
export function optionalEnum<T extends string>(value: unknown, param: string, values: readonly T[]): T | null {
  if (!given(value)) return null;
  if (typeof value !== 'string') throw invalidType(param, `one of ${orList(values)}`, value);
  if (!isOneOf(value, values)) throw invalidValue(param, value, values);
  return value;
}

/** Whether a string is one of a list of literals (and, for TypeScript, that literal type). */
export function isOneOf<T extends string>(value: string, values: readonly T[]): value is T {
  return (values as readonly string[]).includes(value);
}

/** `'a', 'b', or 'c'`, as the API lists alternatives in a type error. */
export function orList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} or ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, or ${quoted.at(-1)}`;
}

/** `Unknown parameter: 'x'.`, as the API refuses a key it does not know. */
export function unknownParameter(param: string, suggestion?: string): ApiError {
  const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
  return badRequest(`Unknown parameter: '${param}'.${hint}`, param, 'unknown_parameter');
}

/**
 * Refuses the first key of `body` that is not in `known`, with the API's `Unknown parameter: 'x'.`
 * (the newer endpoints' answer; chat completions on older models words it differently).
 */
export function rejectUnknownKeys(body: JsonObject, known: ReadonlySet<string>): void {
  const extra = Object.keys(body).find((key) => !known.has(key));
  if (extra !== undefined) throw unknownParameter(extra);
}

/** A required string that may not be empty: `Invalid 'x': empty string. Expected a string with minimum length 1, ...`. */
export function nonEmptyString(value: unknown, param: string): string {
  const text = requiredString(value, param);
  if (text === '') {
    throw badRequest(
      `Invalid '${param}': empty string. Expected a string with minimum length 1, but got an empty string instead.`,
      param,
      'empty_string',
    );
  }
  return text;
}

/** A string's length within bounds: `Invalid 'x': string too long. Expected a string with maximum length 64, ...`. */
export function checkLength(param: string, value: string, min: number, max: number, what = `'${param}'`): void {
  if (value.length < min) {
    throw badRequest(
      `Invalid ${what}: string too short. Expected a string with minimum length ${min}, but got a string with length ${value.length} instead.`,
      param,
      'string_below_min_length',
    );
  }
  if (value.length > max) {
    throw badRequest(
      `Invalid ${what}: string too long. Expected a string with maximum length ${max}, but got a string with length ${value.length} instead.`,
      param,
      'string_above_max_length',
    );
  }
}

/**
 * `metadata`, as every endpoint that takes it checks it: at most 16 string pairs, keys up to 64
 * characters, values up to 512. `expected` is how the type error names an object (the chat and
 * responses endpoints say "a metadata object").
 */
export function metadata(value: unknown, expected = 'an object'): Record<string, string> | null {
  const object = optionalObject(value, 'metadata', expected);
  if (object === null) return null;
  const entries = Object.entries(object);
  if (entries.length > 16) {
    throw badRequest(
      `Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with ${entries.length} properties instead.`,
      'metadata',
      'object_above_max_properties',
    );
  }
  for (const [key, v] of entries) {
    checkLength('metadata', key, 0, 64, `metadata key '${key}'`);
    if (typeof v !== 'string') throw invalidType(`metadata.${key}`, 'a string', v);
    checkLength(`metadata.${key}`, v, 0, 512);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * An object that is required: absent or `null` is `Missing required parameter: 'x'.`, any other
 * non-object a type error. For members the API insists on, such as `tools[0].function`.
 */
export function requiredObject(value: unknown, param: string): JsonObject {
  if (!given(value)) throw missingParameter(param);
  if (!isObject(value)) throw invalidType(param, 'an object', value);
  return value;
}

/**
 * An item of an array that must be an object. An item cannot be "not given", so `null` is a
 * type error like any other non-object: `expected an object, but got null instead`.
 */
export function objectItem(value: unknown, param: string): JsonObject {
  if (!isObject(value)) throw invalidType(param, 'an object', value);
  return value;
}

/**
 * A required array with at least one item: absent or `null` is a missing parameter, another type
 * a type error naming `expected` (say "an array of objects"), and `[]` the API's
 * `Invalid 'x': empty array. Expected an array with minimum length 1, ...`.
 */
export function nonEmptyArray(value: unknown, param: string, expected = 'an array'): unknown[] {
  if (!given(value)) throw missingParameter(param);
  if (!Array.isArray(value)) throw invalidType(param, expected, value);
  if (value.length === 0) {
    throw badRequest(
      `Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
      param,
      'empty_array',
    );
  }
  return value;
}

/** Like {@link optionalEnum}, for a value that must be given: absent or `null` is a missing parameter. */
export function requiredEnum<T extends string>(value: unknown, param: string, values: readonly T[]): T {
  if (!given(value)) throw missingParameter(param);
  return optionalEnum(value, param, values)!;
}

/**
 * A required discriminator such as a `type`: absent or `null` is a missing parameter, and any
 * value outside `values`, a number as much as an unknown string, is
 * `Invalid value: 'x'. Supported values are: ...` (unlike {@link requiredEnum}, no type error).
 */
export function requiredOneOf<T extends string>(value: unknown, param: string, values: readonly T[]): T {
  if (!given(value)) throw missingParameter(param);
  if (typeof value !== 'string' || !isOneOf(value, values)) throw invalidValue(param, value, values);
  return value;
}

/**
 * Refuses the first key of a nested object that is not in `known`, naming it by its path under
 * `param`: `Unknown parameter: 'stream_options.x'.` ({@link rejectUnknownKeys} does the top level).
 */
export function rejectUnknownMembers(object: JsonObject, known: readonly string[], param: string): void {
  const extra = Object.keys(object).find((key) => !known.includes(key));
  if (extra !== undefined) throw unknownParameter(`${param}.${extra}`);
}

// --- the body as a whole ------------------------------------------------------------------------

/**
 * How many arrays and objects deep one field of a request body may nest. Far past anything a
 * request needs (a strict schema may nest 10 levels, each a few JSON levels deep), and far below
 * where a recursive walk of the value, or `JSON.stringify` of it, runs out of stack (a few
 * thousand levels in a test worker).
 */
export const MAX_DEPTH = 256;

/**
 * The body of a JSON route as an object, checked as a whole before any field is read: the route's
 * code never meets a value nested deeper than {@link MAX_DEPTH}, nor a number that is not finite
 * (see {@link checkValues}). Every JSON route reads its body
 * through here (a test holds them to it), so the bound is set once, at the door, rather than in
 * each recursive walk behind it (schema checks and samplers, token counts, echoes, `JSON.stringify`
 * of the answer), each of which would need its own limit and its own words. A batch line's body
 * goes through the same route, so it gets the same answer. The request log still keeps the body
 * as it was sent: the engine logs it before any route reads it.
 */
export function jsonBody(body: ParsedBody): JsonObject {
  const object = jsonObject(body);
  checkValues(object);
  return object;
}

/**
 * Refuses the first field of `body` (in order) whose value nests deeper than {@link MAX_DEPTH}
 * or holds a number that is not finite ({@link numberOutOfRange}, named by its path:
 * `hyperparameters.learning_rate_multiplier`). The numbers are checked here as well as by the
 * readers because not every number is read by one: a `logit_bias` value is not, and a schema's
 * `minItems: 1e309` sent the structured-output sampler into an endless loop.
 * UNVERIFIED: the API's answer to a deep value is not on record (its parser likely has a limit of
 * its own); the words follow its other limits, `Invalid 'x': string too long. Expected a string
 * with maximum length 64, but got a string with length 65 instead.`
 */
function checkValues(body: JsonObject): void {
  for (const [field, value] of Object.entries(body)) {
    if (deeperThan(value, MAX_DEPTH)) {
      throw badRequest(
        `Invalid '${field}': value nested too deeply. Expected a value with maximum depth ${MAX_DEPTH}, but got a value with depth ${jsonDepth(value)} instead.`,
        field,
        'value_above_max_depth',
      );
    }
    const path = nonFinitePath(value);
    if (path !== null) throw numberOutOfRange(paramPath(field, path), path.value);
  }
}

/** Where in a value its first non-finite number is, outermost step first, and that number. */
type NumberPath = (string | number)[] & { value: number };

/**
 * The path to the first number of `value` that is not finite, or null. It recurses, which is safe
 * only on a value already known to nest no deeper than {@link MAX_DEPTH}; the path is built on
 * the way back, so only a value that has such a number pays for one.
 */
function nonFinitePath(value: unknown): NumberPath | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : Object.assign([], { value });
  if (typeof value !== 'object' || value === null) return null;
  const entries: Iterable<[string | number, unknown]> = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    const path = nonFinitePath(child);
    if (path === null) continue;
    path.unshift(key);
    return path;
  }
  return null;
}

/** A path as the API names a parameter: `messages[0].content`, `metadata.team`. */
function paramPath(field: string, path: readonly (string | number)[]): string {
  return path.reduce<string>((at, step) => (typeof step === 'number' ? `${at}[${step}]` : `${at}.${step}`), field);
}

/** One array or object being walked, and where the walk is in it; `parent` is the stack below. */
interface Level {
  readonly items: readonly unknown[];
  index: number;
  readonly parent: Level | null;
  readonly depth: number;
}

/** The values directly inside an array or object (an object's in key order). */
function children(value: object): readonly unknown[] {
  return Array.isArray(value) ? value : Object.values(value);
}

/**
 * How many arrays and objects deep `value` nests: 0 for a string or number, 1 for `[1]` or
 * `{}`, 2 for `[[1]]`. Walked with a stack of its own, not by recursion, so any depth can be
 * measured; it stops as soon as it passes `stopAfter`.
 */
export function jsonDepth(value: unknown, stopAfter = Infinity): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 1;
  let level: Level | null = { items: children(value), index: 0, parent: null, depth: 1 };
  while (level !== null && deepest <= stopAfter) {
    if (level.index >= level.items.length) {
      level = level.parent;
      continue;
    }
    const child = level.items[level.index];
    level.index += 1;
    if (typeof child !== 'object' || child === null) continue;
    level = { items: children(child), index: 0, parent: level, depth: level.depth + 1 };
    deepest = Math.max(deepest, level.depth);
  }
  return deepest;
}

/** Whether `value` nests deeper than `limit` arrays and objects (walking no further than that). */
export function deeperThan(value: unknown, limit: number): boolean {
  return jsonDepth(value, limit) > limit;
}
