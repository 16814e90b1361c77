import { badRequest, invalidType, missingParameter, notFound } from '../../engine/api-error.js';
import {
  given,
  isObject,
  nonEmptyArray,
  objectItem,
  rejectUnknownKeys,
  rejectUnknownMembers,
  requiredObject,
  requiredOneOf,
  requiredString,
} from '../../engine/fields.js';
import type { ModerationInputType } from './categories.js';
import { DEFAULT_MODERATION_MODEL, moderationModel, type ModerationModel } from './models.js';

/**
 * One thing to moderate, with one result: a string of `input`, or a whole multi-modal array
 * (the API answers one result for all its parts together).
 */
export interface ModerationInput {
  /** The text: the string, or the text parts joined with a line break (`''` when there are none). */
  readonly text: string;
  /** The image URLs of a multi-modal input, in order (none for a string). */
  readonly images: readonly string[];
  /** The input types it holds: `text` for a string or a text part, `image` for an image part. */
  readonly types: readonly ModerationInputType[];
}

/** A `POST /v1/moderations` body that passed every check. */
export interface ModerationRequest {
  readonly model: ModerationModel;
  /** One entry per result to answer, in input order. */
  readonly inputs: readonly ModerationInput[];
}

/** The keys `POST /v1/moderations` takes (the spec's `CreateModerationRequest`). */
const MODERATION_KEYS: ReadonlySet<string> = new Set(['input', 'model']);

/** The types of a multi-modal part. */
const PART_TYPES = ['text', 'image_url'] as const;

/**
 * Checks a request body in this order: unknown keys, `input` present, the model, the shape of
 * `input`, then images against the model (the API's own order for a body with several faults is
 * not on record). Throws the ApiError the API answers.
 */
export function parseModerationRequest(body: Readonly<Record<string, unknown>>): ModerationRequest {
  // UNVERIFIED: that moderations refuse unknown keys with this text, and before anything else.
  rejectUnknownKeys(body, MODERATION_KEYS);
  const input = body['input'];
  if (!given(input)) throw missingParameter('input');
  const model = findModel(body['model']);
  const inputs = parseInput(input);
  if (!model.omni && inputs.some((item) => item.images.length > 0)) {
    // UNVERIFIED: the status and wording for an image sent to a legacy text model.
    throw badRequest(`The model \`${model.id}\` does not support image inputs; use omni-moderation-latest.`, 'input', 'invalid_value');
  }
  return { model, inputs };
}

/** The model named by `model`; absent or `null` is the default (as the mock's readers read null). */
function findModel(value: unknown): ModerationModel {
  if (!given(value)) return moderationModel(DEFAULT_MODERATION_MODEL)!;
  if (typeof value !== 'string') throw invalidType('model', 'a string', value);
  const model = moderationModel(value);
  if (model) return model;
  // The answer of the other endpoints to a model they do not know. UNVERIFIED for moderations,
  // and for a model that exists but does not moderate (gpt-4o-mini), which gets the same.
  throw notFound(`The model \`${value}\` does not exist or you do not have access to it.`, null, 'model_not_found');
}

/** The inputs `input` holds: one per string, or one for a whole array of multi-modal parts. */
function parseInput(input: unknown): ModerationInput[] {
  if (typeof input === 'string') return [textInput(input)];
  // UNVERIFIED: the wording, modelled on the API's other "expected one of" type errors.
  if (!Array.isArray(input)) throw invalidType('input', 'one of a string, array of strings, or array of objects', input);
  // UNVERIFIED: that an empty array is refused (the spec sets no minimum), and with this text.
  const items = nonEmptyArray(input, 'input');
  const first = items[0];
  if (typeof first === 'string') {
    return items.map((item, i) => {
      // UNVERIFIED: the wording for an array that mixes strings with other values.
      if (typeof item !== 'string') throw invalidType(`input[${i}]`, 'a string', item);
      return textInput(item);
    });
  }
  if (isObject(first)) return [multiModalInput(items)];
  // UNVERIFIED: the wording for an array of neither strings nor objects.
  throw invalidType('input[0]', 'one of a string or object', first);
}

function textInput(text: string): ModerationInput {
  return { text, images: [], types: ['text'] };
}

/** An array of `{ type: 'text', text }` and `{ type: 'image_url', image_url: { url } }` parts. */
function multiModalInput(parts: readonly unknown[]): ModerationInput {
  const texts: string[] = [];
  const images: string[] = [];
  parts.forEach((value, i) => {
    const at = `input[${i}]`;
    const part = objectItem(value, at);
    const type = requiredOneOf(part['type'], `${at}.type`, PART_TYPES);
    if (type === 'text') {
      // UNVERIFIED: that unknown members of a part are refused, as at the top level.
      rejectUnknownMembers(part, ['type', 'text'], at);
      texts.push(requiredString(part['text'], `${at}.text`));
    } else {
      rejectUnknownMembers(part, ['type', 'image_url'], at);
      const image = requiredObject(part['image_url'], `${at}.image_url`);
      rejectUnknownMembers(image, ['url'], `${at}.image_url`);
      images.push(requiredString(image['url'], `${at}.image_url.url`));
    }
  });
  const types: ModerationInputType[] = [];
  if (texts.length > 0) types.push('text');
  if (images.length > 0) types.push('image');
  return { text: texts.join('\n'), images, types };
}
