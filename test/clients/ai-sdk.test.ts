// The Vercel AI SDK (`ai` with `@ai-sdk/openai`) talks to the API with its own fetch calls and
// its own parsing: `openai(model)` uses the Responses API, `openai.chat(model)` Chat Completions.
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, embed, embedMany, generateText, jsonSchema, Output, stepCountIs, streamText, tool } from 'ai';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { openaiMock } from '../../src/vitest.js';

const openai = createOpenAI({ apiKey: 'test' });

describe('Responses API: openai(model)', () => {
  test('generateText posts to /v1/responses and returns the scripted reply', async () => {
    openaiMock.replyOnce('Paris is the capital of France.');
    const result = await generateText({ model: openai('gpt-4o-mini'), prompt: 'What is the capital of France?' });

    expect(result.text).toBe('Paris is the capital of France.');
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
    // The Responses API names the snapshot that answered, as the real one does.
    expect(result.response.modelId).toBe('gpt-4o-mini-2024-07-18');
    expect(result.response.id).toMatch(/^resp_/);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/responses', { model: 'gpt-4o-mini' });
    expect(openaiMock.requests).toHaveLength(1);
    expect(openaiMock.requests[0]!.status).toBe(200);
  });

  test('without a script the reply quotes the prompt', async () => {
    const { text } = await generateText({ model: openai('gpt-4o-mini'), system: 'Be brief.', prompt: 'Say hello' });
    expect(text).toBe('Mock reply to: "Say hello"');
  });

  test('replyWith sees the request the SDK built', async () => {
    openaiMock.replyWith((request) => `${request.endpoint} got "${request.lastUserMessage}" for ${request.model}`);
    const { text } = await generateText({ model: openai('gpt-4.1'), prompt: 'ping' });
    expect(text).toBe('responses got "ping" for gpt-4.1');
  });

  test('maxOutputTokens cuts the reply: the incomplete response is finishReason length', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    openaiMock.replyOnce(long);
    const result = await generateText({ model: openai('gpt-4o-mini'), prompt: 'Count', maxOutputTokens: 16 });

    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(16);
    expect(long.startsWith(result.text)).toBe(true);
    expect(result.text.length).toBeLessThan(long.length);
    expect(result.response.body).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });

  test('a 400 from the API rejects with APICallError carrying the status and the envelope', async () => {
    const error = await generateText({ model: openai('gpt-4o-mini'), prompt: 'x', maxOutputTokens: 5, maxRetries: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(400);
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.message).toBe("Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 5 instead.");
    expect(JSON.parse(apiError.responseBody!)).toMatchObject({ error: { type: 'invalid_request_error', param: 'max_output_tokens' } });
    expect(openaiMock.requests).toMatchObject([{ path: '/v1/responses', status: 400 }]);
  });

  test('streamText streams the reply in several text deltas', async () => {
    openaiMock.replyOnce('Streaming through the Responses API works nicely.');
    const result = streamText({ model: openai('gpt-4o-mini'), prompt: 'Stream something' });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);

    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('Streaming through the Responses API works nicely.');
    expect(await result.text).toBe('Streaming through the Responses API works nicely.');
    expect(await result.finishReason).toBe('stop');
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/responses', { stream: true });
  });

  test('a forced tool call reaches the SDK as a tool call with parsed input', async () => {
    const result = await generateText({
      model: openai('gpt-4o-mini'),
      prompt: 'What is the weather in Paris?',
      tools: {
        get_weather: tool({
          description: 'The current weather in a city',
          inputSchema: z.object({ city: z.string() }),
        }),
      },
      toolChoice: { type: 'tool', toolName: 'get_weather' },
    });

    // Without a script the mock calls the forced tool with arguments generated from its schema.
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]).toMatchObject({ toolName: 'get_weather', input: { city: expect.any(String) } });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/responses', {
      tool_choice: { type: 'function', name: 'get_weather' },
      tools: [expect.objectContaining({ type: 'function', name: 'get_weather' })],
    });
  });

  test('streamText with a forced tool: the streamed function call arrives whole', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Reykjavik, Iceland' } }] });
    const result = streamText({
      model: openai('gpt-4o-mini'),
      prompt: 'Weather?',
      tools: { get_weather: tool({ inputSchema: z.object({ city: z.string() }) }) },
      toolChoice: { type: 'tool', toolName: 'get_weather' },
    });
    expect(await result.toolCalls).toMatchObject([{ toolName: 'get_weather', input: { city: 'Reykjavik, Iceland' } }]);
    expect(await result.finishReason).toBe('tool-calls');
  });

  test('a tool loop: the second request carries the call and its output, and the reply uses them', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
    openaiMock.replyWith((request) => {
      const input = (request.body as { input: { type?: string; output?: unknown }[] }).input;
      const output = input.find((item) => item.type === 'function_call_output');
      return output ? `Tool output: ${JSON.stringify(output.output)}` : undefined;
    });
    const result = await generateText({
      model: openai('gpt-4o-mini'),
      prompt: 'Weather in Oslo?',
      tools: {
        get_weather: tool({
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => `${city}: snow`,
        }),
      },
      stopWhen: stepCountIs(2),
    });

    expect(result.steps.map((step) => step.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(result.text).toBe('Tool output: "Oslo: snow"');
    const requests = openaiMock.requests.filter((r) => r.path === '/v1/responses');
    expect(requests.map((r) => r.status)).toEqual([200, 200]);
    const callId = result.steps[0]!.toolCalls[0]!.toolCallId;
    expect(requests[1]!.body).toMatchObject({
      input: expect.arrayContaining([expect.objectContaining({ type: 'function_call_output', call_id: callId })]),
    });
  });

  test('structured output with Output.object and a zod schema', async () => {
    const schema = z.object({ name: z.string(), age: z.number(), tags: z.array(z.string()) });
    openaiMock.replyOnce({ content: { name: 'Ada', age: 36, tags: ['math', 'engines'] } });
    const { output } = await generateText({
      model: openai('gpt-4o-mini'),
      prompt: 'Describe Ada Lovelace.',
      output: Output.object({ schema }),
    });

    expect(output).toEqual({ name: 'Ada', age: 36, tags: ['math', 'engines'] });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/responses', {
      text: { format: expect.objectContaining({ type: 'json_schema', strict: true }) },
    });
  });

  test('structured output without a script: the default JSON fits the schema', async () => {
    const { output } = await generateText({
      model: openai('gpt-4o-mini'),
      prompt: 'A city.',
      output: Output.object({ schema: z.object({ city: z.string(), population: z.number() }) }),
    });
    expect(output).toEqual({ city: expect.any(String), population: expect.any(Number) });
  });
});

