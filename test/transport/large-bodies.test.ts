// Bodies past 1 MiB leave the engine as a stream of views of the stored bytes, on both transports
// (so a batch's large output file is not copied whole on its way out). They must arrive intact.
import axios from 'axios';
import { toFile } from 'openai';
import { expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';

/** 3.5 MiB of lines that differ, so a piece lost, doubled or out of order changes the bytes. */
const content = Buffer.from(
  Array.from({ length: 70_000 }, (_, i) => `${JSON.stringify({ line: i, text: `row ${i} ${'x'.repeat(i % 37)}` })}\n`).join(''),
);

test.each([
  ['the default transport (nock)', () => makeClient()],
  ['the fast path', () => makeClient({ fetch: openaiMock.fetch })],
])('a %s download of a file past 1 MiB arrives byte for byte', async (_, client) => {
  expect(content.byteLength).toBeGreaterThan(3 * 2 ** 20);
  const file = await client().files.create({ file: await toFile(content, 'big.jsonl'), purpose: 'batch' });

  const downloaded = Buffer.from(await (await client().files.content(file.id)).arrayBuffer());

  expect(downloaded.byteLength).toBe(content.byteLength);
  expect(downloaded.equals(content)).toBe(true);
  // The stored file is whole after being streamed out (views, not a transfer of its buffer).
  expect(Buffer.from(openaiMock.files.content(file.id)!).equals(content)).toBe(true);
});

test('node:http clients (axios) get a large body intact too', async () => {
  const file = await makeClient().files.create({ file: await toFile(content, 'big.jsonl'), purpose: 'batch' });
  const response = await axios.get<ArrayBuffer>(`https://api.openai.com/v1/files/${file.id}/content`, {
    headers: { authorization: 'Bearer sk-test-key' },
    responseType: 'arraybuffer',
  });
  expect(Buffer.from(response.data).equals(content)).toBe(true);
});
