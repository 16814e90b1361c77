import { OpenAIMockError } from './errors.js';
import type { OpenAIMock } from './openai-mock.js';

let active: OpenAIMock | null = null;

/** Makes `mock` the one that factories' `create()` and runner helpers act on. */
export function setActiveMock(mock: OpenAIMock | null): void {
  active = mock;
}

/** The mock the runner entry installed for the current test file. */
export function getActiveMock(): OpenAIMock {
  if (!active) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_NOT_INSTALLED',
      "No mock is active. Add 'openai-mock/vitest' to `setupFiles` in vitest.config.ts, " +
        'or call setActiveMock(createOpenAIMock().install()) yourself.',
    );
  }
  return active;
}

const resetHooks = new Set<() => void>();

/**
 * Runs `hook` whenever any mock is reset (factories rewind their sequences this way).
 * Returns a function that unregisters it.
 */
export function onAnyReset(hook: () => void): () => void {
  resetHooks.add(hook);
  return () => resetHooks.delete(hook);
}

export function runGlobalResetHooks(): void {
  for (const hook of resetHooks) hook();
}
