/**
 * A second flow a pipeline often has: embed many documents with the Batch API, then search them.
 * The batch runs on the mock's clock: validating 2 s, in_progress until 8 s, completed at 10 s.
 */
import { toFile } from 'openai';
import { advanceTime, openaiMock } from 'openai-mock/jest';
import { client } from '../src/pipeline';

const BATCH_ID = 'batch_mock000001';

const tickets = {
  't-1': 'My rocket has not arrived yet, where is my order?',
  't-2': 'How do I change the fuel cell of my rocket?',
  't-3': 'Can I get an invoice for my last order?',
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function embedAll(docs: Record<string, string>): Promise<Map<string, number[]>> {
  const jsonl = Object.entries(docs)
    .map(([id, text]) =>
      JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: text } }),
    )
    .join('\n');
  const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), 'tickets.jsonl'), purpose: 'batch' });
  let batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
  while (batch.status !== 'completed') {
    if (['failed', 'expired', 'cancelled'].includes(batch.status)) throw new Error(`batch ${batch.id} ${batch.status}`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    batch = await client.batches.retrieve(batch.id);
  }
  const output = await (await client.files.content(batch.output_file_id!)).text();
  const vectors = new Map<string, number[]>();
  for (const line of output.trim().split('\n')) {
    const result = JSON.parse(line) as { custom_id: string; response: { body: { data: { embedding: number[] }[] } } };
    vectors.set(result.custom_id, result.response.body.data[0]!.embedding);
  }
  return vectors;
}

it('embeds the tickets in a batch and finds the one closest to a question', async () => {
  const pending = embedAll(tickets);

  await advanceTime(5_000);
  expect(openaiMock).toHaveBatchInStatus(BATCH_ID, 'in_progress');
  await advanceTime(5_000);
  const vectors = await pending;
  expect(openaiMock).toHaveBatchInStatus(BATCH_ID, 'completed');
  expect(openaiMock).toHaveUploadedFile({ purpose: 'batch', filename: 'tickets.jsonl' });
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/batches', { endpoint: '/v1/embeddings' });
  expect([...vectors.keys()]).toEqual(['t-1', 't-2', 't-3']);

  const query = (await client.embeddings.create({ model: 'text-embedding-3-small', input: 'where is my rocket order' })).data[0]!.embedding;
  const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
  const best = [...vectors].sort(([, a], [, b]) => dot(query, b) - dot(query, a))[0]![0];
  expect(best).toBe('t-1');
});
