
// ---- The suite, shared by every runner and SDK major (scripts/matrix/templates/suite.js). ----
// In scope from the header: OpenAI, toFile, advanceTime, openaiMock, SDK_MAJOR, useFakeTimers,
// useRealTimers, and the runner's test, expect and afterEach.

const BASE_MODEL = 'gpt-4o-mini-2024-07-18';
const TRAINING_JSONL = [
  { messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] },
  { messages: [{ role: 'user', content: 'Bye' }, { role: 'assistant', content: 'See you.' }] },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const client = () => new OpenAI({ apiKey: 'sk-openai-mock-matrix', maxRetries: 0 });

async function uploadTrainingFile(openai, filename) {
  return openai.files.create({ file: await toFile(Buffer.from(TRAINING_JSONL), filename), purpose: 'fine-tune' });
}

afterEach(() => {
  useRealTimers();
});

test(`the SDK under test is openai ${SDK_MAJOR}.x, on the Node the matrix asked for`, async () => {
  expect(process.version).toBe(process.env.MATRIX_NODE_VERSION ?? process.version);
  await client().models.retrieve('gpt-4o-mini');
  const [request] = openaiMock.requests;
  expect(request.headers['x-stainless-package-version']).toMatch(new RegExp(`^${SDK_MAJOR}\\.`));
  expect(openaiMock).toHaveReceivedRequest('GET', '/v1/models/gpt-4o-mini');
});

test('files: a JSONL upload is processed while fake timers advance', async () => {
  useFakeTimers();
  const openai = client();
  const file = await uploadTrainingFile(openai, 'train.jsonl');
  expect(file).toMatchObject({ object: 'file', purpose: 'fine-tune', filename: 'train.jsonl', status: 'uploaded' });

  // waitForProcessing reads the file, sleeps 5 s (a fake timer), then reads it again.
  const processing = openai.files.waitForProcessing(file.id);
  await advanceTime(5_000);
  await expect(processing).resolves.toMatchObject({ id: file.id, status: 'processed' });

  expect(openaiMock).toHaveUploadedFile({ purpose: 'fine-tune', filename: 'train.jsonl', content: TRAINING_JSONL });
  expect(openaiMock).toHaveUploadedFile({ content: expect.stringContaining('"See you."') });
  expect(openaiMock).not.toHaveUploadedFile({ purpose: 'batch' });
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files', { purpose: 'fine-tune' });
  expect(openaiMock).toHaveReceivedRequest('GET', `/v1/files/${file.id}`);
});

test('fine-tuning: a job polled by user code reaches succeeded', async () => {
  useFakeTimers();
  const openai = client();
  const file = await uploadTrainingFile(openai, 'ft.jsonl');
  const job = await openai.fineTuning.jobs.create({ model: BASE_MODEL, training_file: file.id });
  expect(job.status).toBe('validating_files');
  expect(openaiMock).toHaveJobInStatus(job.id, 'validating_files');

  const polled = (async () => {
    let current = job;
    while (!['succeeded', 'failed', 'cancelled'].includes(current.status)) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      current = await openai.fineTuning.jobs.retrieve(job.id);
    }
    return current;
  })();
  await advanceTime(5_000);
  expect(openaiMock).toHaveJobInStatus(job.id, 'running');
  expect(openaiMock).not.toHaveJobInStatus(job.id, 'succeeded');
  await advanceTime(5_000);
  const done = await polled;

  expect(done).toMatchObject({ status: 'succeeded', fine_tuned_model: `ft:${BASE_MODEL}:openai-mock::mock0001` });
  expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', { model: BASE_MODEL, training_file: file.id });
  expect(openaiMock).toHaveReceivedRequest('GET', `/v1/fine_tuning/jobs/${job.id}`);

  // The fine-tuned model is listed (the SDK's auto-pagination over the list).
  const models = [];
  for await (const model of openai.models.list()) models.push(model.id);
  expect(models).toContain(done.fine_tuned_model);
});

test('chat: a scripted reply (replyOnce)', async () => {
  const openai = client();
  openaiMock.replyOnce('Scripted by the test.');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Say something' }],
  });
  expect(completion.object).toBe('chat.completion');
  expect(completion.choices[0].message).toMatchObject({ role: 'assistant', content: 'Scripted by the test.' });
  expect(openaiMock.pendingReplies).toBe(0);
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Say something' }],
  });
});

test('chat: a streamed reply arrives as deltas', async () => {
  const openai = client();
  openaiMock.replyOnce('Streamed back to the SDK in several chunks.');
  const stream = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Stream it' }],
    stream: true,
  });
  const deltas = [];
  for await (const chunk of stream) {
    expect(chunk.object).toBe('chat.completion.chunk');
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) deltas.push(delta);
  }
  expect(deltas.join('')).toBe('Streamed back to the SDK in several chunks.');
  expect(deltas.length).toBeGreaterThan(1);
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/chat/completions', { stream: true });
});

test('embeddings: one unit vector per input, closer for shared words', async () => {
  const openai = client();
  const docs = ['Senior Python developer, Django', 'Pastry chef in a French bakery'];
  const { data } = await openai.embeddings.create({ model: 'text-embedding-3-small', input: docs });
  expect(data.map((item) => item.index)).toEqual([0, 1]);
  expect(data[0].embedding).toHaveLength(1536);
  const [query] = (await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'python django' })).data;
  const score = (vector) => vector.reduce((sum, x, i) => sum + x * query.embedding[i], 0);
  expect(score(data[0].embedding)).toBeGreaterThan(score(data[1].embedding));
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/embeddings', { input: docs });
});

test("errors: a 404 raises the SDK's own NotFoundError", async () => {
  const openai = client();
  const error = await openai.files.retrieve('file-does-not-exist').then(
    () => undefined,
    (caught) => caught,
  );
  expect(error instanceof OpenAI.NotFoundError).toBe(true);
  expect(error instanceof OpenAI.APIError).toBe(true);
  expect(error.status).toBe(404);
  expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files/file-does-not-exist');
});

test('matchers: a wrong expectation fails with a message', async () => {
  const file = await uploadTrainingFile(client(), 'other.jsonl');
  expect(() => expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl' })).toThrow(/other\.jsonl/);
  expect(() => expect(openaiMock).toHaveJobInStatus('ftjob-missing', 'succeeded')).toThrow(/ftjob-missing/);
  expect(() => expect(openaiMock).not.toHaveReceivedRequest('POST', '/v1/files')).toThrow();
  expect(file.id).toMatch(/^file-/);
});