describe('Chat Completions: openai.chat(model)', () => {
  test('generateText posts to /v1/chat/completions and returns the scripted reply', async () => {
    openaiMock.replyOnce('Hello from chat completions.');
    const result = await generateText({ model: openai.chat('gpt-4o-mini'), prompt: 'Hi there' });

    expect(result.text).toBe('Hello from chat completions.');
    expect(result.finishReason).toBe('stop');
    expect(result.response.id).toBe('chatcmpl-mock000001');
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi there' }],
    });
    expect(openaiMock).not.toHaveReceivedRequest('POST', '/v1/responses');
  });

  test('streamText streams chat completion chunks', async () => {
    openaiMock.replyWith('A streamed chat completion, word by word.');
    const result = streamText({ model: openai.chat('gpt-4o-mini'), prompt: 'Stream please' });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);

    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('A streamed chat completion, word by word.');
    expect((await result.usage).outputTokens).toBeGreaterThan(0); // the SDK asks for include_usage
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', { stream: true, stream_options: { include_usage: true } });
  });

  test('a scripted tool call runs the tool, and the second step sees its result', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
    openaiMock.replyWith((request) => {
      const toolMessage = request.messages.find((m) => m.role === 'tool');
      return toolMessage ? `The tool said: ${String(toolMessage.content)}` : undefined;
    });
    const calls: string[] = [];
    const result = await generateText({
      model: openai.chat('gpt-4o-mini'),
      prompt: 'Weather in Paris?',
      tools: {
        get_weather: tool({
          description: 'The current weather in a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => {
            calls.push(city);
            return { city, forecast: 'sunny' };
          },
        }),
      },
      toolChoice: 'auto',
      stopWhen: stepCountIs(2),
    });

    expect(calls).toEqual(['Paris']);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]!.toolCalls).toMatchObject([{ toolName: 'get_weather', input: { city: 'Paris' } }]);
    expect(result.text).toBe('The tool said: {"city":"Paris","forecast":"sunny"}');
    const requests = openaiMock.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body).toMatchObject({
      messages: expect.arrayContaining([expect.objectContaining({ role: 'tool', content: '{"city":"Paris","forecast":"sunny"}' })]),
    });
  });

  test('streamText with a tool call: the argument deltas are joined into the input', async () => {
    // Long arguments are streamed in several pieces.
    openaiMock.replyOnce({ toolCalls: [{ name: 'search', arguments: { query: 'openai mock streaming tool call arguments in pieces' } }] });
    const result = streamText({
      model: openai.chat('gpt-4o-mini'),
      prompt: 'Search for it',
      tools: { search: tool({ inputSchema: z.object({ query: z.string() }) }) },
    });
    const deltas: string[] = [];
    for await (const part of result.fullStream) if (part.type === 'tool-input-delta') deltas.push(part.delta);

    expect(deltas.length).toBeGreaterThan(1);
    expect(JSON.parse(deltas.join(''))).toEqual({ query: 'openai mock streaming tool call arguments in pieces' });
    expect(await result.toolCalls).toMatchObject([{ toolName: 'search', input: { query: 'openai mock streaming tool call arguments in pieces' } }]);
    expect(await result.finishReason).toBe('tool-calls');
  });

  test('a forced tool call sends tool_choice naming the function', async () => {
    const result = await generateText({
      model: openai.chat('gpt-4o-mini'),
      prompt: 'Look up order 42',
      tools: {
        lookup_order: tool({
          description: 'Finds an order',
          inputSchema: jsonSchema<{ orderId: number }>({
            type: 'object',
            properties: { orderId: { type: 'integer' } },
            required: ['orderId'],
            additionalProperties: false,
          }),
        }),
      },
      toolChoice: { type: 'tool', toolName: 'lookup_order' },
    });
    expect(result.finishReason).toBe('tool-calls');
    expect(result.toolCalls).toMatchObject([{ toolName: 'lookup_order', input: { orderId: expect.any(Number) } }]);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
      tool_choice: { type: 'function', function: { name: 'lookup_order' } },
    });
  });

  test('structured output with the jsonSchema() helper uses response_format json_schema', async () => {
    openaiMock.replyOnce({ content: { answer: 'yes', confidence: 0.9 } });
    const { output } = await generateText({
      model: openai.chat('gpt-4o-mini'),
      prompt: 'Is the sky blue?',
      output: Output.object({
        schema: jsonSchema<{ answer: string; confidence: number }>({
          type: 'object',
          properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
          required: ['answer', 'confidence'],
          additionalProperties: false,
        }),
      }),
    });
    expect(output).toEqual({ answer: 'yes', confidence: 0.9 });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
      response_format: expect.objectContaining({ type: 'json_schema' }),
    });
  });
});

