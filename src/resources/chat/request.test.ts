import { expect, test } from 'vitest';
import { chatReplyRequest } from './request.js';
import { parseChatRequest } from './params.js';

test('chatReplyRequest: the conversation as roles and text, with the schema, tools and limits', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
  const body = {
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You answer in JSON.' },
      { role: 'user', content: [{ type: 'text', text: 'Where is' }, { type: 'image_url', image_url: { url: 'https://example.com/x.png' } }, { type: 'text', text: 'this?' }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'locate', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'Paris' },
    ],
    tools: [{ type: 'function', function: { name: 'locate', parameters: { type: 'object', properties: {} } } }],
    tool_choice: 'required',
    response_format: { type: 'json_schema', json_schema: { name: 'place', schema, strict: true } },
    max_completion_tokens: 100,
  };
  expect(chatReplyRequest(parseChatRequest(body), body, 'request-7')).toEqual({
    endpoint: 'chat.completions',
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You answer in JSON.' },
      { role: 'user', content: 'Where is\nthis?' },
      { role: 'assistant', content: '' },
      { role: 'tool', content: 'Paris' },
    ],
    lastUserMessage: 'Where is\nthis?',
    schema: { name: 'place', schema, strict: true },
    jsonMode: false,
    tools: [{ name: 'locate', description: null, parameters: { type: 'object', properties: {} }, strict: false }],
    toolChoice: 'required',
    maxTokens: 100,
    choiceIndex: 0,
    customId: 'request-7',
    body,
  });
});

test('chatReplyRequest: no user message, JSON mode, no batch line', () => {
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'developer', content: 'Reply in json.' }], response_format: { type: 'json_object' } };
  expect(chatReplyRequest(parseChatRequest(body), body)).toMatchObject({ lastUserMessage: '', jsonMode: true, schema: null, customId: null, toolChoice: 'none' });
});
