/** The moderation models the mock serves, and what each one can do. */
export interface ModerationModel {
  readonly id: ModerationModelId;
  /**
   * The `model` of its answers. The legacy aliases answer with the snapshot they point to
   * (`text-moderation-007`, as in the spec's example answer); the omni models as requested.
   */
  readonly responseModel: string;
  /** Whether it takes `image_url` inputs and scores the omni categories (`illicit`, ...). */
  readonly omni: boolean;
}

/** The models the spec and the SDK list (`ModerationModel`). */
export type ModerationModelId = 'omni-moderation-latest' | 'omni-moderation-2024-09-26' | 'text-moderation-latest' | 'text-moderation-stable';

/** The model a request without `model` gets (the spec's default). */
export const DEFAULT_MODERATION_MODEL: ModerationModelId = 'omni-moderation-latest';

export const MODERATION_MODELS: Readonly<Record<ModerationModelId, ModerationModel>> = {
  'omni-moderation-latest': { id: 'omni-moderation-latest', responseModel: 'omni-moderation-latest', omni: true },
  'omni-moderation-2024-09-26': { id: 'omni-moderation-2024-09-26', responseModel: 'omni-moderation-2024-09-26', omni: true },
  'text-moderation-latest': { id: 'text-moderation-latest', responseModel: 'text-moderation-007', omni: false },
  // UNVERIFIED: that `-stable` also answers as text-moderation-007 (the snapshot it last pointed to).
  'text-moderation-stable': { id: 'text-moderation-stable', responseModel: 'text-moderation-007', omni: false },
};

/** The moderation model with this id, or undefined if `id` is not one. */
export function moderationModel(id: string): ModerationModel | undefined {
  return Object.hasOwn(MODERATION_MODELS, id) ? MODERATION_MODELS[id as ModerationModelId] : undefined;
}
