import { describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { parseChatRequest, textOf } from './params.js';

const user = { role: 'user', content: 'Hello' };
const base = { model: 'gpt-4o-mini', messages: [user] };
const weatherTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

/** The error body the API would send for this request body. */
function rejection(body: Record<string, unknown>) {
  return thrownBy(() => parseChatRequest(body)).toJSON().error;
}

describe('parseChatRequest: what it returns', () => {
  test('defaults', () => {
    expect(parseChatRequest(base)).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello', name: null, toolCalls: [], toolCallId: null }],
      tools: [],
      toolChoice: 'none',
      responseFormat: { type: 'text' },
      n: 1,
      stream: false,
      includeUsage: false,
      maxTokens: null,
      stop: [],
      serviceTier: 'default',
    });
  });

  test('tools, tool_choice, response format, limits, streaming', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
    const params = parseChatRequest({
      ...base,
      tools: [weatherTool, { type: 'custom', custom: { name: 'sql' } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } },
      n: 3,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 50,
      max_completion_tokens: 20,
      stop: 'END',
      service_tier: 'fast',
    });
    expect(params).toMatchObject({
      tools: [{ name: 'get_weather', description: 'Weather', parameters: weatherTool.function.parameters, strict: false }],
      toolChoice: { name: 'get_weather' },
      responseFormat: { type: 'json_schema', name: 'answer', schema, strict: true },
      n: 3,
      stream: true,
      includeUsage: true,
      maxTokens: 20,
      stop: ['END'],
      serviceTier: 'priority',
    });
    expect(parseChatRequest({ ...base, tools: [weatherTool] }).toolChoice).toBe('auto');
    expect(parseChatRequest({ ...base, max_tokens: 50 }).maxTokens).toBe(50);
    expect(parseChatRequest({ ...base, service_tier: 'flex' }).serviceTier).toBe('flex');
    expect(parseChatRequest({ ...base, response_format: { type: 'json_object' }, messages: [{ role: 'user', content: 'Answer in JSON' }] }).responseFormat).toEqual({ type: 'json_object' });
  });

  test("allowed_tools: 'auto' stays auto; 'required' forces the first allowed function", () => {
    const allowed = (mode: string) => ({
      ...base,
      tools: [weatherTool, { type: 'function', function: { name: 'lookup' } }],
      tool_choice: { type: 'allowed_tools', allowed_tools: { mode, tools: [{ type: 'function', function: { name: 'lookup' } }] } },
    });
    expect(parseChatRequest(allowed('auto')).toolChoice).toBe('auto');
    expect(parseChatRequest(allowed('required')).toolChoice).toEqual({ name: 'lookup' });
  });

  test('messages keep their parts, tool calls and tool_call_id', () => {
    const params = parseChatRequest({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'developer', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Look' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'call_1', content: 'found' },
        { role: 'function', name: 'legacy', content: null },
      ],
    });
    expect(params.messages.map((m) => [m.role, textOf(m.content), m.toolCalls, m.toolCallId])).toEqual([
      ['developer', 'Be brief.', [], null],
      ['user', 'Look', [], null],
      ['assistant', '', [{ id: 'call_1', name: 'lookup' }], null],
      ['tool', 'found', [], 'call_1'],
      ['function', '', [], null],
    ]);
  });

  test('an assistant message may stand without content when it calls tools, refuses or carries audio', () => {
    for (const extra of [{ refusal: 'No.' }, { audio: { id: 'audio_1' } }, { function_call: { name: 'f', arguments: '{}' } }]) {
      expect(() => parseChatRequest({ model: 'gpt-4o-mini', messages: [user, { role: 'assistant', ...extra }, user] })).not.toThrow();
    }
  });
});

describe('parseChatRequest: which problem is reported first', () => {
  test('a missing model beats an unknown key; a missing messages beats it too', () => {
    expect(rejection({ messages: [user], zzz: 1 })).toEqual({ message: 'you must provide a model parameter', type: 'invalid_request_error', param: null, code: null });
    expect(rejection({ model: 'gpt-4o-mini', zzz: 1 })).toMatchObject({ param: 'messages', code: 'missing_required_parameter' });
  });

  test('an unknown key beats a bad type and an empty messages array', () => {
    expect(rejection({ ...base, zzz: 1, n: 'abc' })).toMatchObject({ message: 'Unrecognized request argument supplied: zzz' });
    expect(rejection({ model: 'gpt-4o-mini', messages: [], zzz: 1 })).toMatchObject({ message: 'Unrecognized request argument supplied: zzz' });
  });

  test('a bad role anywhere beats a missing content earlier; a content type fault beats it too', () => {
    expect(rejection({ model: 'gpt-4o-mini', messages: [{ role: 'user' }, { role: 'bogus', content: 'a' }] })).toMatchObject({ param: 'messages[1].role', code: 'invalid_value' });
    expect(rejection({ model: 'gpt-4o-mini', messages: [{ role: 'user' }, { role: 'user', content: 7 }] })).toMatchObject({ param: 'messages[1].content', code: 'invalid_type' });
    expect(rejection({ model: 'gpt-4o-mini', messages: [{ role: 'user' }, { role: 'user', content: 'a' }] })).toEqual({
      message: "Invalid value for 'content': expected a string, got null.",
      type: 'invalid_request_error',
      param: 'messages.[0].content',
      code: null,
    });
  });

  test('n is reported before temperature; messages before metadata', () => {
    expect(rejection({ ...base, n: 'abc', temperature: 'hot' })).toMatchObject({ param: 'n' });
    expect(rejection({ model: 'gpt-4o-mini', messages: [7], metadata: 'x' })).toMatchObject({ param: 'messages[0]' });
  });
});

