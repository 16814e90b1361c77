// LangChain's OpenAI integration (`@langchain/openai`) wraps its own copy of the `openai` SDK
// (a different major version from the project's) and parses the replies into LangChain messages.
//
// Left out on purpose: anything that counts tokens locally. LangChain counts them with
// js-tiktoken, whose encodings it downloads from https://tiktoken.pages.dev (getNumTokens,
// ChatOpenAI with `streaming: true` called through invoke(), trimMessages with a token counter).
// Offline that download fails; the calls below all use the token counts the API reports.
import type { AIMessageChunk } from '@langchain/core/messages';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { openaiMock } from '../../src/vitest.js';

const chat = (fields: ConstructorParameters<typeof ChatOpenAI>[0] = {}) =>
  new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-test', maxRetries: 0, ...fields });

const getWeather = tool(async ({ city }: { city: string }) => `${city}: sunny`, {
  name: 'get_weather',
  description: 'The current weather in a city',
  schema: z.object({ city: z.string() }),
});

describe('ChatOpenAI (Chat Completions)', () => {
  test('invoke returns the scripted reply as an AIMessage with the API’s token usage', async () => {
    openaiMock.replyOnce('Bonjour! Paris it is.');
    const message = await chat().invoke([new SystemMessage('You are terse.'), new HumanMessage('Capital of France?')]);

    expect(message.content).toBe('Bonjour! Paris it is.');
    expect(message.id).toBe('chatcmpl-mock000001');
    expect(message.response_metadata).toMatchObject({ finish_reason: 'stop', model_name: 'gpt-4o-mini' });
    expect(message.usage_metadata).toMatchObject({ input_tokens: expect.any(Number), output_tokens: Math.ceil('Bonjour! Paris it is.'.length / 4) });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Capital of France?' },
      ],
    });
  });

  test('a plain string prompt gets the default reply', async () => {
    const message = await chat({ temperature: 0 }).invoke('Tell me a joke');
    expect(message.content).toBe('Mock reply to: "Tell me a joke"');
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', { temperature: 0 });
  });

  test('stream yields the reply in several chunks, usage on the last', async () => {
    openaiMock.replyOnce('Streamed through LangChain, piece by piece.');
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await chat().stream('Stream it')) chunks.push(chunk);

    expect(chunks.filter((c) => c.content !== '').length).toBeGreaterThan(1);
    expect(chunks.map((c) => c.content).join('')).toBe('Streamed through LangChain, piece by piece.');
    // streamUsage is on by default: the SDK asks for include_usage and reports the API's counts.
    const usage = chunks.find((c) => c.usage_metadata)?.usage_metadata;
    expect(usage).toMatchObject({ output_tokens: Math.ceil('Streamed through LangChain, piece by piece.'.length / 4) });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', { stream: true, stream_options: { include_usage: true } });
  });

  test('bindTools with a forced tool_choice: the AIMessage carries the tool call', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Lyon' } }] });
    const message = await chat().bindTools([getWeather], { tool_choice: 'get_weather' }).invoke('Weather in Lyon?');

    expect(message.tool_calls).toMatchObject([{ name: 'get_weather', args: { city: 'Lyon' }, id: expect.stringMatching(/^call_/), type: 'tool_call' }]);
    expect(message.response_metadata).toMatchObject({ finish_reason: 'tool_calls' });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      tools: [expect.objectContaining({ type: 'function', function: expect.objectContaining({ name: 'get_weather' }) })],
    });
  });

  test('stream with a bound tool: the tool call chunks concatenate into the call', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'San Sebastián, Spain' } }] });
    let whole: AIMessageChunk | undefined;
    for await (const chunk of await chat().bindTools([getWeather], { tool_choice: 'get_weather' }).stream('Weather?')) {
      whole = whole ? whole.concat(chunk) : chunk;
    }
    expect(whole?.tool_call_chunks?.length).toBe(1);
    expect(whole?.tool_calls).toMatchObject([{ name: 'get_weather', args: { city: 'San Sebastián, Spain' } }]);
  });

  test('without a script, the forced tool is called with arguments that fit its schema', async () => {
    const message = await chat().bindTools([getWeather], { tool_choice: 'get_weather' }).invoke('Weather?');
    expect(message.tool_calls).toMatchObject([{ name: 'get_weather', args: { city: expect.any(String) } }]);
  });

  test('a tool round trip: the tool message goes back and the reply uses it', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Nice' } }] });
    openaiMock.replyWith((request) => {
      const result = request.messages.find((m) => m.role === 'tool');
      return result ? `Forecast: ${String(result.content)}` : undefined;
    });
    const model = chat().bindTools([getWeather]);
    const question = new HumanMessage('Weather in Nice?');
    const first = await model.invoke([question]);
    const toolMessage = await getWeather.invoke(first.tool_calls![0]!);
    const second = await model.invoke([question, first, toolMessage]);

    expect(second.content).toBe('Forecast: Nice: sunny');
    expect(openaiMock.requests[1]!.body).toMatchObject({
      messages: [
        { role: 'user' },
        { role: 'assistant', tool_calls: [{ id: first.tool_calls![0]!.id, function: { name: 'get_weather', arguments: '{"city":"Nice"}' } }] },
        { role: 'tool', tool_call_id: first.tool_calls![0]!.id, content: 'Nice: sunny' },
      ],
    });
  });

  test('withStructuredOutput (json_schema by default) parses the scripted object', async () => {
    const schema = z.object({ title: z.string(), year: z.number() });
    openaiMock.replyOnce({ content: { title: 'Metropolis', year: 1927 } });
    const result = await chat().withStructuredOutput(schema, { name: 'film' }).invoke('A silent film');

    expect(result).toEqual({ title: 'Metropolis', year: 1927 });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
      response_format: { type: 'json_schema', json_schema: expect.objectContaining({ name: 'film' }) },
    });
  });

  test('withStructuredOutput by function calling, with the default reply fitting the schema', async () => {
    const schema = z.object({ city: z.string(), population: z.number() });
    const result = await chat().withStructuredOutput(schema, { name: 'city_facts', method: 'functionCalling' }).invoke('Facts about Rome');

    expect(result).toEqual({ city: expect.any(String), population: expect.any(Number) });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
      tool_choice: { type: 'function', function: { name: 'city_facts' } },
    });
  });

  test('an unknown model rejects with the API’s 404', async () => {
    const error = await chat({ model: 'gpt-nope' })
      .invoke('Hi')
      .then(
        () => undefined,
        (e: unknown) => e as { status?: number; message: string; lc_error_code?: string },
      );
    expect(error).toBeDefined();
    expect(error!.status).toBe(404);
    expect(error!.message).toContain('The model `gpt-nope` does not exist or you do not have access to it.');
    expect(error!.lc_error_code).toBe('MODEL_NOT_FOUND');
    expect(openaiMock.requests).toMatchObject([{ path: '/v1/chat/completions', status: 404 }]);
  });
});

