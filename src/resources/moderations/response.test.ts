import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../../test/support/errors.js';
import { MODERATION_CATEGORIES } from './categories.js';
import { MODERATION_MODELS } from './models.js';
import type { ModerationInput } from './params.js';
import { moderationResponse, moderationResult } from './response.js';
import { defaultScores } from './scores.js';
import { ModerationScript } from './state.js';

const omni = MODERATION_MODELS['omni-moderation-latest'];
const legacy = MODERATION_MODELS['text-moderation-latest'];
const text = (value: string): ModerationInput => ({ text: value, images: [], types: ['text'] });
const picture: ModerationInput = { text: '', images: ['https://x/a.png'], types: ['image'] };
const both: ModerationInput = { text: 'look', images: ['https://x/a.png'], types: ['text', 'image'] };
const each = <T>(value: T) => Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, value]));
const IMAGE = ['self-harm', 'self-harm/instructions', 'self-harm/intent', 'sexual', 'violence', 'violence/graphic'];

describe('moderationResult', () => {
  test('by default nothing is flagged, every category is false and keeps its small score, applied to text', () => {
    expect(moderationResult(text('hi'), omni, undefined)).toEqual({
      flagged: false,
      categories: each(false),
      category_scores: defaultScores(text('hi')),
      category_applied_input_types: each(['text']),
    });
  });

  test('omni: image categories apply to images too; text-only categories to no image', () => {
    const mixed = moderationResult(both, omni, undefined);
    const onlyImage = moderationResult(picture, omni, undefined);
    for (const category of MODERATION_CATEGORIES) {
      const image = IMAGE.includes(category);
      expect(mixed.category_applied_input_types[category]).toEqual(image ? ['text', 'image'] : ['text']);
      expect(onlyImage.category_applied_input_types[category]).toEqual(image ? ['image'] : []);
      // A category applied to nothing the input holds was not scored.
      if (!image) expect(onlyImage.category_scores[category]).toBe(0);
      else expect(onlyImage.category_scores[category]).toBeGreaterThan(0);
    }
  });

  test('legacy text models: illicit categories are null, scored 0 and applied to nothing', () => {
    const result = moderationResult(text('hi'), legacy, undefined);
    expect(result.categories).toEqual({ ...each(false), illicit: null, 'illicit/violent': null });
    expect(result.category_scores).toEqual({ ...defaultScores(text('hi')), illicit: 0, 'illicit/violent': 0 });
    expect(result.category_applied_input_types).toEqual({ ...each(['text']), illicit: [], 'illicit/violent': [] });
  });

  test('a verdict flags its categories with a high score unless it gives one; flagged follows', () => {
    const result = moderationResult(text('hi'), omni, { flag: new Set(['violence', 'hate']), scores: { hate: 0.61, sexual: 0.3 } });
    expect(result.flagged).toBe(true);
    expect(result.categories).toEqual({ ...each(false), violence: true, hate: true });
    expect(result.category_scores.violence).toBeGreaterThanOrEqual(0.9);
    expect(result.category_scores.hate).toBe(0.61);
    expect(result.category_scores.sexual).toBe(0.3);
    expect(moderationResult(text('hi'), omni, { flag: new Set(), scores: { sexual: 0.99 } }).flagged).toBe(false);
  });

  test('a verdict that flags what the model never applies to this input is a misuse', () => {
    const illicit = misuseBy(() => moderationResult(text('hi'), legacy, { flag: new Set(['illicit']), scores: {} }, { index: 1, origin: 'openaiMock.moderateWith()' }));
    expect(illicit.code).toBe('ERR_OPENAI_MOCK_INVALID_REPLY');
    expect(illicit.message).toBe(
      "[openai-mock] The verdict openaiMock.moderateWith() gives for input 1 flags 'illicit', but text-moderation-latest does not score 'illicit' (only the omni models do), " +
        "so the API could never flag it there. Flag another category, or send model: 'omni-moderation-latest'.",
    );
    const hate = misuseBy(() => moderationResult(picture, omni, { flag: new Set(['hate']), scores: {} }));
    expect(hate.message).toContain("omni-moderation-latest applies 'hate' to text only, and input 0 holds only images");
    expect(moderationResult(picture, omni, { flag: new Set(['violence']), scores: {} }).flagged).toBe(true);
  });
});

describe('moderationResponse', () => {
  test('one result per input, the id given, the model as the API names it', () => {
    const response = moderationResponse('modr-mock000001', { model: legacy, inputs: [text('a'), text('b')] });
    expect(response).toMatchObject({ id: 'modr-mock000001', model: 'text-moderation-007' });
    expect(response.results).toEqual([moderationResult(text('a'), legacy, undefined), moderationResult(text('b'), legacy, undefined)]);
  });

  test('the script is asked about each input with its index, and the requested model', () => {
    const script = new ModerationScript();
    const asked: unknown[] = [];
    script.set((value, request) => {
      asked.push(request);
      return value === 'b' ? ['harassment'] : undefined;
    });
    const response = moderationResponse('modr-x', { model: omni, inputs: [text('a'), text('b'), both] }, script);
    expect(response.results.map((r) => r.flagged)).toEqual([false, true, false]);
    expect(asked).toEqual([
      { model: 'omni-moderation-latest', index: 0, images: [] },
      { model: 'omni-moderation-latest', index: 1, images: [] },
      { model: 'omni-moderation-latest', index: 2, images: ['https://x/a.png'] },
    ]);
  });
});
