/**
 * The rules a file must meet when it is uploaded (directly, or assembled by the uploads
 * endpoints): its size and format for its purpose, and its expiry.
 */
import { badRequest, missingParameter } from '../../engine/api-error.js';
import { MAX_BATCH_FILE_BYTES } from '../batches/input.js';
import type { UploadPurpose } from './types.js';

const MIN_EXPIRY_SECONDS = 3600;
/** The largest file `POST /v1/files` takes (the API reference's limit). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_EXPIRY_SECONDS = 2_592_000;

/**
 * The size limits: 512 MB for any file, 200 MB for a batch input file. Observed for a batch file
 * over 200 MB (2024): `File is too large.`, no param, no code; UNVERIFIED that the 512 MB limit is
 * answered the same way.
 */
export function checkSize(purpose: UploadPurpose, bytes: Uint8Array): void {
  const max = purpose === 'batch' ? MAX_BATCH_FILE_BYTES : MAX_FILE_BYTES;
  if (bytes.byteLength > max) throw badRequest('File is too large.');
}

/**
 * The format checks the API makes on a file's name and bytes for its purpose (the uploads
 * endpoints apply them to the assembled file on completion).
 */
export function checkFormat(purpose: UploadPurpose, filename: string, bytes: Uint8Array): void {
  if (purpose === 'fine-tune' && !filename.toLowerCase().endsWith('.jsonl')) {
    throw badRequest('Invalid file format for Fine-Tuning API. Must be .jsonl', 'file');
  }
  if (purpose === 'batch') {
    const firstLine = new TextDecoder().decode(bytes).split('\n', 1)[0]!.trim();
    if (!isJsonObject(firstLine)) {
      throw badRequest(
        'Invalid file format for Batch API. Must be .jsonl with one JSON request object per line.',
        'file',
      );
    }
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Reads `expires_after[anchor]` / `expires_after[seconds]` (multipart sends them as strings). */
export function expiresAfter(fields: ReadonlyMap<string, string>): number | null {
  const anchor = fields.get('expires_after[anchor]');
  const seconds = fields.get('expires_after[seconds]');
  if (anchor === undefined && seconds === undefined) return null;
  if (anchor === undefined) throw missingParameter('expires_after.anchor');
  if (anchor !== 'created_at') {
    throw badRequest(
      `Invalid value: '${anchor}'. Supported values are: 'created_at'.`,
      'expires_after.anchor',
      'invalid_value',
    );
  }
  if (seconds === undefined) throw missingParameter('expires_after.seconds');
  if (!/^\d+$/.test(seconds)) {
    throw badRequest(
      `Invalid type for 'expires_after.seconds': expected an integer, but got a string instead.`,
      'expires_after.seconds',
      'invalid_type',
    );
  }
  return checkExpirySeconds(Number(seconds));
}

/** `expires_after.seconds` within the range the API allows (1 hour to 30 days), else its 400. */
export function checkExpirySeconds(value: number): number {
  if (value < MIN_EXPIRY_SECONDS || value > MAX_EXPIRY_SECONDS) {
    throw badRequest(
      `Invalid 'expires_after.seconds': expected a value between ${MIN_EXPIRY_SECONDS} and ${MAX_EXPIRY_SECONDS}, but got ${value} instead.`,
      'expires_after.seconds',
      value < MIN_EXPIRY_SECONDS ? 'integer_below_min_value' : 'integer_above_max_value',
    );
  }
  return value;
}
