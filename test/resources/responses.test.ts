import { Ajv } from 'ajv';
import OpenAI from 'openai';
import { toResponseInputItems } from 'openai/lib/responses/ResponseInputItems';
import type { Response, ResponseStreamEvent } from 'openai/resources/responses/responses';
import { describe, expect, test } from 'vitest';
import { estimateTokens } from '../../src/engine/tokens.js';
import type { ReplyRequest } from '../../src/resources/replies/types.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const client = makeClient();

const WEATHER_TOOL = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
  strict: true,
};

const PERSON_SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['name', 'age', 'tags'],
  additionalProperties: false,
};

/** Records every request a reply function is asked to answer, and answers with the default. */
function recordRequests(): ReplyRequest[] {
  const seen: ReplyRequest[] = [];
  openaiMock.replyWith((request) => {
    seen.push(request);
    return undefined;
  });
  return seen;
}

async function expectApiError(
  promise: Promise<unknown>,
  errorClass: typeof OpenAI.BadRequestError | typeof OpenAI.NotFoundError,
  status: number,
  error: { message: string; param?: string | null; code?: string | null },
): Promise<void> {
  const thrown = await rejection(promise);
  expect(thrown).toBeInstanceOf(errorClass);
  expect(thrown).toMatchObject({
    status,
    param: error.param ?? null,
    code: error.code ?? null,
    error: { message: error.message, type: 'invalid_request_error', param: error.param ?? null, code: error.code ?? null },
  });
}

