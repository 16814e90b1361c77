import { toFile } from 'openai';
import { describe, expect, test } from 'vitest';
import { advanceTime, openaiMock } from '../vitest.js';
import { TRAINING_LINE, newClient, uploadFile, withoutColors } from '../../test/matchers/support.js';

expect.addSnapshotSerializer(withoutColors);

describe('toHaveUploadedFile', () => {
  test('passes without an argument once any file was uploaded', async () => {
    await uploadFile(newClient());
    expect(openaiMock).toHaveUploadedFile();
  });

  test('matches a partial File object, with asymmetric matchers inside', async () => {
    await uploadFile(newClient());
    expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl', purpose: 'fine-tune' });
    expect(openaiMock).toHaveUploadedFile({
      id: expect.stringMatching(/^file-/),
      object: 'file',
      filename: expect.stringMatching(/jsonl$/),
      bytes: TRAINING_LINE.length + 1,
      created_at: expect.any(Number),
      content: expect.stringContaining('"assistant"'),
    });
    expect(openaiMock).toHaveUploadedFile(expect.objectContaining({ filename: 'train.jsonl' }));
  });

  test('matches content as UTF-8 text', async () => {
    await uploadFile(newClient(), 'notes.txt', 'héllo wörld', 'assistants');
    expect(openaiMock).toHaveUploadedFile({ filename: 'notes.txt', content: 'héllo wörld' });
  });

  test('matches the status the API would answer now', async () => {
    await uploadFile(newClient());
    expect(openaiMock).toHaveUploadedFile({ status: 'uploaded' });
    expect(openaiMock).not.toHaveUploadedFile({ status: 'processed' });
    await advanceTime(2000);
    expect(openaiMock).toHaveUploadedFile({ status: 'processed' });
  });

  test('counts files the code under test deleted, but not seeded ones', async () => {
    const client = newClient();
    const file = await uploadFile(client);
    await client.files.delete(file.id);
    expect(openaiMock.files.size).toBe(0);
    expect(openaiMock).toHaveUploadedFile({ id: file.id });
  });

  test('.not passes when no upload matches', async () => {
    await uploadFile(newClient());
    expect(openaiMock).not.toHaveUploadedFile({ purpose: 'batch' });
    expect(openaiMock).not.toHaveUploadedFile({ content: expect.stringContaining('password') });
  });

  test('.not passes without an argument when nothing was uploaded', () => {
    expect(openaiMock).not.toHaveUploadedFile();
  });

  describe('failure messages', () => {
    test('nothing was uploaded', () => {
      expect(() => expect(openaiMock).toHaveUploadedFile()).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveUploadedFile()

        No file was uploaded since the last reset.]
      `);
    });

    test('nothing was uploaded, but files were seeded', () => {
      openaiMock.seed.file(
        { id: 'file-seeded', object: 'file', bytes: 2, created_at: 1_700_000_000, filename: 'a.jsonl', purpose: 'fine-tune', status: 'processed', status_details: null },
        '{}',
      );
      expect(() =>
        expect(openaiMock).toHaveUploadedFile({ filename: 'a.jsonl' }),
      ).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveUploadedFile(expected)

        Expected an uploaded file matching: Object {
          "filename": "a.jsonl",
        }

        No file was uploaded since the last reset.
        (1 file in the mock was seeded or made by the mock, not uploaded: file-seeded)]
      `);
    });

    test('lists the uploads and what differs in each', async () => {
      const client = newClient();
      await uploadFile(client);
      const notes = await client.files.create({ file: await toFile(Buffer.from('hello'), 'notes.txt'), purpose: 'assistants' });
      await client.files.delete(notes.id);
      expect(() =>
        expect(openaiMock).toHaveUploadedFile({ filename: 'eval.jsonl', content: expect.stringContaining('"assistant"') }),
      ).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).toHaveUploadedFile(expected)

        Expected an uploaded file matching: Object {
          "content": StringContaining ""assistant"",
          "filename": "eval.jsonl",
        }

        Uploaded files (2):
          file-mock000001 train.jsonl (fine-tune, 85 bytes, uploaded)
            differs in: filename
          file-mock000002 notes.txt (assistants, 5 bytes, uploaded, deleted)
            differs in: filename, content]
      `);
    });

    test('.not names the matching upload', async () => {
      await uploadFile(newClient());
      expect(() =>
        expect(openaiMock).not.toHaveUploadedFile({ filename: expect.stringMatching(/jsonl$/) }),
      ).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).not.toHaveUploadedFile(expected)

        Expected no uploaded file matching: Object {
          "filename": StringMatching /jsonl$/,
        }

        Found 1 matching upload:
          file-mock000001 train.jsonl (fine-tune, 85 bytes, uploaded)]
      `);
    });

    test('.not without an argument names every upload', async () => {
      await uploadFile(newClient());
      expect(() => expect(openaiMock).not.toHaveUploadedFile()).toThrowErrorMatchingInlineSnapshot(`
        [Error: expect(openaiMock).not.toHaveUploadedFile()

        Expected no file to be uploaded, but found 1 upload:
          file-mock000001 train.jsonl (fine-tune, 85 bytes, uploaded)]
      `);
    });
  });

  describe('misuse', () => {
    test('received value must be the mock', () => {
      expect(() => expect({ files: [] }).toHaveUploadedFile()).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(received).toHaveUploadedFile()

        Matcher error: received value must be the OpenAI mock. Pass \`openaiMock\` from 'openai-mock/vitest': expect(openaiMock).toHaveUploadedFile(...)

        Received has type:  Object
        Received has value: Object {
          "files": Array [],
        }]
      `);
    });

    test('expected must be an object or an asymmetric matcher', () => {
      // @ts-expect-error a filename alone is not a partial File object
      expect(() => expect(openaiMock).toHaveUploadedFile('train.jsonl')).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveUploadedFile(expected)

        Matcher error: expected must be an object of File fields to match (such as { filename: 'train.jsonl' }), or an asymmetric matcher.

        Expected: "train.jsonl"]
      `);
    });

    test('at most one argument', () => {
      // @ts-expect-error one argument only
      expect(() => expect(openaiMock).toHaveUploadedFile({ filename: 'a' }, { purpose: 'batch' })).toThrowErrorMatchingInlineSnapshot(`
        [MatcherUsageError: expect(openaiMock).toHaveUploadedFile(expected)

        Matcher error: toHaveUploadedFile takes at most one argument (the File fields to match), but received 1 more: Object {
          "purpose": "batch",
        }]
      `);
    });

    test('usage errors fail under .not too', () => {
      expect(() => expect('openaiMock').not.toHaveUploadedFile()).toThrow(/received value must be the OpenAI mock/);
    });
  });
});
