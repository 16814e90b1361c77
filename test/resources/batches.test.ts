import OpenAI, { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { rejection } from '../support/errors.js';

const client = makeClient();
const MODEL = 'gpt-4o-mini';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  openaiMock.resetConfig();
});

type Line = Record<string, unknown>;

function chatRequest(customId: string, content = `Question ${customId}`, extra: Line = {}): Line {
  return {
    custom_id: customId,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: MODEL, messages: [{ role: 'user', content }], ...extra },
  };
}

function embeddingRequest(customId: string, input: string): Line {
  return {
    custom_id: customId,
    method: 'POST',
    url: '/v1/embeddings',
    body: { model: 'text-embedding-3-small', input, encoding_format: 'float' },
  };
}

async function uploadBatchFile(lines: readonly (Line | string)[]) {
  const text = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
  return client.files.create({ file: await toFile(Buffer.from(`${text}\n`), 'requests.jsonl'), purpose: 'batch' });
}

async function startBatch(lines: readonly (Line | string)[], endpoint: OpenAI.BatchCreateParams['endpoint'] = '/v1/chat/completions') {
  const file = await uploadBatchFile(lines);
  return client.batches.create({ input_file_id: file.id, endpoint, completion_window: '24h' });
}

async function download(fileId: string | null | undefined): Promise<Record<string, unknown>[]> {
  if (!fileId) throw new Error('expected a file id');
  const text = await (await client.files.content(fileId)).text();
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const chatLines = (n: number) => Array.from({ length: n }, (_, i) => chatRequest(`req-${i + 1}`));

describe('create', () => {
  test('answers a validating batch with every key present', async () => {
    const batch = await startBatch(chatLines(2));
    const now = Math.floor(Date.now() / 1000);
    expect(batch).toEqual({
      id: 'batch_mock000001',
      object: 'batch',
      endpoint: '/v1/chat/completions',
      model: MODEL,
      errors: null,
      input_file_id: 'file-mock000001',
      completion_window: '24h',
      status: 'validating',
      output_file_id: null,
      error_file_id: null,
      created_at: now,
      in_progress_at: null,
      expires_at: now + 86_400,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      usage: {
        input_tokens: 0,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 0,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 0,
      },
      metadata: null,
    });
  });

  test('an endpoint outside the enum is a synchronous 400', async () => {
    const file = await uploadBatchFile(chatLines(1));
    const error = await rejection(
      client.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/invalid/endpoint' as '/v1/embeddings',
        completion_window: '24h',
      }),
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      message:
        "400 Invalid value: '/v1/invalid/endpoint'. Supported values are: '/v1/responses', '/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/moderations', '/v1/images/generations', '/v1/images/edits', and '/v1/videos'.",
      param: 'endpoint',
      code: 'invalid_value',
    });
    expect(openaiMock.batches.size).toBe(0);
  });

  test.each([['1h'], ['48h'], ['']])('completion_window %j is a synchronous 400', async (window) => {
    const file = await uploadBatchFile(chatLines(1));
    const error = await rejection(
      client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: window as '24h' }),
    );
    expect(error).toMatchObject({
      status: 400,
      message: `400 Invalid value: '${window}'. Supported values are: '24h'.`,
      param: 'completion_window',
      code: 'invalid_value',
    });
  });

  test('metadata values must be strings', async () => {
    const file = await uploadBatchFile(chatLines(1));
    const error = await rejection(
      client.batches.create({
        input_file_id: file.id,
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        metadata: { tags: ['a'] as unknown as string },
      }),
    );
    expect(error).toMatchObject({
      status: 400,
      message: "400 Invalid type for 'metadata.tags': expected a string, but got an array instead.",
      param: 'metadata.tags',
      code: 'invalid_type',
    });
  });

  test('missing required parameters are named', async () => {
    const error = await rejection(
      client.batches.create({ endpoint: '/v1/chat/completions', completion_window: '24h' } as OpenAI.BatchCreateParams),
    );
    expect(error).toMatchObject({
      status: 400,
      message: "400 Missing required parameter: 'input_file_id'.",
      param: 'input_file_id',
      code: 'missing_required_parameter',
    });
  });

  test('an endpoint the API accepts but the mock does not serve says so, without retries', async () => {
    const file = await uploadBatchFile(chatLines(1));
    const error = await rejection(
      makeClient({ maxRetries: 2 }).batches.create({
        input_file_id: file.id,
        endpoint: '/v1/moderations',
        completion_window: '24h',
      }),
    );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({
      status: 501,
      code: 'openai_mock_unhandled_route',
      message:
        '501 openai-mock does not serve batches for /v1/moderations yet: it answers batch lines for /v1/responses, /v1/chat/completions, /v1/embeddings.',
    });
    expect(openaiMock.requests.filter((r) => r.path === '/v1/batches')).toHaveLength(1);
  });
});

