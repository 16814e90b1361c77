import OpenAI from 'openai';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient, uploadTrainingFile } from '../support/client.js';

const client = makeClient();

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function finishedJob(suffix?: string) {
  const file = await uploadTrainingFile(client);
  const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: file.id, ...(suffix ? { suffix } : {}) });
  await advanceTime(10_000);
  return client.fineTuning.jobs.retrieve(job.id);
}

test('lists the base catalogue', async () => {
  const ids = (await client.models.list()).data.map((m) => m.id);
  expect(ids).toEqual(expect.arrayContaining(['gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'text-embedding-3-small', 'davinci-002']));
  expect(await client.models.retrieve('gpt-4o-mini')).toEqual({ id: 'gpt-4o-mini', object: 'model', created: expect.any(Number), owned_by: 'system' });
});

test('a fine-tuned model appears when its job succeeds, not before', async () => {
  const file = await uploadTrainingFile(client);
  const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: file.id, suffix: 'bot' });
  const name = 'ft:gpt-4o-mini-2024-07-18:openai-mock:bot:mock0001';
  await advanceTime(9_999);
  await expect(client.models.retrieve(name)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  await advanceTime(1);
  const model = await client.models.retrieve(name);
  expect(model).toEqual({ id: name, object: 'model', created: job.created_at + 10, owned_by: 'org-mock' });
  expect((await client.models.list()).data.map((m) => m.id)).toContain(name);
  expect(openaiMock.models.has(name)).toBe(true);
  expect(openaiMock.requests.at(-2)!.path).toMatch(/^\/v1\/models\/ft(:|%3A)gpt-4o-mini/);
});

test('unknown models are 404 model_not_found', async () => {
  const error = await client.models.retrieve('gpt-nope').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OpenAI.NotFoundError);
  expect(error).toMatchObject({ code: 'model_not_found', error: { message: "The model 'gpt-nope' does not exist" } });
});

test('fine-tuned models can be deleted; base models cannot', async () => {
  const job = await finishedJob();
  const name = job.fine_tuned_model!;
  await expect(client.models.delete(name)).resolves.toEqual({ id: name, object: 'model', deleted: true });
  await expect(client.models.retrieve(name)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  expect((await client.fineTuning.jobs.retrieve(job.id)).fine_tuned_model).toBe(name);
  await expect(client.models.delete('gpt-4o-mini')).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
});

test('a fine-tuned model can be fine-tuned again (continued training)', async () => {
  const first = await finishedJob('v1');
  const file = await uploadTrainingFile(client);
  const second = await client.fineTuning.jobs.create({ model: first.fine_tuned_model!, training_file: file.id, suffix: 'v2' });
  await advanceTime(10_000);
  expect((await client.fineTuning.jobs.retrieve(second.id)).fine_tuned_model).toBe('ft:gpt-4o-mini-2024-07-18:openai-mock:v2:mock0002');
  await client.models.delete(second.fine_tuned_model ?? 'ft:gpt-4o-mini-2024-07-18:openai-mock:v2:mock0002');
  await expect(
    client.fineTuning.jobs.create({ model: 'ft:gpt-4o-mini-2024-07-18:openai-mock:v2:mock0002', training_file: file.id }),
  ).rejects.toMatchObject({ code: 'model_not_available' });
});
