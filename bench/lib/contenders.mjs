// The ways a test can answer the official SDK's `files.retrieve`, each set up as its users would.
// Every contender returns the same File object; only how the request reaches it differs.
import http from 'node:http';
import OpenAI, { toFile } from 'openai';

const API_KEY = 'sk-bench';
const FILE = {
  object: 'file',
  id: 'file-bench',
  purpose: 'fine-tune',
  filename: 'train.jsonl',
  bytes: 123,
  created_at: 1_700_000_000,
  expires_at: null,
  status: 'processed',
  status_details: null,
};
const JSON_HEADERS = { 'content-type': 'application/json', 'x-request-id': 'req_bench' };
const TRAINING_LINE = `${JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }] })}\n`;

const sdk = (options = {}) => new OpenAI({ apiKey: API_KEY, maxRetries: 0, ...options });

async function uploaded(client) {
  const file = await client.files.create({ file: await toFile(Buffer.from(TRAINING_LINE), 'train.jsonl'), purpose: 'fine-tune' });
  return file.id;
}

async function loopbackServer(handler) {
  const server = http.createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * @typedef {{ client: OpenAI, id: string, teardown: () => Promise<void> | void }} Subject
 * @type {Record<string, { label: string, setup: () => Promise<Subject> }>}
 */
export const contenders = {
  floor: {
    label: 'SDK given an in-process fetch (the floor)',
    async setup() {
      const fetch = async () => new Response(JSON.stringify(FILE), { status: 200, headers: JSON_HEADERS });
      return { client: sdk({ fetch }), id: FILE.id, teardown() {} };
    },
  },
  'mock-fetch-option': {
    label: 'openai-mock, fast path: `fetch: openaiMock.fetch`',
    async setup() {
      const { createOpenAIMock } = await import('../../dist/esm/index.js');
      const mock = createOpenAIMock({ files: { processingMs: 0 } });
      const client = sdk({ fetch: mock.fetch });
      return { client, id: await uploaded(client), teardown() {} };
    },
  },
  'mock-fetch-transport': {
    label: 'openai-mock, fast path: `OPENAI_MOCK_TRANSPORT=fetch`',
    async setup() {
      const { createOpenAIMock } = await import('../../dist/esm/index.js');
      const mock = createOpenAIMock({ transport: 'fetch', files: { processingMs: 0 } }).install();
      const client = sdk();
      return { client, id: await uploaded(client), teardown: () => void mock.uninstall() };
    },
  },
  'mock-default': {
    label: 'openai-mock, default transport (nock)',
    async setup() {
      const { createOpenAIMock } = await import('../../dist/esm/index.js');
      const mock = createOpenAIMock({ files: { processingMs: 0 } }).install();
      const client = sdk();
      return { client, id: await uploaded(client), teardown: () => void mock.uninstall() };
    },
  },
  'hand-nock': {
    label: 'a hand-written nock reply',
    async setup() {
      const { default: nock } = await import('nock');
      nock('https://api.openai.com').persist().get(`/v1/files/${FILE.id}`).reply(200, FILE, JSON_HEADERS);
      return { client: sdk(), id: FILE.id, teardown: () => void nock.cleanAll() };
    },
  },
  msw: {
    label: 'an MSW 3 handler (`setupServer`)',
    async setup() {
      const { http: route, HttpResponse } = await import('msw');
      const { setupServer } = await import('msw/node');
      const server = setupServer(route.get('https://api.openai.com/v1/files/:id', () => HttpResponse.json(FILE, { headers: JSON_HEADERS })));
      server.listen({ onUnhandledRequest: 'error' });
      return { client: sdk(), id: FILE.id, teardown: () => server.close() };
    },
  },
  aimock: {
    label: '@copilotkit/aimock (loopback server)',
    async setup() {
      const { LLMock } = await import('@copilotkit/aimock');
      const mock = new LLMock({ port: 0, logLevel: 'silent' });
      await mock.start();
      const client = sdk({ baseURL: `${mock.url}/v1` });
      return { client, id: await uploaded(client), teardown: () => mock.stop() };
    },
  },
  loopback: {
    label: 'a bare `node:http` loopback server',
    async setup() {
      const body = JSON.stringify(FILE);
      const server = await loopbackServer((req, res) => {
        req.resume();
        req.on('end', () => res.writeHead(200, JSON_HEADERS).end(body));
      });
      return { client: sdk({ baseURL: `${server.url}/v1` }), id: FILE.id, teardown: () => server.close() };
    },
  },
};
