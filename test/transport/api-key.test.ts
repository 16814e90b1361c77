// The API key is never logged, never stored unredacted and never sent anywhere. A unique key is
// used for a whole session through both transports (nock and openaiMock.fetch) and every client
// shape (SDK, plain fetch with Azure-style headers and query), over success, errors, warnings,
// batches and failing matchers; then everything the mock printed, kept, answered or threw is
// searched for it.
import dns from 'node:dns';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import nock from 'nock';
import OpenAI, { toFile } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { ReplyRequest } from '../../src/index.js';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { chatLine } from '../support/client.js';
import { startLocalServer, type LocalServer } from '../support/local-server.js';

/** The secret. Nothing the mock keeps, prints, answers or throws may contain it. */
const KEY = 'sk-proj-canary-6d1f0b83e2a94c57';

let server: LocalServer;
/** Every string a search must cover, gathered during the test. */
let haystack: string[];
let printed: string[];

beforeAll(async () => {
  server = await startLocalServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  nock.enableNetConnect();
  server.requests.length = 0;
});

/** Captures what anything prints through the console while the test runs. */
function captureConsole(): void {
  printed = [];
  haystack = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: null }))).join(' '));
    });
  }
}

/** A fetch for the fast path that keeps a copy of every answer (status, headers, body). */
function recordingFetch(): typeof fetch {
  return async (input, init) => {
    const response = await openaiMock.fetch(input as string | URL | Request, init);
    haystack.push(JSON.stringify([...response.headers]), await response.clone().text());
    return response;
  };
}

/** The message of a matcher that fails, or of whatever a call throws. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? `${error.message}\n${inspect(error, { depth: null })}` : inspect(error);
  }
  throw new Error('expected the call to throw');
}

/**
 * Every spelling of a place a key rides that a client may use: query names in any case, with
 * `-` or `_`, with or without brackets (the SDK sends an array as `name[]`); a proxy's or a
 * gateway's header; a cookie.
 */
const KEY_QUERY = {
  apikey: KEY,
  access_token: KEY,
  api_key: [KEY],
  'Api-Key': KEY,
  ACCESS_TOKEN: KEY,
  'api_key[0]': KEY,
  'auth[api_key]': KEY,
  token: KEY,
  'subscription-key': KEY,
};
const KEY_HEADERS = {
  'Proxy-Authorization': `Basic ${Buffer.from(`user:${KEY}`).toString('base64')}`,
  'X-OpenAI-Api-Key': KEY,
  Cookie: `session=${KEY}; theme=dark`,
  'X-Portkey-Api-Key': KEY,
  'Ocp-Apim-Subscription-Key': KEY,
  'Helicone-Auth': `Bearer ${KEY}`,
};