describe('POST /v1/responses', () => {
  test('a string input gets the default reply in a complete Response object', async () => {
    const before = openaiMock.clock.nowSeconds();
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Tell me a joke' });
    const text = 'Mock reply to: "Tell me a joke"';
    // The second may turn while the request is answered (a loaded machine): read the one it used.
    const now = response.created_at;
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(openaiMock.clock.nowSeconds());
    expect(response).toEqual({
      id: 'resp_mock000001',
      object: 'response',
      created_at: now,
      status: 'completed',
      background: false,
      completed_at: now,
      error: null,
      frequency_penalty: 0,
      incomplete_details: null,
      instructions: null,
      max_output_tokens: null,
      max_tool_calls: null,
      model: 'gpt-4o-mini-2024-07-18',
      output: [
        {
          id: 'msg_mock000002',
          type: 'message',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
        },
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
      usage: {
        input_tokens: estimateTokens('Tell me a joke'),
        input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        output_tokens: estimateTokens(text),
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: estimateTokens('Tell me a joke') + estimateTokens(text),
      },
      user: null,
      metadata: {},
      output_text: text,
    });
    expect(openaiMock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/responses', status: 200 });
  });

  test('echoes the request settings', async () => {
    const response = await client.responses.create({
      model: 'gpt-4.1',
      input: 'Hi',
      instructions: 'Answer in French.',
      max_output_tokens: 500,
      metadata: { session: 'abc' },
      temperature: 0.2,
      top_p: 0.9,
      parallel_tool_calls: false,
      user: 'user-42',
      safety_identifier: 'hash-42',
      truncation: 'auto',
      reasoning: { effort: 'low' },
      service_tier: 'flex',
      text: { verbosity: 'low' },
    });
    expect(response).toMatchObject({
      model: 'gpt-4.1-2025-04-14',
      instructions: 'Answer in French.',
      max_output_tokens: 500,
      metadata: { session: 'abc' },
      temperature: 0.2,
      top_p: 0.9,
      parallel_tool_calls: false,
      user: 'user-42',
      safety_identifier: 'hash-42',
      truncation: 'auto',
      reasoning: { effort: 'low', summary: null },
      service_tier: 'flex',
      text: { format: { type: 'text' }, verbosity: 'low' },
    });
  });

  test('item input: string content and input_text parts, every role, reach the reply in order', async () => {
    const seen = recordRequests();
    await client.responses.create({
      model: 'gpt-4o-mini',
      input: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'input_text', text: 'First line' }, { type: 'input_text', text: 'second line' }] },
        { role: 'assistant', content: 'Noted.' },
        { type: 'message', role: 'user', content: 'And now?' },
      ],
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      endpoint: 'responses',
      model: 'gpt-4o-mini',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'First line\nsecond line' },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: 'And now?' },
      ],
      lastUserMessage: 'And now?',
      schema: null,
      jsonMode: false,
      tools: [],
      toolChoice: 'auto',
      maxTokens: null,
      choiceIndex: 0,
      customId: null,
    });
  });

  test('instructions come first as a system message and are not carried to the next response', async () => {
    const seen = recordRequests();
    const first = await client.responses.create({ model: 'gpt-4o-mini', instructions: 'You are a pirate.', input: 'Hello' });
    await client.responses.create({ model: 'gpt-4o-mini', previous_response_id: first.id, input: 'Again' });
    expect(seen[0]!.messages).toEqual([
      { role: 'system', content: 'You are a pirate.' },
      { role: 'user', content: 'Hello' },
    ]);
    expect(seen[1]!.messages).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: first.output_text },
      { role: 'user', content: 'Again' },
    ]);
  });

  test('replyOnce replies go first, in order, then the standing replyWith reply', async () => {
    openaiMock.replyWith('Standing reply');
    openaiMock.replyOnce('First', { content: 'Second' });
    expect(openaiMock.pendingReplies).toBe(2);
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      texts.push((await client.responses.create({ model: 'gpt-4o-mini', input: `Question ${i}` })).output_text);
    }
    expect(texts).toEqual(['First', 'Second', 'Standing reply']);
    expect(openaiMock.pendingReplies).toBe(0);
  });

  test('a reply function decides per request; undefined falls back to the default', async () => {
    openaiMock.replyWith((req) => (req.lastUserMessage.includes('weather') ? 'Sunny' : undefined));
    const sunny = await client.responses.create({ model: 'gpt-4o-mini', input: 'What is the weather?' });
    const other = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    expect(sunny.output_text).toBe('Sunny');
    expect(other.output_text).toBe('Mock reply to: "Hi"');
  });

  test('a tool call, answered with function_call_output and previous_response_id, completes the turn', async () => {
    const seen = recordRequests();
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }, 'It is sunny in Paris.');

    const first = await client.responses.create({ model: 'gpt-4o-mini', input: 'Weather in Paris?', tools: [WEATHER_TOOL] });
    expect(first.output).toEqual([
      {
        id: 'fc_mock000001',
        type: 'function_call',
        status: 'completed',
        arguments: '{"city":"Paris"}',
        call_id: 'call_mock000001',
        name: 'get_weather',
      },
    ]);
    expect(first.output_text).toBe('');
    expect(first.tools).toEqual([WEATHER_TOOL]);

    const call = first.output[0]!;
    if (call.type !== 'function_call') throw new Error('expected a function call');
    const second = await client.responses.create({
      model: 'gpt-4o-mini',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: '{"temp_c":24}' }],
      tools: [WEATHER_TOOL],
    });
    expect(second.output_text).toBe('It is sunny in Paris.');
    expect(second.previous_response_id).toBe(first.id);
    expect(seen).toHaveLength(0); // both answered by replyOnce
    const items = await client.responses.inputItems.list(second.id);
    expect(items.data).toEqual([
      { id: 'fco_mock000001', type: 'function_call_output', call_id: 'call_mock000001', output: '{"temp_c":24}', status: 'completed' },
    ]);
  });

  test('the model sees a tool call as an assistant turn and its output as a tool message', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather' }] });
    const first = await client.responses.create({ model: 'gpt-4o-mini', input: 'Weather?', tools: [WEATHER_TOOL] });
    const seen = recordRequests();
    const call = first.output[0]!;
    if (call.type !== 'function_call') throw new Error('expected a function call');
    await client.responses.create({
      model: 'gpt-4o-mini',
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: 'rainy' }],
    });
    expect(seen[0]!.messages).toEqual([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: '' },
      { role: 'tool', content: 'rainy' },
    ]);
  });

  test('the conversation can also be replayed by hand: output items sent back as input', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] }, 'Cold.');
    const first = await client.responses.create({ model: 'gpt-4o-mini', input: 'Weather in Oslo?', tools: [WEATHER_TOOL], store: false });
    const call = first.output[0]!;
    if (call.type !== 'function_call') throw new Error('expected a function call');
    const second = await client.responses.create({
      model: 'gpt-4o-mini',
      input: [
        { role: 'user', content: 'Weather in Oslo?' },
        ...toResponseInputItems(first.output),
        { type: 'function_call_output', call_id: call.call_id, output: '-5C' },
      ],
      tools: [WEATHER_TOOL],
    });
    expect(second.output_text).toBe('Cold.');
  });

  test('a forced tool_choice makes the default reply call that tool with schema-valid arguments', async () => {
    const response = await client.responses.create({
      model: 'gpt-4o-mini',
      input: 'Weather?',
      tools: [WEATHER_TOOL],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    const call = response.output[0]!;
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather' });
    if (call.type !== 'function_call') throw new Error('expected a function call');
    const valid = new Ajv().compile(WEATHER_TOOL.parameters);
    expect(valid(JSON.parse(call.arguments))).toBe(true);
    expect(response.tool_choice).toEqual({ type: 'function', name: 'get_weather' });
  });

  test('a function tool without strict echoes strict: true and a null description', async () => {
    const response = await client.responses.create({
      model: 'gpt-4o-mini',
      input: 'Hi',
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } } }, strict: null }],
    });
    expect(response.tools).toEqual([
      { type: 'function', name: 'lookup', description: null, parameters: { type: 'object', properties: { q: { type: 'string' } } }, strict: true },
    ]);
  });

  test('a refusal is a refusal content part', async () => {
    openaiMock.replyOnce({ refusal: "I'm sorry, I can't help with that." });
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Something bad' });
    expect(response.status).toBe('completed');
    expect(response.output).toEqual([
      {
        id: 'msg_mock000002',
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'refusal', refusal: "I'm sorry, I can't help with that." }],
      },
    ]);
    expect(response.output_text).toBe('');
  });

  test('a reply longer than max_output_tokens is cut: status incomplete, reason max_output_tokens', async () => {
    openaiMock.replyOnce('word '.repeat(100));
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Talk a lot', max_output_tokens: 16 });
    expect(response).toMatchObject({
      status: 'incomplete',
      completed_at: null,
      incomplete_details: { reason: 'max_output_tokens' },
      max_output_tokens: 16,
      output: [{ type: 'message', status: 'incomplete' }],
    });
    expect(response.output_text).toBe('word '.repeat(100).slice(0, 64));
    expect(response.usage!.output_tokens).toBe(16);
  });

  test('a content_filter finish is incomplete with reason content_filter', async () => {
    openaiMock.replyOnce({ content: 'Partial', finishReason: 'content_filter' });
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    expect(response).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } });
  });

  test('structured outputs: the default reply validates against the json_schema, and parse() parses it', async () => {
    const format = { type: 'json_schema' as const, name: 'person', schema: PERSON_SCHEMA, strict: true };
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Describe someone', text: { format } });
    expect(response.text).toEqual({ format: { ...format, description: null }, verbosity: 'medium' });
    const validate = new Ajv().compile(PERSON_SCHEMA);
    const value: unknown = JSON.parse(response.output_text);
    expect(validate(value)).toBe(true);

    const parsed = await client.responses.parse({ model: 'gpt-4o-mini', input: 'Describe someone', text: { format } });
    expect(parsed.output_parsed).toEqual(value);
  });

  test('structured outputs: a scripted object reply is sent as its JSON text', async () => {
    openaiMock.replyOnce({ content: { name: 'Ada', age: 36, tags: ['math'] } });
    const parsed = await client.responses.parse({
      model: 'gpt-4o-mini',
      input: 'Who?',
      text: { format: { type: 'json_schema', name: 'person', schema: PERSON_SCHEMA, strict: true } },
    });
    expect(parsed.output_parsed).toEqual({ name: 'Ada', age: 36, tags: ['math'] });
  });

  test('JSON mode: the default reply is a JSON object and the reply sees jsonMode', async () => {
    const seen = recordRequests();
    const response = await client.responses.create({
      model: 'gpt-4o-mini',
      input: 'Answer in json please',
      text: { format: { type: 'json_object' } },
    });
    expect(JSON.parse(response.output_text)).toEqual({ reply: 'Mock reply to: "Answer in json please"' });
    expect(seen[0]).toMatchObject({ jsonMode: true, schema: null });
  });

  test('a model fine-tuned or added to the catalogue is accepted and echoed as given', async () => {
    openaiMock.seed.model({ id: 'ft:gpt-4o-mini-2024-07-18:acme::abc123', object: 'model', created: 1, owned_by: 'org-mock' });
    const response = await client.responses.create({ model: 'ft:gpt-4o-mini-2024-07-18:acme::abc123', input: 'Hi' });
    expect(response.model).toBe('ft:gpt-4o-mini-2024-07-18:acme::abc123');
  });
});

