import { OpenAIMockError } from '../../engine/errors.js';
import { IMAGE_CATEGORIES, MODERATION_CATEGORIES, OMNI_ONLY_CATEGORIES, type ModerationCategory, type ModerationInputType } from './categories.js';
import type { ModerationModel } from './models.js';
import type { ModerationInput, ModerationRequest } from './params.js';
import { defaultScores, flaggedScore } from './scores.js';
import type { ModerationScript } from './state.js';
import type { Moderation, ModerationResponse } from './types.js';
import type { CheckedVerdict } from './verdict.js';

/**
 * The API's answer to a checked request: one result per input, in input order, each unflagged
 * with the mock's small scores unless the test scripted a verdict for it.
 */
export function moderationResponse(id: string, request: ModerationRequest, script?: ModerationScript): ModerationResponse {
  const { model, inputs } = request;
  const results = inputs.map((input, index) => {
    const verdict = script?.verdictFor(input.text, { model: model.id, index, images: input.images });
    return moderationResult(input, model, verdict, { index, origin: 'openaiMock.moderateWith()' });
  });
  return { id, model: model.responseModel, results };
}

/** Where a verdict came from, for the message when it cannot be answered. */
export interface VerdictOrigin {
  /** The result's position in `results`. */
  readonly index: number;
  /** Who gave it: `openaiMock.moderateWith()`, `moderationFactory`. */
  readonly origin: string;
}

/**
 * One result. The omni models apply each category to the input types it covers (every category
 * to text; self-harm, sexual and violence and their subcategories to images too). The legacy
 * text models score text only and have no `illicit` categories: those are `null`, scored 0 and
 * applied to nothing (UNVERIFIED: the spec requires a number and a list for them, so these are
 * the values that say "not scored"; the API's own are not on record).
 */
export function moderationResult(
  input: ModerationInput,
  model: ModerationModel,
  verdict: CheckedVerdict | undefined,
  where: VerdictOrigin = { index: 0, origin: 'openaiMock.moderateWith()' },
): Moderation {
  const scores = defaultScores(input);
  const categories = {} as Record<ModerationCategory, boolean | null>;
  const applied = {} as Record<ModerationCategory, ModerationInputType[]>;
  for (const category of MODERATION_CATEGORIES) {
    const types = appliedTypes(category, input, model);
    applied[category] = types;
    const scored = model.omni || !OMNI_ONLY_CATEGORIES.has(category);
    categories[category] = scored ? false : null;
    if (types.length === 0) scores[category] = 0;
  }
  if (verdict) {
    for (const category of verdict.flag) {
      if (applied[category].length === 0) throw notApplied(category, model, where);
      categories[category] = true;
      scores[category] = flaggedScore(input, category);
    }
    Object.assign(scores, verdict.scores);
  }
  return {
    flagged: verdict !== undefined && verdict.flag.size > 0,
    categories,
    category_scores: scores,
    category_applied_input_types: applied,
  };
}

/** The input types of `input` that `model` applies `category` to. */
function appliedTypes(category: ModerationCategory, input: ModerationInput, model: ModerationModel): ModerationInputType[] {
  if (!model.omni) return OMNI_ONLY_CATEGORIES.has(category) ? [] : ['text'];
  return input.types.filter((type) => type === 'text' || IMAGE_CATEGORIES.has(category));
}

/** A verdict (scripted, or given to the factory) flags a category the model did not apply to this input. */
function notApplied(category: ModerationCategory, model: ModerationModel, { index, origin }: VerdictOrigin): OpenAIMockError {
  const why = !model.omni
    ? `${model.id} does not score '${category}' (only the omni models do)`
    : `${model.id} applies '${category}' to text only, and input ${index} holds only images`;
  return new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_REPLY',
    `The verdict ${origin} gives for input ${index} flags '${category}', but ${why}, so the API could never flag it there. ` +
      `Flag another category, or send ${!model.omni ? "model: 'omni-moderation-latest'" : 'text with the image'}.`,
  );
}
