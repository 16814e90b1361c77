import { describe, expect, test } from 'vitest';
import { openaiMock } from '../vitest.js';
import { createJob, newClient, uploadFile, withoutColors } from '../../test/matchers/support.js';

expect.addSnapshotSerializer(withoutColors);

describe('toHaveReceivedRequest', () => {
  test('matches method (any case) and path as sent', async () => {
    await newClient().files.list();
    expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files');
    expect(openaiMock).toHaveReceivedRequest('get', '/v1/files');
  });

  test('matches the path without its query string', async () => {
    await newClient().files.list({ purpose: 'fine-tune', limit: 5 });
    expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files');
    expect(openaiMock.requests[0]?.query).toEqual({ purpose: 'fine-tune', limit: '5' });
  });

  test('matches a path given as a RegExp or an asymmetric matcher', async () => {
    const job = await createJob(newClient());
    await newClient().fineTuning.jobs.retrieve(job.id);
    expect(openaiMock).toHaveReceivedRequest('GET', /^\/v1\/fine_tuning\/jobs\/ftjob-/);
    const global = /\/jobs\/ftjob-/g; // a global RegExp keeps state between tests: the matcher resets it
    expect(openaiMock).toHaveReceivedRequest('GET', global);
    expect(openaiMock).toHaveReceivedRequest('GET', global);
    expect(openaiMock).toHaveReceivedRequest('GET', expect.stringContaining(job.id));
  });

  test('matches a subset of the JSON body, with asymmetric matchers inside', async () => {
    await createJob(newClient());
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18' });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', {
      model: expect.stringMatching(/^gpt-4o-mini/),
      training_file: expect.stringMatching(/^file-mock/),
    });
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', expect.objectContaining({ model: expect.any(String) }));
  });

  test('matches multipart uploads by their fields and file parts', async () => {
    await uploadFile(newClient());
    expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files', {
      purpose: 'fine-tune',
      file: { filename: 'train.jsonl', bytes: expect.any(Number) },
    });
  });

  test('counts requests the mock answered with an error', async () => {
    await expect(newClient().files.retrieve('file-missing')).rejects.toThrow(/No such File object/);
    expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files/file-missing');
  });

  test('.not passes when no request matches', async () => {
    await createJob(newClient());
    expect(openaiMock).not.toHaveReceivedRequest('DELETE', /^\/v1\/files\//);
    expect(openaiMock).not.toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', { suffix: expect.anything() });
  });

  describe('failure messages', () => {
    test('no request at all', () => {
      expect(() => expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveReceivedRequest(method, path)

        Expected a request: POST /v1/files

        No request was received since the last reset.]
      `);
    });

    test('lists the requests received', async () => {
      const client = newClient();
      const job = await createJob(client);
      await client.fineTuning.jobs.retrieve(job.id);
      await client.fineTuning.jobs.list({ limit: 10 });
      expect(() => expect(openaiMock).toHaveReceivedRequest('POST', `/v1/fine_tuning/jobs/${job.id}/cancel`)).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveReceivedRequest(method, path)

        Expected a request: POST /v1/fine_tuning/jobs/ftjob-mock000001/cancel

        Requests received (4):
          #1 POST /v1/files 200
          #2 POST /v1/fine_tuning/jobs 200
          #3 GET /v1/fine_tuning/jobs/ftjob-mock000001 200
          #4 GET /v1/fine_tuning/jobs?limit=10 200]
      `);
    });

    test('near misses: same method and path, another body', async () => {
      await createJob(newClient());
      expect(() =>
        expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', { model: 'gpt-4.1-mini', suffix: 'demo' }),
      ).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveReceivedRequest(method, path, body)

        Expected a request: POST /v1/fine_tuning/jobs
        with a body matching: Object {
          "model": "gpt-4.1-mini",
          "suffix": "demo",
        }

        1 request with that method and path, but another body:
          #2 POST /v1/fine_tuning/jobs 200
            body: {"model":"gpt-4o-mini-2024-07-18","training_file":"file-mock000001"}
            differs in: model, suffix

        Requests received (2):
          #1 POST /v1/files 200
          #2 POST /v1/fine_tuning/jobs 200]
      `);
    });

    test('a path without the base path', async () => {
      await newClient().files.list();
      expect(() => expect(openaiMock).toHaveReceivedRequest('GET', '/files')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveReceivedRequest(method, path)

        Expected a request: GET /files

        Paths are matched as sent, base path included: did you mean '/v1/files'?

        Requests received (1):
          #1 GET /v1/files 200]
      `);
    });

    test('lists at most 20 requests', async () => {
      const client = newClient();
      for (let i = 0; i < 23; i++) await client.models.list();
      const message = (() => {
        try {
          expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files');
        } catch (error) {
          return (error as Error).message;
        }
        return '';
      })();
      expect(message).toContain('Requests received (23):');
      expect(message).toContain('#20 GET /v1/models 200');
      expect(message).not.toContain('#21');
      expect(message).toContain('... and 3 more');
    });

    test('.not names the matching requests', async () => {
      const client = newClient();
      await uploadFile(client);
      await uploadFile(client, 'eval.jsonl');
      expect(() =>
        expect(openaiMock).not.toHaveReceivedRequest('post', '/v1/files', { purpose: 'fine-tune' }),
      ).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).not.toHaveReceivedRequest(method, path, body)

        Expected no request: POST /v1/files
        with a body matching: Object {
          "purpose": "fine-tune",
        }

        Found 2 matching requests:
          #1 POST /v1/files 200
            body: {"purpose":"fine-tune","file":{"filename":"train.jsonl","bytes":85,"contentType":"application/octet-stream"}}
          #2 POST /v1/files 200
            body: {"purpose":"fine-tune","file":{"filename":"eval.jsonl","bytes":85,"contentType":"application/octet-stream"}}]
      `);
    });

    test('.not with a RegExp path', async () => {
      await newClient().files.list();
      expect(() => expect(openaiMock).not.toHaveReceivedRequest('GET', /^\/v1\/files/)).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).not.toHaveReceivedRequest(method, path)

        Expected no request: GET /^\\/v1\\/files/

        Found 1 matching request:
          #1 GET /v1/files 200]
      `);
    });
  });

  describe('misuse', () => {
    test('a path with a query string', () => {
      expect(() => expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files?purpose=batch')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveReceivedRequest(method, path)

        Matcher error: path is matched without its query string. Pass "/v1/files", and check the query in openaiMock.requests:
        expect(openaiMock.requests).toContainEqual(expect.objectContaining({ path: '/v1/files', query: expect.objectContaining({"purpose":"batch"}) }))]
      `);
    });

    test('a full URL instead of a path', () => {
      expect(() => expect(openaiMock).toHaveReceivedRequest('GET', 'https://api.openai.com/v1/files')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveReceivedRequest(method, path)

        Matcher error: path must start with '/' (the path as sent, such as '/v1/files'), without the origin.

        Received path: "https://api.openai.com/v1/files"]
      `);
    });

    test('a method or path of the wrong type', () => {
      // @ts-expect-error the method is a string
      expect(() => expect(openaiMock).toHaveReceivedRequest(undefined, '/v1/files')).toThrow(/method must be an HTTP method/);
      // @ts-expect-error the path is a string, a RegExp or an asymmetric matcher
      expect(() => expect(openaiMock).toHaveReceivedRequest('GET', 42)).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveReceivedRequest(method, path)

        Matcher error: path must be a string (such as '/v1/files'), a RegExp or an asymmetric matcher.

        Received path: 42]
      `);
    });

    test('too many arguments', () => {
      // @ts-expect-error three arguments at most
      expect(() => expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files', {}, { strict: true })).toThrow(
        /takes at most three arguments/,
      );
    });

    test('received value must be the mock', () => {
      expect(() => expect(openaiMock.requests).toHaveReceivedRequest('GET', '/v1/files')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(received).toHaveReceivedRequest(method, path)

        Matcher error: received value must be the OpenAI mock. Pass \`openaiMock\` from 'openai-mock/vitest': expect(openaiMock).toHaveReceivedRequest(...)

        Received has type:  Array
        Received has value: Array []]
      `);
    });
  });
});
