import { duration, presetMs, type TimingPreset } from '../../engine/config.js';

/** The files' slice of the mock's options. */
export interface FilesOptions {
  files?: {
    /**
     * How long an uploaded file stays `uploaded` before it is `processed`. Default 2000 ms
     * (the origin documents); 0 is what the real API does today.
     */
    processingMs?: number;
  };
}

export interface FilesConfig {
  readonly files: { readonly processingMs: number };
}

export function filesConfig(options: FilesOptions, timing: TimingPreset): FilesConfig {
  return { files: { processingMs: duration('files.processingMs', options.files?.processingMs, presetMs(timing, 2000)) } };
}
