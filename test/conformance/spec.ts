import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { applyCorrections, type JsonObject } from './corrections.js';

/**
 * The official OpenAPI description of the OpenAI API, copied unmodified from
 * openai/openai-openapi (branch main, commit f85dbe22, 2026-08-21; `info.version` 2.3.0).
 */
export const SPEC_PATH = fileURLToPath(new URL('./openapi.yaml', import.meta.url));

/** The spec's document id inside Ajv; every schema is reached by a JSON pointer under it. */
const SPEC_ID = 'openai-openapi.json';

/** HTTP methods as the spec's path items name them. */
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface SpecOperation {
  readonly method: string;
  /** Relative to `/v1`, with `{name}` segments. */
  readonly path: string;
}

/** The outcome of checking one body against the spec. */
export interface Verdict {
  /** Where the schema came from, as a JSON pointer into the (corrected) spec. */
  readonly schema: string;
  readonly errors: readonly string[];
}

/** Loads the spec as published: no corrections. */
export function loadRawSpec(): JsonObject {
  return yaml.load(readFileSync(SPEC_PATH, 'utf8')) as JsonObject;
}

/** Every (method, path) the spec documents, in the spec's order. */
export function specOperations(spec: JsonObject): SpecOperation[] {
  const paths = spec['paths'] as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] !== undefined).map((m) => ({ method: m.toUpperCase(), path })),
  );
}

/**
 * Validates response bodies against the spec's response schemas, after turning the spec's
 * OpenAPI 3.0 leftovers into JSON Schema 2020-12 (which Ajv speaks) and applying the
 * corrections listed in `corrections.ts`.
 */
export class SpecValidator {
  readonly spec: JsonObject;
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();

  /**
   * @param raw the spec as published (loaded from the copy beside this file by default)
   * @param options.corrections false to validate against the spec exactly as published
   */
  constructor(raw: JsonObject = loadRawSpec(), options: { corrections?: boolean } = {}) {
    const converted = toJsonSchema2020(structuredClone(raw)) as JsonObject;
    this.spec = options.corrections === false ? converted : applyCorrections(converted);
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(this.#ajv);
    // The spec's own formats: `unixtime` marks integer timestamps (Ajv checks formats on strings
    // only, so the integer type carries the check); the rest are free-form hints.
    for (const name of ['unixtime', 'int64', 'int32', 'double', 'float', 'binary', 'byte'])
      this.#ajv.addFormat(name, true);
    this.#ajv.addSchema(this.spec, SPEC_ID);
  }

  /**
   * The schema pointer for a response, or undefined if the spec documents none. Error statuses
   * the spec leaves undocumented (most of them) are checked against `ErrorResponse`, the
   * envelope every OpenAI error uses.
   */
  schemaFor(method: string, path: string, status: number, mediaType: string): string | undefined {
    const op = (this.spec['paths'] as Record<string, Record<string, JsonObject>>)[path]?.[method.toLowerCase()];
    if (!op) return undefined;
    const responses = op['responses'] as Record<string, JsonObject>;
    const documented = responses[String(status)];
    if (documented) {
      // A shared response (`$ref: '#/components/responses/…'`) is reached through its own pointer.
      const base =
        typeof documented['$ref'] === 'string'
          ? documented['$ref']
          : `#/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}`;
      const content = this.#resolveResponse(documented)['content'] as Record<string, JsonObject> | undefined;
      return content?.[mediaType]?.['schema'] ? `${base}/content/${escape(mediaType)}/schema` : undefined;
    }
    if (status >= 400 && mediaType === 'application/json') return '#/components/schemas/ErrorResponse';
    return undefined;
  }

  /**
   * Checks a body against the schema at `pointer` (from {@link schemaFor}). A union of event or
   * item schemas told apart by their `type` (stream events) is narrowed to the member whose
   * `type` the body names first, so a failure names what is wrong with that event rather than
   * how it differs from every other kind.
   */
  check(pointer: string, body: unknown): Verdict {
    const narrowed = this.#narrow(pointer, body);
    if (narrowed === null) {
      const type = (body as { type?: unknown }).type;
      return { schema: pointer, errors: [`(body): no member of the union has type ${JSON.stringify(type)}`] };
    }
    return this.#validate(narrowed, body);
  }

  /** The union member for `body.type`, the pointer itself when it is no such union, or null. */
  #narrow(pointer: string, body: unknown): string | null {
    const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
    if (typeof type !== 'string') return pointer;
    let at = pointer;
    let schema = pointerGet(this.spec, at) as JsonObject | undefined;
    while (schema && typeof schema['$ref'] === 'string' && Object.keys(schema).length === 1) {
      at = schema['$ref'];
      schema = pointerGet(this.spec, at) as JsonObject | undefined;
    }
    const members = (schema?.['anyOf'] ?? schema?.['oneOf']) as JsonObject[] | undefined;
    if (!members?.every((m) => typeof m['$ref'] === 'string')) return pointer;
    const typeOf = (ref: string): unknown[] | undefined => {
      const member = pointerGet(this.spec, ref) as JsonObject | undefined;
      const property = (member?.['properties'] as Record<string, JsonObject> | undefined)?.['type'];
      return (property?.['enum'] as unknown[] | undefined) ?? (property && 'const' in property ? [property['const']] : undefined);
    };
    const refs = members.map((m) => m['$ref'] as string);
    if (!refs.every((ref) => typeOf(ref)?.length === 1)) return pointer;
    return refs.find((ref) => typeOf(ref)![0] === type) ?? null;
  }

