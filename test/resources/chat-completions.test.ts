import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { describe, expect, test } from 'vitest';
import { modelFactory } from '../../src/factories/index.js';
import type { ReplyRequest } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const client = makeClient();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

const model = 'gpt-4o-mini';
const question: ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: 'What is the capital of France?' },
];
const weatherTool: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The current weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
    strict: true,
  },
};

/** Prompt tokens as the mock counts them: 3 per message plus its text (4 characters a token), plus 3. */
function promptTokens(texts: string[]): number {
  return texts.reduce((sum, t) => sum + 3 + Math.ceil(t.length / 4), 3);
}

describe('POST /v1/chat/completions', () => {
  test('answers a chat.completion with the default reply, every field as the API sends it', async () => {
    const completion = await client.chat.completions.create({ model, messages: question });
    const content = 'Mock reply to: "What is the capital of France?"';
    expect(completion).toEqual({
      id: 'chatcmpl-mock000001',
      object: 'chat.completion',
      created: openaiMock.clock.nowSeconds(),
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: promptTokens(['You are a helpful assistant.', 'What is the capital of France?']),
        completion_tokens: Math.ceil(content.length / 4),
        total_tokens: promptTokens(['You are a helpful assistant.', 'What is the capital of France?']) + Math.ceil(content.length / 4),
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: 'default',
      system_fingerprint: expect.stringMatching(/^fp_[0-9a-f]{10}$/),
    });
    expect(openaiMock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', status: 200, body: { model, messages: question } });
  });

  test('the response carries the request id header, and created follows the mock clock', async () => {
    openaiMock.clock.advance(3_600_000);
    const { data, response } = await client.chat.completions.create({ model, messages: question }).withResponse();
    expect(response.headers.get('x-request-id')).toBe('req_mock000001');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(data.created).toBe(Math.floor((Date.now() + 3_600_000) / 1000));
  });

  test('the requested model is echoed; every catalogue model and a fine-tuned model answer', async () => {
    const tuned = await modelFactory.fineTuned().create();
    const ids = [...(await client.models.list()).data.map((m) => m.id)];
    expect(ids).toContain(tuned.id);
    for (const id of ids) {
      expect((await client.chat.completions.create({ model: id, messages: question })).model).toBe(id);
    }
  });

  test('an unknown model is a 404 model_not_found', async () => {
    const error = await rejection(client.chat.completions.create({ model: 'gpt-9-turbo', messages: question }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      error: {
        message: 'The model `gpt-9-turbo` does not exist or you do not have access to it.',
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      },
    });
  });

  test('a deleted fine-tuned model is gone', async () => {
    const tuned = await modelFactory.fineTuned().create();
    await client.models.delete(tuned.id);
    await expect(client.chat.completions.create({ model: tuned.id, messages: question })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('scripted replies', () => {
  test('replyWith(text): every request gets it', async () => {
    openaiMock.replyWith('Paris.');
    for (let i = 0; i < 2; i += 1) {
      const completion = await client.chat.completions.create({ model, messages: question });
      expect(completion.choices[0]!.message.content).toBe('Paris.');
    }
  });

  test('replyWith(function): it sees the request; undefined falls back to the default', async () => {
    const seen: ReplyRequest[] = [];
    openaiMock.replyWith((req) => {
      seen.push(req);
      return req.lastUserMessage.includes('weather') ? 'Sunny.' : undefined;
    });
    const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
    const first = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'How is the weather in Paris?' }],
      tools: [weatherTool],
      tool_choice: 'auto',
      max_completion_tokens: 50,
    });
    expect(first.choices[0]!.message.content).toBe('Sunny.');
    const second = await client.chat.completions.create({
      model,
      messages: question,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } },
    });
    expect(JSON.parse(second.choices[0]!.message.content!)).toEqual({ answer: 'answer' });

    expect(seen[0]).toEqual({
      endpoint: 'chat.completions',
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'How is the weather in Paris?' }],
      lastUserMessage: 'How is the weather in Paris?',
      schema: null,
      jsonMode: false,
      tools: [{ name: 'get_weather', description: 'The current weather in a city', parameters: weatherTool.function.parameters, strict: true }],
      toolChoice: 'auto',
      maxTokens: 50,
      choiceIndex: 0,
      customId: null,
      body: expect.objectContaining({ model: 'gpt-4.1-mini', max_completion_tokens: 50 }),
    });
    expect(seen[1]).toMatchObject({ lastUserMessage: 'What is the capital of France?', schema: { name: 'answer', schema, strict: true }, tools: [], toolChoice: 'none' });
  });

  test('replyOnce: a queue used in order, then the standing reply, then the default; pendingReplies counts down', async () => {
    openaiMock.replyOnce('first', 'second');
    expect(openaiMock.pendingReplies).toBe(2);
    const ask = async () => (await client.chat.completions.create({ model, messages: question })).choices[0]!.message.content;
    expect(await ask()).toBe('first');
    expect(openaiMock.pendingReplies).toBe(1);
    expect(await ask()).toBe('second');
    expect(openaiMock.pendingReplies).toBe(0);
    expect(await ask()).toBe('Mock reply to: "What is the capital of France?"');
    openaiMock.replyWith('standing').replyOnce('queued');
    expect(await ask()).toBe('queued');
    expect(await ask()).toBe('standing');
  });

  test('reset() forgets scripted replies', async () => {
    openaiMock.replyWith('standing').replyOnce('queued');
    openaiMock.reset();
    expect(openaiMock.pendingReplies).toBe(0);
    const completion = await client.chat.completions.create({ model, messages: question });
    expect(completion.choices[0]!.message.content).toBe('Mock reply to: "What is the capital of France?"');
  });

  test('tool calls round trip: assistant tool_calls → tool message → final answer', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }] }, 'It is 21 °C in Paris.');
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await client.chat.completions.create({ model, messages, tools: [weatherTool] });
    expect(first.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        refusal: null,
        annotations: [],
        tool_calls: [{ id: 'call_mock000001', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } }],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    });
    const call = first.choices[0]!.message.tool_calls![0]!;
    messages.push(first.choices[0]!.message, { role: 'tool', tool_call_id: call.id, content: '{"temperature":21}' });
    const second = await client.chat.completions.create({ model, messages, tools: [weatherTool] });
    expect(second.choices[0]).toMatchObject({ message: { content: 'It is 21 °C in Paris.' }, finish_reason: 'stop' });
    expect(second.choices[0]!.message).not.toHaveProperty('tool_calls');
  });

  test('tool_choice forcing a function: the default reply calls it with arguments valid against its parameters', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    const args: unknown = JSON.parse(call.type === 'function' ? call.function.arguments : '');
    expect(ajv.validate(weatherTool.function.parameters!, args)).toBe(true);
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
  });

  test('a refusal', async () => {
    openaiMock.replyOnce({ refusal: "I'm sorry, I can't help with that." });
    const completion = await client.chat.completions.create({ model, messages: question });
    expect(completion.choices[0]).toMatchObject({
      message: { role: 'assistant', content: null, refusal: "I'm sorry, I can't help with that." },
      finish_reason: 'stop',
    });
  });

  test("finish_reason 'length' as scripted, and from max_tokens / max_completion_tokens", async () => {
    openaiMock.replyOnce({ content: 'Paris is', finishReason: 'length' });
    expect((await client.chat.completions.create({ model, messages: question })).choices[0]).toMatchObject({
      message: { content: 'Paris is' },
      finish_reason: 'length',
    });
    openaiMock.replyWith('The capital of France is Paris, on the Seine.');
    const old = await client.chat.completions.create({ model, messages: question, max_tokens: 3 });
    // Cut at max_tokens × 4 characters (the mock's token estimate).
    expect(old.choices[0]).toMatchObject({ message: { content: 'The capital ' }, finish_reason: 'length' });
    expect(old.usage!.completion_tokens).toBe(3);
    const current = await client.chat.completions.create({ model, messages: question, max_completion_tokens: 5 });
    expect(current.choices[0]).toMatchObject({ message: { content: 'The capital of Franc' }, finish_reason: 'length' });
    const roomy = await client.chat.completions.create({ model, messages: question, max_completion_tokens: 100 });
    expect(roomy.choices[0]!.finish_reason).toBe('stop');
  });

  test('stop sequences cut the reply before them', async () => {
    openaiMock.replyWith('Paris. It is on the Seine.');
    const completion = await client.chat.completions.create({ model, messages: question, stop: ['.', 'END'] });
    expect(completion.choices[0]).toMatchObject({ message: { content: 'Paris' }, finish_reason: 'stop' });
  });

  test('n = 3: three choices, each answered on its own (the queue gives one reply per choice)', async () => {
    openaiMock.replyOnce('one', 'two', 'three');
    const completion = await client.chat.completions.create({ model, messages: question, n: 3 });
    expect(completion.choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
      [0, 'one', 'stop'],
      [1, 'two', 'stop'],
      [2, 'three', 'stop'],
    ]);
    expect(completion.usage!.completion_tokens).toBe(1 + 1 + 2);

    const indexes: number[] = [];
    openaiMock.replyWith((req) => {
      indexes.push(req.choiceIndex);
      return `Answer ${req.choiceIndex + 1}`;
    });
    const again = await client.chat.completions.create({ model, messages: question, n: 3 });
    expect(indexes).toEqual([0, 1, 2]);
    expect(again.choices.map((c) => c.message.content)).toEqual(['Answer 1', 'Answer 2', 'Answer 3']);
  });

  test('usage adds up: prompt from the messages, completion from every choice', async () => {
    openaiMock.replyOnce('12345678', { refusal: 'No.' }, { toolCalls: [{ name: 'get_weather', arguments: '{"city":"Oslo"}' }] });
    const messages: ChatCompletionMessageParam[] = [
      { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: 'Hello there' },
    ];
    const { usage } = await client.chat.completions.create({ model, messages, tools: [weatherTool], n: 3 });
    const prompt = promptTokens(['Be brief.', 'Hello there']);
    const completion = 2 + 1 + (Math.ceil('get_weather'.length / 4) + Math.ceil('{"city":"Oslo"}'.length / 4));
    expect(usage).toMatchObject({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion });
  });

  test('a reply function that throws, or returns garbage, is a 500 naming the problem (not retried)', async () => {
    openaiMock.replyWith(() => {
      throw new Error('no fixture for this prompt');
    });
    const thrown = await rejection(client.chat.completions.create({ model, messages: question }));
    expect(thrown).toBeInstanceOf(OpenAI.InternalServerError);
    expect(thrown).toMatchObject({
      status: 500,
      error: {
        message: '[openai-mock] The reply function threw: no fixture for this prompt',
        type: 'server_error',
        param: null,
        code: 'ERR_OPENAI_MOCK_INVALID_REPLY',
      },
    });
    expect((thrown as { headers: Headers }).headers.get('x-should-retry')).toBe('false');

    openaiMock.replyWith((() => ({ text: 'Hi' })) as never);
    const garbage = await rejection(client.chat.completions.create({ model, messages: question }));
    expect(garbage).toMatchObject({
      status: 500,
      code: 'ERR_OPENAI_MOCK_INVALID_REPLY',
      error: { message: "[openai-mock] The reply function returned a reply with unknown key(s) 'text'; use content, refusal, toolCalls, finishReason." },
    });
  });
});

