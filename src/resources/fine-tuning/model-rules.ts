import { badRequest } from '../../engine/api-error.js';
import { baseModel } from '../models/catalog.js';
import type { CreateJobParams } from './params.js';

/**
 * The API's checks on the model a job fine-tunes: a fine-tuned model the account has, or a base
 * model that supports the job's method.
 */
export function checkJobModel(params: CreateJobParams, modelExists: (id: string) => boolean): void {
  const unavailable = badRequest(
    `Model ${params.model} is not available for fine-tuning or does not exist.`,
    'model',
    'model_not_available',
  );
  if (params.model.startsWith('ft:')) {
    if (!modelExists(params.model)) throw unavailable;
    return;
  }
  const model = baseModel(params.model);
  if (!model || model.fineTuning.length === 0) throw unavailable;
  if (!model.fineTuning.includes(params.method.type)) {
    throw badRequest(
      `Model ${params.model} does not support the '${params.method.type}' fine-tuning method. Supported: ${model.fineTuning.join(', ')}.`,
      'method.type',
      'model_not_available',
    );
  }
}

/**
 * The name of the model a job makes: `ft:<base snapshot>:<organization slug>:<suffix>:<id>`,
 * with the n-th sequential id of the mock (`mock0001`).
 */
export function fineTunedModelName(params: CreateJobParams, slug: string, n: number): string {
  const base = params.model.startsWith('ft:') ? params.model.split(':')[1]! : (baseModel(params.model)?.snapshot ?? params.model);
  return `ft:${base}:${slug}:${params.suffix ?? ''}:mock${String(n).padStart(4, '0')}`;
}
