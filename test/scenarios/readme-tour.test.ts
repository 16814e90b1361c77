/** The README's five-minute tour, verbatim apart from imports: the front door must not lie. */
import OpenAI, { toFile } from 'openai';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';

const client = new OpenAI(); // as the README writes it: no key needed under the mock

async function train(jsonl: string) {
  const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), 'train.jsonl'), purpose: 'fine-tune' });
  await client.files.waitForProcessing(file.id);
  let job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
  while (!['succeeded', 'failed', 'cancelled'].includes(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    job = await client.fineTuning.jobs.retrieve(job.id);
  }
  return job;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const line = JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] });

test('trains a model', async () => {
  const run = train(line);
  await advanceTime(15_000);
  const job = await run;

  expect(job.fine_tuned_model).toBe('ft:gpt-4o-mini-2024-07-18:openai-mock::mock0001');
  expect(openaiMock).toHaveUploadedFile({ purpose: 'fine-tune', filename: 'train.jsonl' });
  expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18' });
});

test('a broken dataset fails the job at the end of validation', async () => {
  const run = train('not json');
  await advanceTime(7_000);
  await expect(run).resolves.toMatchObject({ status: 'failed', error: { code: 'invalid_training_file' } });
});

test('advanceTime stops exactly at its target: one second short, the job is still running', async () => {
  const run = train(line);
  let settled = false;
  void run.then(() => (settled = true));
  await advanceTime(14_999);
  expect(settled).toBe(false);
  expect([...openaiMock.jobs][0]!.status).toBe('running');
  await advanceTime(1);
  await expect(run).resolves.toMatchObject({ status: 'succeeded' });
});

test('README: factories seed objects the SDK then acts on', async () => {
  const { fileFactory, fineTuningJobFactory } = await import('../../src/factories/index.js');
  const job = await fineTuningJobFactory.running().create();
  expect(job.id).toBe('ftjob-seed000001');
  await expect(client.fineTuning.jobs.cancel(job.id)).resolves.toMatchObject({ status: 'cancelled' });
  await expect(client.files.retrieve(job.training_file)).resolves.toMatchObject({ purpose: 'fine-tune' });
  const notes = await fileFactory.create({ filename: 'notes.jsonl' }, { transient: { content: '{"a":1}\n' } });
  expect(await (await client.files.content(notes.id)).text()).toBe('{"a":1}\n');
});

// On the fetch transport nock is never consulted for fetch clients (README: The fast path).
test.skipIf(process.env['OPENAI_MOCK_TRANSPORT'] === 'fetch')('README: a nock stub of your own on an OpenAI origin wins once, then the mock answers', async () => {
  const { default: nock } = await import('nock');
  nock('https://api.openai.com').get('/v1/files').reply(500, { error: { message: 'boom', type: 'server_error', param: null, code: null } });
  const strict = new OpenAI({ apiKey: 'sk-anything', maxRetries: 0 });
  await expect(strict.files.list()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
  await expect(strict.files.list()).resolves.toMatchObject({ data: [] });
});

// ---- "Chat, embeddings and batches": the snippets need these names in scope ----

const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
const tools: OpenAI.ChatCompletionTool[] = [
  {
    type: 'function',
    function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  },
];
const jsonl = ['Hello', 'Bonjour']
  .map((content, i) =>
    JSON.stringify({ custom_id: `r${i}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content }] } }),
  )
  .join('\n');

test('replies are scripted per test', async () => {
  openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }, 'Sunny, 24°C.');
  openaiMock.replyWith((request) => `You said: ${request.lastUserMessage}`); // after the queue
  const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, tools });
  expect(first.choices[0]!.message.tool_calls?.[0]).toMatchObject({ function: { arguments: '{"city":"Paris"}' } });
  // What the README says about the rest of the queue and the standing reply.
  const second = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
  expect(second.choices[0]!.message.content).toBe('Sunny, 24°C.');
  const third = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
  expect(third.choices[0]!.message.content).toBe('You said: Weather in Paris?');
});

test('embeddings rank documents that share words with the query first', async () => {
  const docs = ['Senior Python developer, Django', 'Pastry chef in a French bakery'];
  const { data } = await client.embeddings.create({ model: 'text-embedding-3-small', input: docs });
  const [query] = (await client.embeddings.create({ model: 'text-embedding-3-small', input: 'python django' })).data;
  const score = (v: number[]) => v.reduce((sum, x, i) => sum + x * query!.embedding[i]!, 0); // unit vectors
  expect(score(data[0]!.embedding)).toBeGreaterThan(score(data[1]!.embedding));
});

test('a batch answers every line with the endpoint it names', async () => {
  const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), 'in.jsonl'), purpose: 'batch' });
  const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
  await advanceTime(10_000);
  expect(openaiMock).toHaveBatchInStatus(batch.id, 'completed');
  const done = await client.batches.retrieve(batch.id);
  const output = await (await client.files.content(done.output_file_id!)).text(); // one line per request
  expect(output.trim().split('\n').map((l) => (JSON.parse(l) as { custom_id: string }).custom_id)).toEqual(['r0', 'r1']);
});

// The Faults section's snippet, verbatim: a rejection that happens during advanceTime must
// already be awaited, or Vitest reports it as unhandled and the run exits 1.
test('a request that never comes back', async () => {
  openaiMock.fault('timeout', { route: 'GET /v1/models' });
  const call = new OpenAI({ timeout: 5_000, maxRetries: 0 }).models.list();
  // Expect the rejection before advancing: the call rejects during advanceTime, and a rejection
  // nothing waits for yet is reported as unhandled (the run fails even though the test passes).
  const rejected = expect(call).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  await advanceTime(5_000); // fires the SDK's own abort timer
  await rejected;
});
