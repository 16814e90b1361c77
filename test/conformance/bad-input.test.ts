import { readFileSync } from 'node:fs';
import OpenAI, { toFile } from 'openai';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createOpenAIMock } from '../../src/index.js';
import { OPENAI_ROUTES } from '../../src/engine/openai-routes.js';
import { openaiMock } from '../../src/vitest.js';
import { dataset } from '../support/client.js';
import {
  badInputCases,
  defaultParams,
  type BadInputCase,
  type CaseBody,
  type ExpectedError,
  type Fixtures,
} from './bad-input-cases.js';

/**
 * The counted bad-input corpus (see bad-input-cases.ts). Each case is sent through `fetch` to
 * the mock (and through the SDK when the SDK can send it); the answer must be the API's status
 * and error envelope, the mock must not crash or hang, and no object may change.
 */

const BASE = 'https://api.openai.com/v1';
/** Longer than any case needs (the slowest, a 64 MB part through nock, takes about 2.5 s). */
const HANG_MS = 20_000;

/** The ids the fixtures get: ids are sequential and restart before every test. */
const FIXTURES: Fixtures = {
  file: 'file-mock000001',
  batchFile: 'file-mock000002',
  job: 'ftjob-mock000001',
  batch: 'batch_mock000001',
  upload: 'upload_mock000001',
  response: 'resp_mock000001',
};

const CASES = badInputCases(FIXTURES);

/**
 * What the slower nock pass sends: the first case of each kind on each route, and every case
 * whose bytes or path a transport could read differently (raw bodies, raw path segments).
 */
const SAMPLE = CASES.filter(
  (c, i) =>
    CASES.findIndex((d) => d.route === c.route && d.kind === c.kind) === i ||
    c.request.rawParams !== undefined ||
    (c.request.body !== undefined && 'raw' in c.request.body),
);

/**
 * How cases reach the mock: every case through the fast path (and the SDK), and a sample
 * through nock under the global `fetch`, the default transport, which parses bodies its own way.
 */
const TRANSPORTS = [
  ['openaiMock.fetch', (url: string, init: RequestInit) => openaiMock.fetch(url, init), CASES],
  ['nock', (url: string, init: RequestInit) => fetch(url, init), SAMPLE],
] as const;

/** Every (method, path) the mock serves, found by asking the engine about every route of the spec. */
function servedRoutes(): string[] {
  const probe = createOpenAIMock({ onUnhandledRequest: 'bypass' });
  return OPENAI_ROUTES.filter((route) => !route.includes('?')).filter((route) => {
    const [method, path] = route.split(' ') as [string, string];
    return probe.willAnswer(method, `${BASE}${path.replace(/\{\w+\}/g, 'x')}`);
  });
}

const client = new OpenAI({ apiKey: 'sk-test-key', maxRetries: 0, fetch: openaiMock.fetch });

