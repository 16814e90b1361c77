import type { Route } from '../../engine/router.js';
import type { ModelsState } from './state.js';

/** `/v1/models`: list, retrieve, delete (ids with `:` arrive percent-encoded and are decoded). */
export function modelRoutes(models: ModelsState): Route[] {
  return [
    { method: 'GET', path: '/models', handler: () => ({ json: { object: 'list', data: models.list() } }) },
    { method: 'GET', path: '/models/{model}', handler: ({ params }) => ({ json: models.retrieve(params['model']!) }) },
    { method: 'DELETE', path: '/models/{model}', handler: ({ params }) => ({ json: models.delete(params['model']!) }) },
  ];
}
