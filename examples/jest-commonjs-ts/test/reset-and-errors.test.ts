/**
 * What the setup file gives every test, and how the SDK reports the mock's errors.
 */
import OpenAI, { toFile } from 'openai';
import { advanceTime, openaiMock } from 'openai-mock/jest';
import { client } from '../src/pipeline';

describe('each test starts from an empty mock', () => {
  // Jest runs the tests of a file in order, so the second one sees what the first one left.
  it('uploads a file', async () => {
    const file = await client.files.create({ file: await toFile(Buffer.from('{}\n'), 'notes.jsonl'), purpose: 'fine-tune' });
    expect(file.id).toBe('file-mock000001');
    expect(openaiMock.files.size).toBe(1);
    expect(openaiMock.requests).toHaveLength(1);
  });

  it('no longer sees it: files, requests and ids were reset', async () => {
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock.requests).toHaveLength(0);
    expect(openaiMock).not.toHaveUploadedFile();
    expect((await client.files.list()).data).toEqual([]);

    const file = await client.files.create({ file: await toFile(Buffer.from('{}\n'), 'other.jsonl'), purpose: 'fine-tune' });
    expect(file.id).toBe('file-mock000001'); // ids start over too
  });
});

describe('errors', () => {
  it('answers an unknown file id with a 404 the SDK raises as OpenAI.NotFoundError', async () => {
    const error: unknown = await client.files.retrieve('file-does-not-exist').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: 404, type: 'invalid_request_error' });
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).message).toContain('file-does-not-exist');
    expect(openaiMock).toHaveReceivedRequest('GET', '/v1/files/file-does-not-exist');
  });

  it('refuses a job whose training file does not exist with OpenAI.BadRequestError', async () => {
    await expect(
      client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-missing' }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    expect(openaiMock.jobs.size).toBe(0);
  });
});

describe('misuse of the library', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it("says advanceTime needs Jest's modern fake timers when legacy ones are on", async () => {
    jest.useFakeTimers({ legacyFakeTimers: true });

    await expect(advanceTime(1_000)).rejects.toMatchObject({
      name: 'OpenAIMockError',
      code: 'ERR_OPENAI_MOCK_LEGACY_FAKE_TIMERS',
      message: expect.stringContaining('jest.useFakeTimers() without `legacyFakeTimers: true`'),
    });
  });
});
