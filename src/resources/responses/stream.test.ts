import { describe, expect, test } from 'vitest';
import { sseBody, streamEvents } from './stream.js';
import type { ResponseObject } from './types.js';

function response(overrides: Partial<ResponseObject> = {}): ResponseObject {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 1,
    status: 'completed',
    background: false,
    completed_at: 1,
    error: null,
    frequency_penalty: 0,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    max_tool_calls: null,
    model: 'gpt-4o-mini-2024-07-18',
    output: [
      { id: 'msg_1', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'One two', annotations: [], logprobs: [] }] },
      { id: 'fc_1', type: 'function_call', status: 'completed', arguments: '{"a":"0123456789"}', call_id: 'call_1', name: 'f' },
    ],
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
    usage: null,
    user: null,
    metadata: {},
    ...overrides,
  };
}

describe('streamEvents', () => {
  test('numbers the events from 0 and gives each output item its index', () => {
    const events = streamEvents(response());
    expect(events.map((e) => `${e.sequence_number} ${e.type}`)).toEqual([
      '0 response.created',
      '1 response.in_progress',
      '2 response.output_item.added',
      '3 response.content_part.added',
      '4 response.output_text.delta',
      '5 response.output_text.delta',
      '6 response.output_text.done',
      '7 response.content_part.done',
      '8 response.output_item.done',
      '9 response.output_item.added',
      '10 response.function_call_arguments.delta',
      '11 response.function_call_arguments.delta',
      '12 response.function_call_arguments.delta',
      '13 response.function_call_arguments.done',
      '14 response.output_item.done',
      '15 response.completed',
    ]);
    expect(events[4]).toMatchObject({ delta: 'One ' });
    expect(events[5]).toMatchObject({ delta: 'two' });
    expect(events[9]).toMatchObject({ output_index: 1, item: { id: 'fc_1', status: 'in_progress', arguments: '' } });
    expect(events.slice(10, 13).map((e) => ('delta' in e ? e.delta : ''))).toEqual(['{"a":"01', '23456789', '"}']);
  });

  test('the opening events carry the response without output, the last one the whole response', () => {
    const whole = response({ usage: { input_tokens: 1, input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 }, output_tokens: 2, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 3 } });
    const events = streamEvents(whole);
    expect(events[0]).toMatchObject({ response: { status: 'in_progress', output: [], usage: null, completed_at: null } });
    expect(events.at(-1)).toEqual({ type: 'response.completed', sequence_number: 15, response: whole });
    expect(whole.output).toHaveLength(2);
  });

  test('an incomplete response ends with response.incomplete; empty text has no delta', () => {
    const cut = response({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      output: [{ id: 'msg_1', type: 'message', status: 'incomplete', role: 'assistant', content: [{ type: 'output_text', text: '', annotations: [], logprobs: [] }] }],
    });
    expect(streamEvents(cut).map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.incomplete',
    ]);
  });
});

describe('sseBody', () => {
  test('writes each event as an event line and a data line, then a blank line', () => {
    const events = streamEvents(response({ output: [] }));
    const text = new TextDecoder().decode(sseBody(events));
    const frames = text.split('\n\n');
    expect(frames.at(-1)).toBe('');
    expect(frames.slice(0, -1).map((f) => f.split('\n')[0])).toEqual([
      'event: response.created',
      'event: response.in_progress',
      'event: response.completed',
    ]);
    expect(JSON.parse(frames[2]!.split('\n')[1]!.slice('data: '.length))).toEqual(events[2]);
  });
});