describe('parseChatRequest: unknown keys', () => {
  test('the gpt-4o family names them all, without a param', () => {
    expect(rejection({ ...base, foo: 1, bar: 2 })).toEqual({
      message: 'Unrecognized request arguments supplied: foo, bar',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  test('reasoning models (and their fine-tunes) answer the newer way', () => {
    for (const model of ['o4-mini', 'gpt-5', 'ft:o4-mini-2025-04-16:org::abc123']) {
      expect(rejection({ ...base, model, reasoning: { effort: 'low' } })).toEqual({
        message: "Unknown parameter: 'reasoning'.",
        type: 'invalid_request_error',
        param: 'reasoning',
        code: 'unknown_parameter',
      });
    }
  });

  test('unknown members of response_format, json_schema and stream_options', () => {
    expect(rejection({ ...base, response_format: { type: 'json_schema', schema: {} } })).toMatchObject({ message: "Unknown parameter: 'response_format.schema'.", code: 'unknown_parameter' });
    expect(rejection({ ...base, response_format: { type: 'json_schema', json_schema: { name: 'a', schema: {}, extra: 1 } } })).toMatchObject({ param: 'response_format.json_schema.extra' });
    expect(rejection({ ...base, stream: true, stream_options: { bogus: 1 } })).toMatchObject({ message: "Unknown parameter: 'stream_options.bogus'." });
  });
});

describe('parseChatRequest: more rules', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a non-string model', { ...base, model: 4 }, { param: 'model', code: 'invalid_type', message: "Invalid type for 'model': expected a string, but got an integer instead." }],
    ['a message without a role', { model: 'm', messages: [{ content: 'a' }] }, { param: 'messages[0].role', code: 'missing_required_parameter' }],
    ['a numeric role', { model: 'm', messages: [{ role: 1, content: 'a' }] }, { param: 'messages[0].role', code: 'invalid_type' }],
    ['developer without content', { model: 'm', messages: [{ role: 'developer' }] }, { param: 'messages[0].content', code: 'missing_required_parameter', message: "Missing required parameter: 'messages[0].content'." }],
    ['developer with null content', { model: 'm', messages: [{ role: 'developer', content: null }] }, { message: "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got null instead." }],
    ['an image part in a system message', { model: 'm', messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }, { param: 'messages[0].content[0].type', code: 'invalid_value', message: "Invalid value: 'image_url'. Supported values are: 'text'." }],
    ['a text part without text', { model: 'm', messages: [{ role: 'user', content: [{ type: 'text' }] }] }, { param: 'messages[0].content[0].text', code: 'missing_required_parameter' }],
    ['a tool message without tool_call_id', { model: 'm', messages: [{ role: 'tool', content: 'x' }] }, { param: 'messages[0].tool_call_id', code: 'missing_required_parameter' }],
    ['a function message without name', { model: 'm', messages: [{ role: 'function', content: 'x' }] }, { param: 'messages[0].name', code: 'missing_required_parameter' }],
    ['empty tool_calls', { model: 'm', messages: [user, { role: 'assistant', content: 'x', tool_calls: [] }] }, { param: 'messages[1].tool_calls', code: 'empty_array', message: "Invalid 'messages[1].tool_calls': empty array. Expected an array with minimum length 1, but got an empty array instead." }],
    ['a tool call without arguments', { model: 'm', messages: [user, { role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f' } }] }] }, { param: 'messages[1].tool_calls[0].function.arguments', code: 'missing_required_parameter' }],
    ['a tool answering an unknown call', { model: 'm', messages: [user, { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'c2', content: 'x' }] }, { param: 'messages.[2].tool_call_id', code: null, message: "Invalid parameter: 'tool_call_id' of 'c2' not found in 'tool_calls' of previous message." }],
    ['a tool without a function', { ...base, tools: [{ type: 'function' }] }, { param: 'tools[0].function', code: 'missing_required_parameter' }],
    ['a tool of an unknown type', { ...base, tools: [{ type: 'web', web: {} }] }, { param: 'tools[0].type', code: 'invalid_value' }],
    ['a tool name with spaces', { ...base, tools: [{ type: 'function', function: { name: 'get weather' } }] }, { param: 'tools[0].function.name', code: 'invalid_value', message: "Invalid 'tools[0].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'." }],
    ['an empty tool name', { ...base, tools: [{ type: 'function', function: { name: '' } }] }, { param: 'tools[0].function.name', code: 'empty_string' }],
    ['a 65-character tool name', { ...base, tools: [{ type: 'function', function: { name: 'x'.repeat(65) } }] }, { param: 'tools[0].function.name', code: 'string_above_max_length' }],
    ['parameters that are not an object', { ...base, tools: [{ type: 'function', function: { name: 'f', parameters: 'x' } }] }, { param: 'tools[0].function.parameters', code: 'invalid_type' }],
    ['tool_choice with type but no function', { ...base, tools: [weatherTool], tool_choice: { type: 'bogus' } }, { param: 'tool_choice.function', code: 'missing_required_parameter' }],
    ['tool_choice function without name', { ...base, tools: [weatherTool], tool_choice: { type: 'function', function: {} } }, { param: 'tool_choice.function.name', code: 'missing_required_parameter' }],
    ['an integer tool_choice', { ...base, tools: [weatherTool], tool_choice: 7 }, { message: "Invalid type for 'tool_choice': expected one of one of 'none', 'auto', or 'required' or object, but got an integer instead." }],
    ['parallel_tool_calls without tools', { ...base, parallel_tool_calls: false }, { param: 'parallel_tool_calls', message: "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified." }],
    ['top_logprobs without logprobs', { ...base, top_logprobs: 2 }, { param: 'top_logprobs', code: null, message: "The 'top_logprobs' parameter is only allowed when 'logprobs' is enabled." }],
    ['top_logprobs above 20', { ...base, logprobs: true, top_logprobs: 21 }, { param: 'top_logprobs', code: 'integer_above_max_value' }],
    ['a decimal seed', { ...base, seed: 1.5 }, { message: "Invalid type for 'seed': expected an integer, but got a decimal number instead." }],
    ['a string store', { ...base, store: 'yes' }, { message: "Invalid type for 'store': expected a boolean, but got a string instead." }],
    ['an unknown service_tier', { ...base, service_tier: 'bogus' }, { message: "Invalid value: 'bogus'. Supported values are: 'auto', 'default', 'fast', 'flex', and 'priority'." }],
    ['an object service_tier', { ...base, service_tier: {} }, { message: "Invalid type for 'service_tier': expected one of 'auto', 'default', 'fast', 'flex', or 'priority', but got an object instead." }],
    ['an unknown verbosity', { ...base, verbosity: 'loud' }, { message: "Invalid value: 'loud'. Supported values are: 'low', 'medium', and 'high'." }],
    ['a metadata string', { ...base, metadata: 'x' }, { message: "Invalid type for 'metadata': expected a metadata object, but got a string instead." }],
    ['a metadata number value', { ...base, metadata: { k: 7 } }, { param: 'metadata.k', code: 'invalid_type' }],
    ['five stop sequences', { ...base, stop: ['a', 'b', 'c', 'd', 'e'] }, { param: 'stop', code: 'array_above_max_length', message: "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length 5 instead." }],
    ['presence_penalty below -2', { ...base, presence_penalty: -3 }, { code: 'decimal_below_min_value', message: "Invalid 'presence_penalty': decimal below minimum value. Expected a value >= -2, but got -3 instead." }],
    ['top_p above 1', { ...base, top_p: 1.5 }, { code: 'decimal_above_max_value' }],
    ['a safety_identifier over 64 characters', { ...base, safety_identifier: 'x'.repeat(65) }, { param: 'safety_identifier', code: 'string_above_max_length' }],
    ['a json_schema name with spaces', { ...base, response_format: { type: 'json_schema', json_schema: { name: 'my schema', schema: {} } } }, { param: 'response_format.json_schema.name', code: 'invalid_value' }],
    ['a json_schema schema that is not an object', { ...base, response_format: { type: 'json_schema', json_schema: { name: 'a', schema: [] } } }, { param: 'response_format.json_schema.schema', code: 'invalid_type' }],
    ['a strict function with a loose schema', { ...base, tools: [{ type: 'function', function: { name: 'f', strict: true, parameters: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false } } }] }, { param: 'tools[0].function.parameters', code: 'invalid_function_parameters', message: "Invalid schema for function 'f': In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'a'." }],
  ])('%s', (_, body, expected) => {
    expect(rejection(body)).toMatchObject(expected);
  });
});
