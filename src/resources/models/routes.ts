import { route, type Route } from '../../engine/router.js';
import type { ModelsState } from './state.js';

/** `/v1/models`: list, retrieve, delete (ids with `:` arrive percent-encoded and are decoded). */
export function modelRoutes(models: ModelsState): Route[] {
  return [
    route('GET', '/models', () => ({ json: { object: 'list', data: models.list() } })),
    route('GET', '/models/{model}', ({ params }) => ({ json: models.retrieve(params.model) })),
    route('DELETE', '/models/{model}', ({ params }) => ({ json: models.delete(params.model) })),
  ];
}
