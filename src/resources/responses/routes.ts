import { badRequest } from '../../engine/api-error.js';
import { jsonBody } from '../../engine/fields.js';
import type { MockContext } from '../../engine/resource.js';
import { cursorPage, enumParam, integerParam } from '../../engine/pagination.js';
import { route, type Route } from '../../engine/router.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/state.js';
import { createResponse } from './create.js';
import type { ResponsesState } from './state.js';
import { sseBody, streamEvents } from './stream.js';

/** `/v1/responses`: create (JSON or streamed), retrieve, delete, cancel and input items. */
export function responseRoutes(
  ctx: MockContext,
  responses: ResponsesState,
  replies: Replies,
  models: ModelsState,
): Route[] {
  const deps = { ctx, responses, replies, models };
  return [
    route('POST', '/responses', (context) => {
      const { response, params, keep } = createResponse(deps, jsonBody(context.body), context.batch?.customId ?? null);
      // The answer is built before the response is kept, so a failure while building it leaves
      // nothing stored. What follows `keep()` only copies plain data: the background view is the
      // response with its first status, and the JSON the engine writes is of values it parsed.
      const stream = params.stream ? sseBody(streamEvents(response)) : null;
      keep();
      if (params.background) return { json: responses.created(response.id) };
      if (stream !== null) return { bytes: stream, contentType: 'text/event-stream' };
      return { json: response };
    }),
    route(
      'GET',
      '/responses/{response_id}',
      ({ params, query }) => {
        const response = responses.retrieve(params.response_id);
        if (query.get('stream') === 'true') {
          throw badRequest(
            'openai-mock does not replay response streams (GET /v1/responses/{id}?stream=true). ' +
              'Retrieve the response without stream, or stream it when you create it.',
            'stream',
            'openai_mock_unsupported',
          );
        }
        return { json: response };
      },
      { reads: { store: responses.store } },
    ),
    route('DELETE', '/responses/{response_id}', ({ params }) => ({ json: responses.delete(params.response_id) })),
    route('POST', '/responses/{response_id}/cancel', ({ params, body }) => {
      responses.retrieve(params.response_id);
      jsonBody(body); // no parameters, but a body that is not JSON is refused (UNVERIFIED)
      return { json: responses.cancel(params.response_id) };
    }),
    route('GET', '/responses/{response_id}/input_items', ({ params, query }) => {
      const items = responses.inputItems(params.response_id);
      const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
      const order = enumParam(query, 'order', ['asc', 'desc'], 'desc');
      const sorted = order === 'desc' ? [...items].reverse() : [...items];
      return { json: cursorPage(sorted, { after: query.get('after'), limit, withFirstLast: true }) };
    }),
  ];
}
