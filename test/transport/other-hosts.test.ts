// Requests to hosts that are not OpenAI's pass through untouched, on both transports (nock, the
// default, and the openaiMock.fetch fast path), unless the user routes them with `baseURLs`. A
// local node:http server echoes what it received (method, URL, headers, body bytes), so the test
// compares what was sent with what arrived, and what the server answered with what came back.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import nock from 'nock';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createOpenAIMock } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';

interface Echo {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  /** sha256 of the body bytes as received. */
  readonly bodySha256: string;
  readonly bodyLength: number;
}

let server: http.Server;
let origin: string;
const received: Echo[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const echo: Echo = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bodySha256: createHash('sha256').update(body).digest('hex'),
        bodyLength: body.length,
      };
      received.push(echo);
      // An answer shaped nothing like OpenAI's, with headers of its own, to see it come back as is.
      res.writeHead(207, { 'content-type': 'application/x-echo+json', 'x-echo': 'yes', 'set-cookie': 'a=1' });
      res.end(JSON.stringify(echo));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  received.length = 0;
  nock.enableNetConnect();
  openaiMock.resetConfig();
});

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
/** Bytes no text decoding would keep as they are. */
const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256);
const sentHeaders = { authorization: 'Bearer not-for-openai', 'x-custom': 'kept as sent', 'content-type': 'application/octet-stream' };

/** Checks that the server saw exactly what was sent and the caller got exactly what it answered. */
async function expectUntouched(response: Response, method: string, path: string, body: Uint8Array | null): Promise<void> {
  expect(response.status).toBe(207);
  expect(response.headers.get('content-type')).toBe('application/x-echo+json');
  expect(response.headers.get('x-echo')).toBe('yes');
  expect(response.headers.get('x-request-id')).toBeNull();
  const echo = (await response.json()) as Echo;
  expect(received).toHaveLength(1);
  expect(echo).toEqual(JSON.parse(JSON.stringify(received[0])));
  expect(echo).toMatchObject({ method, url: path, bodyLength: body?.length ?? 0, bodySha256: sha256(body ?? new Uint8Array(0)) });
  expect(echo.headers).toMatchObject({ authorization: 'Bearer not-for-openai', 'x-custom': 'kept as sent' });
  expect(openaiMock.requests).toEqual([]);
}

describe('other hosts, through nock (the default transport)', () => {
  test('global fetch: method, path, query, headers and body bytes arrive as sent; the answer comes back as sent', async () => {
    const response = await fetch(`${origin}/upload/x?a=1&b=%C3%A9`, { method: 'PUT', headers: sentHeaders, body: binary });
    await expectUntouched(response, 'PUT', '/upload/x?a=1&b=%C3%A9', binary);
  });

  test('node:http (axios): the same, on the other interception path', async () => {
    const response = await axios.post(`${origin}/v1/files?x=1`, Buffer.from(binary), { headers: sentHeaders, validateStatus: () => true });
    expect(response.status).toBe(207);
    expect(response.headers['x-echo']).toBe('yes');
    expect(response.data).toMatchObject({ method: 'POST', url: '/v1/files?x=1', bodySha256: sha256(binary), bodyLength: binary.length });
    expect(received[0]!.headers).toMatchObject({ authorization: 'Bearer not-for-openai', 'x-custom': 'kept as sent' });
    expect(openaiMock.requests).toEqual([]);
  });

  test('the SDK pointed at another host reaches it, OpenAI-looking paths included', async () => {
    const client = new OpenAI({ apiKey: 'sk-elsewhere', baseURL: `${origin}/v1`, maxRetries: 0 });
    const echo = (await client.post('/files', { body: { purpose: 'fine-tune' } })) as Echo;
    expect(echo).toMatchObject({ method: 'POST', url: '/v1/files', bodyLength: JSON.stringify({ purpose: 'fine-tune' }).length });
    expect(received[0]!.headers.authorization).toBe('Bearer sk-elsewhere');
    expect(openaiMock.requests).toEqual([]);
  });
});

describe('other hosts, through openaiMock.fetch (the fast path)', () => {
  test('a URL and init go to the global fetch as they were given', async () => {
    const response = await openaiMock.fetch(`${origin}/upload/x?a=1`, { method: 'PATCH', headers: sentHeaders, body: binary });
    await expectUntouched(response, 'PATCH', '/upload/x?a=1', binary);
  });

  test('a Request, a FormData body and a stream body go through unread', async () => {
    const request = new Request(`${origin}/req`, { method: 'POST', headers: sentHeaders, body: binary });
    await expectUntouched(await openaiMock.fetch(request), 'POST', '/req', binary);
    received.length = 0;

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(binary.subarray(0, 100));
        controller.enqueue(binary.subarray(100));
        controller.close();
      },
    });
    const init = { method: 'POST', headers: sentHeaders, body: stream, duplex: 'half' } as RequestInit;
    await expectUntouched(await openaiMock.fetch(`${origin}/stream`, init), 'POST', '/stream', binary);
    received.length = 0;

    const form = new FormData();
    form.append('purpose', 'fine-tune');
    form.append('file', new Blob([binary]), 'data.bin');
    const response = await openaiMock.fetch(`${origin}/form`, { method: 'POST', body: form });
    expect(response.status).toBe(207);
    expect(received[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(received[0]!.bodyLength).toBeGreaterThan(binary.length);
    expect(openaiMock.requests).toEqual([]);
  });

  test('the SDK with the fast path reaches another base URL it is pointed at', async () => {
    const client = new OpenAI({ apiKey: 'sk-elsewhere', baseURL: `${origin}/v1`, maxRetries: 0, fetch: openaiMock.fetch });
    await expect(client.get('/models')).resolves.toMatchObject({ method: 'GET', url: '/v1/models' });
    expect(openaiMock.requests).toEqual([]);
  });
});

