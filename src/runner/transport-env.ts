import type { TransportName } from '../index.js';
import { OpenAIMockError } from '../engine/errors.js';

/** The environment variable that picks the runner entries' transport. */
export const TRANSPORT_ENV = 'OPENAI_MOCK_TRANSPORT';

/**
 * The transport the runner entries install, from `OPENAI_MOCK_TRANSPORT` (`nock`, the default,
 * or `fetch`). Set it in the runner's configuration (Vitest: `test.env`) so every test file, in
 * every worker, sees it before the setup file loads.
 */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): TransportName {
  const value = env[TRANSPORT_ENV]?.trim() ?? '';
  if (value === '' || value === 'nock') return 'nock';
  if (value === 'fetch') return 'fetch';
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_OPTION',
    `${TRANSPORT_ENV} is ${JSON.stringify(value)}; it must be 'nock' (the default: every client, your own nock stubs win) or 'fetch' (the fast path for fetch-based clients). Unset it for the default.`,
  );
}
