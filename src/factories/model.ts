import { Factory } from 'fishery';
import type { Model } from 'openai/resources/models';
import { onAnyReset } from '../engine/active.js';
import { seedModel } from './seed.js';
import { createdAtFor, DEFAULT_BASE_MODEL, DEFAULT_ORGANIZATION_ID, fineTunedModelName } from './shared.js';

export type { Model };

/** Transient params of {@link modelFactory}. */
export interface ModelTransientParams {
  /** Set by `.fineTuned(base)`: the model it was fine-tuned from. */
  fineTunedFrom: string;
}

/**
 * Builds Model objects (`GET /v1/models/{id}`), and with `create()` adds them to the active
 * mock's `/v1/models` (until the next reset).
 *
 * By default: a base model `gpt-seed000001`, `gpt-seed000002`… owned by `system` (the sequence
 * restarts on every mock reset); `created` is deterministic (see `FACTORY_EPOCH`). A model the
 * mock already lists (a base model such as `gpt-4o-mini`) can be replaced: pass its `id`.
 *
 * A succeeded job's model is listed by the mock on its own; use this factory for models
 * whose job the test does not care about.
 *
 * @example
 * const model = await modelFactory.fineTuned().create();
 * await client.models.retrieve(model.id); // ft:gpt-4o-mini-2024-07-18:openai-mock::seedm001
 */
export class ModelFactory extends Factory<Model, ModelTransientParams> {
  /**
   * A fine-tuned model: `ft:{base snapshot}:openai-mock::seedm001`, owned by the mock's
   * organization (`org-mock`). `base` defaults to `gpt-4o-mini-2024-07-18`; an alias resolves
   * to its snapshot as in the API.
   */
  fineTuned(base: string = DEFAULT_BASE_MODEL) {
    return this.transient({ fineTunedFrom: base });
  }
}

export const modelFactory = ModelFactory.define(({ sequence, transientParams, onCreate }): Model => {
  onCreate((model) => seedModel(model));
  const base = transientParams.fineTunedFrom;
  return {
    id:
      base === undefined
        ? `gpt-seed${String(sequence).padStart(6, '0')}`
        : fineTunedModelName(base, `seedm${String(sequence).padStart(3, '0')}`),
    object: 'model',
    created: createdAtFor(sequence),
    owned_by: base === undefined ? 'system' : DEFAULT_ORGANIZATION_ID,
  };
});

onAnyReset(() => modelFactory.rewindSequence());
