// The fetch transport (`createOpenAIMock({ transport: 'fetch' })`, or OPENAI_MOCK_TRANSPORT=fetch
// with the runner entries): the global fetch answers OpenAI origins straight from the engine,
// nock stays underneath for clients that do not use fetch.
import axios from 'axios';
import nock from 'nock';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createOpenAIMock, type OpenAIMock } from '../../src/index.js';
import { transportFromEnv } from '../../src/runner/transport-env.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { startLocalServer } from '../support/local-server.js';

let mock: OpenAIMock | null = null;
const installFetchMock = (): OpenAIMock => (mock = createOpenAIMock({ transport: 'fetch' }).install());

// This file's own mock (the setup file's) steps aside, so each test's mock is the only one.
beforeAll(() => {
  openaiMock.uninstall();
});
afterAll(() => {
  openaiMock.install();
});
afterEach(() => {
  mock?.uninstall();
  mock = null;
  nock.cleanAll();
});

describe("transport: 'fetch'", () => {
  test('answers a client built while it is installed, without nock', async () => {
    const before = globalThis.fetch;
    const fast = installFetchMock();
    expect(globalThis.fetch).not.toBe(before);
    // A stub of the user's own on the origin would win over nock's path; fetch never reaches it.
    const stub = nock('https://api.openai.com').get('/v1/models/gpt-4o').reply(200, { id: 'from-user-nock' });

    const model = await makeClient().models.retrieve('gpt-4o');

    expect(model.id).toBe('gpt-4o');
    expect(stub.isDone()).toBe(false);
    expect(fast.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /v1/models/gpt-4o 200']);
  });

  test('errors keep the envelope, and the SDK raises its own classes', async () => {
    installFetchMock();
    const error: unknown = await makeClient().files.retrieve('file-nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, error: { message: 'No such File object: file-nope', param: 'id' } });
  });

  test('clients that do not use fetch are still served, through nock, by the same mock', async () => {
    const fast = installFetchMock();
    const response = await axios.get<{ id: string }>('https://api.openai.com/v1/models/gpt-4o-mini', {
      headers: { authorization: 'Bearer sk-test-key' },
    });
    expect(response.data.id).toBe('gpt-4o-mini');
    expect(fast.requests).toHaveLength(1);
  });

  test('other hosts go to the fetch it replaced, unread', async () => {
    const server = await startLocalServer();
    try {
      installFetchMock();
      const response = await fetch(`${server.origin}/health?x=1`, { method: 'POST', body: 'ping' });
      expect(await response.json()).toEqual({ served_by: 'local-server', method: 'POST', url: '/health?x=1' });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  test('uninstall puts the replaced fetch back; a client that kept the patch only passes on', async () => {
    const before = globalThis.fetch;
    const fast = installFetchMock();
    const kept = globalThis.fetch;
    fast.uninstall();
    expect(globalThis.fetch).toBe(before);

    const server = await startLocalServer();
    try {
      await kept(`${server.origin}/after`);
      expect(server.requests.map((r) => r.url)).toEqual(['/after']);
      expect(fast.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  test('a bad transport name is a coded error that lists the choices', () => {
    expect(() => createOpenAIMock({ transport: 'undici' as never })).toThrow(
      expect.objectContaining({
        code: 'ERR_OPENAI_MOCK_INVALID_OPTION',
        message: "[openai-mock] Option 'transport' is \"undici\"; it must be 'nock' (the default) or 'fetch'.",
      }),
    );
  });
});

describe('OPENAI_MOCK_TRANSPORT', () => {
  test('unset or nock is the default transport, fetch the fast one', () => {
    expect(transportFromEnv({})).toBe('nock');
    expect(transportFromEnv({ OPENAI_MOCK_TRANSPORT: 'nock' })).toBe('nock');
    expect(transportFromEnv({ OPENAI_MOCK_TRANSPORT: ' fetch ' })).toBe('fetch');
  });

  test('anything else stops the setup file with a message that says what to set', () => {
    expect(() => transportFromEnv({ OPENAI_MOCK_TRANSPORT: 'msw' })).toThrow(
      expect.objectContaining({
        code: 'ERR_OPENAI_MOCK_INVALID_OPTION',
        message:
          "[openai-mock] OPENAI_MOCK_TRANSPORT is \"msw\"; it must be 'nock' (the default: every client, your own nock stubs win) or 'fetch' (the fast path for fetch-based clients). Unset it for the default.",
      }),
    );
  });
});
