import { describe, expect, test } from 'vitest';
import { openaiMock } from '../vitest.js';
import { batchFactory, batchOutputLineFactory, batchRequestFactory, toJsonl } from './batch.js';
import { makeClient } from '../../test/support/client.js';

const client = makeClient();

describe('batchRequestFactory', () => {
  test('builds numbered chat requests, and embedding and responses requests by trait', () => {
    expect(batchRequestFactory.buildList(2).map((l) => l.custom_id)).toEqual(['request-1', 'request-2']);
    expect(batchRequestFactory.embedding('hello').build()).toEqual({
      custom_id: 'request-3',
      method: 'POST',
      url: '/v1/embeddings',
      body: { model: 'text-embedding-3-small', input: 'hello', encoding_format: 'float' },
    });
    expect(batchRequestFactory.response().build().url).toBe('/v1/responses');
    expect(toJsonl([{ a: 1 }, { b: 2 }])).toBe('{"a":1}\n{"b":2}\n');
  });
});

describe('batchOutputLineFactory', () => {
  test('a success, a refused request and an expired one', () => {
    expect(batchOutputLineFactory.build()).toMatchObject({
      id: 'batch_req_seed000001',
      custom_id: 'request-1',
      response: { status_code: 200, body: { object: 'chat.completion' } },
      error: null,
    });
    expect(batchOutputLineFactory.failed(400, { message: 'Bad', param: 'messages' }).build().response).toMatchObject({
      status_code: 400,
      body: { error: { message: 'Bad', type: 'invalid_request_error', param: 'messages', code: null } },
    });
    expect(batchOutputLineFactory.expired().build()).toMatchObject({ response: null, error: { code: 'batch_expired' } });
  });
});

describe('batchFactory', () => {
  test('each status trait gives timestamps and counts that fit it', () => {
    expect(batchFactory.build()).toMatchObject({ status: 'validating', in_progress_at: null, request_counts: { total: 0 } });
    const completed = batchFactory.completed().build();
    expect(completed).toMatchObject({
      status: 'completed',
      in_progress_at: completed.created_at + 2,
      finalizing_at: completed.created_at + 8,
      completed_at: completed.created_at + 10,
      request_counts: { total: 3, completed: 3, failed: 0 },
      output_file_id: expect.stringMatching(/^file-seed/),
      error_file_id: null,
    });
    expect(batchFactory.failed().build()).toMatchObject({ status: 'failed', errors: { data: [{ code: 'invalid_json_line', line: 1 }] } });
    expect(batchFactory.expired().build()).toMatchObject({ request_counts: { total: 3, completed: 1, failed: 2 } });
  });

  test('create() seeds the batch and its files; the SDK reads them back and the status is held', async () => {
    const batch = await batchFactory.completed().create();
    expect(await client.batches.retrieve(batch.id)).toEqual(batch);
    const output = await (await client.files.content(batch.output_file_id!)).text();
    expect(output.trim().split('\n').map((l) => (JSON.parse(l) as { custom_id: string }).custom_id)).toEqual([
      'request-1',
      'request-2',
      'request-3',
    ]);
    const input = await (await client.files.content(batch.input_file_id)).text();
    expect(input.trim().split('\n')).toHaveLength(3);

    const running = await batchFactory.inProgress().create();
    openaiMock.clock.advance(3_600_000);
    expect((await client.batches.retrieve(running.id)).status).toBe('in_progress');
    expect((await client.batches.cancel(running.id)).status).toBe('cancelling');
  });
});