beforeEach(async () => {
  // Only Date is faked: statuses stay put between the two snapshots, and the hang guard's real
  // setTimeout still runs.
  vi.useFakeTimers({ toFake: ['Date'] });
  const file = await client.files.create({ file: await toFile(Buffer.from(dataset(3)), 'train.jsonl'), purpose: 'fine-tune' });
  const line = JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] } });
  const batchFile = await client.files.create({ file: await toFile(Buffer.from(`${line}\n`), 'in.jsonl'), purpose: 'batch' });
  const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
  const batch = await client.batches.create({ input_file_id: batchFile.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
  const upload = await client.uploads.create({ filename: 'big.jsonl', purpose: 'fine-tune', bytes: 10, mime_type: 'text/jsonl' });
  const response = await client.responses.create({ model: 'gpt-4o-mini', input: 'Hi', background: true });
  // A scripted reply waiting for the next chat or response: a refused request must not use it.
  openaiMock.replyOnce('kept for later');
  expect({ file: file.id, batchFile: batchFile.id, job: job.id, batch: batch.id, upload: upload.id, response: response.id }).toEqual(FIXTURES);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Every object the mock holds, as the API would return it now, with the bytes of every file. */
function snapshot(): unknown {
  return {
    files: openaiMock.files.all().map((file) => ({ file, content: Buffer.from(openaiMock.files.content(file.id) ?? []).toString('base64') })),
    uploadedFiles: openaiMock.files.uploads().map(({ file, deleted }) => ({ id: file.id, deleted })),
    uploads: openaiMock.uploads.all(),
    jobs: openaiMock.jobs.all().map((job) => ({ job, events: openaiMock.jobs.events(job.id), checkpoints: openaiMock.jobs.checkpoints(job.id) })),
    batches: openaiMock.batches.all(),
    responses: openaiMock.responses.all(),
    models: openaiMock.models.all(),
    pendingReplies: openaiMock.pendingReplies,
  };
}

function concretePath(testCase: BadInputCase): { method: string; path: string } {
  const [method, template] = testCase.route.split(' ') as [string, string];
  const params = { ...defaultParams(FIXTURES), ...testCase.request.params };
  const raw = testCase.request.rawParams ?? {};
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => raw[name] ?? encodeURIComponent(params[name] ?? ''));
  return { method, path };
}

function requestInit(method: string, body: CaseBody | undefined, auth: boolean): RequestInit {
  const headers: Record<string, string> = auth ? { authorization: 'Bearer sk-test-key' } : {};
  if (body === undefined) return { method, headers };
  if ('json' in body) return { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body.json) };
  if ('raw' in body) {
    if (body.contentType !== undefined) headers['content-type'] = body.contentType;
    return { method, headers, body: body.raw as BodyInit };
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(body.form.fields ?? {})) form.append(name, value);
  for (const [name, part] of Object.entries(body.form.files ?? {})) {
    form.append(name, new Blob([part.content as BlobPart], { type: part.type ?? 'application/octet-stream' }), part.filename);
  }
  return { method, headers, body: form };
}

/** Settles within {@link HANG_MS} or fails naming the case: a hung request is a defect. */
async function bounded<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function envelope(expected: ExpectedError): unknown {
  return {
    error: {
      message: typeof expected.message === 'string' ? expected.message : expect.stringMatching(expected.message),
      type: expected.type,
      param: expected.param,
      code: expected.code,
    },
  };
}

/** Whether the SDK can send this case as it is (a JSON object body, or none, with a key). */
function sdkCanSend(testCase: BadInputCase): boolean {
  const body = testCase.request.body;
  if (testCase.request.noAuth) return false;
  if (body === undefined) return true;
  return 'json' in body && typeof body.json === 'object' && body.json !== null && !Array.isArray(body.json);
}

async function viaSdk(testCase: BadInputCase): Promise<unknown> {
  const { method, path } = concretePath(testCase);
  const body = testCase.request.body;
  const options = {
    query: testCase.request.query,
    body: body !== undefined && 'json' in body ? body.json : undefined,
  };
  if (method === 'GET') return client.get(path, options);
  if (method === 'DELETE') return client.delete(path, options);
  return client.post(path, options);
}

describe.each(TRANSPORTS)('bad input through %s', (transport, send, cases) => {
  test.each(cases.map((c) => [`${c.route} · ${c.kind} · ${c.name}`, c] as const))('%s', async (_, testCase) => {
    const before = snapshot();
    const { method, path } = concretePath(testCase);
    const query = new URLSearchParams(testCase.request.query ?? {}).toString();
    const url = `${BASE}${path}${query ? `?${query}` : ''}`;
    const response = await bounded(send(url, requestInit(method, testCase.request.body, !testCase.request.noAuth)), `${method} ${url}`);
    const text = await bounded(response.text(), `reading the answer to ${method} ${url}`);
    expect(text).not.toContain('This is a bug in openai-mock');
    expect(response.status).toBe(testCase.expect.status);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(openaiMock.requests.at(-1)).toMatchObject({ method, status: testCase.expect.status });

    if ('why' in testCase.expect) {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
    } else {
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(text)).toEqual(envelope(testCase.expect));
    }

    // The SDK sends what it can once, on the fast path (the nock pass would only repeat it).
    if (transport === 'openaiMock.fetch' && sdkCanSend(testCase)) {
      const sdk = viaSdk(testCase);
      if ('why' in testCase.expect) {
        await expect(bounded(sdk, `the SDK's ${method} ${path}`)).resolves.toBeDefined();
      } else {
        const error = await bounded(sdk.then(() => null, (e: unknown) => e), `the SDK's ${method} ${path}`);
        expect(error).toBeInstanceOf(OpenAI.APIError);
        expect(error).toMatchObject({ status: testCase.expect.status, error: (envelope(testCase.expect) as { error: unknown }).error });
      }
    }

    expect(snapshot()).toEqual(before);
  }, HANG_MS * 3);
});

