import { describe, expect, test } from 'vitest';
import type { ModelOutput } from '../replies/types.js';
import { buildChatCompletion } from './completion.js';
import { chatCompletionChunks, eventStream, splitText } from './stream.js';

function completion(...outputs: ModelOutput[]) {
  return buildChatCompletion({
    id: 'chatcmpl-1',
    created: 1_700_000_000,
    model: 'gpt-4o-mini',
    serviceTier: 'default',
    messages: [{ role: 'user', content: 'Hi' }],
    outputs,
  });
}
const output = (extra: Partial<ModelOutput>): ModelOutput => ({ content: null, refusal: null, toolCalls: [], finishReason: 'stop', ...extra });

describe('splitText', () => {
  test('words with the whitespace before them; joined, the pieces are the text', () => {
    expect(splitText('Hello big world!')).toEqual(['Hello', ' big', ' world!']);
    expect(splitText('  padded \n')).toEqual(['  padded', ' \n']);
    expect(splitText('')).toEqual([]);
  });

  test('runs without spaces in pieces of at most 12 characters', () => {
    const json = '{"name":"Ada Lovelace","skills":["math"]}';
    const pieces = splitText(json);
    expect(pieces.join('')).toBe(json);
    expect(pieces.every((p) => p.trim().length <= 12)).toBe(true);
    expect(pieces.length).toBeGreaterThan(3);
  });
});

describe('chatCompletionChunks', () => {
  test('content: role first, then words, then an empty delta with the finish reason', () => {
    const chunks = chatCompletionChunks(completion(output({ content: 'Hello world' })), false);
    expect(chunks.map((c) => c.choices)).toEqual([
      [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }],
      [{ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }],
      [{ index: 0, delta: { content: ' world' }, logprobs: null, finish_reason: null }],
      [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }],
    ]);
    expect(chunks[0]).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      service_tier: 'default',
      system_fingerprint: expect.stringMatching(/^fp_/),
      choices: expect.any(Array),
    });
    expect(chunks[0]).not.toHaveProperty('usage');
  });

  test('tool calls only: the first chunk carries the role and the first call; arguments follow in pieces', () => {
    const chunks = chatCompletionChunks(
      completion(
        output({
          toolCalls: [
            { id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
            { id: 'call_2', name: 'get_time', arguments: '{}' },
          ],
          finishReason: 'tool_calls',
        }),
      ),
      false,
    );
    expect(chunks.map((c) => c.choices[0]!.delta)).toEqual([
      { role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }], refusal: null },
      { tool_calls: [{ index: 0, function: { arguments: '{"city":"Par' } }] },
      { tool_calls: [{ index: 0, function: { arguments: 'is"}' } }] },
      { tool_calls: [{ index: 1, id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '{}' } }] },
      {},
    ]);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  test('a refusal streams in the refusal field, with null content', () => {
    const chunks = chatCompletionChunks(completion(output({ refusal: "I can't help." })), false);
    expect(chunks.map((c) => c.choices[0]!.delta)).toEqual([
      { role: 'assistant', content: null, refusal: '' },
      { refusal: 'I' },
      { refusal: " can't" },
      { refusal: ' help.' },
      {},
    ]);
  });

  test('several choices take turns; with include_usage every chunk has usage null and a last one has it', () => {
    const chunks = chatCompletionChunks(completion(output({ content: 'A' }), output({ content: 'B b' })), true);
    expect(chunks.map((c) => c.choices.map((ch) => [ch.index, ch.delta, ch.finish_reason]))).toEqual([
      [[0, { role: 'assistant', content: '', refusal: null }, null]],
      [[1, { role: 'assistant', content: '', refusal: null }, null]],
      [[0, { content: 'A' }, null]],
      [[1, { content: 'B' }, null]],
      [[0, {}, 'stop']],
      [[1, { content: ' b' }, null]],
      [[1, {}, 'stop']],
      [],
    ]);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunks.at(-1)!.usage).toEqual(expect.objectContaining({ prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 }));
  });
});

test('eventStream: data-only frames, then [DONE]', () => {
  const chunks = chatCompletionChunks(completion(output({ content: 'Hi' })), false);
  const text = new TextDecoder().decode(eventStream(chunks));
  expect(text.split('\n\n')).toEqual([...chunks.map((c) => `data: ${JSON.stringify(c)}`), 'data: [DONE]', '']);
});
