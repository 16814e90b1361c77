/**
 * What every file of the parallel-isolation suite runs. Jest runs those files at the same time
 * in separate workers (`maxWorkers: 2` in jest.config.js); each one configures the mock its own
 * way, scripts its own reply and creates its own files and job, then checks it sees exactly
 * that: ids from 1, its counts, its request log, its reply. Once the file is over, nothing of
 * the mock is left in the worker for the next file.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI, { toFile } from 'openai';
import { advanceTime, openaiMock } from 'openai-mock/jest';
import { originals } from './isolation-originals';

/** Shared by the workers of one Jest run (their parent is the Jest process). */
const runDir = join(tmpdir(), `openai-mock-example-isolation-${process.ppid}`);
const workerId = process.env.JEST_WORKER_ID ?? 'in band';

/**
 * Marks this file as running, then waits (real time, up to 15 s) until a file in another worker
 * has marked itself too. Returns the workers seen.
 */
async function otherWorkers(name: string): Promise<string[]> {
  mkdirSync(runDir, { recursive: true });
  writeFileSync(join(runDir, name), workerId);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const others = readdirSync(runDir)
      .map((file) => readFileSync(join(runDir, file), 'utf8'))
      .filter((id) => id !== workerId);
    if (others.length > 0 || Date.now() > deadline) return others;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const line = (n: number): string =>
  JSON.stringify({ messages: [{ role: 'user', content: `Question ${n}` }, { role: 'assistant', content: `Answer ${n}` }] });

export function describeIsolatedFile(name: string, uploads: number): void {
  const client = new OpenAI({ apiKey: `sk-${name}`, maxRetries: 0 });

  describe(`${name}: one of several files running at once`, () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('runs in its own worker while another file runs in another', async () => {
      // Run in band (one file at a time), nothing else would ever be running: Jest must use workers.
      expect(await otherWorkers(name)).not.toEqual([]);
    }, 20_000);

    it('starts from a fresh mock with the defaults', () => {
      expect(openaiMock.requests).toEqual([]);
      expect(openaiMock.files.size).toBe(0);
      expect(openaiMock.config.organization.slug).toBe('openai-mock');
    });

    it('sees only the state it creates', async () => {
      openaiMock.configure({ organization: { slug: name }, files: { processingMs: 0 } });
      openaiMock.replyWith(`${name} speaking`);
      const ids: string[] = [];
      for (let i = 1; i <= uploads; i++) {
        const file = await client.files.create({ file: await toFile(Buffer.from(`${line(i)}\n`), `${name}-${i}.jsonl`), purpose: 'fine-tune' });
        ids.push(file.id);
        await new Promise((resolve) => setTimeout(resolve, 5)); // let the other files' requests interleave
      }
      const chat = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Who is there?' }] });
      const listed = await client.files.list();

      expect(ids).toEqual(Array.from({ length: uploads }, (_, i) => `file-mock${String(i + 1).padStart(6, '0')}`));
      expect(chat.choices[0]?.message.content).toBe(`${name} speaking`);
      expect(listed.data.map((f) => f.filename).sort()).toEqual(Array.from({ length: uploads }, (_, i) => `${name}-${i + 1}.jsonl`));
      expect(openaiMock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        ...ids.map(() => 'POST /v1/files'),
        'POST /v1/chat/completions',
        'GET /v1/files',
      ]);
    });

    it('runs a job on its own clock, with the configuration it set', async () => {
      jest.useFakeTimers();
      const file = await client.files.create({ file: await toFile(Buffer.from(`${line(1)}\n`), 'again.jsonl'), purpose: 'fine-tune' });
      const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
      await advanceTime(10_000);
      expect(file.id).toBe('file-mock000001');
      expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
      expect(openaiMock.jobs.get(job.id)?.fine_tuned_model).toBe(`ft:gpt-4o-mini-2024-07-18:${name}::mock0001`);
    });
  });

  // Jest runs the setup file's afterAll (where the mock uninstalls itself and turns off the
  // copies of nock this file loaded) before this one.
  afterAll(() => {
    const before = originals();
    expect(net.Socket.prototype.connect).toBe(before.connect);
    expect(http.request).toBe(before.httpRequest);
    expect(globalThis.fetch).toBe(before.fetch);
  });
}
