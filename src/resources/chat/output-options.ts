import { badRequest, invalidType, invalidValue } from '../../engine/api-error.js';
import { given, nonEmptyArray, optionalBoolean, optionalObject, rejectUnknownMembers } from '../../engine/fields.js';

/**
 * The parameters that shape how the reply comes back, beyond a single scalar: `stop`,
 * `stream_options` and `modalities`. That `stream_options` needs `stream` is a rule between
 * parameters, left to `parseChatRequest`.
 */

/** `stop`: one sequence or up to four, none by default. */
export function parseStop(value: unknown): string[] {
  if (!given(value)) return [];
  if (typeof value === 'string') return [value];
  // UNVERIFIED: the wording of the type error (the API's pattern for a string-or-array union).
  const list = nonEmptyArray(value, 'stop', 'one of a string or array of strings');
  if (list.length > 4) {
    throw badRequest(
      `Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${list.length} instead.`,
      'stop',
      'array_above_max_length',
    );
  }
  return list.map((item, i) => {
    if (typeof item !== 'string') throw invalidType(`stop[${i}]`, 'a string', item);
    return item;
  });
}

/** `stream_options`, checked; returns `include_usage` (false when not given). */
export function parseStreamOptions(value: unknown): boolean {
  const options = optionalObject(value, 'stream_options');
  if (options === null) return false;
  rejectUnknownMembers(options, ['include_usage', 'include_obfuscation'], 'stream_options');
  optionalBoolean(options['include_obfuscation'], 'stream_options.include_obfuscation');
  return optionalBoolean(options['include_usage'], 'stream_options.include_usage') ?? false;
}

/** `modalities`: `text` and `audio` are accepted (the mock answers in text either way). */
export function checkModalities(value: unknown): void {
  if (!given(value)) return;
  if (!Array.isArray(value)) throw invalidType('modalities', 'an array of strings', value);
  value.forEach((item, i) => {
    // UNVERIFIED: wording and param of an unknown modality.
    if (item !== 'text' && item !== 'audio') throw invalidValue(`modalities[${i}]`, item, ['text', 'audio']);
  });
}
