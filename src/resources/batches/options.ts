import { duration, invalidOption, presetMs, type TimingPreset } from '../../engine/config.js';

/** The timed phases of a batch; `cancelling` is how long a cancel takes to become `cancelled`. */
export type BatchPhase = 'validating' | 'in_progress' | 'finalizing' | 'cancelling';

/** The batches' slice of the mock's options. */
export interface BatchesOptions {
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

export interface BatchesConfig {
  readonly batches: {
    readonly timings: Readonly<Record<BatchPhase, number>>;
    readonly completionWindowMs: number;
    readonly failureRate: number;
    readonly failureSeed: number;
    readonly failCustomIds: ReadonlySet<string>;
  };
}

export function batchesConfig(all: BatchesOptions, preset: TimingPreset): BatchesConfig {
  const options = all.batches ?? {};
  const timing = (phase: BatchPhase, fallback: number): number =>
    duration(`batches.timings.${phase}`, options.timings?.[phase], presetMs(preset, fallback));
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
    batches: {
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
    },
  };
}
