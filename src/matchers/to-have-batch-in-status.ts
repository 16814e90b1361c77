import type { Batch, BatchStatus } from '../openai-mock.js';
import { statusMatcher } from './status-matcher.js';

/**
 * `expect(openaiMock).toHaveBatchInStatus(batchId, status)`: the batch has `status` now, on the
 * mock's clock; the failure message shows its request counts. An unknown batch id is a usage
 * error, with or without `.not`.
 */
export const toHaveBatchInStatus = statusMatcher<BatchStatus, Batch>({
  name: 'toHaveBatchInStatus',
  noun: 'batch',
  label: 'Batch',
  exampleId: 'batch_mock000001',
  statuses: ['validating', 'in_progress', 'finalizing', 'completed', 'failed', 'expired', 'cancelling', 'cancelled'],
  find: (mock, id) => {
    const object = mock.batches.get(id);
    const lifecycle = mock.batches.lifecycle(id);
    return object && lifecycle ? { object, lifecycle } : undefined;
  },
  ids: (mock) => mock.batches.all().map((batch) => batch.id),
  details: (batch) => {
    const { total, completed, failed } = batch.request_counts;
    const lines = [`requests: ${completed} completed, ${failed} failed, of ${total}`];
    const errors = batch.errors?.data ?? [];
    for (const error of errors.slice(0, 5)) {
      lines.push(`error${error.line === null ? '' : ` (line ${error.line})`}: ${error.code}: ${error.message}`);
    }
    if (errors.length > 5) lines.push(`... and ${errors.length - 5} more errors`);
    return lines;
  },
  heldReason: (state) => `'${state.status}' is held indefinitely`,
});
