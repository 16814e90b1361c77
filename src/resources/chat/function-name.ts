import { badRequest } from '../../engine/api-error.js';
import { checkLength, nonEmptyString } from '../../engine/fields.js';

const NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;

/**
 * A function or schema name (`tools[i].function.name`, `functions[i].name`,
 * `response_format.json_schema.name`): a string of 1 to 64 letters, digits, `_` and `-`. The
 * pattern error is the API's for `tools[i].function.name`; UNVERIFIED for the other params and
 * for the length error.
 */
export function functionName(value: unknown, param: string): string {
  const name = nonEmptyString(value, param);
  if (!NAME_PATTERN.test(name)) {
    throw badRequest(
      `Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
      param,
      'invalid_value',
    );
  }
  checkLength(param, name, 0, 64);
  return name;
}
