/**
 * The one switch between the mock and the real OpenAI API, read from the environment when a
 * runner entry loads. The safe default is the mock: only an explicit `OPENAI_MOCK=off` lets a
 * suite spend money, whatever `OPENAI_API_KEY` holds.
 */
import { OpenAIMockError } from '../engine/errors.js';

/** `'mock'`: the mock answers every OpenAI request. `'real'`: requests go to the network. */
export type MockMode = 'mock' | 'real';

/** The variable that switches the runner entries off: `OPENAI_MOCK=off`. */
export const MODE_VARIABLE = 'OPENAI_MOCK';

/** The variable that caps how long `advanceTime` may really wait in real mode. */
export const MAX_WAIT_VARIABLE = 'OPENAI_MOCK_MAX_WAIT_MS';

/** The cap on one real wait when {@link MAX_WAIT_VARIABLE} is not set: one minute. */
export const DEFAULT_MAX_REAL_WAIT_MS = 60_000;

const MOCK_VALUES = new Set(['on', 'true', '1']);
const REAL_VALUES = new Set(['off', 'false', '0']);

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether the runner entries answer requests with the mock (`'mock'`, the default) or leave them
 * to the real API (`'real'`), from `OPENAI_MOCK`: unset, empty, `on`, `true` or `1` mean the
 * mock; `off`, `false` or `0` the real API (case and surrounding spaces do not matter).
 *
 * @throws OpenAIMockError `ERR_OPENAI_MOCK_INVALID_ENV` for any other value, so that a typo
 *   never silently picks a side.
 * @example
 * if (mockMode() === 'real') console.log('contract pass: requests are billed');
 */
export function mockMode(env: Env = process.env): MockMode {
  const raw = env[MODE_VARIABLE];
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || MOCK_VALUES.has(value)) return 'mock';
  if (REAL_VALUES.has(value)) return 'real';
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_ENV',
    `${MODE_VARIABLE} is ${JSON.stringify(raw)}; it must be 'on' (the default: the mock answers every OpenAI request) ` +
      `or 'off' (requests go to the real OpenAI API and are billed to OPENAI_API_KEY). ` +
      `'true'/'1' and 'false'/'0' are accepted too.`,
  );
}

/**
 * The longest real wait `advanceTime(ms)` accepts in real mode, from `OPENAI_MOCK_MAX_WAIT_MS`
 * (a whole number of milliseconds, 0 or more); one minute when unset.
 *
 * @throws OpenAIMockError `ERR_OPENAI_MOCK_INVALID_ENV` for anything else.
 */
export function maxRealWaitMs(env: Env = process.env): number {
  const raw = env[MAX_WAIT_VARIABLE];
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_REAL_WAIT_MS;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_ENV',
      `${MAX_WAIT_VARIABLE} is ${JSON.stringify(raw)}; it must be a whole number of milliseconds, 0 or more ` +
        `(the longest real wait advanceTime() may make when ${MODE_VARIABLE}=off; default ${DEFAULT_MAX_REAL_WAIT_MS}).`,
    );
  }
  return value;
}
