import { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../vitest.js';
import { newClient, withoutColors } from '../../test/matchers/support.js';

expect.addSnapshotSerializer(withoutColors);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

async function createBatch(lines: string[]) {
  const client = newClient();
  const file = await client.files.create({ file: await toFile(Buffer.from(lines.join('\n')), 'in.jsonl'), purpose: 'batch' });
  return client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
}

const request = (id: string) =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
  });

describe('toHaveBatchInStatus', () => {
  test('follows the default timeline as fake time passes', async () => {
    const batch = await createBatch([request('a')]);
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'validating');
    await advanceTime(2000);
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'in_progress');
    await advanceTime(6000);
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'finalizing');
    await advanceTime(2000);
    expect(openaiMock).toHaveBatchInStatus(batch.id, 'completed');
    expect(openaiMock).not.toHaveBatchInStatus(batch.id, expect.stringMatching(/^(failed|expired)$/));
  });

  test('in progress, expected completed: shows the counts and when it changes next', async () => {
    const batch = await createBatch(['a', 'b', 'c', 'd'].map(request));
    await advanceTime(5000);
    expect(() => expect(openaiMock).toHaveBatchInStatus(batch.id, 'completed')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(openaiMock).toHaveBatchInStatus(batchId, status)

      Expected status: "completed"
      Received status: "in_progress"

      Batch batch_mock000001, now 5s after creation:
        in_progress since 2s after creation
        becomes 'finalizing' in 3000 ms (at 8s after creation)
        requests: 2 completed, 0 failed, of 4
        history: validating (0s) -> in_progress (2s)]
    `);
  });

  test('failed validation: lists the errors', async () => {
    const batch = await createBatch([request('a'), '{oops', request('a')]);
    await advanceTime(2000);
    expect(() => expect(openaiMock).toHaveBatchInStatus(batch.id, 'completed')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(openaiMock).toHaveBatchInStatus(batchId, status)

      Expected status: "completed"
      Received status: "failed"

      Batch batch_mock000001, now 2s after creation:
        failed since 2s after creation
        no further change is scheduled ('failed' is final)
        requests: 0 completed, 0 failed, of 0
        error (line 2): invalid_json_line: This line is not parseable as valid JSON.
        error (line 3): duplicate_custom_id: The custom_id 'a' is used by another request in this batch; each request needs a unique custom_id.
        history: validating (0s) -> failed (2s)]
    `);
  });

  test('the very next status: says how far to advance', async () => {
    const batch = await createBatch([request('a')]);
    expect(() => expect(openaiMock).toHaveBatchInStatus(batch.id, 'in_progress')).toThrowErrorMatchingInlineSnapshot(`
      [Error: expect(openaiMock).toHaveBatchInStatus(batchId, status)

      Expected status: "in_progress"
      Received status: "validating"

      Batch batch_mock000001, now 0s after creation:
        validating since 0s after creation
        becomes 'in_progress' in 2000 ms (at 2s after creation)
        requests: 0 completed, 0 failed, of 0
        history: validating (0s)

      It will be 'in_progress' once 2000 ms more have passed: \`await advanceTime(2000)\` first.]
    `);
  });

  test('misuse: an unknown batch or status is a usage error, even under .not', async () => {
    expect(() => expect(openaiMock).not.toHaveBatchInStatus('batch_nope', 'completed')).toThrowErrorMatchingInlineSnapshot(`
      [MatcherUsageError: expect(openaiMock).not.toHaveBatchInStatus(batchId, status)

      Matcher error: no batch with id "batch_nope" exists in the mock.

      No batch was created since the last reset.]
    `);
    // @ts-expect-error not a batch status
    expect(() => expect(openaiMock).toHaveBatchInStatus('batch_nope', 'succeeded')).toThrowErrorMatchingInlineSnapshot(`
      [MatcherUsageError: expect(openaiMock).toHaveBatchInStatus(batchId, status)

      Matcher error: status must be a batch status (validating, in_progress, finalizing, completed, failed, expired, cancelling, cancelled) or an asymmetric matcher.

      Received status: "succeeded"]
    `);
  });
});