describe('stored responses', () => {
  test('GET /v1/responses/{id} returns the stored response', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Remember me' });
    const retrieved = await client.responses.retrieve(created.id);
    expect(retrieved).toEqual(created);
    expect(openaiMock.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v1/responses/${created.id}`, status: 200 });
  });

  test('DELETE /v1/responses/{id} deletes it: retrieving or deleting again is a 404', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Forget me' });
    await client.responses.delete(created.id);
    expect(openaiMock.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 200 });
    const message = `Response with id '${created.id}' not found.`;
    await expectApiError(client.responses.retrieve(created.id), OpenAI.NotFoundError, 404, { message });
    await expectApiError(client.responses.delete(created.id), OpenAI.NotFoundError, 404, { message });
    await expectApiError(client.responses.inputItems.list(created.id), OpenAI.NotFoundError, 404, { message });
  });

  test('the delete answer is {id, object, deleted}', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'x' });
    const raw = await client.delete(`/responses/${created.id}`);
    expect(raw).toEqual({ id: created.id, object: 'response', deleted: true });
  });

  test('store: false responses are answered but cannot be retrieved or continued', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Ephemeral', store: false });
    expect(created).toMatchObject({ store: false, status: 'completed' });
    await expectApiError(client.responses.retrieve(created.id), OpenAI.NotFoundError, 404, {
      message: `Response with id '${created.id}' not found.`,
    });
    await expectApiError(
      client.responses.create({ model: 'gpt-4o-mini', input: 'More', previous_response_id: created.id }),
      OpenAI.BadRequestError,
      400,
      {
        message: `Previous response with id '${created.id}' not found.`,
        param: 'previous_response_id',
        code: 'previous_response_not_found',
      },
    );
  });

  test('a chain of previous_response_id carries the whole conversation', async () => {
    const seen = recordRequests();
    const one = await client.responses.create({ model: 'gpt-4o-mini', input: 'One' });
    const two = await client.responses.create({ model: 'gpt-4o-mini', input: 'Two', previous_response_id: one.id });
    await client.responses.create({ model: 'gpt-4o-mini', input: 'Three', previous_response_id: two.id });
    expect(seen[2]!.messages.map((m) => `${m.role}:${m.content}`)).toEqual([
      'user:One',
      `assistant:${one.output_text}`,
      'user:Two',
      `assistant:${two.output_text}`,
      'user:Three',
    ]);
    expect(seen[2]!.lastUserMessage).toBe('Three');
  });

  test('replaying a stream on retrieve is a clear mock limitation', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'x' });
    await expectApiError(client.get(`/responses/${created.id}`, { query: { stream: true } }), OpenAI.BadRequestError, 400, {
      message:
        'openai-mock does not replay response streams (GET /v1/responses/{id}?stream=true). ' +
        'Retrieve the response without stream, or stream it when you create it.',
      param: 'stream',
      code: 'openai_mock_unsupported',
    });
  });

  test('unknown response ids are 404 on every route', async () => {
    const message = "Response with id 'resp_nope' not found.";
    await expectApiError(client.responses.retrieve('resp_nope'), OpenAI.NotFoundError, 404, { message });
    await expectApiError(client.responses.delete('resp_nope'), OpenAI.NotFoundError, 404, { message });
    await expectApiError(client.responses.cancel('resp_nope'), OpenAI.NotFoundError, 404, { message });
    await expectApiError(client.responses.inputItems.list('resp_nope'), OpenAI.NotFoundError, 404, { message });
  });
});

describe('GET /v1/responses/{id}/input_items', () => {
  async function fiveItems(): Promise<Response> {
    return client.responses.create({
      model: 'gpt-4o-mini',
      input: [
        { role: 'system', content: 'Rules' },
        { role: 'user', content: 'A' },
        { role: 'assistant', content: 'B' },
        { role: 'user', content: [{ type: 'input_text', text: 'C' }] },
        { role: 'user', content: 'D' },
      ],
    });
  }

  test('lists the input items with their ids, newest first by default', async () => {
    const string = await client.responses.create({ model: 'gpt-4o-mini', input: 'Just text' });
    const page = await client.responses.inputItems.list(string.id);
    expect(page.data).toEqual([
      { id: 'msg_mock000001', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Just text' }] },
    ]);

    const response = await fiveItems();
    const items = await client.responses.inputItems.list(response.id);
    expect(items.data.map((i) => i.id)).toEqual([
      'msg_mock000007',
      'msg_mock000006',
      'msg_mock000005',
      'msg_mock000004',
      'msg_mock000003',
    ]);
    expect(items.data[2]).toEqual({
      id: 'msg_mock000005',
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: 'B', annotations: [], logprobs: [] }],
    });
  });

  test('order=asc, limit and after paginate; first_id, last_id and has_more are set', async () => {
    const response = await fiveItems();
    const raw = await client.get(`/responses/${response.id}/input_items`, { query: { order: 'asc', limit: 2 } });
    expect(raw).toMatchObject({ object: 'list', first_id: 'msg_mock000001', last_id: 'msg_mock000002', has_more: true });

    const ids: string[] = [];
    for await (const item of client.responses.inputItems.list(response.id, { order: 'asc', limit: 2 })) {
      ids.push(item.id);
    }
    expect(ids).toEqual(['msg_mock000001', 'msg_mock000002', 'msg_mock000003', 'msg_mock000004', 'msg_mock000005']);
    expect(openaiMock.requests.filter((r) => r.path.endsWith('/input_items'))).toHaveLength(4);

    const last = await client.responses.inputItems.list(response.id, { order: 'asc', after: 'msg_mock000004' });
    expect(last.data.map((i) => i.id)).toEqual(['msg_mock000005']);
    expect(last.has_more).toBe(false);
  });

  test('limit out of range and an unknown order are refused', async () => {
    const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'x' });
    await expectApiError(client.responses.inputItems.list(response.id, { limit: 0 }), OpenAI.BadRequestError, 400, {
      message: "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead.",
      param: 'limit',
      code: 'integer_below_min_value',
    });
    await expectApiError(client.responses.inputItems.list(response.id, { limit: 101 }), OpenAI.BadRequestError, 400, {
      message: "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.",
      param: 'limit',
      code: 'integer_above_max_value',
    });
    await expectApiError(
      client.responses.inputItems.list(response.id, { order: 'newest' as 'asc' }),
      OpenAI.BadRequestError,
      400,
      { message: "Invalid value: 'newest'. Supported values are: 'asc' and 'desc'.", param: 'order', code: 'invalid_value' },
    );
  });
});

describe('background responses', () => {
  test('queued, then in_progress, then completed as the clock moves', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Slow job', background: true });
    expect(created).toMatchObject({ status: 'queued', background: true, output: [], usage: null, completed_at: null });
    expect(created.output_text).toBe('');

    await advanceTime(1000);
    expect((await client.responses.retrieve(created.id)).status).toBe('in_progress');

    await advanceTime(2000);
    const done = await client.responses.retrieve(created.id);
    expect(done).toMatchObject({ status: 'completed', completed_at: created.created_at + 3 });
    expect(done.output_text).toBe('Mock reply to: "Slow job"');
  });

  test('cancel stops a queued response; cancelling again returns it unchanged', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Never mind', background: true });
    const cancelled = await client.responses.cancel(created.id);
    expect(cancelled).toMatchObject({ id: created.id, status: 'cancelled', output: [] });
    await advanceTime(10_000);
    expect((await client.responses.retrieve(created.id)).status).toBe('cancelled');
    expect((await client.responses.cancel(created.id)).status).toBe('cancelled');
  });

  test('cancelling a finished background response returns it as it is', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Quick', background: true });
    await advanceTime(3000);
    expect((await client.responses.cancel(created.id)).status).toBe('completed');
  });

  test('only background responses can be cancelled', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Now' });
    await expectApiError(client.responses.cancel(created.id), OpenAI.BadRequestError, 400, {
      message: 'Only responses created with background=true can be cancelled.',
    });
  });

  test('a response in progress cannot be continued yet', async () => {
    const created = await client.responses.create({ model: 'gpt-4o-mini', input: 'Slow', background: true });
    await expectApiError(
      client.responses.create({ model: 'gpt-4o-mini', input: 'Next', previous_response_id: created.id }),
      OpenAI.BadRequestError,
      400,
      {
        message: `Previous response with id '${created.id}' is still queued. Wait until it is completed to continue from it.`,
        param: 'previous_response_id',
      },
    );
  });

  test('background needs store, and is not streamed by the mock', async () => {
    await expectApiError(
      client.responses.create({ model: 'gpt-4o-mini', input: 'x', background: true, store: false }),
      OpenAI.BadRequestError,
      400,
      { message: 'Background mode requires store=true.', param: 'store' },
    );
    await expectApiError(
      client.responses.create({ model: 'gpt-4o-mini', input: 'x', background: true, stream: true }),
      OpenAI.BadRequestError,
      400,
      {
        message:
          'openai-mock does not stream background responses (background: true with stream: true). ' +
          'Create the response without stream, then poll client.responses.retrieve(id) as time passes (advanceTime()).',
        param: 'stream',
        code: 'openai_mock_unsupported',
      },
    );
  });
});

describe('streaming', () => {
  async function collect(stream: AsyncIterable<ResponseStreamEvent>): Promise<ResponseStreamEvent[]> {
    const events: ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    return events;
  }

  test('create({ stream: true }) sends the events in order with increasing sequence numbers', async () => {
    openaiMock.replyOnce('Hello there, friend.');
    const events = await collect(await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi', stream: true }));
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));

    const [created, , added, partAdded, firstDelta] = events;
    expect(created).toMatchObject({ response: { id: 'resp_mock000001', status: 'in_progress', output: [], usage: null } });
    expect(added).toEqual({
      type: 'response.output_item.added',
      sequence_number: 2,
      output_index: 0,
      item: { id: 'msg_mock000002', type: 'message', status: 'in_progress', role: 'assistant', content: [] },
    });
    expect(partAdded).toEqual({
      type: 'response.content_part.added',
      sequence_number: 3,
      item_id: 'msg_mock000002',
      output_index: 0,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    });
    expect(firstDelta).toEqual({
      type: 'response.output_text.delta',
      sequence_number: 4,
      item_id: 'msg_mock000002',
      output_index: 0,
      content_index: 0,
      delta: 'Hello ',
      logprobs: [],
    });
    const deltas = events.flatMap((e) => (e.type === 'response.output_text.delta' ? [e.delta] : []));
    expect(deltas.join('')).toBe('Hello there, friend.');
    expect(events.find((e) => e.type === 'response.output_text.done')).toMatchObject({ text: 'Hello there, friend.', logprobs: [] });
    const completed = events.at(-1)!;
    if (completed.type !== 'response.completed') throw new Error('expected response.completed');
    expect(completed.response).toMatchObject({ status: 'completed', usage: { output_tokens: estimateTokens('Hello there, friend.') } });
    expect(openaiMock.requests[0]).toMatchObject({ status: 200 });
  });

  test('responses.stream(): .on() listeners, and finalResponse() with output_text', async () => {
    openaiMock.replyOnce('Streaming works well');
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'Go' });
    const deltas: string[] = [];
    const snapshots: string[] = [];
    stream.on('response.output_text.delta', (event) => {
      deltas.push(event.delta);
      snapshots.push(event.snapshot);
    });
    const final = await stream.finalResponse();
    expect(deltas).toEqual(['Streaming ', 'works ', 'well']);
    expect(snapshots).toEqual(['Streaming ', 'Streaming works ', 'Streaming works well']);
    expect(final.output_text).toBe('Streaming works well');
    expect(final.status).toBe('completed');
    expect(await client.responses.retrieve(final.id)).toMatchObject({ id: final.id, status: 'completed' });
  });

  test('function calls stream their arguments', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Buenos Aires' } }] });
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'Weather?', tools: [WEATHER_TOOL] });
    const events: ResponseStreamEvent[] = [];
    stream.on('event', (e) => events.push(e));
    const final = await stream.finalResponse();
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events[2]).toMatchObject({ item: { type: 'function_call', status: 'in_progress', arguments: '', name: 'get_weather' } });
    expect(events[6]).toMatchObject({
      item_id: 'fc_mock000001',
      output_index: 0,
      name: 'get_weather',
      arguments: '{"city":"Buenos Aires"}',
    });
    const deltas = events.flatMap((e) => (e.type === 'response.function_call_arguments.delta' ? [e.delta] : []));
    expect(deltas.join('')).toBe('{"city":"Buenos Aires"}');
    expect(final.output[0]).toMatchObject({ type: 'function_call', call_id: 'call_mock000001', arguments: '{"city":"Buenos Aires"}' });
  });

  test('a refusal streams refusal deltas', async () => {
    openaiMock.replyOnce({ refusal: 'I cannot do that.' });
    const events = await collect(await client.responses.create({ model: 'gpt-4o-mini', input: 'Bad', stream: true }));
    expect(events.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.refusal.delta',
      'response.refusal.delta',
      'response.refusal.delta',
      'response.refusal.delta',
      'response.refusal.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events[3]).toMatchObject({ part: { type: 'refusal', refusal: '' } });
    expect(events[8]).toMatchObject({ refusal: 'I cannot do that.' });
  });

  test('a cut reply ends with response.incomplete, and finalResponse() still resolves', async () => {
    openaiMock.replyOnce('long '.repeat(50));
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'Go on', max_output_tokens: 16 });
    const types: string[] = [];
    stream.on('event', (e) => types.push(e.type));
    const final = await stream.finalResponse();
    expect(types.at(-1)).toBe('response.incomplete');
    expect(final).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });

  test('a streamed response with store: false is not kept', async () => {
    const stream = client.responses.stream({ model: 'gpt-4o-mini', input: 'x', store: false });
    const final = await stream.finalResponse();
    expect(final).toMatchObject({ store: false });
    await expectApiError(client.responses.retrieve(final.id), OpenAI.NotFoundError, 404, {
      message: `Response with id '${final.id}' not found.`,
    });
  });

  test('the SSE body names each event and its content type is text/event-stream', async () => {
    const { response } = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi', stream: true }).withResponse();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text.startsWith('event: response.created\ndata: {"type":"response.created"')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(true);
  });
});

describe('validation', () => {
  /** Sends a raw body, so fields the SDK types forbid can be tried too. */
  function post(body: Record<string, unknown>): Promise<unknown> {
    return client.post('/responses', { body });
  }

  const ok = { model: 'gpt-4o-mini', input: 'Hi' };

  test.each<[string, Record<string, unknown>, { message: string; param?: string | null; code?: string | null }]>([
    ['no model', { input: 'Hi' }, { message: "Missing required parameter: 'model'.", param: 'model', code: 'missing_required_parameter' }],
    ['a null model', { model: null, input: 'Hi' }, { message: "Invalid type for 'model': expected a string, but got an object instead.", param: 'model', code: 'invalid_type' }],
    ['a numeric model', { model: 7, input: 'Hi' }, { message: "Invalid type for 'model': expected a string, but got an integer instead.", param: 'model', code: 'invalid_type' }],
    ['an empty model', { model: '', input: 'Hi' }, { message: "The requested model '' does not exist.", param: 'model', code: 'model_not_found' }],
    ['no input', { model: 'gpt-4o-mini' }, { message: "Missing required parameter: 'input'.", param: 'input', code: 'missing_required_parameter' }],
    ['a null input', { model: 'gpt-4o-mini', input: null }, { message: "Invalid type for 'input': expected a string, but got an object instead.", param: 'input', code: 'invalid_type' }],
    ['an object input', { model: 'gpt-4o-mini', input: { a: 1 } }, { message: "Invalid type for 'input': expected one of a string or array of input items, but got an object instead.", param: 'input', code: 'invalid_type' }],
    ['an empty string input', { model: 'gpt-4o-mini', input: '' }, { message: `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`, code: 'missing_required_parameter' }],
    ['an empty input array', { model: 'gpt-4o-mini', input: [] }, { message: `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`, code: 'missing_required_parameter' }],
    ['a number as an item', { ...ok, input: [7] }, { message: "Invalid type for 'input[0]': expected an input item, but got an integer instead.", param: 'input[0]', code: 'invalid_type' }],
    ['null as an item', { ...ok, input: [null] }, { message: "Invalid type for 'input[0]': expected an input item, but got null instead.", param: 'input[0]', code: 'invalid_type' }],
    ['an item without a role', { ...ok, input: [{}] }, { message: "Invalid value: ''. Supported values are: 'assistant', 'system', 'developer', and 'user'.", param: 'input[0]', code: 'invalid_value' }],
    ['an unknown role', { ...ok, input: [{ role: 'tool', content: 'x' }] }, { message: "Invalid value: 'tool'. Supported values are: 'assistant', 'system', 'developer', and 'user'.", param: 'input[0]', code: 'invalid_value' }],
    ['a message without content', { ...ok, input: [{ role: 'user' }] }, { message: "Missing required parameter: 'input[0].content'.", param: 'input[0].content', code: 'missing_required_parameter' }],
    ['an unknown content type', { ...ok, input: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] }, { message: "Invalid value: 'text'. Supported values are: 'input_text', 'input_image', 'input_audio', 'output_text', 'refusal', 'input_file', 'computer_screenshot', 'summary_text', and 'encrypted_content'.", param: 'input[0].content[0].type', code: 'invalid_value' }],
    ['output_text in a user message', { ...ok, input: [{ role: 'user', content: [{ type: 'output_text', text: 'x' }] }] }, { message: "Invalid value: 'output_text'. Supported values are: 'input_text', 'input_image', 'input_file', 'scoped_content', and 'input_audio'.", param: 'input[0].content[0]', code: 'invalid_value' }],
    ['input_text in an assistant message', { ...ok, input: [{ role: 'assistant', content: [{ type: 'input_text', text: 'x' }] }, { role: 'user', content: 'y' }] }, { message: "Invalid value: 'input_text'. Supported values are: 'output_text' and 'refusal'.", param: 'input[0].content[0]', code: 'invalid_value' }],
    ['input_text without text', { ...ok, input: [{ role: 'user', content: [{ type: 'input_text' }] }] }, { message: "Missing required parameter: 'input[0].content[0].text'.", param: 'input[0].content[0].text', code: 'missing_required_parameter' }],
    ['an unknown item type', { ...ok, input: [{ type: 'bogus_item' }] }, { message: "Invalid value: 'bogus_item'. Supported values are: 'additional_tools', 'agent_message', 'apply_patch_call', 'apply_patch_call_output', 'code_interpreter_call', 'compaction', 'compaction_trigger', 'computer_call', 'computer_call_output', 'custom_tool_call', 'custom_tool_call_output', 'file_search_call', 'function_call', 'function_call_output', 'image_generation_call', 'item_reference', 'local_shell_call', 'local_shell_call_output', 'mcp_approval_request', 'mcp_approval_response', 'mcp_call', 'mcp_list_tools', 'message', 'multi_agent_call', 'multi_agent_call_output', 'program', 'program_output', 'reasoning', 'shell_call', 'shell_call_output', 'tool_search_call', 'tool_search_output', and 'web_search_call'.", param: 'input[0]', code: 'invalid_value' }],
    ['an item type the mock does not model', { ...ok, input: [{ type: 'item_reference', id: 'msg_1' }] }, { message: "openai-mock does not support input items of type 'item_reference'. It answers 'message', 'function_call' and 'function_call_output' items.", param: 'input[0]', code: 'openai_mock_unsupported' }],
    ['a function_call_output without call_id', { ...ok, input: [{ type: 'function_call_output', output: 'x' }] }, { message: "Missing required parameter: 'input[0].call_id'.", param: 'input[0].call_id', code: 'missing_required_parameter' }],
    ['a function_call_output without output', { ...ok, input: [{ type: 'function_call_output', call_id: 'call_1' }] }, { message: "Missing required parameter: 'input[0].output'.", param: 'input[0].output', code: 'missing_required_parameter' }],
    ['a function_call with a call id as its id', { ...ok, input: [{ type: 'function_call', id: 'call_1', call_id: 'call_1', name: 'f', arguments: '{}' }] }, { message: "Invalid 'input[0].id': 'call_1'. Expected an ID that begins with 'fc'.", param: 'input[0].id', code: 'invalid_value' }],
    ['messages instead of input', { ...ok, messages: [{ role: 'user', content: 'Hi' }] }, { message: "Unsupported parameter: 'messages'. In the Responses API, this parameter has moved to 'input'. Try again with the new parameter. See the API documentation for more information: https://platform.openai.com/docs/api-reference/responses/create.", code: 'unsupported_parameter' }],
    ['response_format', { ...ok, response_format: { type: 'json_object' } }, { message: "Unsupported parameter: 'response_format'. In the Responses API, this parameter has moved to 'text.format'. Try again with the new parameter. See the API documentation for more information: https://platform.openai.com/docs/api-reference/responses/create.", code: 'unsupported_parameter' }],
    ['max_tokens', { ...ok, max_tokens: 100 }, { message: "Unknown parameter: 'max_tokens'.", param: 'max_tokens', code: 'unknown_parameter' }],
    ['stop', { ...ok, stop: ['\n'] }, { message: "Unknown parameter: 'stop'. Did you mean 'store'?", param: 'stop', code: 'unknown_parameter' }],
    ['tools as a string', { ...ok, tools: 'x' }, { message: "Invalid type for 'tools': expected an array of tools, but got a string instead.", param: 'tools', code: 'invalid_type' }],
    ['a tool without a type', { ...ok, tools: [{}] }, { message: "Missing required parameter: 'tools[0].type'.", param: 'tools[0].type', code: 'missing_required_parameter' }],
    ['a Chat-shaped function tool', { ...ok, tools: [{ type: 'function', function: { name: 'f' } }] }, { message: "Missing required parameter: 'tools[0].name'.", param: 'tools[0].name', code: 'missing_required_parameter' }],
    ['a strict tool schema without additionalProperties', { ...ok, tools: [{ type: 'function', name: 'lookup', strict: true, parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } }] }, { message: "Invalid schema for function 'lookup': In context=(), 'additionalProperties' is required to be supplied and to be false.", param: 'tools[0].parameters', code: 'invalid_function_parameters' }],
    ['a tool schema that is not an object', { ...ok, tools: [{ type: 'function', name: 'lookup', parameters: { type: 'array', items: {} } }] }, { message: `Invalid schema for function 'lookup': schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.`, param: 'tools[0].parameters', code: 'invalid_function_parameters' }],
    ['metadata as a string', { ...ok, metadata: 'x' }, { message: "Invalid type for 'metadata': expected a metadata object, but got a string instead.", param: 'metadata', code: 'invalid_type' }],
    ['17 metadata keys', { ...ok, metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) }, { message: "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.", param: 'metadata', code: 'object_above_max_properties' }],
    ['a metadata value that is not a string', { ...ok, metadata: { tags: ['a'] } }, { message: "Invalid type for 'metadata.tags': expected a string, but got an array instead.", param: 'metadata.tags', code: 'invalid_type' }],
    ['a metadata value over 512 characters', { ...ok, metadata: { note: 'x'.repeat(513) } }, { message: "Invalid 'metadata.note': string too long. Expected a string with maximum length 512, but got a string with length 513 instead.", param: 'metadata.note', code: 'string_above_max_length' }],
    ['text as a string', { ...ok, text: 'json' }, { message: "Invalid type for 'text': expected an object, but got a string instead.", param: 'text', code: 'invalid_type' }],
    ['text.format as a string', { ...ok, text: { format: 'json' } }, { message: "Invalid type for 'text.format': expected a text format, but got a string instead.", param: 'text.format', code: 'invalid_type' }],
    ['an unknown text.format.type', { ...ok, text: { format: { type: 'xml' } } }, { message: "Invalid value: 'xml'. Supported values are: 'json_object', 'text', and 'json_schema'.", param: 'text.format.type', code: 'invalid_value' }],
    ['json_schema without a name', { ...ok, text: { format: { type: 'json_schema', schema: PERSON_SCHEMA } } }, { message: "Missing required parameter: 'text.format.name'.", param: 'text.format.name', code: 'missing_required_parameter' }],
    ['json_schema nested as in Chat', { ...ok, text: { format: { type: 'json_schema', json_schema: { name: 'p', schema: PERSON_SCHEMA } } } }, { message: "Missing required parameter: 'text.format.name'.", param: 'text.format.name', code: 'missing_required_parameter' }],
    ['json_schema without a schema', { ...ok, text: { format: { type: 'json_schema', name: 'p' } } }, { message: "Missing required parameter: 'text.format.schema'.", param: 'text.format.schema', code: 'missing_required_parameter' }],
    ['a strict schema missing a required key', { ...ok, text: { format: { type: 'json_schema', name: 'person', strict: true, schema: { ...PERSON_SCHEMA, required: ['name', 'age'] } } } }, { message: "Invalid schema for response_format 'person': In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'tags'.", param: 'text.format.schema', code: 'invalid_json_schema' }],
    ['a strict nested object without additionalProperties', { ...ok, text: { format: { type: 'json_schema', name: 'wrap', strict: true, schema: { type: 'object', properties: { inner: { type: 'object', properties: {}, required: [] } }, required: ['inner'], additionalProperties: false } } } }, { message: "Invalid schema for response_format 'wrap': In context=('properties', 'inner'), 'additionalProperties' is required to be supplied and to be false.", param: 'text.format.schema', code: 'invalid_json_schema' }],
    ['a json_schema whose root is an array', { ...ok, text: { format: { type: 'json_schema', name: 'list', schema: { type: 'array', items: { type: 'string' } } } } }, { message: `Invalid schema for response_format 'list': schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.`, param: 'text.format.schema', code: 'invalid_json_schema' }],
    ['an unknown verbosity', { ...ok, text: { verbosity: 'loud' } }, { message: "Invalid value: 'loud'. Supported values are: 'low', 'medium', and 'high'.", param: 'text.verbosity', code: 'invalid_value' }],
    ['temperature as a string', { ...ok, temperature: 'hot' }, { message: "Invalid type for 'temperature': expected a decimal, but got a string instead.", param: 'temperature', code: 'invalid_type' }],
    ['temperature above 2', { ...ok, temperature: 3 }, { message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.", param: 'temperature', code: 'decimal_above_max_value' }],
    ['top_p above 1', { ...ok, top_p: 1.5 }, { message: "Invalid 'top_p': decimal above maximum value. Expected a value <= 1, but got 1.5 instead.", param: 'top_p', code: 'decimal_above_max_value' }],
    ['parallel_tool_calls as a string', { ...ok, parallel_tool_calls: 'yes' }, { message: "Invalid type for 'parallel_tool_calls': expected a boolean, but got a string instead.", param: 'parallel_tool_calls', code: 'invalid_type' }],
    ['stream as a string', { ...ok, stream: 'yes' }, { message: "Invalid type for 'stream': expected a boolean, but got a string instead.", param: 'stream', code: 'invalid_type' }],
    ['stream_options.include_usage', { ...ok, stream: true, stream_options: { include_usage: true } }, { message: "Unknown parameter: 'stream_options.include_usage'.", param: 'stream_options.include_usage', code: 'unknown_parameter' }],
    ['max_output_tokens below 16', { ...ok, max_output_tokens: 15 }, { message: "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 15 instead.", param: 'max_output_tokens', code: 'integer_below_min_value' }],
    ['max_output_tokens as a string', { ...ok, max_output_tokens: 'x' }, { message: "Invalid type for 'max_output_tokens': expected an integer, but got a string instead.", param: 'max_output_tokens', code: 'invalid_type' }],
    ['max_tool_calls 0', { ...ok, max_tool_calls: 0 }, { message: "Invalid 'max_tool_calls': integer below minimum value. Expected a value >= 1, but got 0 instead.", param: 'max_tool_calls', code: 'integer_below_min_value' }],
    ['reasoning as a string', { ...ok, reasoning: 'low' }, { message: "Invalid type for 'reasoning': expected an object, but got a string instead.", param: 'reasoning', code: 'invalid_type' }],
    ['an unknown reasoning effort', { ...ok, reasoning: { effort: 'huge' } }, { message: "Invalid value: 'huge'. Supported values are: 'none', 'minimal', 'low', 'medium', 'high', 'xhigh', and 'max'.", param: 'reasoning.effort', code: 'invalid_value' }],
    ['user as an object', { ...ok, user: { id: 1 } }, { message: "Invalid type for 'user': expected a string, but got an object instead.", param: 'user', code: 'invalid_type' }],
    ['an unknown truncation', { ...ok, truncation: 'bogus' }, { message: "Invalid value: 'bogus'. Supported values are: 'auto' and 'disabled'.", param: 'truncation', code: 'invalid_value' }],
    ['truncation as an object', { ...ok, truncation: { a: 1 } }, { message: "Invalid type for 'truncation': expected one of 'auto' or 'disabled', but got an object instead.", param: 'truncation', code: 'invalid_type' }],
    ['instructions as an object', { ...ok, instructions: { a: 1 } }, { message: "Invalid type for 'instructions': expected a string, but got an object instead.", param: 'instructions', code: 'invalid_type' }],
    ['store as a string', { ...ok, store: 'yes' }, { message: "Invalid type for 'store': expected a boolean, but got a string instead.", param: 'store', code: 'invalid_type' }],
    ['an unknown service_tier', { ...ok, service_tier: 'bogus' }, { message: "Invalid value: 'bogus'. Supported values are: 'auto', 'default', 'fast', 'flex', and 'priority'.", param: 'service_tier', code: 'invalid_value' }],
    ['tool_choice as a number', { ...ok, tool_choice: 7 }, { message: "Invalid type for 'tool_choice': expected one of an object or 'none', 'auto', or 'required', but got an integer instead.", param: 'tool_choice', code: 'invalid_type' }],
    ['an unknown tool_choice', { ...ok, tool_choice: 'always' }, { message: "Invalid value: 'always'. Supported values are: 'none', 'auto', and 'required'.", param: 'tool_choice', code: 'invalid_value' }],
    ['a function tool_choice without a name', { ...ok, tools: [WEATHER_TOOL], tool_choice: { type: 'function' } }, { message: "Missing required parameter: 'tool_choice.name'.", param: 'tool_choice.name', code: 'missing_required_parameter' }],
    ['a tool_choice naming no tool', { ...ok, tools: [WEATHER_TOOL], tool_choice: { type: 'function', name: 'get_time' } }, { message: "Tool choice 'get_time' not found in 'tools' parameter.", param: 'tool_choice' }],
    ['a built-in tool_choice without that tool', { ...ok, tool_choice: { type: 'image_generation' } }, { message: "Tool choice 'image_generation' not found in 'tools' parameter.", param: 'tool_choice' }],
    ['previous_response_id as an object', { ...ok, previous_response_id: { id: 'x' } }, { message: "Invalid type for 'previous_response_id': expected a string, but got an object instead.", param: 'previous_response_id', code: 'invalid_type' }],
    ['an unknown previous_response_id', { ...ok, previous_response_id: 'resp_missing' }, { message: "Previous response with id 'resp_missing' not found.", param: 'previous_response_id', code: 'previous_response_not_found' }],
    ['an unknown previous_response_id with an empty input', { model: 'gpt-4o-mini', input: [], previous_response_id: 'resp_missing' }, { message: "Previous response with id 'resp_missing' not found.", param: 'previous_response_id', code: 'previous_response_not_found' }],
    ['a function output answering no call', { ...ok, input: [{ type: 'function_call_output', call_id: 'call_x', output: '1' }] }, { message: 'No tool call found for function call output with call_id call_x.', param: 'input' }],
    ['a function call without its output', { ...ok, input: [{ type: 'function_call', call_id: 'call_y', name: 'f', arguments: '{}' }] }, { message: 'No tool output found for function call call_y.', param: 'input' }],
    ['JSON mode without the word json', { ...ok, instructions: 'Reply in JSON.', text: { format: { type: 'json_object' } } }, { message: "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'.", param: 'input' }],
  ])('%s is a 400 with the API message', async (_name, body, expected) => {
    openaiMock.replyOnce('Not used');
    await expectApiError(post(body), OpenAI.BadRequestError, 400, expected);
    // Refused before the model was asked, and nothing was created.
    expect(openaiMock.pendingReplies).toBe(1);
    expect((await client.responses.create(ok)).id).toBe('resp_mock000001');
  });

  test('an unknown model is a 404 model_not_found', async () => {
    await expectApiError(client.responses.create({ model: 'gpt-9', input: 'Hi' }), OpenAI.NotFoundError, 404, {
      message: 'The model `gpt-9` does not exist or you do not have access to it.',
      code: 'model_not_found',
    });
  });

  test('a conversation or a stored prompt the account does not have is a 404', async () => {
    await expectApiError(post({ ...ok, conversation: 'conv_123' }), OpenAI.NotFoundError, 404, {
      message: "Conversation with id 'conv_123' not found.",
    });
    await expectApiError(post({ ...ok, prompt: { id: 'pmpt_123' } }), OpenAI.NotFoundError, 404, {
      message: "Prompt with id 'pmpt_123' not found.",
    });
  });

  test('replaying the previous output along with previous_response_id is a duplicate', async () => {
    const first = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi' });
    await expectApiError(
      client.responses.create({
        model: 'gpt-4o-mini',
        previous_response_id: first.id,
        input: [...toResponseInputItems(first.output), { role: 'user', content: 'Again' }],
      }),
      OpenAI.BadRequestError,
      400,
      { message: `Duplicate item found with id ${first.output[0]!.id}. Remove duplicate items from your input and try again.`, param: 'input' },
    );
  });

  test('a body that is not JSON is refused before anything else', async () => {
    const error = await rejection(
      client.post('/responses', { body: 'not json', headers: { 'content-type': 'application/json' } }),
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/We could not parse the JSON body/);
  });
});
