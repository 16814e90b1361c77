import { count, duration, presetMs, type TimingPreset } from '../../engine/config.js';

export type FineTuningPhase = 'validating_files' | 'queued' | 'running';

/** Fine-tuning's slice of the mock's options. */
export interface FineTuningOptions {
  fineTuning?: {
    /** Duration of each phase in ms. Defaults: validating_files 2000, queued 2000, running 6000. */
    timings?: Partial<Record<FineTuningPhase, number>>;
    /**
     * Fewest training examples a job accepts before it fails with `invalid_n_examples`.
     * Default 1; the real API requires 10.
     */
    minExamples?: number;
  };
}

export interface FineTuningConfig {
  readonly fineTuning: {
    readonly timings: Readonly<Record<FineTuningPhase, number>>;
    readonly minExamples: number;
  };
}

export function fineTuningConfig(options: FineTuningOptions, timing: TimingPreset): FineTuningConfig {
  const timings = options.fineTuning?.timings;
  return {
    fineTuning: {
      timings: {
        validating_files: duration('fineTuning.timings.validating_files', timings?.validating_files, presetMs(timing, 2000)),
        queued: duration('fineTuning.timings.queued', timings?.queued, presetMs(timing, 2000)),
        running: duration('fineTuning.timings.running', timings?.running, presetMs(timing, 6000)),
      },
      minExamples: count('fineTuning.minExamples', options.fineTuning?.minExamples, 1),
    },
  };
}
