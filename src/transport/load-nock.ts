import { createRequire } from 'node:module';
import type nockModule from 'nock';

export type Nock = typeof nockModule;

/** nock, and whether loading it is what turned it on in this realm. */
export interface LoadedNock {
  readonly nock: Nock;
  /**
   * True when no nock was on here before this load (loading nock patches `http`, `net` and the
   * global `fetch`), so turning it off again puts them back as they were.
   */
  readonly activatedByUs: boolean;
}

let loaded: LoadedNock | undefined;

/** nock if a transport has loaded it, else undefined (without loading it). */
export function loadedNock(): LoadedNock | undefined {
  return loaded;
}

/**
 * nock, loaded the first time a transport is installed rather than when openai-mock is imported:
 * loading nock patches `http`, `net` and the global `fetch`, and wraps `Headers` and `Response`
 * (several µs on every fetch in the process), none of which a mock that is never installed (one
 * serving only `openaiMock.fetch`) needs. The load is synchronous, as `install()` is: Node 22.12
 * and later load ES modules with `require`. The CommonJS build replaces this module with one that
 * requires its bundled copy of nock (scripts/build.sh).
 */
export function loadNock(): LoadedNock {
  if (loaded) return loaded;
  const fetchBefore = globalThis.fetch;
  // tsc's CommonJS build cannot compile `import.meta`; that build replaces this module anyway.
  // eslint-disable-next-line @typescript-eslint/ban-ts-comment
  // @ts-ignore
  const required = createRequire(import.meta.url)('nock') as Nock | { default: Nock };
  const nock = 'default' in required && typeof required.default === 'function' ? required.default : (required as Nock);
  loaded = { nock, activatedByUs: nock.isActive() && globalThis.fetch !== fetchBefore };
  return loaded;
}
