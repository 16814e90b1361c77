import { timedCollection, type TimedCollection } from '../../engine/collection.js';
import { jsonPerObject } from '../../engine/inspect.js';
import { defineResource } from '../../engine/resource.js';
import { modelsResource } from '../models/index.js';
import { repliesResource } from '../replies/index.js';
import type { ResponsePlan } from './plan.js';
import { responseRoutes } from './routes.js';
import { ResponsesState } from './state.js';
import type { ConversationItem, ResponseObject, ResponseStatus } from './types.js';

/** `openaiMock.responses`: stored responses, plus background responses' lifecycles, plans and steps. */
export interface ResponsesCollection extends TimedCollection<ResponseObject, ResponseStatus, ResponsePlan> {
  /**
   * Plans what the background responses (`background: true`) the code under test creates do:
   * phase timings, a hold until {@link step}, read-counted progression, or a failure.
   *
   * @example
   * openaiMock.responses.plan({ hold: 'in_progress' });
   * openaiMock.responses.plan({ fail: { code: 'server_error', message: 'The model crashed.' } });
   */
  plan(plan: ResponsePlan): void;
  /** Ends a background response's current phase now. Returns the response as it now is. */
  step(id: string): ResponseObject;
}

/** What the Responses API adds to `openaiMock`. */
export interface ResponsesSurface {
  /** Stored responses (Responses API), each as `GET /v1/responses/{id}` would return it now. */
  readonly responses: ResponsesCollection;
}

/** What it adds to `openaiMock.seed`. */
export interface ResponsesSeed {
  /** Stores a response (and the input items `input_items` lists for it), as given. */
  response(object: ResponseObject, inputItems?: readonly ConversationItem[]): ResponseObject;
}

/**
 * The Responses API (`/v1/responses`): responses answered by the scripted model, stored for
 * retrieval and chaining, and background responses with a lifecycle. Inspection writes
 * `response_metadata/<id>.json` (the response, its lifecycle and its input items).
 */
export const responsesResource = defineResource({
  name: 'responses',
  create: (context) => {
    const responses = new ResponsesState(context);
    const replies = context.use(repliesResource).state;
    const models = context.use(modelsResource).state;
    const surface: ResponsesSurface = { responses: timedCollection(responses, context.settle) };
    const seed: ResponsesSeed = { response: (object, inputItems) => responses.seed(object, inputItems) };
    return {
      state: responses,
      routes: responseRoutes(context, responses, replies, models),
      reset: () => responses.reset(),
      surface,
      seed,
      inspect: jsonPerObject('response_metadata', () => surface.responses.all(), (response) => ({
        response,
        lifecycle: responses.lifecycle(response.id),
        input_items: responses.inputItems(response.id),
      })),
    };
  },
});
