/**
 * What the factories share: deterministic timestamps, ids that never collide with the mock's,
 * and the organization and model names the mock uses by default.
 */
import { baseModel } from '../resources/models/catalog.js';

/**
 * The fixed moment factory timestamps count from: 2025-01-01T00:00:00Z, in Unix seconds.
 *
 * Factory objects do not read any clock: the n-th object a factory builds (since the last
 * reset) was created at `FACTORY_EPOCH + n * 60`, so `build()` is pure and its output is the
 * same in every run (snapshots stay stable). Pass `created_at` (or `created` for models) to
 * place an object elsewhere, e.g. `created_at: openaiMock.clock.nowSeconds()`.
 */
export const FACTORY_EPOCH = 1_735_689_600;

/** When the n-th object of a factory was created (Unix seconds). */
export function createdAtFor(sequence: number): number {
  return FACTORY_EPOCH + sequence * 60;
}

/**
 * A factory id: `seedId('file-', 1)` → `file-seed000001`. The mock's own ids read
 * `file-mock000001`, so objects seeded by factories never take an id the mock hands out.
 */
export function seedId(prefix: string, sequence: number): string {
  return `${prefix}seed${String(sequence).padStart(6, '0')}`;
}

/** The organization the mock acts as by default (`organization_id`, `owned_by`). */
export const DEFAULT_ORGANIZATION_ID = 'org-mock';
/** The organization slug the mock puts in fine-tuned model names by default. */
export const DEFAULT_ORGANIZATION_SLUG = 'openai-mock';
/** The base model factory jobs fine-tune by default. */
export const DEFAULT_BASE_MODEL = 'gpt-4o-mini-2024-07-18';

/**
 * A fine-tuned model name as the API forms it: `ft:{snapshot}:{org}:{suffix}:{8 chars}`.
 * An alias (`gpt-4o-mini`) becomes its dated snapshot, as in the mock's own names.
 */
export function fineTunedModelName(model: string, short: string, suffix = ''): string {
  const base = model.startsWith('ft:')
    ? (model.split(':')[1] ?? model)
    : (baseModel(model)?.snapshot ?? model);
  return `ft:${base}:${DEFAULT_ORGANIZATION_SLUG}:${suffix}:${short}`;
}

/** Training metrics at a step: a loss that falls smoothly from ~2 toward 0.15. */
export function lossAt(step: number, totalSteps: number): { train_loss: number; train_mean_token_accuracy: number } {
  const progress = totalSteps > 0 ? Math.min(1, step / totalSteps) : 1;
  const loss = round(0.15 + 1.85 * Math.exp(-4 * progress));
  return { train_loss: loss, train_mean_token_accuracy: round(Math.min(1, Math.max(0, 1 - loss / 2.2))) };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/**
 * The 8-character tail of a job's fine-tuned model name: `seed0001` for the factory's
 * `ftjob-seed000001`, else the id's last 8 letters and digits.
 */
export function modelShortId(jobId: string): string {
  const seeded = /^ftjob-seed(\d+)$/.exec(jobId);
  if (seeded) return `seed${seeded[1]!.slice(-4)}`;
  return jobId.replace(/^ftjob-/, '').replace(/[^A-Za-z0-9]/g, '').slice(-8).padStart(8, '0');
}
