import { settling, timedCollection, type TimedCollection } from '../../engine/collection.js';
import type { BatchPlan } from './plan.js';
import type { BatchesState } from './state.js';
import type { Batch, BatchStatus } from './types.js';

/** `openaiMock.batches`: the collection, plus each batch's lifecycle. */
export interface BatchesCollection extends TimedCollection<Batch, BatchStatus, BatchPlan> {
  /**
   * Plans what batches the code under test creates do: phase timings, expiry, a failed
   * validation with chosen errors, chosen requests failing, a hold in a phase until
   * {@link step}, or read-counted progression. The first plan whose `match` accepts a new batch
   * applies to it; plans last until reset (or for `times` batches).
   *
   * @example
   * openaiMock.batches.plan({ expire: { afterRequests: 2 } });
   * openaiMock.batches.plan({ failRequests: { customIds: ['req-7'], status: 500 } });
   */
  plan(plan: BatchPlan): void;
  /** Ends a batch's current phase now (it moves to the next status). Returns the batch as it now is. */
  step(id: string): Batch;
  /** Expires an active batch now: requests not answered yet go to the error file with `batch_expired`. */
  expire(id: string): Batch;
}

/** The batches' part of `openaiMock`: each batch as `GET /v1/batches/{id}` returns it now. */
export function batchesCollection(batches: BatchesState, settle: () => void): BatchesCollection {
  return Object.assign(timedCollection(batches, settle), {
    expire: settling(settle)((id: string) => batches.expire(id)),
  });
}
