// The same flow against @copilotkit/aimock, the closest peer: a loopback server whose fine-tuning
// jobs move on by the number of reads. Its best case is measured: no sleeps between polls.
import { LLMock } from '@copilotkit/aimock';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TESTS_PER_FILE, basicTrainingFlow, record } from './flow.mjs';

let server;
let client;

beforeAll(async () => {
  server = new LLMock({ port: 0, logLevel: 'silent' });
  await server.start();
  client = new OpenAI({ apiKey: 'sk-bench', maxRetries: 0, baseURL: `${server.url}/v1` });
});
afterAll(async () => {
  await server.stop();
});

for (let i = 0; i < TESTS_PER_FILE; i++) {
  test(`basic training flow #${i + 1}`, async () => {
    const start = performance.now();
    const result = await basicTrainingFlow(client, { pollMs: 1000, sleep: async () => {} });
    const realMs = performance.now() - start;
    expect(result.status).toBe('succeeded');
    await record({ subject: 'aimock', realMs, virtualMs: null, polls: result.polls, requests: null });
  });
}
