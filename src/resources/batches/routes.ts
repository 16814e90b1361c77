import { cursorPage, integerParam } from '../../engine/pagination.js';
import { jsonObject } from '../../engine/request.js';
import type { Route } from '../../engine/router.js';
import { parseCreateBatch } from './create-params.js';
import type { BatchesState } from './state.js';

/** `/v1/batches`: create, list, retrieve, cancel. */
export function batchRoutes(batches: BatchesState): Route[] {
  return [
    {
      method: 'POST',
      path: '/batches',
      handler: ({ body }) => ({ json: batches.create(parseCreateBatch(jsonObject(body))) }),
    },
    {
      method: 'GET',
      path: '/batches',
      handler: ({ query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
        batches.observe(batches.ids());
        return { json: cursorPage(batches.list(), { after: query.get('after'), limit, withFirstLast: true }) };
      },
    },
    {
      method: 'GET',
      path: '/batches/{batch_id}',
      handler: ({ params }) => {
        batches.observe([params['batch_id']!]);
        return { json: batches.retrieve(params['batch_id']!) };
      },
    },
    {
      method: 'POST',
      path: '/batches/{batch_id}/cancel',
      handler: ({ params, body }) => {
        const id = params['batch_id']!;
        batches.retrieve(id);
        jsonObject(body); // no parameters, but a body that is not JSON is refused (UNVERIFIED)
        return { json: batches.cancel(id) };
      },
    },
  ];
}
