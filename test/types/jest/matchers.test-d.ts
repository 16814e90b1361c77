// Type-level tests of the matchers on Jest's global `expect` (@types/jest's `jest.Matchers`).
// Compiled by `tsc -p test/types/jest` (part of `npm run typecheck`); never executed.
import { openaiMock } from '../../../src/jest.js';

// Correct uses compile, with asymmetric matchers wherever a value is expected.
expect(openaiMock).toHaveUploadedFile();
expect(openaiMock).toHaveUploadedFile({ filename: expect.stringMatching(/jsonl$/), purpose: 'fine-tune' });
expect(openaiMock).not.toHaveJobInStatus('ftjob-1', 'running');
expect(openaiMock).toHaveJobInStatus('ftjob-1', expect.stringMatching(/^(queued|running)$/));
expect(openaiMock).toHaveBatchInStatus('batch_1', 'completed');
expect(openaiMock).toHaveReceivedRequest('POST', '/v1/files', { purpose: 'fine-tune' });
const resolved: Promise<void> = expect(Promise.resolve(openaiMock)).resolves.toHaveJobInStatus('ftjob-1', 'succeeded');
void resolved;

// Mistakes do not.
// @ts-expect-error misspelt matcher name
expect(openaiMock).toHaveUploadFile();
// @ts-expect-error not a fine-tuning job status
expect(openaiMock).toHaveJobInStatus('ftjob-1', 'done');
// @ts-expect-error the batch id is required
expect(openaiMock).toHaveBatchInStatus();
// @ts-expect-error a file match takes File fields
expect(openaiMock).toHaveUploadedFile({ name: 'train.jsonl' });
