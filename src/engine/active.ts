import { OpenAIMockError } from './errors.js';

/**
 * The mock the runner helpers act on, and what runs when any mock is reset. The engine keeps it
 * untyped; the facade's `getActiveMock()` and `setActiveMock()` give it its type.
 */
interface Registry {
  active: object | null;
  readonly resetHooks: Set<() => void>;
}

const own: Registry = { active: null, resetHooks: new Set() };
const SHARED = Symbol.for('openai-mock.registry');
type Slot = { [SHARED]?: Registry };

/**
 * This module's own registry, unless a runner entry has shared one on the global object (see
 * {@link shareActiveMock}); then every copy of this module uses that one.
 */
function registry(): Registry {
  return (globalThis as Slot)[SHARED] ?? own;
}

/**
 * Puts the registry on the global object, so that every copy of the package loaded into this
 * global (its ES module and its CommonJS build, or a copy re-required after
 * `jest.resetModules()`) sees the same active mock and runs the same reset hooks. The Jest entry
 * calls it: Jest gives each test file a fresh global object, so nothing outlives the file.
 */
export function shareActiveMock(): void {
  (globalThis as Slot)[SHARED] ??= own;
}

/** Makes `mock` the one that factories' `create()` and runner helpers act on. */
export function setActive(mock: object | null): void {
  registry().active = mock;
}

/** The mock the runner entry installed for the current test file. */
export function getActive(): object {
  const active = registry().active;
  if (!active) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_NOT_INSTALLED',
      "No mock is active. Add 'openai-mock/vitest' to `setupFiles` in vitest.config.ts " +
        "(or 'openai-mock/jest' to `setupFilesAfterEnv` in the Jest config), " +
        'or call setActiveMock(createOpenAIMock().install()) yourself.',
    );
  }
  return active;
}

/**
 * Runs `hook` whenever any mock is reset (factories rewind their sequences this way).
 * Returns a function that unregisters it.
 */
export function onAnyReset(hook: () => void): () => void {
  const hooks = registry().resetHooks;
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export function runGlobalResetHooks(): void {
  for (const hook of registry().resetHooks) hook();
}
