/** The error object inside OpenAI's envelope: all four keys are always present. */
export interface ApiErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/**
 * An error the OpenAI API would answer with. Resource code throws it; the router turns it into
 * `{ "error": { message, type, param, code } }` with its status, so the official SDK raises the
 * matching class (`BadRequestError` for 400, `NotFoundError` for 404, ...).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly type = 'invalid_request_error',
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  toJSON(): { error: ApiErrorBody } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 invalid_request_error. */
export function badRequest(message: string, param: string | null = null, code: string | null = null): ApiError {
  return new ApiError(400, message, 'invalid_request_error', param, code);
}

/** 404 invalid_request_error. */
export function notFound(message: string, param: string | null = null, code: string | null = null): ApiError {
  return new ApiError(404, message, 'invalid_request_error', param, code);
}

/** `Missing required parameter: 'x'.`, as the API words it. */
export function missingParameter(param: string): ApiError {
  return badRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

/** `Invalid type for 'x': expected a string, but got an array instead.` */
export function invalidType(param: string, expected: string, value: unknown): ApiError {
  return badRequest(
    `Invalid type for '${param}': expected ${expected}, but got ${describeType(value)} instead.`,
    param,
    'invalid_type',
  );
}

/**
 * `Invalid value: 'x'. Supported values are: 'a', 'b', and 'c'.` The value is quoted with
 * {@link showValue}, so a value that is not a string (a number, `{"toString": 1}`) is shown, never
 * coerced.
 */
export function invalidValue(param: string, value: unknown, supported: readonly string[]): ApiError {
  return badRequest(
    `Invalid value: '${showValue(value)}'. Supported values are: ${listQuoted(supported)}.`,
    param,
    'invalid_value',
  );
}

function listQuoted(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
}

/**
 * The API's wording for a JSON value's type: "a string", "an array", "an object", "null"; a
 * fractional number is "a decimal number" (while an expected type reads "a decimal").
 */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal number';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

/**
 * A value of a request as an error message quotes it: a string as it is, a number, boolean or null
 * as it reads in JSON, an array or object as its JSON text (UNVERIFIED: how the API shows a
 * value that is not a string). Nothing on the value is called: `String(value)` or a template
 * literal would call its `toString`, and a body can carry `{"toString": 1}`, which makes that
 * throw. A value JSON cannot write (too deep for the stack, say) is named by its type.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? describeType(value);
  } catch {
    return describeType(value);
  }
}
