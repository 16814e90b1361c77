import { OpenAIMockError } from './errors.js';
import { resolveInspectDir } from './inspect.js';
import type { MockRequest } from './request.js';

/** A request the mock does not serve, as handed to an `onUnhandledRequest` callback. */
export interface UnhandledRequest {
  readonly method: string;
  readonly url: string;
  readonly path: string;
}

/**
 * What to do with a request to an OpenAI host that the mock does not serve:
 * - `'error'` (default): answer with an OpenAI-shaped error naming the method and path;
 * - `'warn'`: the same answer, and a warning on the console;
 * - `'bypass'`: let it through to the real network;
 * - a function: decides per request by returning one of the above (nothing means `'error'`).
 */
export type UnhandledRequestStrategy =
  | 'error'
  | 'warn'
  | 'bypass'
  | ((request: UnhandledRequest) => 'error' | 'warn' | 'bypass' | undefined | void);

/**
 * How long lifecycles take by default: `'default'` uses each resource's default timings;
 * `'instant'` makes every phase 0 ms, so a timed object (a file, a job, a batch) has finished by
 * the first read after its creation (explicit timings still win).
 */
export type TimingPreset = 'default' | 'instant';

/** The options the engine itself reads; each resource adds its own slice (see `ResourceModule.config`). */
export interface EngineOptions {
  /** See {@link TimingPreset}. Default `'default'`. */
  timing?: TimingPreset;
  /**
   * Base URLs to intercept besides `https://api.openai.com/v1` and `OPENAI_BASE_URL`
   * (e.g. a proxy or gateway your code talks to).
   */
  baseURLs?: readonly string[];
  /** See {@link UnhandledRequestStrategy}. Default `'error'`. */
  onUnhandledRequest?: UnhandledRequestStrategy;
  /**
   * A directory where the mock writes its state as it changes (input and output files, file,
   * batch and job metadata, the request log), for debugging; see `src/engine/inspect.ts` for the
   * layout. Default: `OPENAI_MOCK_INSPECT_DIR`, else off. `null` turns it off even when the
   * variable is set. The runner entries write one folder per test file and test under it.
   */
  inspectDir?: string | null;
  /** The organization the mock acts as: `organization_id` on jobs and the slug in model names. */
  organization?: { id?: string; slug?: string };
}

/** The engine's options with every default filled in. */
export interface EngineConfig {
  readonly timing: TimingPreset;
  readonly baseURLs: readonly URL[];
  readonly onUnhandledRequest: UnhandledRequestStrategy;
  /** Absolute path of the inspection directory; null when inspection is off. */
  readonly inspectDir: string | null;
  readonly organization: { readonly id: string; readonly slug: string };
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export function resolveEngineConfig(options: EngineOptions = {}): EngineConfig {
  const urls = [DEFAULT_BASE_URL, process.env['OPENAI_BASE_URL'], ...(options.baseURLs ?? [])]
    .filter((u): u is string => typeof u === 'string' && u.trim() !== '')
    .map((u) => parseBaseURL(u));
  const unique = [...new Map(urls.map((u) => [u.href, u])).values()];
  const strategy = options.onUnhandledRequest ?? 'error';
  if (typeof strategy !== 'function' && !['error', 'warn', 'bypass'].includes(strategy)) {
    throw invalidOption('onUnhandledRequest', strategy, "'error', 'warn', 'bypass' or a function");
  }
  const timing = options.timing ?? 'default';
  if (timing !== 'default' && timing !== 'instant') throw invalidOption('timing', timing, "'default' or 'instant'");
  if (options.inspectDir !== undefined && options.inspectDir !== null && (typeof options.inspectDir !== 'string' || options.inspectDir.trim() === '')) {
    throw invalidOption('inspectDir', options.inspectDir, 'a directory path (relative to the working directory), or null to turn inspection off');
  }
  return {
    timing,
    baseURLs: unique,
    onUnhandledRequest: strategy,
    inspectDir: resolveInspectDir(options.inspectDir),
    organization: {
      id: options.organization?.id ?? 'org-mock',
      slug: options.organization?.slug ?? 'openai-mock',
    },
  };
}

function parseBaseURL(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidOption('baseURLs', value, 'an absolute http(s) URL such as https://api.openai.com/v1');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidOption('baseURLs', value, 'an http: or https: URL');
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * `next` over `current`, as `configure()` merges them: plain objects merge key by key at every
 * depth (`{ fineTuning: { timings: { queued: 0 } } }` keeps the other timings), anything else
 * (arrays, functions, numbers) replaces; an object option left `undefined` keeps its value.
 */
export function mergeOptions<O extends object>(current: O, next: O): O {
  const merged: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(next)) {
    const before = merged[key];
    if (isPlainObject(value)) merged[key] = mergeOptions(isPlainObject(before) ? before : {}, value);
    else if (value === undefined && isPlainObject(before)) continue;
    else merged[key] = value;
  }
  return merged as O;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The default duration of a phase under a timing preset: 0 under `'instant'`. */
export function presetMs(timing: TimingPreset, ms: number): number {
  return timing === 'instant' ? 0 : ms;
}

/** A duration option in ms: its default when left out, else 0 or more (Infinity holds the phase). */
export function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw invalidOption(name, value, 'a number of milliseconds, 0 or more (Infinity holds the phase)');
  }
  return value;
}

/** A count option: its default when left out, else a whole number of 1 or more. */
export function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw invalidOption(name, value, 'a whole number, 1 or more');
  return value;
}

/** The coded error for an option the library cannot take, naming what it must be. */
export function invalidOption(name: string, value: unknown, expected: string): OpenAIMockError {
  return new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_OPTION',
    // JSON.stringify shows NaN and -Infinity as "null": numbers are shown as they are.
    `Option '${name}' is ${typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value))}; it must be ${expected}.`,
  );
}

/**
 * The configured base URL a request was sent to, if any (the longest matching one), and the
 * request's path relative to it (`/files/file-1`).
 */
export function matchBaseURL(
  config: EngineConfig,
  request: Pick<MockRequest, 'url'> | URL,
): { base: URL; url: URL; relative: string } | null {
  const url = request instanceof URL ? request : new URL(request.url);
  let found: { base: URL; url: URL; relative: string } | null = null;
  for (const base of config.baseURLs) {
    if (url.origin !== base.origin) continue;
    // An origin-only base URL has the pathname '/', which must match every path, not just '/'.
    const basePath = base.pathname.replace(/\/$/, '');
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) continue;
    const relative = url.pathname.slice(basePath.length) || '/';
    if (!found || relative.length < found.relative.length) found = { base, url, relative };
  }
  return found;
}
