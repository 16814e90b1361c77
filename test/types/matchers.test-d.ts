// Type-level tests of the matchers' types on Vitest (through Chai's `Assertion`, see src/vitest.ts). Compiled by
// `tsc -p tsconfig.json --noEmit` (and runnable with `vitest --typecheck`); never executed.
import { expect, expectTypeOf, test } from 'vitest';
import type { AsymmetricMatcherLike, OpenAIMockMatchers } from '../../src/matchers/index.js';
import { matchers } from '../../src/matchers/index.js';
import { openaiMock } from '../../src/vitest.js';

test('the matchers are on expect(openaiMock) and return what the assertion returns', () => {
  expectTypeOf(expect(openaiMock).toHaveUploadedFile()).toEqualTypeOf<void>();
  expectTypeOf(expect(openaiMock).not.toHaveJobInStatus('ftjob-1', 'running')).toEqualTypeOf<void>();
  expectTypeOf(expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files')).toEqualTypeOf<void>();
  expectTypeOf(expect(openaiMock).toHaveBatchInStatus('batch_1', 'completed')).toEqualTypeOf<void>();
  expectTypeOf(
    expect(Promise.resolve(openaiMock)).resolves.toHaveJobInStatus('ftjob-1', 'succeeded'),
  ).toEqualTypeOf<Promise<void>>();
  expectTypeOf(expect.soft(openaiMock).toHaveUploadedFile).toBeFunction();
});

test('parameters are typed precisely, and asymmetric matchers are accepted anywhere', () => {
  expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl', purpose: 'fine-tune', bytes: 85, content: '{}' });
  expect(openaiMock).toHaveUploadedFile({ filename: expect.stringMatching(/jsonl$/), content: expect.stringContaining('"assistant"') });
  expect(openaiMock).toHaveUploadedFile(expect.objectContaining({ status: 'processed' }));
  expect(openaiMock).toHaveJobInStatus('ftjob-1', expect.stringMatching(/^(queued|running)$/));
  expect(openaiMock).toHaveReceivedRequest('get', /^\/v1\/files/);
  expect(openaiMock).toHaveReceivedRequest('PURGE', expect.stringContaining('/v1/'), { model: expect.any(String) });

  expectTypeOf<Parameters<OpenAIMockMatchers['toHaveJobInStatus']>[1]>().toEqualTypeOf<
    'validating_files' | 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled' | AsymmetricMatcherLike
  >();
  expectTypeOf(matchers).toHaveProperty('toHaveReceivedRequest');
});

test('mistakes do not compile', () => {
  // @ts-expect-error misspelt matcher name
  expect(openaiMock).toHaveUploadFile();
  // @ts-expect-error misspelt matcher name
  expect(openaiMock).toHaveJobWithStatus('ftjob-1', 'running');
  // @ts-expect-error 'done' is not a fine-tuning job status
  expect(openaiMock).toHaveJobInStatus('ftjob-1', 'done');
  // @ts-expect-error the status is required
  expect(openaiMock).toHaveJobInStatus('ftjob-1');
  // @ts-expect-error the job id is a string
  expect(openaiMock).toHaveJobInStatus(1, 'running');
  // @ts-expect-error 'succeeded' is a job status, not a batch status
  expect(openaiMock).toHaveBatchInStatus('batch_1', 'succeeded');
  // @ts-expect-error misspelt matcher name
  expect(openaiMock).toHaveBatchWithStatus('batch_1', 'completed');
  // @ts-expect-error misspelt File field
  expect(openaiMock).toHaveUploadedFile({ filenam: 'train.jsonl' });
  // @ts-expect-error bytes is a number
  expect(openaiMock).toHaveUploadedFile({ bytes: '85' });
  // @ts-expect-error content is text
  expect(openaiMock).toHaveUploadedFile({ content: new Uint8Array() });
  // @ts-expect-error the path is a string or a RegExp
  expect(openaiMock).toHaveReceivedRequest('GET', 42);
  // @ts-expect-error the method is a string
  expect(openaiMock).toHaveReceivedRequest(undefined, '/v1/files');
  // @ts-expect-error the body partial is an object
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files', 'purpose=batch');
});
