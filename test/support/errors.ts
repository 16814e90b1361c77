import { ApiError } from '../../src/mock/api-error.js';
import { OpenAIMockError } from '../../src/mock/errors.js';

/** What a promise rejected with; fails if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

/** The ApiError a function throws; fails if it throws nothing or something else. */
export function thrownBy(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError, nothing was thrown');
}

/** The OpenAIMockError a function throws; fails if it throws nothing or something else. */
export function misuseBy(fn: () => unknown): OpenAIMockError {
  try {
    fn();
  } catch (error) {
    if (error instanceof OpenAIMockError) return error;
    throw error;
  }
  throw new Error('expected an OpenAIMockError, nothing was thrown');
}
