import type { ModerationCategory, ModerationInputType } from './categories.js';

/**
 * The objects `POST /v1/moderations` answers with, as the API sends them (the spec's
 * `CreateModerationResponse`; the SDK's `ModerationCreateResponse`).
 */

/** One result: whether the input is flagged, and why. */
export interface Moderation {
  /** True when any category is. */
  flagged: boolean;
  /**
   * Whether each category is flagged; `null` for the categories a legacy text model does not
   * score (`illicit`, `illicit/violent`).
   */
  categories: Record<ModerationCategory, boolean | null>;
  /** Each category's score, from 0 to 1. */
  category_scores: Record<ModerationCategory, number>;
  /** The input types (`text`, `image`) each category was applied to. */
  category_applied_input_types: Record<ModerationCategory, ModerationInputType[]>;
}

/** The body of a `POST /v1/moderations` answer. */
export interface ModerationResponse {
  /** `modr-…`. */
  id: string;
  /** The model that answered (a snapshot name for the legacy `-latest` and `-stable` aliases). */
  model: string;
  /** One result per string input, or one for a whole multi-modal array. */
  results: Moderation[];
}
