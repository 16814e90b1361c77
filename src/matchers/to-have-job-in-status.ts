import type { LifecycleState } from '../mock/lifecycle.js';
import type { OpenAIMock } from '../mock/openai-mock.js';
import type { FineTuningJob, FineTuningJobStatus } from '../resources/fine-tuning/types.js';
import { assertArgCount, assertMock, hint, isAsymmetricMatcher, listed, seconds, usageError } from './messages.js';
import type { MatcherContext, MatcherResult } from './types.js';

const NAME = 'toHaveJobInStatus';
const ARGS = 'jobId, status';

/** Every status a fine-tuning job can have, in lifecycle order. */
const STATUSES: readonly FineTuningJobStatus[] = [
  'validating_files',
  'queued',
  'running',
  'paused',
  'succeeded',
  'failed',
  'cancelled',
];

/**
 * `expect(openaiMock).toHaveJobInStatus(jobId, status)`: the fine-tuning job has `status` now,
 * on the mock's clock. An unknown job id is a usage error, with or without `.not`.
 */
export function toHaveJobInStatus(
  this: MatcherContext,
  received: unknown,
  jobId?: unknown,
  status?: unknown,
  ...rest: unknown[]
): MatcherResult {
  assertMock(this, NAME, ARGS, received);
  assertArgCount(this, NAME, ARGS, rest, 'two arguments (a job id and a status)');
  if (typeof jobId !== 'string' || jobId === '') {
    usageError(this, NAME, ARGS, `jobId must be a fine-tuning job id (such as 'ftjob-mock000001').\n\nReceived jobId: ${this.utils.printReceived(jobId)}`);
  }
  if (typeof status === 'string' ? !STATUSES.includes(status as FineTuningJobStatus) : !isAsymmetricMatcher(status)) {
    usageError(
      this,
      NAME,
      ARGS,
      `status must be a fine-tuning job status (${STATUSES.join(', ')}) or an asymmetric matcher.\n\nReceived status: ${this.utils.printReceived(status)}`,
    );
  }

  const job = received.jobs.get(jobId);
  const lifecycle = received.jobs.lifecycle(jobId);
  if (!job || !lifecycle) {
    const ids = received.jobs.all().map((j) => j.id);
    usageError(
      this,
      NAME,
      ARGS,
      `no fine-tuning job with id ${this.utils.printReceived(jobId)} exists in the mock.\n\n` +
        (ids.length === 0
          ? 'No fine-tuning job was created since the last reset.'
          : `Jobs that exist (${ids.length}):\n${listed(ids)}`),
    );
  }

  const actual = lifecycle.status;
  const pass = this.equals(actual, status, this.customTesters);

  const message = (): string =>
    [
      hint(this, NAME, ARGS),
      '',
      `Expected status: ${this.isNot ? 'not ' : ''}${this.utils.printExpected(status)}`,
      `Received status: ${this.utils.printReceived(actual)}`,
      '',
      describeJob(received, job, lifecycle),
      ...reachHint(status, lifecycle, received.clock.now()),
    ].join('\n');

  return { pass, message, actual, expected: status };
}

/** Where the job stands, in times relative to its creation (absolute times vary per run). */
function describeJob(mock: OpenAIMock, job: FineTuningJob, state: LifecycleState<FineTuningJobStatus>): string {
  const createdAt = state.history[0]?.at ?? state.since;
  const now = mock.clock.now();
  const after = (ms: number): string => `${seconds(ms - createdAt)} after creation`;
  const lines = [`Job ${job.id}, now ${after(now)}:`, `  ${state.status} since ${after(state.since)}`];
  if (state.next) {
    lines.push(`  becomes '${state.next.status}' in ${state.next.at - now} ms (at ${after(state.next.at)})`);
  } else {
    const why = state.terminal
      ? `'${state.status}' is final`
      : state.paused
        ? 'the job is paused until resumed'
        : `'${state.status}' is held indefinitely`;
    lines.push(`  no further change is scheduled (${why})`);
  }
  if (job.error) lines.push(`  error: ${job.error.code}: ${job.error.message}`);
  lines.push(`  history: ${state.history.map((t) => `${t.status} (${seconds(t.at - createdAt)})`).join(' -> ')}`);
  return lines.join('\n');
}

/** Says how far to advance the clock when the status wanted is the very next one. */
function reachHint(status: unknown, state: LifecycleState<FineTuningJobStatus>, now: number): string[] {
  if (typeof status !== 'string' || state.next?.status !== status) return [];
  const ms = state.next.at - now;
  return ['', `It will be '${status}' once ${ms} ms more have passed: \`await advanceTime(${ms})\` first.`];
}
