import { jsonPerObject } from '../../engine/inspect.js';
import { defineResource } from '../../engine/resource.js';
import { filesResource } from '../files/index.js';
import { modelsResource } from '../models/index.js';
import { batchesCollection, type BatchesCollection } from './collection.js';
import { batchesConfig, type BatchesConfig, type BatchesOptions } from './options.js';
import { batchRoutes } from './routes.js';
import { BatchesState } from './state.js';
import type { Batch } from './types.js';

/** What batches add to `openaiMock`. */
export interface BatchesSurface {
  /** Batches, each as `GET /v1/batches/{id}` would return it now. */
  readonly batches: BatchesCollection;
}

/** What they add to `openaiMock.seed`. */
export interface BatchesSeed {
  /** Stores a batch; an active status is held until the batch is cancelled. */
  batch(object: Batch): Batch;
}

/**
 * Batches (`/v1/batches`): an input file of requests, validated and answered line by line by
 * the routes that serve their endpoint (through the engine's dispatch), over a timed lifecycle
 * that ends with output and error files. Inspection writes `batch_metadata/<id>.json`.
 */
export const batchesResource = defineResource({
  name: 'batches',
  config: (options: BatchesOptions, timing): BatchesConfig => batchesConfig(options, timing),
  create: (context) => {
    const models = context.use(modelsResource).state;
    const batches = new BatchesState(context, context.use(filesResource).state, (id) => models.find(id) !== undefined, context.dispatch);
    const surface: BatchesSurface = { batches: batchesCollection(batches, context.settle) };
    const seed: BatchesSeed = { batch: (object) => batches.seed(object) };
    return {
      state: batches,
      routes: batchRoutes(batches),
      reset: () => batches.reset(),
      settle: () => batches.settle(),
      surface,
      seed,
      inspect: jsonPerObject('batch_metadata', () => surface.batches.all(), (batch) => ({ batch, lifecycle: batches.lifecycle(batch.id) })),
    };
  },
});
