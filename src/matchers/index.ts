/**
 * The matchers on `expect(openaiMock)`. Each runner entry registers them with its own
 * `expect.extend(matchers)`; nothing here imports a test runner.
 */
import { toHaveBatchInStatus } from './to-have-batch-in-status.js';
import { toHaveJobInStatus } from './to-have-job-in-status.js';
import { toHaveReceivedRequest } from './to-have-received-request.js';
import { toHaveUploadedFile } from './to-have-uploaded-file.js';

export { toHaveBatchInStatus, toHaveJobInStatus, toHaveReceivedRequest, toHaveUploadedFile };
export { MatcherUsageError } from './messages.js';
export type {
  AsymmetricMatcherLike,
  HttpMethod,
  MatcherContext,
  MatcherResult,
  OpenAIMockMatchers,
  RequestBodyMatch,
  UploadedFileMatch,
} from './types.js';

/** Every matcher, keyed by name, ready for `expect.extend(matchers)`. */
export const matchers = {
  toHaveUploadedFile,
  toHaveJobInStatus,
  toHaveBatchInStatus,
  toHaveReceivedRequest,
};
