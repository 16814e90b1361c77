import { ChatCompletionStream } from 'openai/lib/ChatCompletionStream';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../../test/support/client.js';
import { chatCompletionChunkFactory, chatCompletionFactory, type ChatCompletion, type ChatCompletionChunk } from './chat-completion.js';
import { FACTORY_EPOCH } from './shared.js';

const client = makeClient();

/** What the SDK's stream helper assembles from these chunks. */
async function assembled(chunks: ChatCompletionChunk[]): Promise<ChatCompletion> {
  const bytes = new TextEncoder().encode(chunks.map((c) => `${JSON.stringify(c)}\n`).join(''));
  const readable = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return ChatCompletionStream.fromReadableStream(readable).finalChatCompletion();
}

describe('chatCompletionFactory', () => {
  test('build(): a complete completion that greets the user, touching no mock', () => {
    expect(chatCompletionFactory.build()).toEqual({
      id: 'chatcmpl-seed000001',
      object: 'chat.completion',
      created: FACTORY_EPOCH + 60,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello! How can I help you today?', refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 20,
        completion_tokens: 8,
        total_tokens: 28,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: expect.stringMatching(/^fp_[0-9a-f]{10}$/),
    });
    expect(openaiMock.requests).toHaveLength(0);
    expect(openaiMock.pendingReplies).toBe(0);
  });

  test('ids follow one sequence, traits included', () => {
    const ids = [chatCompletionFactory.build(), chatCompletionFactory.reply('x').build(), chatCompletionFactory.refusal().build()].map((c) => c.id);
    expect(ids).toEqual(['chatcmpl-seed000001', 'chatcmpl-seed000002', 'chatcmpl-seed000003']);
  });

  test('.reply() and .structured(): the content, with usage counted as the mock counts it', async () => {
    expect(chatCompletionFactory.reply('Paris.').build().choices[0]!.message.content).toBe('Paris.');
    expect(chatCompletionFactory.structured({ city: 'Paris' }).build().choices[0]!.message.content).toBe('{"city":"Paris"}');

    openaiMock.replyOnce('The capital of France is Paris.');
    const real = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Capital of France?' }] });
    const built = chatCompletionFactory.reply('The capital of France is Paris.').build({}, { transient: { promptTokens: real.usage!.prompt_tokens } });
    expect(built.usage).toEqual(real.usage);
  });

  test('.toolCalls(): null content, one call per argument, finish reason tool_calls', () => {
    const completion = chatCompletionFactory.toolCalls({ name: 'get_weather', arguments: { city: 'Paris' } }, { name: 'get_time', arguments: '{}', id: 'call_given' }).build();
    expect(completion.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        refusal: null,
        annotations: [],
        tool_calls: [
          { id: 'call_seed000001', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_given', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    });
  });

  test('.refusal(), .truncated(), n choices and a model of your own', () => {
    expect(chatCompletionFactory.refusal().build().choices[0]!.message).toMatchObject({ content: null, refusal: "I'm sorry, I can't help with that." });
    expect(chatCompletionFactory.reply('Paris is').truncated().build().choices[0]!.finish_reason).toBe('length');
    const three = chatCompletionFactory.build({}, { transient: { n: 3 } });
    expect(three.choices.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(three.usage!.completion_tokens).toBe(24);
    const other = chatCompletionFactory.build({ model: 'gpt-4.1' });
    expect(other.model).toBe('gpt-4.1');
    expect(other.system_fingerprint).not.toBe(chatCompletionFactory.build().system_fingerprint);
  });

  test('create() throws a coded error: there is nothing to seed', async () => {
    await expect(chatCompletionFactory.create()).rejects.toMatchObject({
      code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      message: expect.stringContaining('openaiMock.replyOnce(...)'),
    });
  });

  test('first test of a pair: the sequence starts at 1', () => {
    expect(chatCompletionFactory.build().id).toBe('chatcmpl-seed000001');
  });

  test('second test of a pair: the reset rewound it', () => {
    expect(chatCompletionFactory.build().id).toBe('chatcmpl-seed000001');
  });
});

describe('chatCompletionChunkFactory', () => {
  test('build(): a content delta of choice 0', () => {
    expect(chatCompletionChunkFactory.build()).toEqual({
      id: 'chatcmpl-seed000001',
      object: 'chat.completion.chunk',
      created: FACTORY_EPOCH + 60,
      model: 'gpt-4o-mini-2024-07-18',
      service_tier: 'default',
      system_fingerprint: expect.stringMatching(/^fp_/),
      choices: [{ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }],
    });
  });

  test('the traits make a stream the SDK assembles into a completion', async () => {
    const id = 'chatcmpl-stream';
    const chunks = [
      chatCompletionChunkFactory.opening().build({ id }),
      chatCompletionChunkFactory.content('Hello').build({ id }),
      chatCompletionChunkFactory.content(' there').build({ id }),
      chatCompletionChunkFactory.finish().build({ id }),
      chatCompletionChunkFactory.usage(12, 2).build({ id }),
    ];
    const completion = await assembled(chunks);
    expect(completion).toMatchObject({
      id,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there', refusal: null }, finish_reason: 'stop' }],
    });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 } });
  });

  test('tool call chunks assemble into a tool call', async () => {
    const id = 'chatcmpl-tools';
    const completion = await assembled([
      chatCompletionChunkFactory.opening().build({ id }),
      chatCompletionChunkFactory.toolCall('get_weather', { id: 'call_1' }).build({ id }),
      chatCompletionChunkFactory.toolArguments('{"city":').build({ id }),
      chatCompletionChunkFactory.toolArguments('"Paris"}').build({ id }),
      chatCompletionChunkFactory.finish('tool_calls').build({ id }),
    ]);
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: { tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
    });
  });

  test('create() throws a coded error', async () => {
    await expect(chatCompletionChunkFactory.create()).rejects.toMatchObject({ code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT' });
  });
});
