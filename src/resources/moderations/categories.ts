/**
 * The moderation categories, exactly as the newest SDK's `Moderation` type names them, and the
 * input types each one can be applied to (the spec's `category_applied_input_types` enums).
 */

/** Every category, in the order the SDK's `Moderation.Categories` lists them. */
export const MODERATION_CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/instructions',
  'self-harm/intent',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;

/** A moderation category: `'violence'`, `'self-harm/intent'`, ... */
export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];

/** The kinds of input a category can be applied to. */
export type ModerationInputType = 'text' | 'image';

/**
 * The categories the omni models also apply to images (the spec allows `image` in their
 * `category_applied_input_types` and only `text` in the others').
 */
export const IMAGE_CATEGORIES: ReadonlySet<ModerationCategory> = new Set<ModerationCategory>([
  'self-harm',
  'self-harm/instructions',
  'self-harm/intent',
  'sexual',
  'violence',
  'violence/graphic',
]);

/**
 * The categories the legacy text models do not score: they came with the omni models. The spec
 * lets only these be `null` in `categories`.
 */
export const OMNI_ONLY_CATEGORIES: ReadonlySet<ModerationCategory> = new Set<ModerationCategory>(['illicit', 'illicit/violent']);

/** Whether a string names a category (own names only: `'toString'` is not one). */
export function isCategory(name: string): name is ModerationCategory {
  return (MODERATION_CATEGORIES as readonly string[]).includes(name);
}
