import { beforeEach, describe, expect, test } from 'vitest';
import { Clock } from '../../engine/clock.js';
import { resolveConfig } from '../index.js';
import { IdGenerator } from '../../engine/ids.js';
import type { Route, RouteContext } from '../../engine/router.js';
import { ModelsState } from '../models/state.js';
import { Replies } from '../replies/state.js';
import type { ModelOutput, ReplyRequest } from '../replies/types.js';
import { responseRoutes } from './routes.js';
import { ResponsesState } from './state.js';
import type { ResponseObject } from './types.js';

let replies: Replies;
let responses: ResponsesState;
let routes: Route[];

beforeEach(() => {
  const config = resolveConfig();
  const ctx = { clock: new Clock(), ids: new IdGenerator(), config: () => config };
  replies = new Replies(ctx);
  responses = new ResponsesState(ctx);
  routes = responseRoutes(ctx, responses, replies, new ModelsState(ctx));
});

function call(method: Route['method'], path: string, context: Partial<RouteContext> = {}) {
  const route = routes.find((r) => r.method === method && r.path === path)!;
  return route.handler({
    request: { method, url: `https://api.openai.com/v1${path}`, headers: {}, body: new Uint8Array() },
    params: {},
    query: new URLSearchParams(),
    body: { kind: 'empty' },
    ...context,
  });
}

describe('responseRoutes', () => {
  test('serves create, retrieve, delete, cancel and input items', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /responses',
      'GET /responses/{response_id}',
      'DELETE /responses/{response_id}',
      'POST /responses/{response_id}/cancel',
      'GET /responses/{response_id}/input_items',
    ]);
  });

  test('answers a batch line synchronously, with its custom_id in the reply request', () => {
    const seen: ReplyRequest[] = [];
    replies.always((request) => {
      seen.push(request);
      return `for ${request.customId}`;
    });
    const body = { model: 'gpt-4o-mini', input: 'Hello' };
    const reply = call('POST', '/responses', { body: { kind: 'json', value: body }, batch: { customId: 'request-1' } });
    expect(reply).not.toBeInstanceOf(Promise);
    expect(reply).toMatchObject({ json: { object: 'response', status: 'completed' } });
    expect(seen[0]).toMatchObject({ endpoint: 'responses', customId: 'request-1', body });
    const json = (reply as { json: ResponseObject }).json;
    expect(json.output[0]).toMatchObject({ content: [{ text: 'for request-1' }] });
    expect(responses.ids()).toEqual([json.id]);
  });

  test('a streamed create answers text/event-stream bytes', () => {
    const reply = call('POST', '/responses', { body: { kind: 'json', value: { model: 'gpt-4o-mini', input: 'Hi', stream: true } } });
    expect(reply).toMatchObject({ contentType: 'text/event-stream' });
  });

  test('a failure while building the answer keeps nothing: the response is stored last', () => {
    const config = resolveConfig();
    const ctx = { clock: new Clock(), ids: new IdGenerator(), config: () => config };
    // A model output the stream cannot be built from (its text is not a string).
    const broken = new (class extends Replies {
      override answer(): ModelOutput {
        return { content: 42 as unknown as string, refusal: null, toolCalls: [], finishReason: 'stop' };
      }
    })(ctx);
    const kept = new ResponsesState(ctx);
    const create = responseRoutes(ctx, kept, broken, new ModelsState(ctx))[0]!;
    const body = { model: 'gpt-4o-mini', input: 'Hi', stream: true };
    expect(() =>
      create.handler({
        request: { method: 'POST', url: 'https://api.openai.com/v1/responses', headers: {}, body: new Uint8Array() },
        params: {},
        query: new URLSearchParams(),
        body: { kind: 'json', value: body },
      }),
    ).toThrow(TypeError);
    expect(kept.ids()).toEqual([]);
  });

  test('store: false keeps nothing', () => {
    call('POST', '/responses', { body: { kind: 'json', value: { model: 'gpt-4o-mini', input: 'Hi', store: false } } });
    expect(responses.ids()).toEqual([]);
  });
});
