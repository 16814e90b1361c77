import { ApiError, notFound } from '../../engine/api-error.js';
import { OpenAIMockError } from '../../engine/errors.js';
import type { MockContext } from '../../engine/resource.js';
import { BASE_MODELS } from './catalog.js';
import type { Model } from './types.js';

/** Models the account has made (fine-tuned ones), with when each appeared (s). */
export type ModelSource = () => readonly { readonly id: string; readonly created: number }[];

/**
 * Models: a catalogue of base models, plus the models other resources make (a fine-tuning job's
 * model from the moment it succeeds), minus the fine-tuned models deleted since.
 */
export class ModelsState {
  readonly #deleted = new Set<string>();
  readonly #seeded = new Map<string, Model>();
  readonly #sources: ModelSource[] = [];

  constructor(private readonly ctx: MockContext) {}

  /** Lists the models a source makes too, owned by the mock's organization (fine-tuning adds its jobs'). */
  addSource(source: ModelSource): void {
    this.#sources.push(source);
  }

  list(): Model[] {
    const base = BASE_MODELS.map<Model>((m) => ({ id: m.id, object: 'model', created: m.created, owned_by: m.owned_by }));
    const tuned = this.#sources.flatMap((source) => source()).map<Model>((m) => ({
      id: m.id,
      object: 'model',
      created: m.created,
      owned_by: this.ctx.config().organization.id,
    }));
    const all = new Map<string, Model>();
    for (const model of [...base, ...tuned, ...this.#seeded.values()]) all.set(model.id, model);
    return [...all.values()].filter((m) => !this.#deleted.has(m.id));
  }

  retrieve(id: string): Model {
    const model = this.find(id);
    if (!model) throw notFound(`The model '${id}' does not exist`, 'model', 'model_not_found');
    return model;
  }

  find(id: string): Model | undefined {
    return this.list().find((m) => m.id === id);
  }

  /** Deletes a fine-tuned model; base models belong to OpenAI and cannot be deleted. */
  delete(id: string): { id: string; object: 'model'; deleted: true } {
    const model = this.retrieve(id);
    if (!model.id.startsWith('ft:')) {
      throw new ApiError(403, 'You have insufficient permissions for this operation. Only fine-tuned models you own can be deleted.', 'invalid_request_error', 'model', 'model_not_deletable');
    }
    this.#deleted.add(id);
    return { id, object: 'model', deleted: true };
  }

  /** Adds a model to the catalogue as given. */
  seed(model: Model): Model {
    if (this.#seeded.has(model.id)) {
      throw new OpenAIMockError('ERR_OPENAI_MOCK_DUPLICATE_ID', `A model with id '${model.id}' was already seeded. Give it another id.`);
    }
    this.#deleted.delete(model.id);
    this.#seeded.set(model.id, model);
    return model;
  }

  reset(): void {
    this.#deleted.clear();
    this.#seeded.clear();
  }
}
