/**
 * The second origin document's flows, as its users test them: batch-embed CVs and job offers,
 * batch-parse CVs into structured JSON, batch-generate explanations, then match by vector
 * search; with a 5% failure rate and at the Batch API's limits. Everything goes through the
 * official SDK; the batch lifecycle runs on fake timers.
 */
import { Ajv } from 'ajv';
import type OpenAI from 'openai';
import { toFile } from 'openai';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fileFactory } from '../../src/factories/index.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';

// ---- The application under test (core/services/batch_service.ts in a real project) ----

interface BatchRequest {
  custom_id: string;
  method: 'POST';
  url: '/v1/embeddings' | '/v1/chat/completions';
  body: Record<string, unknown>;
}

interface BatchResult {
  custom_id: string;
  response: { status_code: number; body: Record<string, unknown> } | null;
  error: { code: string; message: string } | null;
}

class BatchService {
  constructor(private readonly client: OpenAI) {}

  /** Uploads the requests and starts a batch. */
  async submit(requests: readonly BatchRequest[]): Promise<OpenAI.Batch> {
    const jsonl = requests.map((r) => JSON.stringify(r)).join('\n');
    const file = await this.client.files.create({ file: await toFile(Buffer.from(jsonl), 'batch.jsonl'), purpose: 'batch' });
    return this.client.batches.create({ input_file_id: file.id, endpoint: requests[0]!.url, completion_window: '24h' });
  }

  /** Polls every minute until the batch is done. */
  async wait(batchId: string): Promise<OpenAI.Batch> {
    for (;;) {
      const batch = await this.client.batches.retrieve(batchId);
      if (['completed', 'failed', 'expired', 'cancelled'].includes(batch.status)) return batch;
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
  }

  /** Successful results by custom_id, and the ids that failed. */
  async results(batch: OpenAI.Batch): Promise<{ ok: Map<string, Record<string, unknown>>; failed: string[] }> {
    const ok = new Map<string, Record<string, unknown>>();
    const failed: string[] = [];
    for (const fileId of [batch.output_file_id, batch.error_file_id]) {
      if (!fileId) continue;
      const text = await (await this.client.files.content(fileId)).text();
      for (const line of text.split('\n').filter(Boolean)) {
        const result = JSON.parse(line) as BatchResult;
        if (result.response?.status_code === 200) ok.set(result.custom_id, result.response.body);
        else failed.push(result.custom_id);
      }
    }
    return { ok, failed };
  }
}

const CVS = {
  'cv-1': 'Senior Python developer, Django and PostgreSQL, eight years of backend work',
  'cv-2': 'Pastry chef trained in French bakeries, croissants and viennoiserie',
  'cv-3': 'Data scientist: Python, pandas, machine learning models in production',
};
const JOBS = {
  'job-1': 'Backend Python developer for our Django platform',
  'job-2': 'Baker for a French bakery, croissants every morning',
};

const embedRequest = (id: string, text: string): BatchRequest => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/embeddings',
  body: { model: 'text-embedding-3-small', input: text },
});

const RESUME_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['basics', 'work', 'skills'],
  properties: {
    basics: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'email', 'label'],
      properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, label: { type: 'string' } },
    },
    work: { type: 'array', items: { $ref: '#/$defs/position' } },
    skills: { type: 'array', items: { type: 'string' } },
  },
  $defs: {
    position: {
      type: 'object',
      additionalProperties: false,
      required: ['company', 'position', 'startDate', 'endDate'],
      properties: {
        company: { type: 'string' },
        position: { type: 'string' },
        startDate: { type: 'string', format: 'date' },
        endDate: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
      },
    },
  },
} as const;

const client = makeClient();
const service = new BatchService(client);

async function runBatch(requests: readonly BatchRequest[]) {
  const batch = await service.submit(requests);
  const done = service.wait(batch.id);
  await advanceTime(120_000);
  return done;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  openaiMock.resetConfig();
});