describe('embeddings: openai.embedding(model)', () => {
  test('embed returns one vector of the model’s length', async () => {
    const { embedding, usage } = await embed({ model: openai.embedding('text-embedding-3-small'), value: 'sunny day at the beach' });
    expect(embedding).toHaveLength(1536);
    expect(embedding.every((x) => Number.isFinite(x))).toBe(true);
    expect(usage.tokens).toBeGreaterThan(0);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/embeddings', {
      model: 'text-embedding-3-small',
      input: ['sunny day at the beach'],
    });
  });

  test('embedMany returns a vector per value, in order, with dimensions from the provider options', async () => {
    const values = ['python django developer', 'pastry chef', 'python flask developer'];
    const { embeddings } = await embedMany({
      model: openai.embedding('text-embedding-3-small'),
      values,
      providerOptions: { openai: { dimensions: 64 } },
    });
    expect(embeddings).toHaveLength(3);
    expect(embeddings.map((e) => e.length)).toEqual([64, 64, 64]);
    const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    // The mock's vectors come from hashed words: texts sharing words are closer.
    expect(dot(embeddings[0]!, embeddings[2]!)).toBeGreaterThan(dot(embeddings[0]!, embeddings[1]!));
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/embeddings', { input: values, dimensions: 64 });
    expect(openaiMock.requests).toHaveLength(1);
  });

  test('the same text embeds the same way through the SDK and directly', async () => {
    const { embedding } = await embed({ model: openai.embedding('text-embedding-3-small'), value: 'hello world' });
    const response = await fetch('https://api.openai.com/v1/embeddings', {
      method: 'POST',
      headers: { authorization: 'Bearer test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'hello world' }),
    });
    const direct = (await response.json()) as { data: { embedding: number[] }[] };
    expect(embedding).toEqual(direct.data[0]!.embedding);
  });
});

describe('the fast path', () => {
  test('createOpenAI({ fetch: openaiMock.fetch }) is answered by the same mock', async () => {
    const fast = createOpenAI({ apiKey: 'test', fetch: openaiMock.fetch });
    openaiMock.replyOnce('Straight from the engine.');

    const { text } = await generateText({ model: fast.chat('gpt-4o-mini'), prompt: 'Go' });
    const { embedding } = await embed({ model: fast.embedding('text-embedding-3-small'), value: 'fast' });

    expect(text).toBe('Straight from the engine.');
    expect(embedding).toHaveLength(1536);
    expect(openaiMock.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions', 'POST /v1/embeddings']);
  });
});
