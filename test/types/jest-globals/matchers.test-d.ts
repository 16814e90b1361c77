// Type-level tests of the matchers on `expect` from @jest/globals (the `expect` package's
// `Matchers`). Compiled by `tsc -p test/types/jest-globals` (part of `npm run typecheck`).
import { expect } from '@jest/globals';
import { openaiMock } from '../../../src/jest.js';

// Correct uses compile. @jest/globals types asymmetric matchers as objects (not `any`), so this
// also proves the matchers' parameters accept them.
expect(openaiMock).toHaveUploadedFile();
expect(openaiMock).toHaveUploadedFile({ filename: expect.stringMatching(/jsonl$/), content: expect.stringContaining('"assistant"') });
expect(openaiMock).toHaveUploadedFile(expect.objectContaining({ status: 'processed' }));
expect(openaiMock).not.toHaveJobInStatus('ftjob-1', 'running');
expect(openaiMock).toHaveJobInStatus('ftjob-1', expect.stringMatching(/^(queued|running)$/));
expect(openaiMock).toHaveBatchInStatus('batch_1', expect.any(String));
expect(openaiMock).toHaveReceivedRequest('get', expect.stringContaining('/v1/'), { model: expect.any(String) });
const resolved: Promise<void> = expect(Promise.resolve(openaiMock)).resolves.toHaveJobInStatus('ftjob-1', 'succeeded');
void resolved;

// Mistakes do not.
// @ts-expect-error misspelt matcher name
expect(openaiMock).toHaveUploadFile();
// @ts-expect-error not a batch status
expect(openaiMock).toHaveBatchInStatus('batch_1', 'done');
// @ts-expect-error a file match takes File fields, not arbitrary ones
expect(openaiMock).toHaveUploadedFile({ name: 'train.jsonl' });
