import { jsonBody } from '../../engine/fields.js';
import type { MockContext } from '../../engine/resource.js';
import { route, type Route } from '../../engine/router.js';
import { parseModerationRequest } from './params.js';
import { moderationResponse } from './response.js';
import type { ModerationScript } from './state.js';

/**
 * `/v1/moderations`. Synchronous and JSON, so a batch line can be dispatched to it as well. The
 * id is taken only once the request passed its checks, so a refused request uses none.
 */
export function moderationRoutes(ctx: MockContext, script?: ModerationScript): Route[] {
  return [
    route('POST', '/moderations', ({ body }) => {
      const request = parseModerationRequest(jsonBody(body));
      return { json: moderationResponse(ctx.ids.next('modr-'), request, script) };
    }),
  ];
}
