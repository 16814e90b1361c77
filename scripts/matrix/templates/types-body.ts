export async function correctUses(jobId: string): Promise<void> {
  await advanceTime(10_000);
  expect(openaiMock).toHaveUploadedFile();
  expect(openaiMock).toHaveUploadedFile({ filename: 'train.jsonl', content: expect.stringContaining('"assistant"') });
  expect(openaiMock).toHaveJobInStatus(jobId, 'succeeded');
  expect(openaiMock).not.toHaveJobInStatus(jobId, expect.stringMatching(/^(queued|running)$/));
  expect(openaiMock).toHaveBatchInStatus('batch_1', 'completed');
  expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', { model: 'gpt-4o-mini-2024-07-18' });
  expect(openaiMock).not.toHaveReceivedRequest('delete', /^\/v1\/files\//);
  const resolved: Promise<unknown> = expect(Promise.resolve(openaiMock)).resolves.toHaveJobInStatus(jobId, 'succeeded');
  await resolved;
}

export function mistakes(jobId: string): void {
  // @ts-expect-error misspelt matcher name
  expect(openaiMock).toHaveUploadFile();
  // @ts-expect-error not a fine-tuning job status
  expect(openaiMock).toHaveJobInStatus(jobId, 'done');
  // @ts-expect-error a file match takes File fields
  expect(openaiMock).toHaveUploadedFile({ name: 'train.jsonl' });
}