  #validate(pointer: string, body: unknown): Verdict {
    let validate = this.#compiled.get(pointer);
    if (!validate) {
      const found = this.#ajv.getSchema(`${SPEC_ID}${pointer}`);
      if (!found) throw new Error(`The spec has no schema at ${pointer}`);
      validate = found;
      this.#compiled.set(pointer, validate);
    }
    const ok = validate(body);
    return { schema: pointer, errors: ok ? [] : describe(validate.errors ?? []) };
  }

  /** Checks a body against a schema of the test's own (one the spec does not carry). */
  checkSchema(schema: object, body: unknown): string[] {
    const validate = this.#ajv.compile(schema);
    return validate(body) ? [] : describe(validate.errors ?? []);
  }

  #resolveResponse(response: JsonObject): JsonObject {
    const ref = response['$ref'];
    if (typeof ref !== 'string') return response;
    return pointerGet(this.spec, ref) as JsonObject;
  }
}

/** Reads a `#/a/b` pointer inside a document. */
export function pointerGet(document: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Ajv's errors, deduplicated, each as `path: message`, the most specific first. */
function describe(errors: readonly ErrorObject[]): string[] {
  const lines = errors.map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : '';
    const allowed = e.keyword === 'enum' ? ` (${JSON.stringify(e.params['allowedValues'])})` : '';
    return `${e.instancePath || '(body)'}: ${e.message ?? e.keyword}${extra}${allowed} [${e.schemaPath}]`;
  });
  return [...new Set(lines)].sort((a, b) => b.split('/').length - a.split('/').length).slice(0, 12);
}

/**
 * Rewrites the two OpenAPI 3.0 keywords the spec still uses into their JSON Schema 2020-12
 * meaning, everywhere: `nullable: true` becomes "or null" (a 2020-12 validator would otherwise
 * ignore it and reject nulls the spec allows), and the boolean `exclusiveMinimum`/
 * `exclusiveMaximum` become the numeric bound they qualify (Ajv refuses the boolean form).
 * This changes the notation only, never what the spec allows.
 */
export function toJsonSchema2020(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema2020);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node as JsonObject)) out[key] = toJsonSchema2020(value);
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else {
        delete out[flag];
      }
    }
  }
  if (out['nullable'] === true) {
    delete out['nullable'];
    return orNull(out);
  }
  delete out['nullable'];
  return out;
}

function orNull(schema: JsonObject): JsonObject {
  const type = schema['type'];
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = Array.isArray(type) ? type : [type];
    const out: JsonObject = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(null)) {
      out['enum'] = [...(schema['enum'] as unknown[]), null];
    }
    return out;
  }
  return { anyOf: [schema, { type: 'null' }] };
}
