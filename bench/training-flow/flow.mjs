// The first origin document's basic training flow, as user code on the official SDK: upload a
// training file, wait for it to be processed, create a fine-tuning job, poll it until it ends.
import { toFile } from 'openai';

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

export const TRAINING_JSONL = `${Array.from({ length: 10 }, (_, i) =>
  JSON.stringify({
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: `Question ${i + 1}` },
      { role: 'assistant', content: `Answer ${i + 1}` },
    ],
  }),
).join('\n')}\n`;

/**
 * @param {import('openai').default} client
 * @param {{ pollMs: number, sleep: (ms: number) => Promise<void> }} options
 */
export async function basicTrainingFlow(client, { pollMs, sleep }) {
  const startedAt = Date.now();
  const file = await client.files.create({ file: await toFile(Buffer.from(TRAINING_JSONL), 'train.jsonl'), purpose: 'fine-tune' });
  await client.files.waitForProcessing(file.id, { pollInterval: pollMs });
  let job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
  let polls = 0;
  while (!TERMINAL.has(job.status)) {
    await sleep(pollMs);
    job = await client.fineTuning.jobs.retrieve(job.id);
    polls += 1;
  }
  return { jobId: job.id, status: job.status, model: job.fine_tuned_model, polls, elapsedMs: Date.now() - startedAt };
}

/** Appends one measurement to the file the benchmark reads. */
export async function record(entry) {
  const { appendFileSync } = await import('node:fs');
  appendFileSync(process.env.BENCH_OUT, `${JSON.stringify(entry)}\n`);
}

export const TESTS_PER_FILE = Number(process.env.BENCH_FLOW_TESTS ?? 30);
