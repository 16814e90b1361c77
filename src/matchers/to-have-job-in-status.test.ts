import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advanceTime, openaiMock } from '../vitest.js';
import { createJob, newClient, uploadFile, withoutColors } from '../../test/matchers/support.js';

expect.addSnapshotSerializer(withoutColors);

beforeEach(() => {
  // A whole second, so seeded jobs (created_at in seconds) start exactly when they say.
  vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('toHaveJobInStatus', () => {
  test('follows the default timeline as fake time passes', async () => {
    const job = await createJob(newClient());
    expect(openaiMock).toHaveJobInStatus(job.id, 'validating_files');
    await advanceTime(2000);
    expect(openaiMock).toHaveJobInStatus(job.id, 'queued');
    await advanceTime(2000);
    expect(openaiMock).toHaveJobInStatus(job.id, 'running');
    await advanceTime(5999);
    expect(openaiMock).toHaveJobInStatus(job.id, 'running');
    await advanceTime(1);
    expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
  });

  test('reads the clock with real timers too', async () => {
    vi.useRealTimers();
    const job = await createJob(newClient());
    await advanceTime(10_000);
    expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
  });

  test('accepts asymmetric matchers for the status', async () => {
    const job = await createJob(newClient());
    await advanceTime(3000);
    expect(openaiMock).toHaveJobInStatus(job.id, expect.stringMatching(/^(queued|running)$/));
    expect(openaiMock).toHaveJobInStatus(job.id, expect.any(String));
    expect(openaiMock).not.toHaveJobInStatus(job.id, expect.stringMatching(/^(succeeded|failed|cancelled)$/));
  });

  test('.not passes when the job is in another status', async () => {
    const job = await createJob(newClient());
    expect(openaiMock).not.toHaveJobInStatus(job.id, 'succeeded');
  });

  test('sees cancellation, pause and resume', async () => {
    const client = newClient();
    const job = await createJob(client);
    await advanceTime(5000);
    await client.fineTuning.jobs.pause(job.id);
    expect(openaiMock).toHaveJobInStatus(job.id, 'paused');
    await advanceTime(60_000);
    await client.fineTuning.jobs.resume(job.id);
    expect(openaiMock).toHaveJobInStatus(job.id, 'running');
    await client.fineTuning.jobs.cancel(job.id);
    expect(openaiMock).toHaveJobInStatus(job.id, 'cancelled');
  });

  describe('failure messages', () => {
    test('running, expected succeeded: says when it changes next', async () => {
      const job = await createJob(newClient());
      await advanceTime(5000);
      expect(() => expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Expected status: "succeeded"
        Received status: "running"

        Job ftjob-mock000001, now 5s after creation:
          running since 4s after creation
          becomes 'succeeded' in 5000 ms (at 10s after creation)
          history: validating_files (0s) -> queued (2s) -> running (4s)

        It will be 'succeeded' once 5000 ms more have passed: \`await advanceTime(5000)\` first.]
      `);
    });

    test('expected a status further away', async () => {
      const job = await createJob(newClient());
      await advanceTime(500);
      expect(() => expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Expected status: "succeeded"
        Received status: "validating_files"

        Job ftjob-mock000001, now 0.5s after creation:
          validating_files since 0s after creation
          becomes 'queued' in 1500 ms (at 2s after creation)
          history: validating_files (0s)]
      `);
    });

    test('a terminal status: no further change is scheduled', async () => {
      const job = await createJob(newClient());
      await advanceTime(12_500);
      expect(() =>
        expect(openaiMock).toHaveJobInStatus(job.id, expect.stringMatching(/^(queued|running)$/)),
      ).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Expected status: StringMatching /^(queued|running)$/
        Received status: "succeeded"

        Job ftjob-mock000001, now 12.5s after creation:
          succeeded since 10s after creation
          no further change is scheduled ('succeeded' is final)
          history: validating_files (0s) -> queued (2s) -> running (4s) -> succeeded (10s)]
      `);
    });

    test('a failed job shows its error', async () => {
      const client = newClient();
      const file = await uploadFile(client, 'broken.jsonl', 'not json\n');
      const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
      await advanceTime(3000);
      expect(() => expect(openaiMock).toHaveJobInStatus(job.id, 'running')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Expected status: "running"
        Received status: "failed"

        Job ftjob-mock000001, now 3s after creation:
          failed since 2s after creation
          no further change is scheduled ('failed' is final)
          error: invalid_training_file: The job failed due to an invalid training file. Invalid file format. Line 1: is not valid JSON.
          history: validating_files (0s) -> failed (2s)]
      `);
    });

    test('a paused job', async () => {
      const client = newClient();
      const job = await createJob(client);
      await advanceTime(5000);
      await client.fineTuning.jobs.pause(job.id);
      await advanceTime(1000);
      expect(() => expect(openaiMock).toHaveJobInStatus(job.id, 'running')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Expected status: "running"
        Received status: "paused"

        Job ftjob-mock000001, now 6s after creation:
          paused since 5s after creation
          no further change is scheduled (the job is paused until resumed)
          history: validating_files (0s) -> queued (2s) -> running (4s) -> paused (5s)]
      `);
    });

    test('a seeded job holds its status', async () => {
      const job = await createJob(newClient());
      openaiMock.seed.job({ ...openaiMock.jobs.get(job.id)!, id: 'ftjob-seeded', status: 'queued' });
      await advanceTime(1000);
      expect(() => expect(openaiMock).toHaveJobInStatus('ftjob-seeded', 'running')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Expected status: "running"
        Received status: "queued"

        Job ftjob-seeded, now 1s after creation:
          queued since 0s after creation
          no further change is scheduled ('queued' is held indefinitely)
          history: queued (0s)]
      `);
    });

    test('.not: the job is in that status', async () => {
      const job = await createJob(newClient());
      await advanceTime(4000);
      expect(() => expect(openaiMock).not.toHaveJobInStatus(job.id, 'running')).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).not.toHaveJobInStatus(jobId, status)

        Expected status: not "running"
        Received status: "running"

        Job ftjob-mock000001, now 4s after creation:
          running since 4s after creation
          becomes 'succeeded' in 6000 ms (at 10s after creation)
          history: validating_files (0s) -> queued (2s) -> running (4s)]
      `);
    });
  });

  describe('misuse', () => {
    test('an unknown job id lists the jobs that exist', async () => {
      const client = newClient();
      await createJob(client);
      await createJob(client);
      expect(() => expect(openaiMock).toHaveJobInStatus('ftjob-nope', 'succeeded')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Matcher error: no fine-tuning job with id "ftjob-nope" exists in the mock.

        Jobs that exist (2):
          ftjob-mock000001
          ftjob-mock000002]
      `);
    });

    test('an unknown job id fails under .not too', () => {
      expect(() => expect(openaiMock).not.toHaveJobInStatus('ftjob-nope', 'failed')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).not.toHaveJobInStatus(jobId, status)

        Matcher error: no fine-tuning job with id "ftjob-nope" exists in the mock.

        No fine-tuning job was created since the last reset.]
      `);
    });

    test('a status that is not a fine-tuning job status', async () => {
      const job = await createJob(newClient());
      // @ts-expect-error 'success' is not a status
      expect(() => expect(openaiMock).toHaveJobInStatus(job.id, 'success')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Matcher error: status must be a fine-tuning job status (validating_files, queued, running, paused, succeeded, failed, cancelled) or an asymmetric matcher.

        Received status: "success"]
      `);
      // @ts-expect-error a status is a string
      expect(() => expect(openaiMock).toHaveJobInStatus(job.id, 3)).toThrow(/status must be a fine-tuning job status/);
    });

    test('a job id that is not a string, or too many arguments', () => {
      // @ts-expect-error the job id is a string
      expect(() => expect(openaiMock).toHaveJobInStatus({ id: 'ftjob-1' }, 'running')).toThrow(/jobId must be a fine-tuning job id/);
      // @ts-expect-error two arguments only
      expect(() => expect(openaiMock).toHaveJobInStatus('ftjob-1', 'running', 'extra')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveJobInStatus(jobId, status)

        Matcher error: toHaveJobInStatus takes two arguments (a job id and a status), but received 1 more: "extra"]
      `);
    });

    test('received value must be the mock', () => {
      expect(() => expect(undefined).toHaveJobInStatus('ftjob-1', 'running')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(received).toHaveJobInStatus(jobId, status)

        Matcher error: received value must be the OpenAI mock. Pass \`openaiMock\` from 'openai-mock/vitest': expect(openaiMock).toHaveJobInStatus(...)

        Received has type:  Undefined
        Received has value: undefined]
      `);
    });
  });
});
