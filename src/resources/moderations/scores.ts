/**
 * The mock's deterministic scores. Nothing is flagged by default: every category gets a small
 * score below 0.01, drawn from a hash of the input and the category, so the same input always
 * gets the same scores (in every process, on every platform) and two inputs rarely share one.
 * A category a test flags gets a high score, from 0.9 up to 1, from the same hash.
 *
 * Only 32-bit integer arithmetic and one exactly-rounded division are used, so the bits never
 * depend on the platform (`Math.pow` or `Math.log` would).
 */
import { MODERATION_CATEGORIES, type ModerationCategory } from './categories.js';
import type { ModerationInput } from './params.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Separates an image URL from what comes before it in the hashed text. */
const IMAGE_MARK = 0x1f;

/** How a category's hash becomes a score. */
const LOW_STEPS = 999_999;
const LOW_SCALE = 1e8;
const HIGH_STEPS = 100_000;
const HIGH_SCALE = 1e6;

/** Scores for every category, unflagged: each from 0.00000001 to just under 0.01. */
export function defaultScores(input: ModerationInput): Record<ModerationCategory, number> {
  const base = inputHash(input);
  const scores = {} as Record<ModerationCategory, number>;
  MODERATION_CATEGORIES.forEach((category, i) => {
    scores[category] = (1 + (categoryHash(base, i) % LOW_STEPS)) / LOW_SCALE;
  });
  return scores;
}

/** The score of a flagged category: from 0.9 to just under 1. */
export function flaggedScore(input: ModerationInput, category: ModerationCategory): number {
  const hash = categoryHash(inputHash(input), MODERATION_CATEGORIES.indexOf(category));
  return (HIGH_STEPS * 9 + (hash % HIGH_STEPS)) / HIGH_SCALE;
}

/**
 * FNV-1a over the text and each image URL. A string and a multi-modal array holding only that
 * text hash alike: the same content, the same scores.
 */
function inputHash(input: ModerationInput): number {
  let hash = FNV_OFFSET;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  };
  add(input.text);
  for (const url of input.images) {
    hash = Math.imul(hash ^ IMAGE_MARK, FNV_PRIME);
    add(url);
  }
  return hash;
}

/** The input's hash mixed with a category's position, well spread (murmur3's finalizer). Unsigned. */
function categoryHash(base: number, index: number): number {
  let h = Math.imul(base ^ (index + 1), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