describe('ChatOpenAI with useResponsesApi', () => {
  test('invoke posts to /v1/responses and returns the reply text', async () => {
    openaiMock.replyOnce('Answered through the Responses API.');
    const message = await chat({ useResponsesApi: true }).invoke('Which API?');

    expect(message.text).toBe('Answered through the Responses API.');
    expect(message.id).toBe('resp_mock000001');
    expect(message.response_metadata).toMatchObject({ id: 'resp_mock000001', status: 'completed', model_name: 'gpt-4o-mini-2024-07-18' });
    expect(message.usage_metadata).toMatchObject({ output_tokens: expect.any(Number), input_tokens: expect.any(Number) });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/responses', { model: 'gpt-4o-mini' });
    expect(openaiMock).not.toHaveReceivedRequest('POST', '/v1/chat/completions');
  });

  test('stream reads the Responses API event stream', async () => {
    openaiMock.replyOnce('Responses streaming, in LangChain chunks.');
    let text = '';
    for await (const chunk of await chat({ useResponsesApi: true }).stream('Stream it')) text += chunk.text;

    expect(text).toBe('Responses streaming, in LangChain chunks.');
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/responses', { stream: true });
  });

  test('bindTools with a forced tool: the function_call item becomes a tool call', async () => {
    openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Bern' } }] });
    const message = await chat({ useResponsesApi: true }).bindTools([getWeather], { tool_choice: 'get_weather' }).invoke('Weather in Bern?');

    expect(message.tool_calls).toMatchObject([{ name: 'get_weather', args: { city: 'Bern' } }]);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/responses', { tool_choice: { type: 'function', name: 'get_weather' } });
  });
});

describe('OpenAIEmbeddings', () => {
  const embeddings = (fields: ConstructorParameters<typeof OpenAIEmbeddings>[0] = {}) =>
    new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey: 'sk-test', maxRetries: 0, ...fields });

  test('embedQuery returns one vector of the model’s length', async () => {
    const vector = await embeddings().embedQuery('what is the weather like?');
    expect(vector).toHaveLength(1536);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/embeddings', {
      model: 'text-embedding-3-small',
      input: 'what is the weather like?',
    });
  });

  test('embedDocuments returns one vector per document, batched as asked, with dimensions', async () => {
    const docs = ['python django developer', 'pastry chef in Lyon', 'python flask developer'];
    const vectors = await embeddings({ dimensions: 32, batchSize: 2 }).embedDocuments(docs);

    expect(vectors.map((v) => v.length)).toEqual([32, 32, 32]);
    const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    expect(dot(vectors[0]!, vectors[2]!)).toBeGreaterThan(dot(vectors[0]!, vectors[1]!));
    // batchSize 2: two requests, in order.
    expect(openaiMock.requests.map((r) => r.body)).toMatchObject([
      { input: docs.slice(0, 2), dimensions: 32 },
      { input: docs.slice(2), dimensions: 32 },
    ]);
    // The same text embeds the same way on its own.
    expect(await embeddings({ dimensions: 32 }).embedQuery(docs[1]!)).toEqual(vectors[1]);
  });

  test('the SDK asks for base64 and decodes it: the floats match a float request', async () => {
    const decoded = await embeddings().embedQuery('encoding check');
    // LangChain's openai SDK sends encoding_format base64 when none is given, and decodes the reply.
    expect(openaiMock.requests[0]!.body).toMatchObject({ encoding_format: 'base64' });
    const response = await fetch('https://api.openai.com/v1/embeddings', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'encoding check', encoding_format: 'float' }),
    });
    const floats = ((await response.json()) as { data: { embedding: number[] }[] }).data[0]!.embedding;
    expect(decoded).toHaveLength(floats.length);
    // base64 carries float32 values: equal to float32 precision.
    decoded.forEach((x, i) => expect(x).toBeCloseTo(floats[i]!, 6));
  });
});

describe('the fast path', () => {
  test('configuration.fetch = openaiMock.fetch serves ChatOpenAI from the same mock', async () => {
    openaiMock.replyOnce('Fast LangChain.');
    const message = await chat({ configuration: { fetch: openaiMock.fetch } }).invoke('Go');

    expect(message.content).toBe('Fast LangChain.');
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', { messages: [{ role: 'user', content: 'Go' }] });
  });
});
