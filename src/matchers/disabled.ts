/**
 * The matchers as registered when `OPENAI_MOCK=off`: the suite runs against the real API, so
 * there is no mock state to match. Each throws `ERR_OPENAI_MOCK_DISABLED` (with or without
 * `.not`, so nothing passes by accident) saying what to check instead and how to guard it.
 */
import { OpenAIMockError } from '../engine/errors.js';
import type { MatcherResult } from './types.js';

/** What each matcher would read, and where the same fact lives in the real API. */
const INSTEAD: Readonly<Record<string, string>> = {
  toHaveUploadedFile: 'client.files.list()',
  toHaveJobInStatus: '(await client.fineTuning.jobs.retrieve(jobId)).status',
  toHaveBatchInStatus: '(await client.batches.retrieve(batchId)).status',
  toHaveReceivedRequest: 'what your code returned (the real API keeps no log of your requests)',
};

function disabled(name: string) {
  return function (this: unknown): MatcherResult {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_DISABLED',
      `expect(openaiMock).${name}() reads the mock's state, which does not exist with OPENAI_MOCK=off: ` +
        `requests went to the real OpenAI API. Check ${INSTEAD[name] ?? "the real API's own answer"} instead, or run the assertion only against the mock: ` +
        "test.runIf(isMocked)(...) in Vitest, (isMocked ? test : test.skip)(...) in Jest, or `if (isMocked) { ... }`, " +
        "with isMocked from 'openai-mock/vitest' or 'openai-mock/jest'.",
    );
  };
}

/**
 * Matchers with the given names (those of `matchers`), each failing with the real-mode message,
 * ready for `expect.extend`.
 */
export function disabledMatchers(names: readonly string[]): Record<string, (this: unknown) => MatcherResult> {
  return Object.fromEntries(names.map((name) => [name, disabled(name)]));
}