describe('response formats', () => {
  const cityInfo = {
    type: 'object',
    properties: {
      city: { type: 'string' },
      country: { type: 'string', enum: ['France', 'Germany'] },
      population: { type: 'integer', minimum: 0 },
      landmarks: { type: 'array', items: { type: 'string' } },
      mayor: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
    required: ['city', 'country', 'population', 'landmarks', 'mayor'],
    additionalProperties: false,
  };

  test('json_schema: the content is JSON valid against the schema', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: question,
      response_format: { type: 'json_schema', json_schema: { name: 'city_info', schema: cityInfo, strict: true } },
    });
    const value: unknown = JSON.parse(completion.choices[0]!.message.content!);
    expect(ajv.validate(cityInfo, value)).toBe(true);
    expect(value).toEqual({ city: 'city', country: 'France', population: 0, landmarks: ['landmark'], mayor: 'mayor' });
  });

  test('chat.completions.parse() parses it into message.parsed', async () => {
    openaiMock.replyOnce({ content: { city: 'Paris', country: 'France', population: 2_100_000, landmarks: ['Louvre'], mayor: null } });
    const completion = await client.chat.completions.parse({
      model,
      messages: question,
      response_format: { type: 'json_schema', json_schema: { name: 'city_info', schema: cityInfo, strict: true } },
    });
    expect(completion.choices[0]!.message.parsed).toEqual({ city: 'Paris', country: 'France', population: 2_100_000, landmarks: ['Louvre'], mayor: null });
  });

  test('json_object: the content is a JSON object', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Reply in JSON: what is the capital of France?' }],
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ reply: 'Mock reply to: "Reply in JSON: what is the capital of France?"' });
  });
});

