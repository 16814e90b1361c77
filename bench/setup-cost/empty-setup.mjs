// The baseline: a setup file that does nothing, so Vitest's own per-file cost can be subtracted.
