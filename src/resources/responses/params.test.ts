import { describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { checkInputProvided, parseCreateParams, type CreateParams } from './params.js';

describe('parseCreateParams', () => {
  test('fills in every default the Response echoes', () => {
    expect(parseCreateParams({ model: 'gpt-4o-mini', input: 'Hi' })).toEqual<CreateParams>({
      model: 'gpt-4o-mini',
      input: [{ id: null, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Hi' }] }],
      instructions: null,
      maxOutputTokens: null,
      maxToolCalls: null,
      text: { format: { type: 'text' }, verbosity: 'medium' },
      tools: [],
      functionTools: [],
      toolChoice: 'auto',
      previousResponseId: null,
      store: true,
      stream: false,
      background: false,
      metadata: {},
      temperature: 1,
      topP: 1,
      presencePenalty: 0,
      frequencyPenalty: 0,
      parallelToolCalls: true,
      user: null,
      safetyIdentifier: null,
      promptCacheKey: null,
      reasoning: { effort: null, summary: null },
      serviceTier: 'default',
      truncation: 'disabled',
      topLogprobs: 0,
    });
  });

  test('normalizes every item kind: string content becomes parts, ids are kept when sent', () => {
    const params = parseCreateParams({
      model: 'gpt-4o-mini',
      input: [
        { role: 'system', content: 'Rules' },
        { type: 'message', role: 'assistant', id: 'msg_1', status: 'completed', content: 'Earlier answer' },
        { role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }] },
        { role: 'user', content: [{ type: 'input_text', text: 'Look' }, { type: 'input_image', image_url: 'https://x/y.png', detail: 'auto' }] },
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '{}' },
        { type: 'function_call_output', call_id: 'call_1', output: [{ type: 'input_text', text: 'done' }] },
      ],
    });
    expect(params.input).toEqual([
      { id: null, type: 'message', role: 'system', status: 'completed', content: [{ type: 'input_text', text: 'Rules' }] },
      {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Earlier answer', annotations: [], logprobs: [] }],
      },
      { id: null, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'refusal', refusal: 'No.' }] },
      {
        id: null,
        type: 'message',
        role: 'user',
        status: 'completed',
        content: [
          { type: 'input_text', text: 'Look' },
          { type: 'input_image', image_url: 'https://x/y.png', detail: 'auto' },
        ],
      },
      { id: 'fc_1', type: 'function_call', status: 'completed', call_id: 'call_1', name: 'f', arguments: '{}' },
      { id: null, type: 'function_call_output', call_id: 'call_1', output: [{ type: 'input_text', text: 'done' }], status: 'completed' },
    ]);
  });

  test('an empty input parses to no items; checkInputProvided refuses it without previous_response_id', () => {
    const empty = parseCreateParams({ model: 'gpt-4o-mini', input: '' });
    expect(empty.input).toEqual([]);
    expect(thrownBy(() => checkInputProvided(empty))).toMatchObject({
      status: 400,
      message: `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`,
      param: null,
      code: 'missing_required_parameter',
    });
    expect(() => checkInputProvided(parseCreateParams({ model: 'gpt-4o-mini', input: [], previous_response_id: 'resp_1' }))).not.toThrow();
  });

  test('function tools echo strict true unless told otherwise; other tools are kept as sent', () => {
    const params = parseCreateParams({
      model: 'gpt-4o-mini',
      input: 'Hi',
      tools: [
        { type: 'function', name: 'a' },
        { type: 'function', name: 'b', strict: false, description: 'B', parameters: { type: 'object', properties: {} } },
        { type: 'web_search', search_context_size: 'low' },
      ],
      tool_choice: { type: 'web_search' },
    });
    expect(params.tools).toEqual([
      { type: 'function', name: 'a', description: null, parameters: null, strict: true },
      { type: 'function', name: 'b', description: 'B', parameters: { type: 'object', properties: {} }, strict: false },
      { type: 'web_search', search_context_size: 'low' },
    ]);
    expect(params.functionTools.map((t) => t.name)).toEqual(['a', 'b']);
    expect(params.toolChoice).toEqual({ type: 'web_search' });
  });

  test('a tool schema that is not strict-ready passes when strict is left out', () => {
    const loose = { type: 'object', properties: { q: { type: 'string' } } };
    expect(() => parseCreateParams({ model: 'm', input: 'Hi', tools: [{ type: 'function', name: 'f', parameters: loose }] })).not.toThrow();
  });

  test('allowed_tools needs no matching tool entry of its own type', () => {
    const params = parseCreateParams({
      model: 'gpt-4o-mini',
      input: 'Hi',
      tools: [{ type: 'function', name: 'f' }],
      tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'f' }] },
    });
    expect(params.toolChoice).toMatchObject({ type: 'allowed_tools', mode: 'required' });
  });

  test('json_schema formats echo description and strict defaults', () => {
    const schema = { type: 'object', properties: {} };
    expect(parseCreateParams({ model: 'm', input: 'x', text: { format: { type: 'json_schema', name: 'n', schema } } }).text).toEqual({
      format: { type: 'json_schema', name: 'n', description: null, schema, strict: false },
      verbosity: 'medium',
    });
  });

  test('the service tier reported is the one that serves: auto is default, fast is priority', () => {
    expect(parseCreateParams({ model: 'm', input: 'x', service_tier: 'auto' }).serviceTier).toBe('default');
    expect(parseCreateParams({ model: 'm', input: 'x', service_tier: 'fast' }).serviceTier).toBe('priority');
    expect(parseCreateParams({ model: 'm', input: 'x', service_tier: 'flex' }).serviceTier).toBe('flex');
  });

  test('keys it does not model are accepted, null reads as not given', () => {
    const params = parseCreateParams({
      model: 'gpt-4o-mini',
      input: 'x',
      include: ['message.output_text.logprobs'],
      prompt_cache_retention: '24h',
      instructions: null,
      temperature: null,
      metadata: null,
    });
    expect(params).toMatchObject({ instructions: null, temperature: 1, metadata: {} });
  });

  test('reasoning.generate_summary is an unknown parameter', () => {
    expect(thrownBy(() => parseCreateParams({ model: 'm', input: 'x', reasoning: { generate_summary: 'auto' } }))).toMatchObject({
      message: "Unknown parameter: 'reasoning.generate_summary'.",
      param: 'reasoning.generate_summary',
      code: 'unknown_parameter',
    });
  });

  test('model and input are checked before anything else', () => {
    expect(thrownBy(() => parseCreateParams({ input: 7, max_tokens: 5 }))).toMatchObject({ param: 'model' });
    expect(thrownBy(() => parseCreateParams({ model: 'm', input: 7, max_tokens: 5 }))).toMatchObject({ param: 'input' });
    expect(thrownBy(() => parseCreateParams({ model: 'm', input: 'x', max_tokens: 5, tools: 'x' }))).toMatchObject({ param: 'max_tokens' });
  });
});
