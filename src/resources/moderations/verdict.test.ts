import { describe, expect, test } from 'vitest';
import { checkVerdict } from './verdict.js';

describe('checkVerdict', () => {
  test('an array flags its categories; an empty one flags nothing', () => {
    expect(checkVerdict(['violence', 'self-harm/intent'])).toEqual({ flag: new Set(['violence', 'self-harm/intent']), scores: {} });
    expect(checkVerdict([])).toEqual({ flag: new Set(), scores: {} });
  });

  test('part of a result: true flags, false does not, scores are kept as given', () => {
    expect(
      checkVerdict({ categories: { hate: true, violence: false }, category_scores: { hate: 0.42, violence: 0.8, sexual: 0 }, flagged: true }),
    ).toEqual({ flag: new Set(['hate']), scores: { hate: 0.42, violence: 0.8, sexual: 0 } });
    expect(checkVerdict({ category_scores: { illicit: 1 } })).toEqual({ flag: new Set(), scores: { illicit: 1 } });
    expect(checkVerdict({ flagged: false })).toEqual({ flag: new Set(), scores: {} });
  });

  test('unknown categories, with a suggestion when one is close', () => {
    expect(checkVerdict(['self_harm'])).toContain("names 'self_harm', which is not a moderation category. Did you mean 'self-harm'?");
    expect(checkVerdict({ categories: { 'Violence/Graphic': true } })).toContain("Did you mean 'violence/graphic'?");
    expect(checkVerdict({ category_scores: { spam: 0.5 } })).toMatch(/^names 'spam', which is not a moderation category\. The categories are: harassment, /);
    expect(checkVerdict([7])).toMatch(/^names 7, which is not a moderation category\./);
    expect(checkVerdict(['toString'])).toContain("names 'toString'");
  });

  test('scores must be numbers from 0 to 1', () => {
    for (const score of [1.01, -0.5, Number.NaN, '0.5', null]) {
      expect(checkVerdict({ category_scores: { hate: score } })).toMatch(/^gives category_scores\['hate'\] the score .*: a score is a number from 0 to 1\.$/);
    }
    expect(checkVerdict({ category_scores: { hate: '0.5' } })).toBe(
      "gives category_scores['hate'] the score \"0.5\": a score is a number from 0 to 1.",
    );
  });

  test('flagged must agree with the categories', () => {
    expect(checkVerdict({ flagged: true })).toBe(
      'sets flagged: true without flagging a category: flag one instead ({ categories: { violence: true } }); flagged follows.',
    );
    expect(checkVerdict({ flagged: false, categories: { hate: true } })).toBe(
      'sets flagged: false while it flags hate: flagged is true when any category is. Leave flagged out.',
    );
    // A flagged that is not a boolean is described, never coerced (its toString may not be a function).
    expect(checkVerdict({ flagged: JSON.parse('{"toString":1}') as unknown })).toBe(
      'sets flagged: an object without flagging a category: flag one instead ({ categories: { violence: true } }); flagged follows.',
    );
  });

  test('other shapes and keys are refused, saying what a verdict looks like', () => {
    expect(checkVerdict('violence')).toMatch(/^is "violence"\. Give an array of categories to flag/);
    expect(checkVerdict(null)).toMatch(/^is null\. /);
    expect(checkVerdict({ category_applied_input_types: {} })).toMatch(/^has the key 'category_applied_input_types'; it takes categories, category_scores and flagged/);
    expect(checkVerdict({ categories: ['hate'] })).toBe('has categories that are an array: give an object such as { violence: true }.');
    expect(checkVerdict({ categories: { hate: 1 } })).toBe("sets categories['hate'] to 1: use true to flag it, or false.");
    expect(checkVerdict({ category_scores: 0.9 })).toBe('has category_scores that are 0.9: give an object such as { violence: 0.97 }.');
  });
});
