import { badRequest, invalidType, invalidValue, missingParameter } from '../../engine/api-error.js';
import { nonEmptyString, rejectUnknownKeys } from '../../engine/fields.js';
import { checkExpirySeconds } from '../files/rules.js';
import type { UploadPurpose } from '../files/types.js';

/**
 * Purposes `POST /v1/uploads` accepts, in the order the SDK's `FilePurpose` lists them. (The
 * OpenAPI spec's `CreateUploadRequest` still lists only the first four; the API reference and
 * the SDK take all six, as the Files endpoint does.)
 */
export const UPLOAD_CREATE_PURPOSES: readonly UploadPurpose[] = [
  'assistants',
  'batch',
  'fine-tune',
  'vision',
  'user_data',
  'evals',
];

/** An Upload can take at most 8 GB in total. */
export const MAX_UPLOAD_BYTES = 8 * 1024 ** 3;

/** A `POST /v1/uploads` body, checked. */
export interface CreateUploadParams {
  readonly filename: string;
  readonly purpose: UploadPurpose;
  /** The size the parts must add up to on completion. */
  readonly bytes: number;
  readonly mimeType: string;
  /** `expires_after.seconds`: how long the File made on completion lives (null: the purpose's default). */
  readonly fileExpiresAfterSeconds: number | null;
}

/** A `POST /v1/uploads/{upload_id}/complete` body, checked. */
export interface CompleteUploadParams {
  /** The parts to assemble, in this order. */
  readonly partIds: readonly string[];
  /** The MD5 checksum the assembled bytes must have, lower-case hex (null: not checked). */
  readonly md5: string | null;
}

type Body = Readonly<Record<string, unknown>>;

/** The keys `POST /v1/uploads` and `POST /v1/uploads/{id}/complete` take. */
const CREATE_KEYS: ReadonlySet<string> = new Set(['filename', 'purpose', 'bytes', 'mime_type', 'expires_after']);
const COMPLETE_KEYS: ReadonlySet<string> = new Set(['part_ids', 'md5']);

/** Checks a create body as the API does (unknown keys, required fields, types, enum, ranges). */
export function parseCreateUpload(body: Body): CreateUploadParams {
  // UNVERIFIED: that uploads refuse unknown keys with this text, and before anything else.
  rejectUnknownKeys(body, CREATE_KEYS);
  const filename = nonEmptyString(body['filename'], 'filename');
  const purpose = nonEmptyString(body['purpose'], 'purpose');
  if (!isUploadPurpose(purpose)) throw invalidValue('purpose', purpose, UPLOAD_CREATE_PURPOSES);
  const bytes = body['bytes'];
  if (bytes === undefined || bytes === null) throw missingParameter('bytes');
  if (typeof bytes !== 'number' || !Number.isInteger(bytes)) throw invalidType('bytes', 'an integer', bytes);
  if (bytes < 0) {
    throw badRequest(
      `Invalid 'bytes': integer below minimum value. Expected a value >= 0, but got ${bytes} instead.`,
      'bytes',
      'integer_below_min_value',
    );
  }
  if (bytes > MAX_UPLOAD_BYTES) {
    throw badRequest(
      `Invalid 'bytes': integer above maximum value. Expected a value <= ${MAX_UPLOAD_BYTES}, but got ${bytes} instead.`,
      'bytes',
      'integer_above_max_value',
    );
  }
  const mimeType = nonEmptyString(body['mime_type'], 'mime_type');
  return { filename, purpose, bytes, mimeType, fileExpiresAfterSeconds: expiresAfter(body['expires_after']) };
}

/** Checks a complete body: `part_ids` an array of strings, `md5` a string if given. */
export function parseCompleteUpload(body: Body): CompleteUploadParams {
  rejectUnknownKeys(body, COMPLETE_KEYS);
  const partIds = body['part_ids'];
  if (partIds === undefined || partIds === null) throw missingParameter('part_ids');
  if (!Array.isArray(partIds)) throw invalidType('part_ids', 'an array', partIds);
  const ids = partIds.map((id: unknown, i) => {
    if (typeof id !== 'string') throw invalidType(`part_ids[${i}]`, 'a string', id);
    return id;
  });
  const md5 = body['md5'];
  if (md5 === undefined || md5 === null) return { partIds: ids, md5: null };
  if (typeof md5 !== 'string') throw invalidType('md5', 'a string', md5);
  return { partIds: ids, md5: md5.toLowerCase() };
}

/** Whether `value` is a purpose the Uploads API accepts. */
export function isUploadPurpose(value: string): value is UploadPurpose {
  return (UPLOAD_CREATE_PURPOSES as readonly string[]).includes(value);
}


/** `expires_after: { anchor: 'created_at', seconds }` in JSON, checked as the Files endpoint checks it. */
function expiresAfter(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidType('expires_after', 'an object', value);
  const policy = value as Body;
  const anchor = policy['anchor'];
  if (anchor === undefined || anchor === null) throw missingParameter('expires_after.anchor');
  if (anchor !== 'created_at') throw invalidValue('expires_after.anchor', anchor, ['created_at']);
  const seconds = policy['seconds'];
  if (seconds === undefined || seconds === null) throw missingParameter('expires_after.seconds');
  if (typeof seconds !== 'number' || !Number.isInteger(seconds)) {
    throw invalidType('expires_after.seconds', 'an integer', seconds);
  }
  return checkExpirySeconds(seconds);
}
