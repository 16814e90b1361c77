// The flow against openai-mock, as a user's Vitest test: fake timers, advanceTime, no sleeps.
import OpenAI from 'openai';
import { afterEach, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../../dist/esm/vitest.js';
import { TESTS_PER_FILE, basicTrainingFlow, record } from './flow.mjs';

// Taken before any test fakes timers (Vitest's fake timers fake `performance` too).
const realNow = performance.now.bind(performance);
const client = new OpenAI({ apiKey: 'sk-bench', maxRetries: 0 });
const transport = process.env.OPENAI_MOCK_TRANSPORT === 'fetch' ? 'fetch' : 'nock';

afterEach(() => {
  vi.useRealTimers();
});

for (let i = 0; i < TESTS_PER_FILE; i++) {
  test(`basic training flow #${i + 1}`, async () => {
    const start = realNow();
    vi.useFakeTimers();
    let finished = false;
    const run = basicTrainingFlow(client, { pollMs: 1000, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
    void run.finally(() => (finished = true));
    while (!finished) await advanceTime(1000);
    const result = await run;
    const realMs = realNow() - start;
    expect(result).toMatchObject({ status: 'succeeded', model: expect.stringMatching(/^ft:gpt-4o-mini-2024-07-18:/) });
    expect(openaiMock).toHaveJobInStatus(result.jobId, 'succeeded');
    await record({ subject: `openai-mock-${transport}`, realMs, virtualMs: result.elapsedMs, polls: result.polls, requests: openaiMock.requests.length });
  });
}
