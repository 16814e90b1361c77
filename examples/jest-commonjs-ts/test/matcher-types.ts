// Type-level checks of the mock's matchers on Jest's global `expect` (typed by @types/jest).
// `npm run typecheck` compiles this file; Jest never runs it (it is not a *.test.ts file).
import { openaiMock } from 'openai-mock/jest';

export function matcherTypes(): void {
  // Correct uses compile, with asymmetric matchers wherever a value is expected.
  expect(openaiMock).toHaveUploadedFile({ purpose: 'fine-tune', content: expect.stringContaining('messages') });
  expect(openaiMock).not.toHaveJobInStatus('ftjob-mock000001', 'failed');
  expect(openaiMock).toHaveBatchInStatus('batch_mock000001', 'completed');
  expect(openaiMock).toHaveReceivedRequest('POST', /^\/v1\/fine_tuning\/jobs/, { model: expect.any(String) });

  // Mistakes do not.
  // @ts-expect-error misspelt matcher name
  expect(openaiMock).toHaveUploadFile();
  // @ts-expect-error 'done' is not a fine-tuning job status
  expect(openaiMock).toHaveJobInStatus('ftjob-mock000001', 'done');
  // @ts-expect-error the batch id is required
  expect(openaiMock).toHaveBatchInStatus();
}
