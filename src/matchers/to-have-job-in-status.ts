import type { FineTuningJob, FineTuningJobStatus } from '../openai-mock.js';
import { statusMatcher } from './status-matcher.js';

/**
 * `expect(openaiMock).toHaveJobInStatus(jobId, status)`: the fine-tuning job has `status` now,
 * on the mock's clock. An unknown job id is a usage error, with or without `.not`.
 */
export const toHaveJobInStatus = statusMatcher<FineTuningJobStatus, FineTuningJob>({
  name: 'toHaveJobInStatus',
  noun: 'fine-tuning job',
  label: 'Job',
  exampleId: 'ftjob-mock000001',
  statuses: ['validating_files', 'queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled'],
  find: (mock, id) => {
    const object = mock.jobs.get(id);
    const lifecycle = mock.jobs.lifecycle(id);
    return object && lifecycle ? { object, lifecycle } : undefined;
  },
  ids: (mock) => mock.jobs.all().map((job) => job.id),
  details: (job) => (job.error ? [`error: ${job.error.code}: ${job.error.message}`] : []),
  heldReason: (state) => (state.paused ? 'the job is paused until resumed' : `'${state.status}' is held indefinitely`),
});
