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

export type FineTuningPhase = 'validating_files' | 'queued' | 'running';

/** The timed phases of a batch; `cancelling` is how long a cancel takes to become `cancelled`. */
export type BatchPhase = 'validating' | 'in_progress' | 'finalizing' | 'cancelling';

/**
 * How long lifecycles take by default: `'default'` uses the timings below; `'instant'` makes
 * every phase 0 ms, so a file is processed, a job succeeded and a batch completed by the first
 * read after their creation (explicit timings still win).
 */
export type TimingPreset = 'default' | 'instant';

export interface OpenAIMockOptions {
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
  files?: {
    /**
     * How long an uploaded file stays `uploaded` before it is `processed`. Default 2000 ms
     * (the origin documents); 0 is what the real API does today.
     */
    processingMs?: number;
  };
  fineTuning?: {
    /** Duration of each phase in ms. Defaults: validating_files 2000, queued 2000, running 6000. */
    timings?: Partial<Record<FineTuningPhase, number>>;
    /**
     * Fewest training examples a job accepts before it fails with `invalid_n_examples`.
     * Default 1; the real API requires 10.
     */
    minExamples?: number;
  };
  batches?: {
    /**
     * Duration of each phase in ms. Defaults: validating 2000, in_progress 6000, finalizing 2000
     * (so a batch completes 10 s after it is created), cancelling 2000. `request_counts` grow
     * evenly through `in_progress`.
     */
    timings?: Partial<Record<BatchPhase, number>>;
    /**
     * How long the `24h` completion window lasts in ms. Default 24 hours. A batch whose
     * validating and in_progress phases do not fit in it expires: the requests not done by then
     * go to the error file with `batch_expired`.
     */
    completionWindowMs?: number;
    /**
     * Share of batch requests (0 to 1) that fail with a 500 in the error file, chosen by a hash
     * of `failureSeed` and each `custom_id`: the same requests fail on every run. Default 0.
     */
    failureRate?: number;
    /** Seed for `failureRate`; change it to fail another set of requests. Default 0. */
    failureSeed?: number;
    /** `custom_id`s whose requests always fail (a 500 in the error file). */
    failCustomIds?: readonly string[];
  };
}

export interface ResolvedConfig {
  readonly timing: TimingPreset;
  readonly baseURLs: readonly URL[];
  readonly onUnhandledRequest: UnhandledRequestStrategy;
  /** Absolute path of the inspection directory; null when inspection is off. */
  readonly inspectDir: string | null;
  readonly organization: { readonly id: string; readonly slug: string };
  readonly files: { readonly processingMs: number };
  readonly fineTuning: {
    readonly timings: Readonly<Record<FineTuningPhase, number>>;
    readonly minExamples: number;
  };
  readonly batches: {
    readonly timings: Readonly<Record<BatchPhase, number>>;
    readonly completionWindowMs: number;
    readonly failureRate: number;
    readonly failureSeed: number;
    readonly failCustomIds: ReadonlySet<string>;
  };
}

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export function resolveConfig(options: OpenAIMockOptions = {}): ResolvedConfig {
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
  /** The preset's duration for a phase whose default is `ms`. */
  const preset = (ms: number): number => (timing === 'instant' ? 0 : ms);
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
    files: { processingMs: duration('files.processingMs', options.files?.processingMs, preset(2000)) },
    fineTuning: {
      timings: {
        validating_files: duration('fineTuning.timings.validating_files', options.fineTuning?.timings?.validating_files, preset(2000)),
        queued: duration('fineTuning.timings.queued', options.fineTuning?.timings?.queued, preset(2000)),
        running: duration('fineTuning.timings.running', options.fineTuning?.timings?.running, preset(6000)),
      },
      minExamples: count('fineTuning.minExamples', options.fineTuning?.minExamples, 1),
    },
    batches: resolveBatches(options.batches ?? {}, preset),
  };
}

function resolveBatches(
  options: NonNullable<OpenAIMockOptions['batches']>,
  preset: (ms: number) => number,
): ResolvedConfig['batches'] {
  const timing = (phase: BatchPhase, fallback: number): number =>
    duration(`batches.timings.${phase}`, options.timings?.[phase], preset(fallback));
  const rate = options.failureRate ?? 0;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw invalidOption('batches.failureRate', rate, 'a number from 0 to 1 (0.05 fails 5% of requests)');
  }
  const seed = options.failureSeed ?? 0;
  if (!Number.isInteger(seed)) throw invalidOption('batches.failureSeed', seed, 'an integer');
  const ids = options.failCustomIds ?? [];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw invalidOption('batches.failCustomIds', ids, 'an array of custom_id strings');
  }
  const window = duration('batches.completionWindowMs', options.completionWindowMs, 24 * 3600 * 1000);
  if (window === 0 || !Number.isFinite(window)) {
    throw invalidOption('batches.completionWindowMs', window, 'a finite number of milliseconds above 0');
  }
  return {
    timings: {
      validating: timing('validating', 2000),
      in_progress: timing('in_progress', 6000),
      finalizing: timing('finalizing', 2000),
      cancelling: timing('cancelling', 2000),
    },
    completionWindowMs: window,
    failureRate: rate,
    failureSeed: seed,
    failCustomIds: new Set(ids),
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

function duration(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw invalidOption(name, value, 'a number of milliseconds, 0 or more (Infinity holds the phase)');
  }
  return value;
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw invalidOption(name, value, 'a whole number, 1 or more');
  return value;
}

function invalidOption(name: string, value: unknown, expected: string): OpenAIMockError {
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
  config: ResolvedConfig,
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
