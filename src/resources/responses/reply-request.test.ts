import { describe, expect, test } from 'vitest';
import { parseCreateParams } from './params.js';
import { conversationMessages, toReplyRequest } from './reply-request.js';
import type { ConversationItem } from './types.js';

const items: ConversationItem[] = [
  { id: 'msg_1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Weather in Paris and Rome?' }, { type: 'input_image', image_url: 'x' }] },
  { id: 'fc_1', type: 'function_call', status: 'completed', call_id: 'call_1', name: 'w', arguments: '{"city":"Paris"}' },
  { id: 'fc_2', type: 'function_call', status: 'completed', call_id: 'call_2', name: 'w', arguments: '{"city":"Rome"}' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: 'sunny', status: 'completed' },
  { id: 'fco_2', type: 'function_call_output', call_id: 'call_2', output: [{ type: 'input_text', text: 'rainy' }], status: 'completed' },
  {
    id: 'msg_2',
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: 'Paris is sunny, Rome rainy.', annotations: [], logprobs: [] }, { type: 'refusal', refusal: 'x' }],
  },
];

describe('conversationMessages', () => {
  test('text parts only; a run of function calls is one assistant turn; outputs are tool messages', () => {
    expect(conversationMessages('Be brief.', items)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris and Rome?' },
      { role: 'assistant', content: '' },
      { role: 'tool', content: 'sunny' },
      { role: 'tool', content: 'rainy' },
      { role: 'assistant', content: 'Paris is sunny, Rome rainy.' },
    ]);
  });
});

describe('toReplyRequest', () => {
  test('carries the schema, tools, tool choice, limit, custom id and body', () => {
    const body = {
      model: 'gpt-4o-mini',
      input: 'Hi',
      max_output_tokens: 64,
      tools: [{ type: 'function', name: 'w', description: 'Weather', parameters: { type: 'object', properties: {} }, strict: false }, { type: 'web_search' }],
      tool_choice: { type: 'function', name: 'w' },
      text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object', properties: {} }, strict: false } },
    };
    const params = parseCreateParams(body);
    const request = toReplyRequest(params, [], 'line-7', body);
    expect(request).toEqual({
      endpoint: 'responses',
      model: 'gpt-4o-mini',
      messages: [],
      lastUserMessage: '',
      schema: { name: 'out', schema: { type: 'object', properties: {} }, strict: false },
      jsonMode: false,
      tools: [{ name: 'w', description: 'Weather', parameters: { type: 'object', properties: {} }, strict: false }],
      toolChoice: { name: 'w' },
      maxTokens: 64,
      choiceIndex: 0,
      customId: 'line-7',
      body,
    });
  });

  test('allowed_tools reads as its mode; a built-in tool choice as auto', () => {
    const allowed = parseCreateParams({
      model: 'm',
      input: 'x',
      tools: [{ type: 'function', name: 'w' }],
      tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'w' }] },
    });
    expect(toReplyRequest(allowed, [], null, {}).toolChoice).toBe('required');
    const builtIn = parseCreateParams({ model: 'm', input: 'x', tools: [{ type: 'web_search' }], tool_choice: { type: 'web_search' } });
    expect(toReplyRequest(builtIn, [], null, {}).toolChoice).toBe('auto');
  });

  test('the last user message is the latest user turn', () => {
    const params = parseCreateParams({ model: 'm', input: 'x' });
    expect(toReplyRequest(params, items, null, {}).lastUserMessage).toBe('Weather in Paris and Rome?');
  });
});
