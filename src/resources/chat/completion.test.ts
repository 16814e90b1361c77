import { describe, expect, test } from 'vitest';
import type { ModelOutput } from '../replies/types.js';
import { applyStop, assistantMessage, buildChatCompletion, chatUsage, completionTokens, promptTokens, systemFingerprint } from './completion.js';

const text = (content: string | null, extra: Partial<ModelOutput> = {}): ModelOutput => ({
  content,
  refusal: null,
  toolCalls: [],
  finishReason: 'stop',
  ...extra,
});

describe('usage', () => {
  test('prompt: 3 tokens a message plus its text (4 characters a token), plus 3 for the reply', () => {
    expect(promptTokens([])).toBe(3);
    expect(promptTokens([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hello' }])).toBe(3 + (3 + 3) + (3 + 2));
  });

  test('completion: content, refusal and tool calls of every choice', () => {
    const outputs = [
      text('12345678'),
      text(null, { refusal: 'No.' }),
      text(null, { toolCalls: [{ id: 'c', name: 'get_weather', arguments: '{"city":"Paris"}' }], finishReason: 'tool_calls' }),
    ];
    expect(completionTokens(outputs)).toBe(2 + 1 + (3 + 4));
  });

  test('totals and the details objects', () => {
    expect(chatUsage([{ role: 'user', content: 'Hi' }], [text('Hello!')])).toEqual({
      prompt_tokens: 7,
      completion_tokens: 2,
      total_tokens: 9,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    });
  });
});

describe('the completion object', () => {
  test('tool_calls appear only when the model calls tools', () => {
    expect(assistantMessage(text('Hi'))).toEqual({ role: 'assistant', content: 'Hi', refusal: null, annotations: [] });
    expect(assistantMessage(text(null, { toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }], finishReason: 'tool_calls' }))).toEqual({
      role: 'assistant',
      content: null,
      refusal: null,
      annotations: [],
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
    });
  });

  test('every field, in the API order', () => {
    const completion = buildChatCompletion({
      id: 'chatcmpl-1',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      serviceTier: 'default',
      messages: [{ role: 'user', content: 'Hi' }],
      outputs: [text('Hello!'), text('Hey', { finishReason: 'length' })],
    });
    expect(Object.keys(completion)).toEqual(['id', 'object', 'created', 'model', 'choices', 'usage', 'service_tier', 'system_fingerprint']);
    expect(completion.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: 'Hello!', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' },
      { index: 1, message: { role: 'assistant', content: 'Hey', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'length' },
    ]);
    expect(completion.usage.completion_tokens).toBe(3);
  });

  test('system_fingerprint: fp_ and ten hex digits, stable per model', () => {
    expect(systemFingerprint('gpt-4o-mini')).toMatch(/^fp_[0-9a-f]{10}$/);
    expect(systemFingerprint('gpt-4o-mini')).toBe(systemFingerprint('gpt-4o-mini'));
    expect(systemFingerprint('gpt-4o')).not.toBe(systemFingerprint('gpt-4o-mini'));
  });
});

describe('applyStop', () => {
  test('cuts before the earliest stop sequence and reports stop', () => {
    expect(applyStop(text('one. two! three', { finishReason: 'length' }), ['!', '.'])).toEqual(text('one'));
  });

  test('leaves the output alone when no sequence occurs, and keeps tool_calls as the reason', () => {
    const output = text('one two');
    expect(applyStop(output, ['END', ''])).toBe(output);
    expect(applyStop(text('a|b', { toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }], finishReason: 'tool_calls' }), ['|'])).toMatchObject({ content: 'a', finishReason: 'tool_calls' });
    expect(applyStop(text(null), ['x'])).toEqual(text(null));
  });
});
