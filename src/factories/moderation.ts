import { Factory } from 'fishery';
import type { ModerationCreateParams, ModerationCreateResponse, ModerationModel } from 'openai/resources/moderations';
import { onAnyReset } from '../engine/active.js';
import { ApiError } from '../engine/api-error.js';
import { OpenAIMockError } from '../engine/errors.js';
import type { ModerationCategory } from '../resources/moderations/categories.js';
import { parseModerationRequest } from '../resources/moderations/params.js';
import { moderationResult } from '../resources/moderations/response.js';
import type { Moderation } from '../resources/moderations/types.js';
import { checkVerdict, type CheckedVerdict, type ModerationVerdict } from '../resources/moderations/verdict.js';
import { seedId } from './shared.js';

export type { ModerationCategory, ModerationCreateResponse, ModerationModel, ModerationVerdict };

/** The text the factory moderates when no input is given: nothing in it to flag. */
export const DEFAULT_MODERATION_INPUT = 'I would like to adopt a cat.';

/** Transient params of {@link moderationFactory}: the request, and the verdict for every result. */
export interface ModerationTransientParams {
  /** What to moderate, in any shape `input` takes. Default: {@link DEFAULT_MODERATION_INPUT}. */
  input: ModerationCreateParams['input'];
  /** The model. Default: `omni-moderation-latest` (the API's default). */
  model: ModerationModel;
  /** What every result says, as `openaiMock.moderateWith()` takes it. Default: nothing flagged. */
  verdict: ModerationVerdict;
}

const NAME = 'moderationFactory';

/**
 * The mock's result for each input under this verdict, or a coded error saying what the
 * factory was given wrong (a request the API refuses, a verdict the API could never give).
 */
function mockResults(transient: Partial<ModerationTransientParams>): { model: string; results: Moderation[] } {
  const body: Record<string, unknown> = { input: transient.input ?? DEFAULT_MODERATION_INPUT };
  if (transient.model !== undefined) body['model'] = transient.model;
  let verdict: CheckedVerdict | undefined;
  if (transient.verdict !== undefined) {
    const checked = checkVerdict(transient.verdict);
    if (typeof checked === 'string') throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_ARGUMENT', `The verdict given to ${NAME} ${checked}`);
    verdict = checked;
  }
  try {
    const { model, inputs } = parseModerationRequest(body);
    const results = inputs.map((input, index) => moderationResult(input, model, verdict, { index, origin: NAME }));
    return { model: model.responseModel, results };
  } catch (error) {
    if (error instanceof ApiError) {
      throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_ARGUMENT', `${NAME} was given a request the API would refuse (${error.status}): ${error.message}`);
    }
    if (error instanceof OpenAIMockError) throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_ARGUMENT', error.message.replace(/^\[openai-mock\] /, ''));
    throw error;
  }
}

/**
 * Builds `POST /v1/moderations` answers (`ModerationCreateResponse`) with the mock's own results:
 * the same object `client.moderations.create({ model, input })` resolves to under the mock (after
 * `openaiMock.moderateWith()` with the same verdict), but with a factory id, `modr-seed000001`,
 * `modr-seed000002`… (restarting on every mock reset). For fixtures and expectations without a
 * request, and for stubbing code that takes a moderation.
 *
 * By default: `omni-moderation-latest`, one input ({@link DEFAULT_MODERATION_INPUT}), nothing
 * flagged. `create()` throws: the API stores no moderations.
 *
 * @example
 * const clean = moderationFactory.forInput(['one comment', 'another']).build();
 * const violent = moderationFactory.flagged('violence', 'harassment/threatening').build();
 * const legacy = moderationFactory.withModel('text-moderation-latest').build(); // illicit: null
 */
export class ModerationFactory extends Factory<ModerationCreateResponse, ModerationTransientParams> {
  /** Moderates `input`: a text (one result), texts (one result each) or multi-modal parts (one result). */
  forInput(input: ModerationCreateParams['input']) {
    return this.transient({ input });
  }

  /** With this model (the answer's `model` is the API's: `text-moderation-007` for the legacy aliases). */
  withModel(model: ModerationModel) {
    return this.transient({ model });
  }

  /** Every result flags these categories (a score of 0.9 or more each; `flagged: true`). */
  flagged(...categories: ModerationCategory[]) {
    return this.transient({ verdict: categories });
  }

  /** Every result says this: categories to flag, or `{ categories, category_scores }`. */
  withVerdict(verdict: ModerationVerdict) {
    return this.transient({ verdict });
  }
}

export const moderationFactory = ModerationFactory.define(({ sequence, transientParams }): ModerationCreateResponse => {
  const { model, results } = mockResults(transientParams);
  // The mock's result types each category alike (`boolean | null`, `('text' | 'image')[]`); the
  // SDK's narrow them per category. The values are the ones the spec allows for each (the
  // conformance walk validates the same results), so the cast only restates them.
  return { id: seedId('modr-', sequence), model, results: results as unknown as ModerationCreateResponse['results'] };
}).onCreate((response) => {
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
    `${NAME}.create() has nothing to store ('${response.id}'): the API keeps no moderations, and the mock computes them from the input. ` +
      `Use ${NAME}.build(), and openaiMock.moderateWith(...) to make the mock answer with a verdict.`,
  );
});

onAnyReset(() => {
  moderationFactory.rewindSequence();
});