/** Every file the mock writes when inspecting state on disk, as text. */
function everythingWritten(): string[] {
  const root = mkdtempSync(join(tmpdir(), 'openai-mock-key-'));
  try {
    const dir = openaiMock.writeState(root);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((entry) => entry.name)).toContain('requests.jsonl');
    return files.map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Everything the mock holds, as text: the request log, every collection, every file's bytes. */
function everythingStored(): string[] {
  const files = openaiMock.files.uploads().map(({ file, content }) => `${JSON.stringify(file)}\n${new TextDecoder().decode(content)}`);
  const current = openaiMock.files.all().map((file) => new TextDecoder().decode(openaiMock.files.content(file.id)));
  return [
    JSON.stringify(openaiMock.requests),
    inspect(openaiMock.requests, { depth: null }),
    ...files,
    ...current,
    JSON.stringify(openaiMock.jobs.all()),
    JSON.stringify(openaiMock.batches.all()),
    JSON.stringify(openaiMock.responses.all()),
    JSON.stringify(openaiMock.uploads.all()),
    JSON.stringify(openaiMock.models.all()),
    inspect(openaiMock, { depth: 6, showHidden: true }),
  ];
}

describe('the API key', () => {
  test('is never printed, kept, echoed or thrown, through either transport', async () => {
    captureConsole();
    openaiMock.configure({ onUnhandledRequest: 'warn', files: { processingMs: 0 } });
    const replyRequests: ReplyRequest[] = [];
    openaiMock.replyWith((request) => {
      replyRequests.push(request);
      return undefined;
    });
    const viaNock = new OpenAI({ apiKey: KEY, maxRetries: 0 });
    const viaFetch = new OpenAI({ apiKey: KEY, maxRetries: 0, fetch: recordingFetch() });
    const errors: unknown[] = [];
    const failure = <T>(promise: Promise<T>): Promise<void> => promise.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => void errors.push(e));

    for (const client of [viaNock, viaFetch]) {
      const training = await client.files.create({ file: await toFile(Buffer.from(`${chatLine()}\n`), 'train.jsonl'), purpose: 'fine-tune' });
      await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: training.id });
      await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
      await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello' });
      await client.responses.create({ model: 'gpt-4o-mini', input: 'hello' });
      const batchLine = JSON.stringify({ custom_id: 'one', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] } });
      const input = await client.files.create({ file: await toFile(Buffer.from(`${batchLine}\n`), 'batch.jsonl'), purpose: 'batch' });
      await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
      await failure(client.files.retrieve('file-nope')); // 404
      await failure(client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-nope' })); // 400
      await failure(client.vectorStores.list()); // not served: 501, and a console warning
      // Every other spelling, on a served route and on one the mock does not serve.
      await client.models.list({ query: KEY_QUERY, headers: KEY_HEADERS });
      await failure(client.vectorStores.list({ query: KEY_QUERY, headers: KEY_HEADERS }));
    }
    // Other ways clients carry a key: Azure's header, gateways' x-api-key, a key in the query.
    for (const name of ['api-key', 'x-api-key', 'openai-api-key']) {
      const headers = { [name]: KEY };
      await fetch('https://api.openai.com/v1/models', { headers });
      await openaiMock.fetch('https://api.openai.com/v1/models', { headers });
    }
    await fetch(`https://api.openai.com/v1/models?api-key=${KEY}`, { headers: { authorization: `Bearer ${KEY}` } });
    await openaiMock.fetch(`https://api.openai.com/v1/models?api_key=${KEY}&key=${KEY}`);

    // The batches finish, so their output files (answers to lines) exist too.
    await advanceTime(10_000);
    for (const batch of openaiMock.batches.all()) expect(batch.status).toBe('completed');

    // Failing matchers list what the mock received.
    const matcherMessages = [
      thrown(() => expect(openaiMock).toHaveReceivedRequest('GET', '/v1/never')),
      thrown(() => expect(openaiMock).not.toHaveReceivedRequest('POST', '/v1/files')),
      thrown(() => expect(openaiMock).not.toHaveReceivedRequest('GET', '/v1/models')),
      thrown(() => expect(openaiMock).toHaveUploadedFile({ filename: 'other.jsonl' })),
      thrown(() => expect(openaiMock).toHaveJobInStatus('ftjob-mock000001', 'cancelled')),
      thrown(() => expect(openaiMock).toHaveBatchInStatus(openaiMock.batches.all()[0]!.id, 'failed')),
    ];
    // Misuse of the library throws coded errors; they must not carry it either.
    const misuse = [thrown(() => openaiMock.configure({ files: { processingMs: -1 } })), thrown(() => openaiMock.clock.advance(-1))];

    haystack.push(
      ...printed,
      ...everythingStored(),
      ...everythingWritten(),
      ...matcherMessages,
      ...misuse,
      ...errors.map((e) => `${(e as Error).message}\n${inspect(e, { depth: null })}\n${JSON.stringify(e)}`),
      inspect(replyRequests, { depth: null }),
    );

    // The search covers what it should: headers were recorded (redacted), a warning was printed,
    // the matchers listed requests, every error was caught.
    expect(openaiMock.requests.length).toBeGreaterThan(25);
    expect(openaiMock.requests.filter((r) => r.headers['authorization'] === 'Bearer [REDACTED]').length).toBeGreaterThan(20);
    expect(openaiMock.requests.filter((r) => r.headers['api-key'] === '[REDACTED]')).toHaveLength(2);
    expect(openaiMock.requests.filter((r) => r.headers['x-api-key'] === '[REDACTED]')).toHaveLength(2);
    expect(openaiMock.requests.filter((r) => r.headers['openai-api-key'] === '[REDACTED]')).toHaveLength(2);
    const spelled = openaiMock.requests.filter((r) => r.headers['x-openai-api-key'] !== undefined);
    expect(spelled).toHaveLength(4);
    for (const request of spelled) {
      expect(request.query).toEqual({
        apikey: '[REDACTED]',
        access_token: '[REDACTED]',
        'api_key[]': '[REDACTED]',
        'Api-Key': '[REDACTED]',
        ACCESS_TOKEN: '[REDACTED]',
        'api_key[0]': '[REDACTED]',
        'auth[api_key]': '[REDACTED]',
        token: '[REDACTED]',
        'subscription-key': '[REDACTED]',
      });
      expect(request.headers).toMatchObject({
        'proxy-authorization': '[REDACTED]',
        'x-openai-api-key': '[REDACTED]',
        cookie: '[REDACTED]',
        'x-portkey-api-key': '[REDACTED]',
        'ocp-apim-subscription-key': '[REDACTED]',
        'helicone-auth': 'Bearer [REDACTED]',
      });
    }
    expect(openaiMock.requests.at(-2)!.query).toEqual({ 'api-key': '[REDACTED]' });
    expect(openaiMock.requests.at(-1)!.query).toEqual({ api_key: '[REDACTED]', key: '[REDACTED]' });
    const warning = expect.stringContaining('[openai-mock] openai-mock does not serve GET /v1/vector_stores.');
    expect(printed).toEqual([warning, warning, warning, warning]);
    expect(matcherMessages[1]).toContain('POST /v1/files');
    expect(errors).toHaveLength(8);
    expect(replyRequests.length).toBeGreaterThanOrEqual(6);

    const leaks = haystack.filter((text) => text.includes(KEY) || text.includes(KEY.slice(-12)));
    expect(leaks).toEqual([]);
  });

  test('is sent nowhere: a whole session runs with the network closed and no DNS lookup', async () => {
    const lookups: string[] = [];
    const lookup = dns.lookup;
    vi.spyOn(dns, 'lookup').mockImplementation(((hostname: string, ...rest: unknown[]) => {
      lookups.push(hostname);
      return (lookup as (...args: unknown[]) => unknown)(hostname, ...rest);
    }) as typeof dns.lookup);
    // The spy sees real connections: one to the local server by name needs a lookup.
    await fetch(`http://localhost:${server.port}/ping`);
    expect(lookups).toContain('localhost');
    lookups.length = 0;
    server.requests.length = 0;

    nock.disableNetConnect(); // any attempt to open a real connection now fails
    vi.useFakeTimers();
    for (const client of [new OpenAI({ apiKey: KEY, maxRetries: 0 }), new OpenAI({ apiKey: KEY, maxRetries: 0, fetch: openaiMock.fetch })]) {
      openaiMock.reset();
      const file = await client.files.create({ file: await toFile(Buffer.from(`${chatLine()}\n`), 'train.jsonl'), purpose: 'fine-tune' });
      const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
      await advanceTime(10_000);
      await expect(client.fineTuning.jobs.retrieve(job.id)).resolves.toMatchObject({ status: 'succeeded' });
      await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }], stream: false });
      await expect(client.files.retrieve('file-nope')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    }
    expect(lookups).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  test("reaches a server only when you let a request through with 'bypass', and is still redacted in the log", async () => {
    openaiMock.configure({ baseURLs: [`${server.origin}/v1`], onUnhandledRequest: 'bypass' });
    const client = new OpenAI({ apiKey: KEY, maxRetries: 0, baseURL: `${server.origin}/v1` });
    await client.get('/not-an-openai-route');
    // Bypass means "send it as it is": the server you routed to gets the request, key included.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(openaiMock.requests).toMatchObject([{ path: '/v1/not-an-openai-route', status: 0, headers: { authorization: 'Bearer [REDACTED]' } }]);
    expect(JSON.stringify(openaiMock.requests)).not.toContain(KEY);
  });

  test('is not in what the nock transport tells nock about a request it lets through', async () => {
    openaiMock.configure({ baseURLs: [`${server.origin}/v1`], onUnhandledRequest: 'bypass' });
    // A stub of the user's for the same path (but another query) makes nock ask every
    // interceptor on the origin, ours included, why it does not match, and report the reasons to
    // 'no match' listeners.
    const stub = nock(server.origin).get('/v1/not-an-openai-route').query({ other: 'x' });
    stub.reply(200, {});
    const reasons: string[] = [];
    const onNoMatch = (_: unknown, results?: readonly { readonly reasons: readonly string[] }[]): void => {
      reasons.push(...(results ?? []).flatMap((result) => result.reasons));
    };
    nock.emitter.on('no match', onNoMatch);
    try {
      const client = new OpenAI({ apiKey: KEY, maxRetries: 0, baseURL: `${server.origin}/v1` });
      await client.get('/not-an-openai-route', { query: { api_key: KEY, limit: 2 } });
      expect(server.requests).toHaveLength(1);
      expect(reasons).toContain(`openai-mock does not answer GET ${server.origin}/v1/not-an-openai-route?api_key=[REDACTED]&limit=2`);
      expect(reasons.filter((reason) => reason.includes(KEY))).toEqual([]);
    } finally {
      nock.emitter.removeListener('no match', onNoMatch);
      nock.removeInterceptor(stub);
    }
  });
});
