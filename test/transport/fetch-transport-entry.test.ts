// Runs only in the `fetch-transport` project (OPENAI_MOCK_TRANSPORT=fetch, see vitest.config.ts),
// which also runs the resource and scenario suites on the fast path.
import axios from 'axios';
import nock from 'nock';
import { afterEach, expect, test } from 'vitest';
import { transportFromEnv } from '../../src/runner/transport-env.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';

// Built at import time, as application modules often do: the setup file must already have
// replaced the global fetch by now.
const client = makeClient();

afterEach(() => {
  nock.cleanAll();
});

test('the environment picked the fetch transport', () => {
  expect(transportFromEnv()).toBe('fetch');
  expect(openaiMock.installed).toBe(true);
});

test('a client built at import time is answered on the fast path, not through nock', async () => {
  // Through nock, a user's stub on the origin would win; the fast path never consults nock.
  const stub = nock('https://api.openai.com').get('/v1/models/gpt-4o').reply(200, { id: 'from-user-nock' });
  await expect(client.models.retrieve('gpt-4o')).resolves.toMatchObject({ id: 'gpt-4o', object: 'model' });
  expect(stub.isDone()).toBe(false);
  expect(openaiMock).toHaveReceivedRequest('GET', '/v1/models/gpt-4o');
});

test('axios (node:http) is still served by the same mock, through nock', async () => {
  const response = await axios.get<{ data: unknown[] }>('https://api.openai.com/v1/models', {
    headers: { authorization: 'Bearer sk-test-key' },
  });
  expect(response.data.data.length).toBeGreaterThan(0);
  expect(openaiMock.requests.map((r) => r.path)).toEqual(['/v1/models']);
});
