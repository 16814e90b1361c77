import { describe, expect, test } from 'vitest';
import { MODERATION_CATEGORIES } from './categories.js';
import type { ModerationInput } from './params.js';
import { defaultScores, flaggedScore } from './scores.js';

const text = (value: string): ModerationInput => ({ text: value, images: [], types: ['text'] });

describe('defaultScores', () => {
  test('every category gets a small score, above 0 and below 0.01', () => {
    const scores = defaultScores(text('hello'));
    expect(Object.keys(scores)).toEqual([...MODERATION_CATEGORIES]);
    for (const score of Object.values(scores)) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThan(0.01);
    }
  });

  test('the same input gives the same scores; another input, other scores', () => {
    expect(defaultScores(text('hello'))).toEqual(defaultScores(text('hello')));
    expect(defaultScores(text('hello'))).not.toEqual(defaultScores(text('hello!')));
    // Pinned, so that a change to the hash (which would change every user's snapshots) is seen.
    expect(defaultScores(text('hello')).violence).toBe(0.00621024);
  });

  test('images count: a text with an image scores apart from the text alone, and from another image', () => {
    const withImage = (url: string): ModerationInput => ({ text: 'hello', images: [url], types: ['text', 'image'] });
    expect(defaultScores(withImage('https://x/a.png'))).not.toEqual(defaultScores(text('hello')));
    expect(defaultScores(withImage('https://x/a.png'))).not.toEqual(defaultScores(withImage('https://x/b.png')));
    expect(defaultScores(withImage('https://x/a.png'))).toEqual(defaultScores(withImage('https://x/a.png')));
  });

  test('categories do not all share one score', () => {
    expect(new Set(Object.values(defaultScores(text('hello')))).size).toBeGreaterThan(10);
  });
});

describe('flaggedScore', () => {
  test('from 0.9 to below 1, the same for the same input and category', () => {
    for (const [i, category] of MODERATION_CATEGORIES.entries()) {
      const score = flaggedScore(text(`input ${i}`), category);
      expect(score).toBeGreaterThanOrEqual(0.9);
      expect(score).toBeLessThan(1);
      expect(flaggedScore(text(`input ${i}`), category)).toBe(score);
    }
  });
});