describe('lifecycle', () => {
  test('validating 2 s, in_progress until 8 s with counts growing, finalizing until 10 s, completed', async () => {
    const batch = await startBatch(chatLines(100));
    const created = batch.created_at;

    await advanceTime(2000);
    let now = await client.batches.retrieve(batch.id);
    expect(now).toMatchObject({ status: 'in_progress', in_progress_at: created + 2, request_counts: { total: 100, completed: 0, failed: 0 } });

    await advanceTime(3000);
    now = await client.batches.retrieve(batch.id);
    expect(now).toMatchObject({ status: 'in_progress', request_counts: { total: 100, completed: 50, failed: 0 } });
    expect(now.usage!.input_tokens).toBeGreaterThan(0);

    await advanceTime(3000);
    now = await client.batches.retrieve(batch.id);
    expect(now).toMatchObject({
      status: 'finalizing',
      finalizing_at: created + 8,
      output_file_id: null,
      request_counts: { total: 100, completed: 100, failed: 0 },
    });

    await advanceTime(2000);
    now = await client.batches.retrieve(batch.id);
    expect(now).toMatchObject({
      status: 'completed',
      in_progress_at: created + 2,
      finalizing_at: created + 8,
      completed_at: created + 10,
      failed_at: null,
      output_file_id: expect.stringMatching(/^file-/),
      error_file_id: null,
    });
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'completed');
  });

  test('the output file answers every line as the endpoint would, in input order', async () => {
    openaiMock.replyWith((request) => `Answer to ${request.customId ?? 'a direct call'}: ${request.lastUserMessage}`);
    const batch = await startBatch([chatRequest('a', 'What is 2+2?'), chatRequest('b', 'Capital of France?')]);
    await advanceTime(10_000);
    const done = await client.batches.retrieve(batch.id);
    const file = await client.files.retrieve(done.output_file_id!);
    expect(file).toMatchObject({ purpose: 'batch_output', filename: `${batch.id}_output.jsonl`, status: 'processed' });

    const lines = await download(done.output_file_id);
    expect(lines.map((l) => l['custom_id'])).toEqual(['a', 'b']);
    expect(lines[0]).toEqual({
      id: expect.stringMatching(/^batch_req_/),
      custom_id: 'a',
      response: { status_code: 200, request_id: expect.stringMatching(/^req_/), body: expect.any(Object) },
      error: null,
    });
    const body = (lines[0]!['response'] as { body: OpenAI.ChatCompletion }).body;
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]!.message.content).toBe('Answer to a: What is 2+2?');

    const direct = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'What is 2+2?' }] });
    expect(direct.choices[0]!.message.content).toBe('Answer to a direct call: What is 2+2?');
    expect(Object.keys(body).sort()).toEqual(Object.keys(direct).sort());
    expect(body.usage!.prompt_tokens).toBe(direct.usage!.prompt_tokens);

    const usage = lines.reduce<{ input: number; output: number }>(
      (sum, l) => {
        const u = (l['response'] as { body: OpenAI.ChatCompletion }).body.usage!;
        return { input: sum.input + u.prompt_tokens, output: sum.output + u.completion_tokens };
      },
      { input: 0, output: 0 },
    );
    expect(done.usage).toEqual({
      input_tokens: usage.input,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: usage.output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.input + usage.output,
    });
  });

  test('embedding lines give the vectors the endpoint gives', async () => {
    const batch = await startBatch(
      [embeddingRequest('cv-1', 'Senior Python developer'), embeddingRequest('cv-2', 'Pastry chef')],
      '/v1/embeddings',
    );
    await advanceTime(10_000);
    const lines = await download((await client.batches.retrieve(batch.id)).output_file_id);
    const vector = (l: Record<string, unknown>) =>
      (l['response'] as { body: OpenAI.CreateEmbeddingResponse }).body.data[0]!.embedding;
    const direct = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'Senior Python developer' });
    expect(vector(lines[0]!).map(Math.fround)).toEqual(direct.data[0]!.embedding.map(Math.fround));
    expect(vector(lines[1]!)).toHaveLength(1536);
  });

  test('a request the endpoint refuses goes to the error file and counts as failed', async () => {
    const batch = await startBatch([
      chatRequest('good'),
      { ...chatRequest('bad-role'), body: { model: MODEL, messages: [{ role: 'bot', content: 'hi' }] } },
    ]);
    await advanceTime(10_000);
    const done = await client.batches.retrieve(batch.id);
    expect(done).toMatchObject({ status: 'completed', request_counts: { total: 2, completed: 1, failed: 1 } });
    expect((await download(done.output_file_id)).map((l) => l['custom_id'])).toEqual(['good']);
    const [failed] = await download(done.error_file_id);
    expect(failed).toMatchObject({
      custom_id: 'bad-role',
      response: { status_code: 400, body: { error: { type: 'invalid_request_error', param: 'messages[0].role' } } },
      error: null,
    });
  });
});

