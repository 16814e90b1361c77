import { jsonBody } from '../../engine/fields.js';
import { cursorPage, integerParam } from '../../engine/pagination.js';
import { route, type Route } from '../../engine/router.js';
import { parseCreateBatch } from './params.js';
import type { BatchesState } from './state.js';

/** `/v1/batches`: create, list, retrieve, cancel. */
export function batchRoutes(batches: BatchesState): Route[] {
  const reads = { store: batches.store };
  return [
    route('POST', '/batches', ({ body }) => ({ json: batches.create(parseCreateBatch(jsonBody(body))) })),
    route(
      'GET',
      '/batches',
      ({ query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
        return { json: cursorPage(batches.list(), { after: query.get('after'), limit, withFirstLast: true }) };
      },
      { reads },
    ),
    route('GET', '/batches/{batch_id}', ({ params }) => ({ json: batches.retrieve(params.batch_id) }), { reads }),
    route('POST', '/batches/{batch_id}/cancel', ({ params, body }) => {
      batches.retrieve(params.batch_id);
      jsonBody(body); // no parameters, but a body that is not JSON is refused (UNVERIFIED)
      return { json: batches.cancel(params.batch_id) };
    }),
  ];
}
