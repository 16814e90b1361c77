import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeEach, describe, expect, test } from 'vitest';
import { Clock } from '../../engine/clock.js';
import { resolveConfig } from '../index.js';
import { IdGenerator } from '../../engine/ids.js';
import { defaultReply, Replies } from './state.js';
import type { ReplyFunction, ReplyRequest, ReplySource, ReplyTool } from './types.js';
import { misuseBy } from '../../../test/support/errors.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

const weather: ReplyTool = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
  strict: true,
};
const lookup: ReplyTool = { name: 'lookup', description: null, parameters: null, strict: false };

function request(overrides: Partial<ReplyRequest> = {}): ReplyRequest {
  return {
    endpoint: 'chat.completions',
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'What is the capital of France?' }],
    lastUserMessage: 'What is the capital of France?',
    schema: null,
    jsonMode: false,
    tools: [],
    toolChoice: 'none',
    maxTokens: null,
    choiceIndex: 0,
    customId: null,
    body: {},
    ...overrides,
  };
}

let replies: Replies;
beforeEach(() => {
  const ctx = { clock: new Clock(), ids: new IdGenerator(), config: () => resolveConfig({}) };
  replies = new Replies(ctx);
});

describe('the default reply', () => {
  test('quotes the last user message', () => {
    expect(replies.answer(request())).toEqual({
      content: 'Mock reply to: "What is the capital of France?"',
      refusal: null,
      toolCalls: [],
      finishReason: 'stop',
    });
  });

  test('squeezes whitespace, cuts long messages at 80 characters, and says little when there is none', () => {
    expect(defaultReply(request({ lastUserMessage: '  two\n\nlines ' })).content).toBe('Mock reply to: "two lines"');
    const long = 'x'.repeat(120);
    expect(defaultReply(request({ lastUserMessage: long })).content).toBe(`Mock reply to: "${'x'.repeat(79)}…"`);
    expect(defaultReply(request({ lastUserMessage: '' })).content).toBe('Mock reply.');
  });

  test('JSON mode wraps the text in an object', () => {
    const content = replies.answer(request({ jsonMode: true })).content!;
    expect(JSON.parse(content)).toEqual({ reply: 'Mock reply to: "What is the capital of France?"' });
  });

  test('structured outputs: JSON that validates against the schema', () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, population: { type: 'integer', minimum: 1 } },
      required: ['city', 'population'],
      additionalProperties: false,
    };
    const content = replies.answer(request({ schema: { name: 'capital', schema, strict: true } })).content!;
    expect(JSON.parse(content)).toEqual({ city: 'city', population: 1 });
    expect(ajv.validate(schema, JSON.parse(content))).toBe(true);
  });

  test("tool_choice 'required' calls the first tool, with arguments valid against its parameters", () => {
    const output = replies.answer(request({ tools: [weather, lookup], toolChoice: 'required' }));
    expect(output).toEqual({
      content: null,
      refusal: null,
      toolCalls: [{ id: 'call_mock000001', name: 'get_weather', arguments: '{"city":"city","unit":"celsius"}' }],
      finishReason: 'tool_calls',
    });
    expect(ajv.validate(weather.parameters as object, JSON.parse(output.toolCalls[0]!.arguments))).toBe(true);
  });

  test('a forced function is called; a tool without parameters gets {}', () => {
    const output = replies.answer(request({ tools: [weather, lookup], toolChoice: { name: 'lookup' } }));
    expect(output.toolCalls).toEqual([{ id: 'call_mock000001', name: 'lookup', arguments: '{}' }]);
  });

  test("'auto', 'none' and a forced name that matches no tool answer with text", () => {
    for (const toolChoice of ['auto', 'none', { name: 'missing' }] as const) {
      expect(replies.answer(request({ tools: [weather], toolChoice })).toolCalls).toEqual([]);
    }
  });
});