describe('validation failures (asynchronous)', () => {
  test('every bad line is reported, in line order, and the batch fails at the end of validating', async () => {
    const batch = await startBatch([
      chatRequest('ok-1'),
      '{"custom_id": "broken", ',
      { method: 'POST', url: '/v1/chat/completions', body: { model: MODEL, messages: [] } },
      { ...chatRequest('wrong-url'), url: '/v1/embeddings' },
      chatRequest('ok-1'),
      chatRequest('streamed', 'hi', { stream: true }),
      { ...chatRequest('no-such-model'), body: { model: 'gpt-nope', messages: [{ role: 'user', content: 'hi' }] } },
      { ...chatRequest('no-model'), body: { messages: [{ role: 'user', content: 'hi' }] } },
      { ...chatRequest('no-messages'), body: { model: MODEL } },
    ]);
    expect(batch.status).toBe('validating');
    await advanceTime(1999);
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'validating');
    await advanceTime(1);
    const failed = await client.batches.retrieve(batch.id);
    expect(failed).toMatchObject({
      status: 'failed',
      failed_at: batch.created_at + 2,
      in_progress_at: null,
      output_file_id: null,
      error_file_id: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
    });
    expect(failed.errors).toEqual({
      object: 'list',
      data: [
        { code: 'invalid_json_line', line: 2, param: null, message: 'This line is not parseable as valid JSON.' },
        { code: 'missing_required_parameter', line: 3, param: 'custom_id', message: "Missing required parameter: 'custom_id'." },
        { code: 'invalid_url', line: 4, param: 'url', message: 'The URL provided for this request does not match the batch endpoint.' },
        {
          code: 'duplicate_custom_id',
          line: 5,
          param: 'custom_id',
          message: "The custom_id 'ok-1' is used by another request in this batch; each request needs a unique custom_id.",
        },
        { code: 'streaming_unsupported', line: 6, param: 'body.stream', message: 'Chat Completions: Streaming is not supported in the Batch API.' },
        { code: 'model_not_found', line: 7, param: 'body.model', message: "The provided model 'gpt-nope' is not supported by the Batch API." },
        { code: 'invalid_request', line: 8, param: 'body.model', message: 'Model parameter is required.' },
        { code: 'invalid_request', line: 9, param: 'body.messages', message: 'Messages parameter is required.' },
      ],
    });
  });

  test('a missing input file is not a 400: the batch fails', async () => {
    const batch = await client.batches.create({
      input_file_id: 'file-missing',
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    await advanceTime(2000);
    expect((await client.batches.retrieve(batch.id)).errors!.data).toEqual([
      {
        code: 'invalid_request',
        line: null,
        param: 'file_id',
        message: 'Cannot find file file-missing, or organization org-mock does not have access to it.',
      },
    ]);
  });

  test('more than 50,000 requests fail the batch with too_many_tasks', async () => {
    const lines = Array.from({ length: 50_001 }, (_, i) => JSON.stringify(chatRequest(`r${i}`, 'x')));
    const file = await client.files.create({ file: await toFile(Buffer.from(lines.join('\n')), 'big.jsonl'), purpose: 'batch' });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await advanceTime(2000);
    expect((await client.batches.retrieve(batch.id)).errors!.data).toEqual([
      {
        code: 'too_many_tasks',
        line: null,
        param: null,
        message: 'The input file contains 50001 requests; a batch can have at most 50000.',
      },
    ]);
  });
});

describe('cancel', () => {
  test('cancelling then cancelled, keeping the output of the requests already answered', async () => {
    const batch = await startBatch(chatLines(10));
    await advanceTime(5000);
    const cancelling = await client.batches.cancel(batch.id);
    expect(cancelling).toMatchObject({
      status: 'cancelling',
      cancelling_at: batch.created_at + 5,
      cancelled_at: null,
      request_counts: { total: 10, completed: 5, failed: 0 },
    });
    await advanceTime(1999);
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'cancelling');
    await advanceTime(1);
    const cancelled = await client.batches.retrieve(batch.id);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelled_at: batch.created_at + 7,
      finalizing_at: null,
      completed_at: null,
      request_counts: { total: 10, completed: 5, failed: 0 },
    });
    expect((await download(cancelled.output_file_id)).map((l) => l['custom_id'])).toEqual([
      'req-1',
      'req-2',
      'req-3',
      'req-4',
      'req-5',
    ]);
    // Cancelling again is allowed and changes nothing.
    expect((await client.batches.cancel(batch.id)).status).toBe('cancelled');
  });

  test('a completed batch cannot be cancelled: 409, not retried', async () => {
    const batch = await startBatch(chatLines(1));
    await advanceTime(10_000);
    const error = await rejection(makeClient({ maxRetries: 2 }).batches.cancel(batch.id));
    expect(error).toBeInstanceOf(OpenAI.ConflictError);
    expect(error).toMatchObject({ status: 409, message: "409 Cannot cancel a batch with status 'completed'.", param: null, code: null });
    expect(openaiMock.requests.filter((r) => r.path.endsWith('/cancel'))).toHaveLength(1);
  });

  test('an unknown batch is a 404', async () => {
    const error = await rejection(client.batches.retrieve('batch_nope'));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ message: "404 No batch found with id 'batch_nope'.", param: null, code: null });
    expect(await rejection(client.batches.cancel('batch_nope'))).toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('expiry', () => {
  test('a batch that cannot finish in its window expires; unfinished requests get batch_expired', async () => {
    openaiMock.configure({ batches: { completionWindowMs: 5000 } });
    const batch = await startBatch(chatLines(6));
    expect(batch.expires_at).toBe(batch.created_at + 5);
    await advanceTime(5000);
    const expired = await client.batches.retrieve(batch.id);
    expect(expired).toMatchObject({
      status: 'expired',
      expired_at: batch.created_at + 5,
      request_counts: { total: 6, completed: 3, failed: 3 },
    });
    expect((await download(expired.output_file_id)).map((l) => l['custom_id'])).toEqual(['req-1', 'req-2', 'req-3']);
    const errors = await download(expired.error_file_id);
    expect(errors.map((l) => l['custom_id'])).toEqual(['req-4', 'req-5', 'req-6']);
    expect(errors[0]).toEqual({
      id: expect.stringMatching(/^batch_req_/),
      custom_id: 'req-4',
      response: null,
      error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' },
    });
  });
});

