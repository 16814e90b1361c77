import { beforeEach, describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { Clock } from '../../engine/clock.js';
import { resolveConfig } from '../index.js';
import type { MockContext } from '../../engine/resource.js';
import { IdGenerator } from '../../engine/ids.js';
import { BACKGROUND_PHASES, ResponsesState } from './state.js';
import type { ConversationItem, ResponseObject } from './types.js';

let ctx: MockContext;
let state: ResponsesState;

beforeEach(() => {
  const config = resolveConfig();
  ctx = { clock: new Clock(), ids: new IdGenerator(), config: () => config };
  state = new ResponsesState(ctx);
});

const userItem: ConversationItem = { id: 'msg_in', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Hi' }] };

function response(overrides: Partial<ResponseObject> = {}): ResponseObject {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: ctx.clock.nowSeconds(),
    status: 'completed',
    background: false,
    completed_at: ctx.clock.nowSeconds(),
    error: null,
    frequency_penalty: 0,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    max_tool_calls: null,
    model: 'gpt-4o-mini',
    output: [{ id: 'msg_out', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello', annotations: [], logprobs: [] }] }],
    parallel_tool_calls: true,
    presence_penalty: 0,
    previous_response_id: null,
    prompt_cache_key: null,
    reasoning: { effort: null, summary: null },
    safety_identifier: null,
    service_tier: 'default',
    store: true,
    temperature: 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: [],
    top_logprobs: 0,
    top_p: 1,
    truncation: 'disabled',
    usage: { input_tokens: 1, input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 }, output_tokens: 2, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 3 },
    user: null,
    metadata: {},
    ...overrides,
  };
}

describe('ResponsesState', () => {
  test('identify gives messages msg_, calls fc_ and outputs fco_ ids, and keeps ids that were sent', () => {
    const items = state.identify([
      { id: null, type: 'message', role: 'user', status: 'completed', content: [] },
      { id: null, type: 'function_call', status: 'completed', call_id: 'c', name: 'f', arguments: '{}' },
      { id: null, type: 'function_call_output', call_id: 'c', output: 'x', status: 'completed' },
      { id: 'msg_kept', type: 'message', role: 'assistant', status: 'completed', content: [] },
    ]);
    expect(items.map((i) => i.id)).toEqual(['msg_mock000001', 'fc_mock000001', 'fco_mock000001', 'msg_kept']);
  });

  test('stores, finds, lists ids oldest first, deletes, resets', () => {
    state.keep(response(), [userItem], [userItem]);
    state.keep(response({ id: 'resp_2' }), [], []);
    expect(state.ids()).toEqual(['resp_1', 'resp_2']);
    expect(state.find('resp_1')).toEqual(response());
    expect(state.inputItems('resp_1')).toEqual([userItem]);
    expect(state.delete('resp_1')).toEqual({ id: 'resp_1', object: 'response', deleted: true });
    expect(state.find('resp_1')).toBeUndefined();
    expect(thrownBy(() => state.retrieve('resp_1'))).toMatchObject({ status: 404, message: "Response with id 'resp_1' not found.", param: null, code: null });
    state.reset();
    expect(state.ids()).toEqual([]);
  });

  test('conversation() is the previous context and its output', () => {
    const earlier: ConversationItem = { id: 'msg_0', type: 'message', role: 'user', status: 'completed', content: [] };
    state.keep(response(), [userItem], [earlier, userItem]);
    expect(state.conversation('resp_1')).toEqual([earlier, userItem, response().output[0]]);
    expect(thrownBy(() => state.conversation('resp_x'))).toMatchObject({
      status: 400,
      message: "Previous response with id 'resp_x' not found.",
      param: 'previous_response_id',
      code: 'previous_response_not_found',
    });
  });

  test('a background response reads queued, in_progress, then what it became, on the clock', () => {
    state.keep(response({ background: true, completed_at: null }), [userItem], [userItem]);
    const start = ctx.clock.now();
    expect(state.find('resp_1')).toMatchObject({ status: 'queued', output: [], usage: null, completed_at: null });
    ctx.clock.advance(BACKGROUND_PHASES.queued);
    expect(state.find('resp_1')).toMatchObject({ status: 'in_progress', output: [] });
    expect(thrownBy(() => state.conversation('resp_1')).message).toBe(
      "Previous response with id 'resp_1' is still in progress. Wait until it is completed to continue from it.",
    );
    ctx.clock.advance(BACKGROUND_PHASES.in_progress);
    const done = state.find('resp_1')!;
    expect(done).toMatchObject({ status: 'completed', output: response().output });
    expect(done.completed_at).toBe(Math.floor((start + BACKGROUND_PHASES.queued + BACKGROUND_PHASES.in_progress) / 1000));
  });

  test('a background response that will be incomplete stays incomplete once done', () => {
    state.keep(response({ background: true, status: 'incomplete', completed_at: null, incomplete_details: { reason: 'max_output_tokens' } }), [], []);
    ctx.clock.advance(10_000);
    expect(state.find('resp_1')).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, completed_at: null });
  });

  test('cancel stops a background response for good; the chain then continues without its output', () => {
    state.keep(response({ background: true, completed_at: null }), [userItem], [userItem]);
    ctx.clock.advance(BACKGROUND_PHASES.queued + 1);
    expect(state.cancel('resp_1')).toMatchObject({ status: 'cancelled', output: [], usage: null });
    ctx.clock.advance(60_000);
    expect(state.find('resp_1')!.status).toBe('cancelled');
    expect(state.conversation('resp_1')).toEqual([userItem]);
  });

  test('a response answered at once cannot be cancelled', () => {
    state.keep(response(), [], []);
    expect(thrownBy(() => state.cancel('resp_1'))).toMatchObject({ status: 400, message: 'Only responses created with background=true can be cancelled.' });
  });

  test('seed keeps a response as given and refuses a duplicate id', () => {
    const seeded = response({ id: 'resp_seed000001', status: 'incomplete' });
    expect(state.seed(seeded, [userItem])).toBe(seeded);
    expect(state.find('resp_seed000001')).toEqual(seeded);
    expect(state.inputItems('resp_seed000001')).toEqual([userItem]);
    expect(() => state.seed(seeded)).toThrow(expect.objectContaining({ code: 'ERR_OPENAI_MOCK_DUPLICATE_ID' }));
  });
});