describe('scripted replies', () => {
  test('replyWith: the same reply every time; text, object content sent as JSON, refusal', () => {
    replies.always('Paris');
    expect(replies.answer(request()).content).toBe('Paris');
    expect(replies.answer(request()).content).toBe('Paris');
    replies.always({ content: { city: 'Paris' } });
    expect(replies.answer(request()).content).toBe('{"city":"Paris"}');
    replies.always({ refusal: "I can't help with that." });
    expect(replies.answer(request())).toEqual({ content: null, refusal: "I can't help with that.", toolCalls: [], finishReason: 'stop' });
  });

  test('replyOnce: a queue used in order, then the standing reply, then the default', () => {
    replies.always('standing');
    replies.once(['first', 'second']);
    expect(replies.pending).toBe(2);
    expect(replies.answer(request()).content).toBe('first');
    expect(replies.pending).toBe(1);
    expect(replies.answer(request()).content).toBe('second');
    expect(replies.answer(request()).content).toBe('standing');
    replies.reset();
    expect(replies.answer(request()).content).toBe('Mock reply to: "What is the capital of France?"');
  });

  test('reset() empties the queue', () => {
    replies.once(['a', 'b']);
    replies.reset();
    expect(replies.pending).toBe(0);
  });

  test('a reply function sees the request; undefined means the default reply', () => {
    const seen: ReplyRequest[] = [];
    const fn: ReplyFunction = (req) => {
      seen.push(req);
      return req.lastUserMessage.includes('weather') ? 'Sunny' : undefined;
    };
    replies.always(fn);
    expect(replies.answer(request({ lastUserMessage: 'the weather?' })).content).toBe('Sunny');
    expect(replies.answer(request({ choiceIndex: 1 })).content).toBe('Mock reply to: "What is the capital of France?"');
    expect(seen.map((r) => r.choiceIndex)).toEqual([0, 1]);
  });

  test('tool calls: ids generated in sequence unless given, arguments as JSON text, kept as text, or sampled', () => {
    replies.always({
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
        { name: 'get_weather', arguments: '{"city":"Oslo"}', id: 'call_given' },
        { name: 'get_weather' },
        { name: 'unknown_tool' },
      ],
    });
    expect(replies.answer(request({ tools: [weather] }))).toEqual({
      content: null,
      refusal: null,
      toolCalls: [
        { id: 'call_mock000001', name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' },
        { id: 'call_given', name: 'get_weather', arguments: '{"city":"Oslo"}' },
        { id: 'call_mock000002', name: 'get_weather', arguments: '{"city":"city","unit":"celsius"}' },
        { id: 'call_mock000003', name: 'unknown_tool', arguments: '{}' },
      ],
      finishReason: 'tool_calls',
    });
  });

  test('content beside tool calls is kept', () => {
    replies.always({ content: 'Let me check.', toolCalls: [{ name: 'lookup' }] });
    expect(replies.answer(request({ tools: [lookup] }))).toMatchObject({ content: 'Let me check.', finishReason: 'tool_calls' });
  });

  test('finishReason as scripted', () => {
    replies.once([{ content: 'Cut', finishReason: 'length' }, { content: '', finishReason: 'content_filter' }]);
    expect(replies.answer(request()).finishReason).toBe('length');
    expect(replies.answer(request()).finishReason).toBe('content_filter');
  });

  test('a reply longer than maxTokens is cut at maxTokens × 4 characters with finish reason length', () => {
    replies.always('one two three four five six seven eight');
    expect(replies.answer(request({ maxTokens: 2 }))).toMatchObject({ content: 'one two ', finishReason: 'length' });
    expect(replies.answer(request({ maxTokens: 10 }))).toMatchObject({ content: 'one two three four five six seven eight', finishReason: 'stop' });
  });
});

describe('bad scripted replies: a coded OpenAIMockError naming the problem', () => {
  test.each<[string, unknown, string]>([
    ['a number', 42, "replyWith() was given a number; a reply is a string or an object such as { content: 'Hi' } or { toolCalls: [{ name: 'get_weather' }] }."],
    ['an array', ['a'], 'replyWith() was given an array; a reply is a string'],
    ['null', null, 'replyWith() was given null; a reply is a string'],
    ['an unknown key', { text: 'Hi' }, "replyWith() was given a reply with unknown key(s) 'text'; use content, refusal, toolCalls, finishReason."],
    ['a numeric content', { content: 42 }, 'replyWith() was given a content that is a number; use text, an object or array (sent as JSON), or null.'],
    ['a non-string refusal', { refusal: true }, 'replyWith() was given a refusal that is not a string.'],
    ['finishReason tool_calls', { finishReason: 'tool_calls' }, `replyWith() was given finishReason "tool_calls"; use 'stop', 'length' or 'content_filter' ('tool_calls' follows from toolCalls).`],
    ['toolCalls not an array', { toolCalls: { name: 'a' } }, 'replyWith() was given toolCalls that is not an array.'],
    ['a call without a name', { toolCalls: [{}] }, "replyWith() was given toolCalls[0] without a name; each call needs { name: 'function_name' }."],
    ['a call with a typo', { toolCalls: [{ name: 'a', args: {} }] }, "replyWith() was given toolCalls[0] with unknown key(s) 'args'; use name, arguments, id."],
    ['array arguments', { toolCalls: [{ name: 'a', arguments: [1] }] }, 'replyWith() was given toolCalls[0].arguments that is neither an object nor a JSON string.'],
    ['a numeric id', { toolCalls: [{ name: 'a', id: 7 }] }, 'replyWith() was given toolCalls[0].id that is not a non-empty string.'],
    ['a Promise', Promise.resolve('Hi'), 'replyWith() was given a Promise; replies are answered synchronously'],
  ])('replyWith(%s) throws at once', (_, source, message) => {
    const error = misuseBy(() => replies.always(source as ReplySource));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_REPLY');
    expect(error.message).toContain(`[openai-mock] ${message}`);
  });

  test('replyOnce checks every reply before queueing any', () => {
    const error = misuseBy(() => replies.once(['fine', 7 as unknown as ReplySource]));
    expect(error.message).toContain('replyOnce() was given a number');
    expect(replies.pending).toBe(0);
  });

  test('a reply function that throws', () => {
    replies.always(() => {
      throw new Error('boom');
    });
    const error = misuseBy(() => replies.answer(request()));
    expect(error).toMatchObject({ code: 'ERR_OPENAI_MOCK_INVALID_REPLY', message: '[openai-mock] The reply function threw: boom' });
  });

  test('a reply function that returns garbage or a Promise', () => {
    replies.always((() => 42) as unknown as ReplyFunction);
    expect(misuseBy(() => replies.answer(request())).message).toContain('The reply function returned a number;');
    replies.always((async () => 'late') as unknown as ReplyFunction);
    expect(misuseBy(() => replies.answer(request())).message).toContain('The reply function returned a Promise;');
  });
});
