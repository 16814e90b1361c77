import { describe, expect, test } from 'vitest';
import { ApiError } from '../../engine/api-error.js';
import { Clock } from '../../engine/clock.js';
import { Engine } from '../../engine/engine.js';
import { IdGenerator } from '../../engine/ids.js';
import type { RouteContext } from '../../engine/router.js';
import { resolveConfig } from '../index.js';
import { moderationsResource } from './index.js';
import { moderationRoutes } from './routes.js';
import { ModerationScript } from './state.js';

function setup() {
  const ctx = { clock: new Clock(), ids: new IdGenerator(), config: () => resolveConfig({}) };
  const script = new ModerationScript();
  const [route] = moderationRoutes(ctx, script);
  const call = (value: unknown, batch?: { customId: string }) => {
    const context: RouteContext = {
      request: { method: 'POST', url: 'https://api.openai.com/v1/moderations', headers: {}, body: new Uint8Array(0) },
      params: {},
      query: new URLSearchParams(),
      body: { kind: 'json', value },
      ...(batch ? { batch } : {}),
    };
    return route!.handler(context);
  };
  return { routes: moderationRoutes(ctx, script), script, call };
}

describe('moderationRoutes', () => {
  test('serves POST /moderations only', () => {
    expect(setup().routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /moderations']);
  });

  test('answers a batch line synchronously with JSON, as batches require, and like a request on its own', () => {
    const { call, script } = setup();
    script.set({ 'line two': ['violence'] });
    const reply = call({ model: 'omni-moderation-latest', input: ['line one', 'line two'] }, { customId: 'request-1' });
    expect(reply).not.toBeInstanceOf(Promise);
    expect(reply).toMatchObject({ json: { id: 'modr-mock000001', model: 'omni-moderation-latest', results: [{ flagged: false }, { flagged: true }] } });
    expect('bytes' in reply).toBe(false);
    const alone = call({ model: 'omni-moderation-latest', input: ['line one', 'line two'] });
    expect(alone).toEqual({ json: { ...(reply as { json: object }).json, id: 'modr-mock000002' } });
  });

  test('ids are sequential, and a refused request takes none', () => {
    const { call } = setup();
    expect(() => call({ input: [] })).toThrow(ApiError);
    expect(() => call(['not', 'an', 'object'])).toThrow(ApiError);
    expect(call({ input: 'a' })).toMatchObject({ json: { id: 'modr-mock000001' } });
    expect(call({ input: 'b' })).toMatchObject({ json: { id: 'modr-mock000002' } });
  });

  test('the engine dispatches a batch line to it, as the batches resource would', () => {
    const engine = new Engine([moderationsResource]);
    const answer = engine.pipeline.dispatch('/moderations', { input: 'hello', model: 'text-moderation-stable' }, 'line-1');
    expect(answer).toMatchObject({ status: 200, body: { id: 'modr-mock000001', model: 'text-moderation-007', results: [{ flagged: false }] } });
    expect(engine.pipeline.dispatch('/moderations', { input: 'x', model: 'nope' }, 'line-2')).toMatchObject({
      status: 404,
      body: { error: { code: 'model_not_found' } },
    });
  });
});