describe('the origin document flows', () => {
  test('embeddings batch for CVs and jobs, then matching by vector search', async () => {
    const requests = [
      ...Object.entries(CVS).map(([id, text]) => embedRequest(id, text)),
      ...Object.entries(JOBS).map(([id, text]) => embedRequest(id, text)),
    ];
    const batch = await runBatch(requests);
    expect(batch).toMatchObject({ status: 'completed', request_counts: { total: 5, completed: 5, failed: 0 } });

    const { ok } = await service.results(batch);
    const vector = (id: string) => ((ok.get(id)!['data'] as { embedding: number[] }[])[0]!).embedding;
    const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    const best = (jobId: string) =>
      Object.keys(CVS)
        .map((cvId) => ({ cvId, score: cosine(vector(jobId), vector(cvId)) }))
        .sort((a, b) => b.score - a.score)[0]!.cvId;
    expect(best('job-1')).toBe('cv-1');
    expect(best('job-2')).toBe('cv-2');
    expect(vector('cv-1')).toHaveLength(1536);
  });

  test('CV-parsing batch: structured outputs give JSON that validates against the schema', async () => {
    const requests: BatchRequest[] = Object.entries(CVS).map(([id, text]) => ({
      custom_id: `cv-parse-${id}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Extract the CV as JSON Resume.' },
          { role: 'user', content: text },
        ],
        response_format: { type: 'json_schema', json_schema: { name: 'resume', strict: true, schema: RESUME_SCHEMA } },
      },
    }));
    const batch = await runBatch(requests);
    const { ok } = await service.results(batch);
    expect(ok.size).toBe(3);

    const validate = new Ajv({ strict: false, validateFormats: false }).compile(RESUME_SCHEMA);
    for (const body of ok.values()) {
      const content = (body['choices'] as OpenAI.ChatCompletion.Choice[])[0]!.message.content!;
      const resume: unknown = JSON.parse(content);
      expect(validate(resume), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  test('explanations batch: the reply can depend on the custom_id and the prompt', async () => {
    openaiMock.replyWith((request) =>
      request.customId?.startsWith('pred-')
        ? `This candidate is a great match because: ${request.lastUserMessage}`
        : undefined,
    );
    const requests: BatchRequest[] = [
      {
        custom_id: 'pred-cv-1-job-1',
        method: 'POST',
        url: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Python and Django on both sides.' }] },
      },
    ];
    const { ok } = await service.results(await runBatch(requests));
    const message = (ok.get('pred-cv-1-job-1')!['choices'] as OpenAI.ChatCompletion.Choice[])[0]!.message;
    expect(message.content).toBe('This candidate is a great match because: Python and Django on both sides.');
  });

  test('a 5% failure rate: failed requests are in the error file and the counts, the same ones every run', async () => {
    openaiMock.configure({ batches: { failureRate: 0.05, failureSeed: 2024 } });
    const requests = Array.from({ length: 400 }, (_, i) => embedRequest(`cv-${i}`, `candidate number ${i}`));
    const batch = await runBatch(requests);
    const { ok, failed } = await service.results(batch);
    expect(batch.request_counts).toEqual({ total: 400, completed: ok.size, failed: failed.length });
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(40);

    openaiMock.reset();
    const again = await service.results(await runBatch(requests));
    expect(again.failed).toEqual(failed);
  });
});

describe('scalability: the Batch API limits', () => {
  test('50,000 requests (the maximum) complete, every line answered', async () => {
    const requests = Array.from({ length: 50_000 }, (_, i) =>
      embedRequest(`cv-${i}`, `candidate ${i} python developer`),
    ).map((r) => ({ ...r, body: { ...r.body, dimensions: 8 } }));
    const batch = await runBatch(requests);
    expect(batch.request_counts).toEqual({ total: 50_000, completed: 50_000, failed: 0 });
    const output = await (await client.files.content(batch.output_file_id!)).text();
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(50_000);
    expect((JSON.parse(lines[49_999]!) as BatchResult).custom_id).toBe('cv-49999');
  }, 30_000);

  test('an input file of 200 MB is accepted; one byte more fails the batch', async () => {
    const line = (i: number, pad: number) =>
      JSON.stringify({ ...embedRequest(`cv-${i}`, 'short text'), body: { model: 'text-embedding-3-small', input: 'short text', dimensions: 4, user: 'u'.repeat(pad) } });
    const limit = 200 * 1024 * 1024;
    const count = 50_000;
    const base = line(0, 0).length + 1;
    const pad = Math.floor(limit / count) - base - 8;
    const lines = Array.from({ length: count }, (_, i) => line(i, pad));
    let text = `${lines.join('\n')}\n`;
    text += ' '.repeat(limit - Buffer.byteLength(text));
    expect(Buffer.byteLength(text)).toBe(limit);

    // Seeded rather than uploaded: a 200 MB multipart upload through nock takes seconds.
    const file = await fileFactory.forBatch().create({ created_at: Math.floor(Date.now() / 1000) }, { transient: { content: text } });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    await advanceTime(10_000);
    expect(await client.batches.retrieve(batch.id)).toMatchObject({ status: 'completed', request_counts: { total: count, completed: count } });

    const tooBig = await fileFactory.forBatch().create({}, { transient: { content: `${text} ` } });
    const failing = await client.batches.create({ input_file_id: tooBig.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    await advanceTime(2000);
    expect((await client.batches.retrieve(failing.id)).errors!.data).toEqual([
      { code: 'file_too_large', line: null, param: null, message: 'The input file exceeds the maximum size of 200 MB.' },
    ]);
  }, 60_000);
});