describe('failure simulation', () => {
  test('a seeded failure rate fails the same requests every run', async () => {
    openaiMock.configure({ batches: { failureRate: 0.05, failureSeed: 7 } });
    const run = async () => {
      const batch = await startBatch(chatLines(1000));
      await advanceTime(10_000);
      const done = await client.batches.retrieve(batch.id);
      return { done, failed: (await download(done.error_file_id)).map((l) => l['custom_id']) };
    };
    const first = await run();
    openaiMock.reset();
    const second = await run();
    expect(second.failed).toEqual(first.failed);
    expect(first.done.request_counts!.failed).toBe(first.failed.length);
    expect(first.done.request_counts!.completed).toBe(1000 - first.failed.length);
    // 5% of 1000, give or take what a hash of the ids gives.
    expect(first.failed.length).toBeGreaterThan(25);
    expect(first.failed.length).toBeLessThan(75);

    openaiMock.reset();
    openaiMock.configure({ batches: { failureSeed: 8 } });
    expect((await run()).failed).not.toEqual(first.failed);
  });

  test('chosen custom_ids always fail with a 500 in the error file', async () => {
    openaiMock.configure({ batches: { failCustomIds: ['req-2'] } });
    const batch = await startBatch(chatLines(3));
    await advanceTime(10_000);
    const done = await client.batches.retrieve(batch.id);
    expect(done.request_counts).toEqual({ total: 3, completed: 2, failed: 1 });
    expect(await download(done.error_file_id)).toEqual([
      {
        id: expect.stringMatching(/^batch_req_/),
        custom_id: 'req-2',
        response: {
          status_code: 500,
          request_id: expect.stringMatching(/^req_/),
          body: {
            error: {
              message: 'The server had an error while processing your request. Sorry about that!',
              type: 'server_error',
              param: null,
              code: null,
            },
          },
        },
        error: null,
      },
    ]);
  });
});

describe('list', () => {
  test('newest first, paged with after', async () => {
    for (let i = 0; i < 3; i += 1) await startBatch(chatLines(1));
    const first = await client.batches.list({ limit: 2 });
    expect(first.data.map((b) => b.id)).toEqual(['batch_mock000003', 'batch_mock000002']);
    expect(first.hasNextPage()).toBe(true);
    const all: string[] = [];
    for await (const batch of client.batches.list({ limit: 2 })) all.push(batch.id);
    expect(all).toEqual(['batch_mock000003', 'batch_mock000002', 'batch_mock000001']);
  });
});