describe('routed hosts', () => {
  test('baseURLs routes a host to the mock on both transports; the host sees nothing', async () => {
    openaiMock.configure({ baseURLs: [`${origin}/v1`] });
    for (const fetchOption of [undefined, openaiMock.fetch]) {
      const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${origin}/v1`, maxRetries: 0, ...(fetchOption ? { fetch: fetchOption } : {}) });
      await expect(client.models.list()).resolves.toMatchObject({ data: expect.any(Array) });
    }
    expect(received).toEqual([]);
    expect(openaiMock.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /v1/models 200', 'GET /v1/models 200']);
    openaiMock.resetConfig();
  });

  test('routing claims the whole origin: a path outside the base path gets the unhandled treatment, unless let through', async () => {
    openaiMock.configure({ baseURLs: [`${origin}/v1`] });
    const outside = await fetch(`${origin}/health`);
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ error: { message: 'Invalid URL (GET /health)' } });
    expect(received).toEqual([]);

    openaiMock.configure({ onUnhandledRequest: (request) => (request.path.startsWith('/v1/') ? 'error' : 'bypass') });
    const through = await fetch(`${origin}/health`);
    expect(through.status).toBe(207);
    expect(received).toHaveLength(1);
    openaiMock.resetConfig();
  });

  test('after the routing is undone (resetConfig), the host is reached again', async () => {
    openaiMock.configure({ baseURLs: [`${origin}/v1`] });
    openaiMock.resetConfig();
    const response = await fetch(`${origin}/v1/models`, { headers: sentHeaders });
    expect(response.status).toBe(207);
    expect(received).toHaveLength(1);
  });
});

describe('refusing other hosts', () => {
  test('nock.disableNetConnect() refuses every other host on both transports, and the mock still answers OpenAI', async () => {
    nock.disableNetConnect();
    await expect(fetch(`${origin}/x`)).rejects.toThrow();
    await expect(openaiMock.fetch(`${origin}/x`)).rejects.toThrow();
    await expect(axios.get(`${origin}/x`)).rejects.toThrow(/Nock: Disallowed net connect for "127\.0\.0\.1:\d+\/x"/);
    expect(received).toEqual([]);
    for (const fetchOption of [undefined, openaiMock.fetch]) {
      const client = new OpenAI({ apiKey: 'sk-test', maxRetries: 0, ...(fetchOption ? { fetch: fetchOption } : {}) });
      await expect(client.models.list()).resolves.toMatchObject({ data: expect.any(Array) });
    }
  });

  test('a host the mock routed and then let go is refused like any other (nock forgets it let unmatched requests through)', async () => {
    const standalone = createOpenAIMock({ baseURLs: [`${origin}/v1`] }).install();
    standalone.uninstall();
    openaiMock.configure({ baseURLs: [`${origin}/v1`] });
    openaiMock.resetConfig();
    nock.disableNetConnect();
    await expect(fetch(`${origin}/v1/models`)).rejects.toThrow();
    await expect(axios.get(`${origin}/v1/models`)).rejects.toThrow(/Nock: Disallowed net connect/);
    expect(received).toEqual([]);
  });

  test("a request the mock lets through with 'bypass' is sent even under nock.disableNetConnect()", async () => {
    openaiMock.configure({ baseURLs: [`${origin}/v1`], onUnhandledRequest: 'bypass' });
    nock.disableNetConnect();
    const response = await fetch(`${origin}/v1/not-a-route`, { headers: sentHeaders });
    expect(response.status).toBe(207);
    expect(received.map((r) => r.url)).toEqual(['/v1/not-a-route']);
    expect(openaiMock.requests.map((r) => r.status)).toEqual([0]);
    openaiMock.resetConfig();
  });

  test('nock.enableNetConnect(host) then lets chosen hosts through', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    await expect(fetch(`${origin}/allowed`)).resolves.toMatchObject({ status: 207 });
    await expect(fetch('http://example.test/refused')).rejects.toThrow();
    expect(received.map((r) => r.url)).toEqual(['/allowed']);
  });
});