describe('streaming', () => {
  test('the wire: text/event-stream, data-only frames, [DONE] last', async () => {
    openaiMock.replyOnce('Paris is the capital.');
    const response = await fetch('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: question, stream: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const frames = (await response.text()).split('\n\n');
    expect(frames.at(-1)).toBe('');
    expect(frames.at(-2)).toBe('data: [DONE]');
    const chunks = frames.slice(0, -2).map((f) => {
      expect(f.startsWith('data: {')).toBe(true);
      return JSON.parse(f.slice('data: '.length)) as OpenAI.ChatCompletionChunk;
    });
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    expect(chunks.map((c) => c.choices[0]!.delta.content ?? '').join('')).toBe('Paris is the capital.');
    expect(chunks.slice(1, -1).map((c) => c.choices[0]!.delta.content)).toEqual(['Paris', ' is', ' the', ' capital.']);
    expect(chunks.at(-1)!.choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set(['chatcmpl-mock000001']));
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && !('usage' in c))).toBe(true);
  });

  test('for await over create({ stream: true }), with include_usage: usage null on every chunk, then a usage chunk', async () => {
    const plain = await client.chat.completions.create({ model, messages: question });
    const stream = await client.chat.completions.create({ model, messages: question, stream: true, stream_options: { include_usage: true } });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual(plain.usage);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(plain.choices[0]!.message.content);
  });

  test('chat.completions.stream(): content events and finalChatCompletion()', async () => {
    openaiMock.replyOnce('Paris, of course.');
    const deltas: string[] = [];
    const stream = client.chat.completions
      .stream({ model, messages: question, stream_options: { include_usage: true } })
      .on('content', (delta) => deltas.push(delta));
    const final = await stream.finalChatCompletion();
    expect(deltas).toEqual(['Paris,', ' of', ' course.']);
    expect(final.choices[0]).toMatchObject({ message: { role: 'assistant', content: 'Paris, of course.', refusal: null }, finish_reason: 'stop' });
    expect(final.usage).toMatchObject({ prompt_tokens: promptTokens(['You are a helpful assistant.', 'What is the capital of France?']) });
    expect(final.id).toBe('chatcmpl-mock000001');
  });

  test('tool calls stream: name first, arguments in pieces; the final completion has the whole call', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }] });
    const argumentDeltas: string[] = [];
    const stream = client.chat.completions
      .stream({ model, messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weatherTool] })
      .on('tool_calls.function.arguments.delta', (event) => argumentDeltas.push(event.arguments_delta));
    const done = new Promise<string>((resolve) => stream.on('tool_calls.function.arguments.done', (event) => resolve(event.arguments)));
    const final = await stream.finalChatCompletion();
    expect(argumentDeltas.length).toBeGreaterThan(1);
    expect(argumentDeltas.join('')).toBe('{"city":"Paris","unit":"celsius"}');
    expect(await done).toBe('{"city":"Paris","unit":"celsius"}');
    expect(final.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        content: null,
        tool_calls: [{ id: 'call_mock000001', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } }],
      },
    });
  });

  test('a refusal streams, and n choices stream side by side', async () => {
    openaiMock.replyOnce({ refusal: "I can't help with that." }, 'Sure.');
    const stream = client.chat.completions.stream({ model, messages: question, n: 2 });
    const final = await stream.finalChatCompletion();
    expect(final.choices.map((c) => [c.index, c.message.content, c.message.refusal])).toEqual([
      [0, null, "I can't help with that."],
      [1, 'Sure.', null],
    ]);
  });

  test('structured output streams and parses', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    openaiMock.replyOnce({ content: { city: 'Paris' } });
    const stream = client.chat.completions.stream({
      model,
      messages: question,
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
    });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]!.message.parsed).toEqual({ city: 'Paris' });
  });
});

