import { expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { Clock } from '../../engine/clock.js';
import { resolveConfig } from '../index.js';
import { IdGenerator } from '../../engine/ids.js';
import type { RouteContext } from '../../engine/router.js';
import { ModelsState } from '../models/state.js';
import { Replies } from '../replies/state.js';
import type { ReplyRequest } from '../replies/types.js';
import { chatRoutes } from './routes.js';

function setup() {
  const ctx = { clock: new Clock(), ids: new IdGenerator(), config: () => resolveConfig({}) };
  const replies = new Replies(ctx);
  const [route] = chatRoutes(ctx, replies, new ModelsState(ctx));
  const call = (body: Record<string, unknown>, batch?: { customId: string }) => {
    const context: RouteContext = {
      request: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', headers: {}, body: new Uint8Array() },
      params: {},
      query: new URLSearchParams(),
      body: { kind: 'json', value: body },
      ...(batch ? { batch } : {}),
    };
    return route!.handler(context);
  };
  return { route: route!, replies, call };
}

test('one route: POST /chat/completions', () => {
  expect(setup().route).toMatchObject({ method: 'POST', path: '/chat/completions' });
});

test('a batch line is answered synchronously, and the reply function sees its custom_id', () => {
  const { replies, call } = setup();
  const seen: ReplyRequest[] = [];
  replies.always((request) => {
    seen.push(request);
    return `Answer for ${request.customId}`;
  });
  const reply = call({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] }, { customId: 'request-1' });
  expect(reply).not.toBeInstanceOf(Promise);
  expect(reply).toMatchObject({ json: { object: 'chat.completion', choices: [{ message: { content: 'Answer for request-1' } }] } });
  expect(seen[0]!.customId).toBe('request-1');
});

test('outside a batch, customId is null; errors are thrown as the API answers them', () => {
  const { replies, call } = setup();
  let customId: string | null | undefined;
  replies.always((request) => {
    customId = request.customId;
    return undefined;
  });
  call({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
  expect(customId).toBeNull();
  expect(thrownBy(() => call({ model: 'nope', messages: [{ role: 'user', content: 'Hi' }] })).toJSON()).toEqual({
    error: { message: 'The model `nope` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' },
  });
});

test('stream: true answers the event stream as bytes', () => {
  const { call } = setup();
  const reply = call({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true });
  expect(reply).toMatchObject({ contentType: 'text/event-stream' });
  const text = new TextDecoder().decode((reply as { bytes: Uint8Array }).bytes);
  expect(text.startsWith('data: {"id":"chatcmpl-mock000001","object":"chat.completion.chunk"')).toBe(true);
  expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
});
