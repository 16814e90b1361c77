import { describe, expect, test } from 'vitest';
import { IdGenerator } from '../../engine/ids.js';
import { estimateTokens } from '../../engine/tokens.js';
import type { ModelOutput } from '../replies/types.js';
import { outcome, outputItems, usageFor } from './output.js';

function answer(overrides: Partial<ModelOutput>): ModelOutput {
  return { content: null, refusal: null, toolCalls: [], finishReason: 'stop', ...overrides };
}

describe('outputItems', () => {
  test('text is one message with an output_text part', () => {
    expect(outputItems(answer({ content: 'Hi' }), new IdGenerator())).toEqual([
      { id: 'msg_mock000001', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hi', annotations: [], logprobs: [] }] },
    ]);
  });

  test('tool calls without text are function_call items only; with text the message comes first', () => {
    const call = { id: 'call_9', name: 'f', arguments: '{}' };
    expect(outputItems(answer({ toolCalls: [call], finishReason: 'tool_calls' }), new IdGenerator())).toEqual([
      { id: 'fc_mock000001', type: 'function_call', status: 'completed', arguments: '{}', call_id: 'call_9', name: 'f' },
    ]);
    const both = outputItems(answer({ content: 'Let me check.', toolCalls: [call] }), new IdGenerator());
    expect(both.map((i) => i.type)).toEqual(['message', 'function_call']);
  });

  test('no text, no refusal and no calls still answers an empty output_text', () => {
    expect(outputItems(answer({}), new IdGenerator())[0]).toMatchObject({ content: [{ type: 'output_text', text: '' }] });
  });

  test('a cut reply leaves the message incomplete', () => {
    expect(outputItems(answer({ content: 'Hal', finishReason: 'length' }), new IdGenerator())[0]).toMatchObject({ status: 'incomplete' });
  });
});

describe('outcome', () => {
  test('maps the finish reason to status and incomplete_details', () => {
    expect(outcome(answer({ finishReason: 'stop' }))).toEqual({ status: 'completed', incomplete_details: null });
    expect(outcome(answer({ finishReason: 'tool_calls' }))).toEqual({ status: 'completed', incomplete_details: null });
    expect(outcome(answer({ finishReason: 'length' }))).toEqual({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
    expect(outcome(answer({ finishReason: 'content_filter' }))).toEqual({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } });
  });
});

describe('usageFor', () => {
  test('counts the conversation in and every output item out', () => {
    const items = outputItems(answer({ content: 'Sure thing', toolCalls: [{ id: 'c', name: 'lookup', arguments: '{"q":"x"}' }] }), new IdGenerator());
    const usage = usageFor([{ role: 'system', content: 'Rules' }, { role: 'user', content: 'Question' }], items);
    const input = estimateTokens('Rules\nQuestion');
    const output = estimateTokens('Sure thing') + estimateTokens('lookup{"q":"x"}');
    expect(usage).toEqual({
      input_tokens: input,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: input + output,
    });
  });
});
