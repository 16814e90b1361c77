import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { estimateTokens } from '../engine/tokens.js';
import { makeClient } from '../../test/support/client.js';
import { responseFactory } from './response.js';
import { FACTORY_EPOCH } from './shared.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });

describe('build()', () => {
  test('returns a complete, completed Response and leaves the mock untouched', () => {
    const response = responseFactory.build();
    const text = 'Hello! How can I help you today?';
    expect(response).toEqual({
      id: 'resp_seed000001',
      object: 'response',
      created_at: FACTORY_EPOCH + 60,
      status: 'completed',
      background: false,
      completed_at: FACTORY_EPOCH + 61,
      error: null,
      incomplete_details: null,
      instructions: null,
      max_output_tokens: null,
      max_tool_calls: null,
      model: 'gpt-4o-mini-2024-07-18',
      output: [
        {
          id: 'msg_seed000001',
          type: 'message',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
        },
      ],
      output_text: text,
      parallel_tool_calls: true,
      previous_response_id: null,
      prompt_cache_key: null,
      reasoning: { effort: null, summary: null },
      safety_identifier: null,
      service_tier: 'default',
      temperature: 1,
      text: { format: { type: 'text' }, verbosity: 'medium' },
      tool_choice: 'auto',
      tools: [],
      top_logprobs: 0,
      top_p: 1,
      truncation: 'disabled',
      usage: {
        input_tokens: estimateTokens('Hello!'),
        input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        output_tokens: estimateTokens(text),
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: estimateTokens('Hello!') + estimateTokens(text),
      },
      metadata: {},
      access_programs: null,
    });
    expect(openaiMock.requests).toHaveLength(0);
  });

  test('has every field the mock sends, but the ones the SDK type leaves out', async () => {
    const sent = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    const built = responseFactory.build();
    const notInSdkType = ['store', 'user', 'frequency_penalty', 'presence_penalty'];
    expect(Object.keys(sent).filter((key) => !notInSdkType.includes(key)).sort()).toEqual(
      Object.keys(built).filter((key) => key !== 'access_programs').sort(),
    );
  });

  test('is deterministic, and the sequence restarts on rewind', () => {
    const first = responseFactory.buildList(2);
    responseFactory.rewindSequence();
    expect(responseFactory.buildList(2)).toEqual(first);
    expect(first.map((r) => r.id)).toEqual(['resp_seed000001', 'resp_seed000002']);
    expect(first[1]!.output[0]!.id).toBe('msg_seed000002');
  });

  test('transient text and input shape the output, output_text and usage', () => {
    const response = responseFactory.build({}, { transient: { text: 'Paris.', input: 'Capital of France?' } });
    expect(response.output_text).toBe('Paris.');
    expect(response.usage).toMatchObject({ input_tokens: estimateTokens('Capital of France?'), output_tokens: estimateTokens('Paris.') });
  });

  test('output_text follows an output passed as a param', () => {
    const response = responseFactory.build({
      output: [
        { id: 'msg_a', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'A', annotations: [] }] },
        { id: 'msg_b', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'B', annotations: [] }] },
      ],
    });
    expect(response.output_text).toBe('AB');
  });
});

test('create() stores the response: the SDK retrieves it, continues from it and deletes it', async () => {
  const client = makeClient();
  const seeded = await responseFactory.create();
  const retrieved = await client.responses.retrieve(seeded.id);
  expect(retrieved.id).toBe(seeded.id);
  expect(retrieved.output).toEqual(seeded.output);
  expect(retrieved.output_text).toBe(seeded.output_text);
  const next = await client.responses.create({ model: 'gpt-4o-mini', input: 'And then?', previous_response_id: seeded.id });
  expect(next.previous_response_id).toBe(seeded.id);
  await client.responses.delete(seeded.id);
  await expect(client.responses.retrieve(seeded.id)).rejects.toMatchObject({ status: 404 });
});

describe('traits', () => {
  test('.withToolCall() answers with a function_call item', () => {
    const response = responseFactory.withToolCall('get_weather', { city: 'Oslo' }).build();
    expect(response.output).toEqual([
      {
        id: 'fc_seed000001',
        type: 'function_call',
        status: 'completed',
        arguments: '{"city":"Oslo"}',
        call_id: 'call_seed000001',
        name: 'get_weather',
      },
    ]);
    expect(response.output_text).toBe('');
    expect(responseFactory.withToolCall('f', '{"raw":true}').build().output[0]).toMatchObject({ arguments: '{"raw":true}' });
  });

  test('.refusal() holds a refusal part', () => {
    const response = responseFactory.refusal('No.').build();
    expect(response.output[0]).toMatchObject({ type: 'message', content: [{ type: 'refusal', refusal: 'No.' }] });
    expect(response.output_text).toBe('');
  });

  test('.incomplete() is cut short, the message too', () => {
    const response = responseFactory.incomplete().build();
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      completed_at: null,
      output: [{ status: 'incomplete' }],
    });
    expect(responseFactory.incomplete('content_filter').build().incomplete_details).toEqual({ reason: 'content_filter' });
  });

  test.each([
    ['queued', responseFactory.queued()],
    ['in_progress', responseFactory.inProgress()],
    ['cancelled', responseFactory.cancelled()],
  ] as const)('%s is a background response with no output and no usage yet', (status, factory) => {
    const response = factory.build();
    expect(response).toMatchObject({ status, background: true, completed_at: null, output: [], output_text: '' });
    expect(response.usage).toBeUndefined();
  });

  test('.failed() carries the error', () => {
    const response = responseFactory.failed({ code: 'rate_limit_exceeded', message: 'Slow down.' }).build();
    expect(response).toMatchObject({ status: 'failed', error: { code: 'rate_limit_exceeded', message: 'Slow down.' }, output: [] });
    expect(responseFactory.failed().build().error).toMatchObject({ code: 'server_error' });
  });
});
