import { ApiError } from '../../src/engine/api-error.js';
import { OpenAIMockError } from '../../src/engine/errors.js';

/** What a promise rejected with; fails if it resolved. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

/** The error of class `kind` a function throws; fails if it throws nothing or something else. */
function caught<E extends Error>(kind: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected an ${kind.name}, nothing was thrown`);
}

/** The ApiError a function throws; fails if it throws nothing or something else. */
export function thrownBy(fn: () => unknown): ApiError {
  return caught(ApiError, fn);
}

/** The OpenAIMockError a function throws; fails if it throws nothing or something else. */
export function misuseBy(fn: () => unknown): OpenAIMockError {
  return caught(OpenAIMockError, fn);
}
