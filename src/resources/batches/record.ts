import type { Stored } from '../../engine/store.js';
import type { LineBytes, LineResult, Totals } from './lines.js';
import type { CreateBatchParams } from './params.js';
import type { Batch, BatchError, BatchStatus } from './types.js';

/** One batch and everything needed to answer for it at any moment. */
export interface StoredBatch extends Stored<BatchStatus> {
  readonly params: CreateBatchParams;
  readonly model: string | null;
  /** Why validation fails, when it does. */
  readonly errors: BatchError[] | null;
  readonly results: readonly LineResult[];
  /** Null when no line was answered (validation failed, or a seeded batch). */
  readonly bytes: LineBytes | null;
  readonly totals: Totals;
  /** The configured in_progress duration: requests are answered evenly over it. */
  readonly inProgressMs: number;
  readonly windowMs: number;
  /** Set for batches put in by a test: returned as given, apart from status changes. */
  readonly given: Batch | null;
  /** How many requests are answered when a planned expiry comes (null: as many as time allowed). */
  readonly expireAfter: number | null;
  files: { output: string | null; error: string | null } | null;
}