describe('validation, as the API answers', () => {
  const base = { model, messages: question };
  const call = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } };
  const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };

  test.each<[string, Record<string, unknown>, { message: string; param: string | null; code: string | null }]>([
    ['no model', { messages: question }, { message: 'you must provide a model parameter', param: null, code: null }],
    ['no messages', { model }, { message: "Missing required parameter: 'messages'.", param: 'messages', code: 'missing_required_parameter' }],
    ['messages as a string', { model, messages: 'Hi' }, { message: "Invalid type for 'messages': expected an array of objects, but got a string instead.", param: 'messages', code: 'invalid_type' }],
    ['empty messages', { model, messages: [] }, { message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", param: 'messages', code: 'empty_array' }],
    ['a message that is not an object', { model, messages: ['Hi'] }, { message: "Invalid type for 'messages[0]': expected an object, but got a string instead.", param: 'messages[0]', code: 'invalid_type' }],
    ['a message without a role', { model, messages: [{ content: 'Hi' }] }, { message: "Missing required parameter: 'messages[0].role'.", param: 'messages[0].role', code: 'missing_required_parameter' }],
    ['the role bot', { model, messages: [{ role: 'bot', content: 'Hi' }] }, { message: "Invalid value: 'bot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.", param: 'messages[0].role', code: 'invalid_value' }],
    ['a numeric content', { model, messages: [{ role: 'user', content: 7 }] }, { message: "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead.", param: 'messages[0].content', code: 'invalid_type' }],
    ['a null content', { model, messages: [{ role: 'user', content: null }] }, { message: "Invalid value for 'content': expected a string, got null.", param: 'messages.[0].content', code: null }],
    ['n = 0', { ...base, n: 0 }, { message: "Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead.", param: 'n', code: 'integer_below_min_value' }],
    ['n = 129', { ...base, n: 129 }, { message: "Invalid 'n': integer above maximum value. Expected a value <= 128, but got 129 instead.", param: 'n', code: 'integer_above_max_value' }],
    ['n as a string', { ...base, n: '2' }, { message: "Invalid type for 'n': expected an integer, but got a string instead.", param: 'n', code: 'invalid_type' }],
    ['temperature 2.5', { ...base, temperature: 2.5 }, { message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead.", param: 'temperature', code: 'decimal_above_max_value' }],
    ['temperature -0.5', { ...base, temperature: -0.5 }, { message: "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -0.5 instead.", param: 'temperature', code: 'decimal_below_min_value' }],
    ['temperature as a string', { ...base, temperature: 'hot' }, { message: "Invalid type for 'temperature': expected a decimal, but got a string instead.", param: 'temperature', code: 'invalid_type' }],
    ['max_tokens 0', { ...base, max_tokens: 0 }, { message: "Invalid 'max_tokens': integer below minimum value. Expected a value >= 1, but got 0 instead.", param: 'max_tokens', code: 'integer_below_min_value' }],
    ['max_completion_tokens -1', { ...base, max_completion_tokens: -1 }, { message: "Invalid 'max_completion_tokens': integer below minimum value. Expected a value >= 1, but got -1 instead.", param: 'max_completion_tokens', code: 'integer_below_min_value' }],
    ['stream as a string', { ...base, stream: 'yes' }, { message: "Invalid type for 'stream': expected a boolean, but got a string instead.", param: 'stream', code: 'invalid_type' }],
    ['stream_options without stream', { ...base, stream_options: { include_usage: true } }, { message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.", param: 'stream_options', code: null }],
    ['an unknown stream_options member', { ...base, stream: true, stream_options: { include_usage: true, bogus: 1 } }, { message: "Unknown parameter: 'stream_options.bogus'.", param: 'stream_options.bogus', code: 'unknown_parameter' }],
    ['an unknown parameter', { ...base, foo: 1 }, { message: 'Unrecognized request argument supplied: foo', param: null, code: null }],
    ['two unknown parameters', { ...base, foo: 1, bar: 2 }, { message: 'Unrecognized request arguments supplied: foo, bar', param: null, code: null }],
    ['an unknown parameter to a reasoning model', { ...base, model: 'o4-mini', reasoning: { effort: 'low' } }, { message: "Unknown parameter: 'reasoning'.", param: 'reasoning', code: 'unknown_parameter' }],
    ['a tool message without tool_calls before it', { model, messages: [{ role: 'user', content: 'Hi' }, { role: 'tool', tool_call_id: 'call_1', content: 'x' }] }, { message: "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", param: 'messages.[1].role', code: null }],
    ['tool calls left unanswered', { model, messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', tool_calls: [call] }, { role: 'user', content: 'Well?' }] }, { message: "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: call_1", param: 'messages.[2].role', code: null }],
    ['response_format as a string', { ...base, response_format: 'json' }, { message: "Invalid type for 'response_format': expected an object, but got a string instead.", param: 'response_format', code: 'invalid_type' }],
    ['response_format without type', { ...base, response_format: {} }, { message: "Missing required parameter: 'response_format.type'.", param: 'response_format.type', code: 'missing_required_parameter' }],
    ['response_format of type xml', { ...base, response_format: { type: 'xml' } }, { message: "Invalid value: 'xml'. Supported values are: 'json_object', 'json_schema', and 'text'.", param: 'response_format.type', code: 'invalid_value' }],
    ['json_schema without json_schema', { ...base, response_format: { type: 'json_schema' } }, { message: "Missing required parameter: 'response_format.json_schema'.", param: 'response_format.json_schema', code: 'missing_required_parameter' }],
    ['json_schema without a name', { ...base, response_format: { type: 'json_schema', json_schema: { schema } } }, { message: "Missing required parameter: 'response_format.json_schema.name'.", param: 'response_format.json_schema.name', code: 'missing_required_parameter' }],
    ['json_schema without a schema', { ...base, response_format: { type: 'json_schema', json_schema: { name: 'answer' } } }, { message: "Missing required parameter: 'response_format.json_schema.schema'.", param: 'response_format.json_schema.schema', code: 'missing_required_parameter' }],
    ['a schema misplaced beside json_schema', { ...base, response_format: { type: 'json_schema', json_schema: { name: 'a', schema }, schema } }, { message: "Unknown parameter: 'response_format.schema'.", param: 'response_format.schema', code: 'unknown_parameter' }],
    ['a strict schema without additionalProperties: false', { ...base, response_format: { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } } } }, { message: "Invalid schema for response_format 'answer': In context=(), 'additionalProperties' is required to be supplied and to be false.", param: 'response_format', code: null }],
    ['json_object without the word json', { ...base, response_format: { type: 'json_object' } }, { message: "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", param: 'messages', code: null }],
    ['an empty tools array', { ...base, tools: [] }, { message: "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.", param: 'tools', code: 'empty_array' }],
    ['tools as a string', { ...base, tools: 'none' }, { message: "Invalid type for 'tools': expected an array of objects, but got a string instead.", param: 'tools', code: 'invalid_type' }],
    ['a tool function without a name', { ...base, tools: [{ type: 'function', function: { parameters: {} } }] }, { message: "Missing required parameter: 'tools[0].function.name'.", param: 'tools[0].function.name', code: 'missing_required_parameter' }],
    ['tool_choice without tools', { ...base, tool_choice: 'auto' }, { message: "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", param: 'tool_choice', code: null }],
    ['tool_choice naming no declared function', { ...base, tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'get_time' } } }, { message: "Invalid value for 'function_call': no function named 'get_time' was specified in the 'functions' parameter.", param: 'function_call', code: null }],
    ['tool_choice any', { ...base, tools: [weatherTool], tool_choice: 'any' }, { message: "Invalid value: 'any'. Supported values are: 'none', 'auto', and 'required'.", param: 'tool_choice', code: 'invalid_value' }],
    ['six stop sequences', { ...base, stop: ['a', 'b', 'c', 'd', 'e', 'f'] }, { message: "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length 6 instead.", param: 'stop', code: 'array_above_max_length' }],
  ])('%s', async (_, body, expected) => {
    const error = await rejection(client.chat.completions.create(body as never));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      param: expected.param,
      code: expected.code,
      error: { message: expected.message, type: 'invalid_request_error', param: expected.param, code: expected.code },
    });
  });

  test('a rejected request uses no scripted reply', async () => {
    openaiMock.replyOnce('kept');
    await expect(client.chat.completions.create({ model, messages: [] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    expect(openaiMock.pendingReplies).toBe(1);
  });

  test('nothing crashes on odd bodies: each is a 400, or a 200 when only an unchecked schema is odd', async () => {
    const send = async (body: unknown) => {
      const response = await fetch('https://api.openai.com/v1/chat/completions', {
        method: 'POST',
        headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const payload = (await response.json()) as { error?: { message: string } };
      return `${response.status} ${payload.error?.message ?? ''}`.trim();
    };
    const rejected: unknown[] = [
      [],
      'text',
      42,
      { model, messages: [null] },
      { model, messages: [{ role: 'user', content: [null] }] },
      { model, messages: [{ role: 'user', content: [{ type: 'text', text: 5 }] }] },
      { model, messages: [{ role: 'assistant', tool_calls: [{ id: 'c' }] }] },
      { model, messages: question, tools: [null] },
      { model, messages: question, metadata: { k: { nested: true } } },
      { model, messages: question, tool_choice: { type: 'allowed_tools', allowed_tools: {} }, tools: [weatherTool] },
      { model, messages: question, stop: [1] },
      { model: ['gpt-4o'], messages: question },
    ];
    for (const body of rejected) expect(await send(body)).toMatch(/^400 /);
    const oddButValid: unknown[] = [
      { model, messages: question, tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { a: 5 } } } }], tool_choice: 'required' },
      { model, messages: question, response_format: { type: 'json_schema', json_schema: { name: 'a', schema: { properties: { a: { $ref: '#/nowhere' } } } } } },
    ];
    for (const body of oddButValid) expect(await send(body)).toBe('200');
  });
});
