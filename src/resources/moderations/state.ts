import { OpenAIMockError, type OpenAIMockErrorCode } from '../../engine/errors.js';
import { checkVerdict, type CheckedVerdict, type ModerationVerdict } from './verdict.js';

/** What a scripted moderation function is told about the input it judges. */
export interface ModerationScriptRequest {
  /** The model as the request names it (`omni-moderation-latest` when the request names none). */
  readonly model: string;
  /** The result's position in `results`. */
  readonly index: number;
  /** The image URLs of a multi-modal input, in order (none for a string input). */
  readonly images: readonly string[];
}

/**
 * Scripted moderations: an object mapping input texts to verdicts, or a function of each input's
 * text returning its verdict (`undefined` leaves that input to the mock's default, unflagged).
 * A verdict is the categories to flag (`['violence']`) or part of a result
 * (`{ categories: { violence: true }, category_scores: { violence: 0.97 } }`).
 */
export type ModerationSource =
  | Readonly<Record<string, ModerationVerdict>>
  | ((text: string, request: ModerationScriptRequest) => ModerationVerdict | undefined);

const USAGE =
  "openaiMock.moderateWith() takes an object mapping input texts to verdicts ({ 'I will hurt you': ['violence'] }) " +
  'or a function (text, { model, index, images }) => verdict | undefined.';

/** The moderations a test has scripted, until reset. */
export class ModerationScript {
  #source: ModerationSource | null = null;
  /** The object form's verdicts, checked when set. */
  #checked: ReadonlyMap<string, CheckedVerdict> = new Map();

  /** Sets the script; an object's verdicts are checked now, so a typo fails where it is written. */
  set(source: ModerationSource): void {
    if (typeof source === 'function') {
      this.#source = source;
      this.#checked = new Map();
      return;
    }
    if (typeof source !== 'object' || source === null || Array.isArray(source)) {
      throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_ARGUMENT', USAGE);
    }
    const checked = new Map<string, CheckedVerdict>();
    for (const [text, verdict] of Object.entries(source)) {
      checked.set(text, checkOrThrow(verdict, `The verdict for ${JSON.stringify(text)} given to openaiMock.moderateWith()`, 'ERR_OPENAI_MOCK_INVALID_ARGUMENT'));
    }
    this.#source = source;
    this.#checked = checked;
  }

  /**
   * The scripted verdict for one input, if any. A function's verdict is checked here, and one
   * that cannot be sent throws `ERR_OPENAI_MOCK_INVALID_REPLY` (the client gets a 500 naming it).
   */
  verdictFor(text: string, request: ModerationScriptRequest): CheckedVerdict | undefined {
    const source = this.#source;
    if (source === null) return undefined;
    if (typeof source !== 'function') return request.images.length > 0 && text === '' ? undefined : this.#checked.get(text);
    const verdict = source(text, request);
    if (verdict === undefined) return undefined;
    return checkOrThrow(verdict, `The verdict scripted with openaiMock.moderateWith() for input ${request.index}`, 'ERR_OPENAI_MOCK_INVALID_REPLY');
  }

  reset(): void {
    this.#source = null;
    this.#checked = new Map();
  }
}

function checkOrThrow(verdict: unknown, what: string, code: OpenAIMockErrorCode): CheckedVerdict {
  const result = checkVerdict(verdict);
  if (typeof result === 'string') throw new OpenAIMockError(code, `${what} ${result}`);
  return result;
}
