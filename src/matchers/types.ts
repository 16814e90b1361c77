/**
 * Types of the `expect(openaiMock)` matchers: the interface each runner entry merges into its
 * own `Matchers` declaration, and the part of the runner's matcher state the matchers use.
 */
import type { BatchStatus, FileObject, FineTuningJobStatus } from '../openai-mock.js';

/** HTTP methods the OpenAI API uses. Any other string is accepted too; case does not matter. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * What {@link OpenAIMockMatchers.toHaveUploadedFile} matches an upload against: any subset of
 * the File object as the API returns it now, plus `content`, the file's bytes read as UTF-8.
 * Every value may be an asymmetric matcher (`expect.stringContaining(...)`, `expect.any(Number)`).
 */
export type UploadedFileMatch =
  | AsymmetricMatcherLike
  | ({ [K in keyof FileObject]?: FileObject[K] | AsymmetricMatcherLike } & {
      /** The file's content as UTF-8 text. */
      content?: string | AsymmetricMatcherLike;
    });

/**
 * An asymmetric matcher (`expect.stringMatching(...)`, `expect.any(String)`, ...). Vitest and
 * `@types/jest` type these as `any`; `@jest/globals` gives them their own type, which this
 * names, so that they are accepted wherever a matcher takes a value.
 */
export interface AsymmetricMatcherLike {
  asymmetricMatch(other: unknown): boolean;
}

/** The request body a request must contain (a subset of the parsed JSON or multipart fields). */
export type RequestBodyMatch = Record<string, unknown>;

/**
 * Matchers on `expect(openaiMock)`. Each takes asymmetric matchers anywhere a value is expected,
 * and each has a `.not` form whose failure message says what was found.
 *
 * @typeParam R - What the assertion returns (`void`, or a promise under `.resolves`/`.rejects`).
 */
export interface OpenAIMockMatchers<R = unknown> {
  /**
   * Passes if the code under test uploaded a file (`POST /v1/files`) that matches `expected`,
   * deleted files included. `expected` is matched, as with `toMatchObject`, against the File
   * object as the API returns it now, plus `content`: the file's bytes as UTF-8 text. Without an
   * argument, any upload passes. Seeded files and files the mock made itself do not count.
   *
   * @example
   * expect(openaiMock).toHaveUploadedFile({
   *   filename: 'train.jsonl',
   *   purpose: 'fine-tune',
   *   content: expect.stringContaining('"assistant"'),
   * });
   * expect(openaiMock).not.toHaveUploadedFile({ purpose: 'batch' });
   */
  toHaveUploadedFile(expected?: UploadedFileMatch): R;

  /**
   * Passes if the fine-tuning job `jobId` has `status` now, on the mock's clock (what
   * `GET /v1/fine_tuning/jobs/{id}` would answer). Fails with a usage error if the job does not
   * exist, with or without `.not`.
   *
   * @example
   * await advanceTime(10_000);
   * expect(openaiMock).toHaveJobInStatus(job.id, 'succeeded');
   * expect(openaiMock).toHaveJobInStatus(job.id, expect.stringMatching(/^(queued|running)$/));
   */
  toHaveJobInStatus(jobId: string, status: FineTuningJobStatus | AsymmetricMatcherLike): R;

  /**
   * Passes if the batch `batchId` has `status` now, on the mock's clock (what
   * `GET /v1/batches/{id}` would answer). The failure message shows the request counts and when
   * the status changes next. Fails with a usage error if the batch does not exist, with or
   * without `.not`.
   *
   * @example
   * await advanceTime(10_000);
   * expect(openaiMock).toHaveBatchInStatus(batch.id, 'completed');
   */
  toHaveBatchInStatus(batchId: string, status: BatchStatus | AsymmetricMatcherLike): R;

  /**
   * Passes if the mock received a request with this method and path and, when `body` is given,
   * a body containing it (subset semantics, as with `toMatchObject`).
   *
   * - `method` is compared case-insensitively.
   * - `path` is compared with the path as sent, base path included and query string excluded:
   *   `'/v1/files'`, not `'/files'` nor `'/v1/files?purpose=batch'`. A RegExp is tested against
   *   that path; an asymmetric matcher is matched against it. To check a query, read
   *   `openaiMock.requests`.
   * - `body` is matched against the parsed body: JSON as sent, or for multipart uploads the
   *   fields with each file part as `{ filename, bytes, contentType }`.
   *
   * @example
   * expect(openaiMock).toHaveReceivedRequest('POST', '/v1/fine_tuning/jobs', {
   *   model: 'gpt-4o-mini-2024-07-18',
   * });
   * expect(openaiMock).not.toHaveReceivedRequest('DELETE', /^\/v1\/files\//);
   */
  toHaveReceivedRequest(
    method: HttpMethod | Lowercase<HttpMethod> | (string & {}),
    path: string | RegExp | AsymmetricMatcherLike,
    body?: RequestBodyMatch,
  ): R;
}

/**
 * The part of the runner's matcher state (`this` inside a matcher) the matchers rely on. Vitest
 * and Jest both provide it, so the matcher functions work with either runner's `expect.extend`.
 */
export interface MatcherContext {
  readonly isNot: boolean;
  readonly promise: string;
  equals(a: unknown, b: unknown, customTesters?: readonly unknown[], strictCheck?: boolean): boolean;
  readonly customTesters?: readonly unknown[];
  readonly utils: MatcherUtils;
}

/** The runner's `this.utils`, as far as the matchers use it. */
export interface MatcherUtils {
  matcherHint(
    matcherName: string,
    received?: string,
    expected?: string,
    options?: { isNot?: boolean; promise?: string; secondArgument?: string; comment?: string },
  ): string;
  printReceived(value: unknown): string;
  printExpected(value: unknown): string;
  printWithType<T>(name: string, value: T, print: (value: T) => string): string;
  readonly iterableEquality: unknown;
  readonly subsetEquality: unknown;
}

/** What a matcher returns to the runner. `pass` never depends on `.not`. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}
