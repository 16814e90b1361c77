import { collection, type ReadonlyCollection } from '../../engine/collection.js';
import { defineResource } from '../../engine/resource.js';
import { modelRoutes } from './routes.js';
import { ModelsState } from './state.js';
import type { Model } from './types.js';

/** What the models resource adds to `openaiMock`. */
export interface ModelsSurface {
  /** Models as `GET /v1/models` would list them now. */
  readonly models: ReadonlyCollection<Model>;
}

/** What it adds to `openaiMock.seed`. */
export interface ModelsSeed {
  /** Adds a model to `/v1/models`. */
  model(object: Model): Model;
}

/**
 * Models (`/v1/models`): the catalogue of base models, the models other resources make (they
 * call `state.addSource`), and deletion of fine-tuned ones.
 */
export const modelsResource = defineResource({
  name: 'models',
  create: (context) => {
    const models = new ModelsState(context);
    const surface: ModelsSurface = {
      models: collection(
        () => models.list().map((m) => m.id),
        (id: string) => models.find(id),
      ),
    };
    const seed: ModelsSeed = { model: (object) => models.seed(object) };
    return { state: models, routes: modelRoutes(models), reset: () => models.reset(), surface, seed };
  },
});
