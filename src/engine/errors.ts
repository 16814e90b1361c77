/**
 * Codes of {@link OpenAIMockError}: each names one way the library can be misused.
 */
export type OpenAIMockErrorCode =
  | 'ERR_OPENAI_MOCK_NOT_INSTALLED'
  | 'ERR_OPENAI_MOCK_INVALID_OPTION'
  | 'ERR_OPENAI_MOCK_INVALID_ARGUMENT'
  | 'ERR_OPENAI_MOCK_UNKNOWN_OBJECT'
  | 'ERR_OPENAI_MOCK_INVALID_STEP'
  | 'ERR_OPENAI_MOCK_DUPLICATE_ID'
  | 'ERR_OPENAI_MOCK_INVALID_REPLY'
  | 'ERR_OPENAI_MOCK_INVALID_FAULT'
  | 'ERR_OPENAI_MOCK_TRANSPORT'
  | 'ERR_OPENAI_MOCK_LEGACY_FAKE_TIMERS'
  /** Reading or scripting the mock while `OPENAI_MOCK=off` sends requests to the real API. */
  | 'ERR_OPENAI_MOCK_DISABLED'
  /** An environment variable the library reads has a value it does not accept. */
  | 'ERR_OPENAI_MOCK_INVALID_ENV'
  /** `advanceTime(ms)` in real mode asked for a longer real wait than the cap allows. */
  | 'ERR_OPENAI_MOCK_REAL_WAIT_TOO_LONG'
  /** A route is registered where another route already answers every request it would get. */
  | 'ERR_OPENAI_MOCK_SHADOWED_ROUTE'
  /** The resource modules cannot be put together (one missing from the list, or two needing each other). */
  | 'ERR_OPENAI_MOCK_RESOURCE'
  /** Node is older than the package supports: requests could not be intercepted. */
  | 'ERR_OPENAI_MOCK_UNSUPPORTED_NODE';

/** Marks an OpenAIMockError, whichever copy of this module made it. */
const BRAND = Symbol.for('openai-mock.OpenAIMockError');

/**
 * Thrown when the library itself is used wrongly (a bad option, a call before install, an id
 * that does not exist in the mock). Errors the OpenAI API would return are never thrown this
 * way: they are sent to the client as HTTP responses, so the SDK raises its own error classes.
 */
export class OpenAIMockError extends Error {
  override readonly name = 'OpenAIMockError';
  readonly code: OpenAIMockErrorCode;

  constructor(code: OpenAIMockErrorCode, message: string) {
    super(`[openai-mock] ${message}`);
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * `instanceof` holds for errors from either build of the package (ES module or CommonJS): a
   * native-ESM Jest project can load both in one test file.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && BRAND in value;
  }
}
