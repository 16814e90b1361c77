/**
 * What a test scripts for one input with `openaiMock.moderateWith()`, and its checks: every
 * category named must exist, every score must be from 0 to 1, and `flagged` (when given) must
 * agree with the categories. A bad verdict is refused with a message saying how to write it.
 */
import { isObject } from '../../engine/fields.js';
import { isCategory, MODERATION_CATEGORIES, type ModerationCategory } from './categories.js';

/** Part of a result: the categories to flag, scores to send, and (optionally) `flagged`. */
export interface ModerationOverride {
  /** `true` flags a category; `false` (every category's default) leaves it unflagged. */
  readonly categories?: Readonly<Partial<Record<ModerationCategory, boolean>>>;
  /** Scores from 0 to 1. A flagged category without one gets 0.9 or more; the others keep the mock's. */
  readonly category_scores?: Readonly<Partial<Record<ModerationCategory, number>>>;
  /** Needs no setting (it is true when a category is flagged); when given, it must agree. */
  readonly flagged?: boolean;
}

/** What a test scripts for one input: the categories to flag, or part of a result. */
export type ModerationVerdict = readonly ModerationCategory[] | ModerationOverride;

/** A verdict that passed its checks. */
export interface CheckedVerdict {
  readonly flag: ReadonlySet<ModerationCategory>;
  readonly scores: Readonly<Partial<Record<ModerationCategory, number>>>;
}

const OVERRIDE_KEYS: readonly string[] = ['categories', 'category_scores', 'flagged'];
const SHAPE =
  "Give an array of categories to flag (['violence']) or part of a result ({ categories: { violence: true }, category_scores: { violence: 0.97 } }).";

/** The verdict checked, or what is wrong with it (the end of a sentence naming the verdict). */
export function checkVerdict(verdict: unknown): CheckedVerdict | string {
  if (Array.isArray(verdict)) {
    const unknown = verdict.find((name) => typeof name !== 'string' || !isCategory(name));
    if (unknown !== undefined) return notACategory(unknown);
    return { flag: new Set(verdict as ModerationCategory[]), scores: {} };
  }
  if (!isObject(verdict)) return `is ${describe(verdict)}. ${SHAPE}`;
  const extra = Object.keys(verdict).find((key) => !OVERRIDE_KEYS.includes(key));
  if (extra !== undefined) {
    return `has the key '${extra}'; it takes categories, category_scores and flagged (category_applied_input_types follows from the input). ${SHAPE}`;
  }
  const flag = new Set<ModerationCategory>();
  const categories = verdict['categories'];
  if (categories !== undefined) {
    if (!isObject(categories)) return `has categories that are ${describe(categories)}: give an object such as { violence: true }.`;
    for (const [name, value] of Object.entries(categories)) {
      if (!isCategory(name)) return notACategory(name);
      if (typeof value !== 'boolean') return `sets categories['${name}'] to ${describe(value)}: use true to flag it, or false.`;
      if (value) flag.add(name);
    }
  }
  const scores: Partial<Record<ModerationCategory, number>> = {};
  const scoreMap = verdict['category_scores'];
  if (scoreMap !== undefined) {
    if (!isObject(scoreMap)) return `has category_scores that are ${describe(scoreMap)}: give an object such as { violence: 0.97 }.`;
    for (const [name, value] of Object.entries(scoreMap)) {
      if (!isCategory(name)) return notACategory(name);
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        return `gives category_scores['${name}'] the score ${describe(value)}: a score is a number from 0 to 1.`;
      }
      scores[name] = value;
    }
  }
  const flagged = verdict['flagged'];
  if (flagged !== undefined && flagged !== flag.size > 0) {
    return flag.size > 0
      ? `sets flagged: ${describe(flagged)} while it flags ${[...flag].join(', ')}: flagged is true when any category is. Leave flagged out.`
      : `sets flagged: ${describe(flagged)} without flagging a category: flag one instead ({ categories: { violence: true } }); flagged follows.`;
  }
  return { flag, scores };
}

function notACategory(name: unknown): string {
  const hint = typeof name === 'string' ? suggestion(name) : undefined;
  return (
    `names ${typeof name === 'string' ? `'${name}'` : describe(name)}, which is not a moderation category.` +
    (hint === undefined ? '' : ` Did you mean '${hint}'?`) +
    ` The categories are: ${MODERATION_CATEGORIES.join(', ')}.`
  );
}

/** The category closest to a misspelt name (at most three edits away), if one is. */
function suggestion(name: string): ModerationCategory | undefined {
  let best: ModerationCategory | undefined;
  let bestDistance = 4;
  for (const category of MODERATION_CATEGORIES) {
    const distance = editDistance(name.toLowerCase(), category);
    if (distance < bestDistance) [best, bestDistance] = [category, distance];
  }
  return best;
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** A value as a message shows it: `"0.5"` (a string), `1.5`, `null`, `an object`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
