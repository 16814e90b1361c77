// A user's view: a fine-tuning pipeline under test, asserted with the three matchers only.
import type OpenAI from 'openai';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { newClient, uploadFile } from './support.js';

/** The code under test: upload, train, wait, clean up. */
async function fineTune(client: OpenAI, data: string): Promise<string> {
  const file = await uploadFile(client, 'train.jsonl', data);
  let job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id, suffix: 'support' });
  while (!['succeeded', 'failed', 'cancelled'].includes(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    job = await client.fineTuning.jobs.retrieve(job.id);
  }
  await client.files.delete(file.id);
  if (job.status !== 'succeeded') throw new Error(`fine-tuning ${job.status}`);
  return job.fine_tuned_model!;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('a fine-tuning pipeline, asserted through the mock', async () => {
  const line = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}';
  const done = fineTune(newClient(), `${line}\n${line}\n`);
  await advanceTime(4000);
  expect(openaiMock).toHaveJobInStatus('ftjob-mock000001', 'running');
  await advanceTime(7000);
  const model = await done;

  expect(model).toMatch(/^ft:gpt-4o-mini-2024-07-18:.*:support:/);
  expect(openaiMock).toHaveJobInStatus('ftjob-mock000001', 'succeeded');
  expect(openaiMock).toHaveUploadedFile({
    filename: 'train.jsonl',
    purpose: 'fine-tune',
    content: expect.stringMatching(/^(\{"messages".*\}\n){2}$/),
  });
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', { suffix: 'support', training_file: 'file-mock000001' });
  expect(openaiMock).toHaveReceivedRequest('GET', '/v1/fine_tuning/jobs/ftjob-mock000001');
  expect(openaiMock).toHaveReceivedRequest('DELETE', '/v1/files/file-mock000001');
  expect(openaiMock).not.toHaveReceivedRequest('POST', /\/cancel$/);
});