describe('the corpus', () => {
  const served = servedRoutes();
  const perRoute = new Map(served.map((route) => [route, CASES.filter((c) => c.route === route)]));

  test('finds the routes the mock serves', () => {
    expect(served).toContain('POST /files');
    expect(served).toContain('GET /batches/{batch_id}');
    expect(served).not.toContain('POST /images/generations');
    expect(served.length).toBeGreaterThanOrEqual(31);
  });

  test('names only routes the mock serves', () => {
    const strays = CASES.filter((c) => !served.includes(c.route)).map((c) => c.route);
    expect(strays).toEqual([]);
  });

  test('has cases for every route, an unknown id for every route with an id, and no two cases alike', () => {
    const thin = [...perRoute].filter(([, cases]) => cases.length < 3).map(([route, cases]) => `${route}: ${cases.length}`);
    expect(thin).toEqual([]);
    const noUnknownId = served.filter((r) => r.includes('{') && !perRoute.get(r)!.some((c) => c.kind === 'unknown id'));
    expect(noUnknownId).toEqual([]);
    const takes = (route: string, shape: 'json' | 'form'): boolean =>
      perRoute.get(route)!.some((c) => c.kind === 'missing field' && c.request.body !== undefined && shape in c.request.body);
    const jsonRoutes = served.filter((r) => takes(r, 'json'));
    const formRoutes = served.filter((r) => takes(r, 'form'));
    expect(jsonRoutes.length).toBeGreaterThanOrEqual(7);
    expect(formRoutes).toEqual(['POST /files', 'POST /uploads/{upload_id}/parts']);
    const lacking = (routes: string[], kinds: readonly string[]): string[] =>
      routes.flatMap((r) => kinds.filter((k) => !perRoute.get(r)!.some((c) => c.kind === k)).map((k) => `${r}: ${k}`));
    expect(lacking(jsonRoutes, ['malformed JSON', 'wrong type', 'missing field', 'unknown field', 'content type', 'empty body'])).toEqual([]);
    expect(lacking(formRoutes, ['multipart', 'missing field', 'content type', 'empty body'])).toEqual([]);
    const lists = served.filter((r) => perRoute.get(r)!.some((c) => c.request.query?.['limit'] !== undefined));
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const names = CASES.map((c) => `${c.route} · ${c.kind} · ${c.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  test('the README states the counts', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const paragraph = /\*\*Bad input\.\*\*.*?(?= ### )/.exec(readme)?.[0];
    const unverified = CASES.filter((c) => c.unverified !== undefined).length;
    expect(paragraph).toContain(`sends **${CASES.length} bad requests** over the ${served.length} served routes`);
    expect(paragraph).toContain(`(${SAMPLE.length} of them through nock as well)`);
    expect(paragraph).toContain(`${unverified} of the expected texts are not on record`);
    // The introduction repeats the count.
    expect(readme).toContain(`a counted corpus of ${CASES.length} bad requests gets the real API's errors`);
  });

  afterAll(() => {
    const kinds = new Map<string, number>();
    for (const c of CASES) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    const unverified = CASES.filter((c) => c.unverified !== undefined).length;
    console.log(
      `bad-input corpus: ${CASES.length} cases over ${served.length} routes, ${SAMPLE.length} of them also through nock ` +
        `(${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; ${unverified} with a text not on record)`,
    );
  });
});
