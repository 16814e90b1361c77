import { badRequest, invalidType, invalidValue, missingParameter } from '../../engine/api-error.js';
import {
  checkLength,
  metadata,
  nonEmptyString,
  numberOutOfRange,
  objectItem,
  optionalInteger,
  optionalString,
  rejectUnknownKeys,
} from '../../engine/fields.js';
import type {
  DpoHyperparameters,
  FineTuneMethod,
  Hyperparameters,
  ReinforcementHyperparameters,
  WandbIntegration,
} from './types.js';

/** A `POST /v1/fine_tuning/jobs` body, checked and with every default in place. */
export interface CreateJobParams {
  readonly model: string;
  readonly trainingFile: string;
  readonly validationFile: string | null;
  readonly suffix: string | null;
  readonly seed: number | null;
  readonly method: FineTuneMethod;
  readonly integrations: WandbIntegration[] | null;
  readonly metadata: Record<string, string> | null;
}

type Body = Record<string, unknown>;

/** The keys `POST /v1/fine_tuning/jobs` takes (the spec's `CreateFineTuningJobRequest`). */
const JOB_KEYS: ReadonlySet<string> = new Set([
  'model', 'training_file', 'hyperparameters', 'suffix', 'validation_file', 'integrations', 'seed', 'method', 'metadata',
]);

/** Checks what the API checks before it accepts a job (types, ranges, enums), in its words. */
export function parseCreateJob(body: Body): CreateJobParams {
  // UNVERIFIED: that the endpoint refuses unknown keys with this text, and before anything else.
  rejectUnknownKeys(body, JOB_KEYS);
  const model = nonEmptyString(body['model'], 'model');
  const trainingFile = nonEmptyString(body['training_file'], 'training_file');
  const validationFile = optionalString(body['validation_file'], 'validation_file');
  const suffix = optionalString(body['suffix'], 'suffix');
  if (suffix !== null) checkLength('suffix', suffix, 1, 64);
  const seed = optionalInteger(body['seed'], 'seed', { min: 0, max: 2_147_483_647 });
  const legacy = hyperparameters(body['hyperparameters'], 'hyperparameters');
  return {
    model,
    trainingFile,
    validationFile,
    suffix,
    seed,
    method: method(body['method'], legacy),
    integrations: integrations(body['integrations']),
    metadata: metadata(body['metadata']),
  };
}

function method(value: unknown, legacy: Partial<Hyperparameters>): FineTuneMethod {
  if (value === undefined || value === null) {
    return { type: 'supervised', supervised: { hyperparameters: withAuto(legacy) } };
  }
  const m = objectItem(value, 'method');
  const type = m['type'];
  if (type === undefined) throw missingParameter('method.type');
  if (type !== 'supervised' && type !== 'dpo' && type !== 'reinforcement') {
    throw invalidValue('method.type', type, ['supervised', 'dpo', 'reinforcement']);
  }
  const section = m[type] === undefined || m[type] === null ? {} : objectItem(m[type], `method.${type}`);
  const param = `method.${type}.hyperparameters`;
  const hp = { ...legacy, ...hyperparameters(section['hyperparameters'], param) };
  if (type === 'supervised') return { type, supervised: { hyperparameters: withAuto(hp) } };
  if (type === 'dpo') {
    const raw = section['hyperparameters'] === undefined ? {} : objectItem(section['hyperparameters'], param);
    const beta = autoOrNumber(raw['beta'], `${param}.beta`, 0, 2, false);
    const dpo: DpoHyperparameters = { ...withAuto(hp), beta: beta ?? 'auto' };
    return { type, dpo: { hyperparameters: dpo } };
  }
  if (section['grader'] === undefined || section['grader'] === null) throw missingParameter('method.reinforcement.grader');
  const grader = objectItem(section['grader'], 'method.reinforcement.grader');
  const raw = section['hyperparameters'] === undefined ? {} : objectItem(section['hyperparameters'], param);
  const effort = raw['reasoning_effort'] ?? 'default';
  if (effort !== 'default' && effort !== 'low' && effort !== 'medium' && effort !== 'high') {
    throw invalidValue(`${param}.reasoning_effort`, effort, ['default', 'low', 'medium', 'high']);
  }
  const reinforcement: ReinforcementHyperparameters = {
    ...withAuto(hp),
    compute_multiplier: autoOrNumber(raw['compute_multiplier'], `${param}.compute_multiplier`, 0, 10, false) ?? 'auto',
    eval_interval: autoOrNumber(raw['eval_interval'], `${param}.eval_interval`, 1, Number.MAX_SAFE_INTEGER, true) ?? 'auto',
    eval_samples: autoOrNumber(raw['eval_samples'], `${param}.eval_samples`, 1, Number.MAX_SAFE_INTEGER, true) ?? 'auto',
    reasoning_effort: effort,
  };
  return { type, reinforcement: { grader, hyperparameters: reinforcement } };
}

function hyperparameters(value: unknown, param: string): Partial<Hyperparameters> {
  if (value === undefined || value === null) return {};
  const hp = objectItem(value, param);
  const out: Partial<Hyperparameters> = {};
  const batch = autoOrNumber(hp['batch_size'], `${param}.batch_size`, 1, 256, true);
  const lr = autoOrNumber(hp['learning_rate_multiplier'], `${param}.learning_rate_multiplier`, 0, Infinity, false);
  const epochs = autoOrNumber(hp['n_epochs'], `${param}.n_epochs`, 1, 50, true);
  if (batch !== undefined) out.batch_size = batch;
  if (lr !== undefined) out.learning_rate_multiplier = lr;
  if (epochs !== undefined) out.n_epochs = epochs;
  return out;
}

function withAuto(hp: Partial<Hyperparameters>): Hyperparameters {
  return {
    batch_size: hp.batch_size ?? 'auto',
    learning_rate_multiplier: hp.learning_rate_multiplier ?? 'auto',
    n_epochs: hp.n_epochs ?? 'auto',
  };
}

/**
 * `'auto'` or a number in range (exclusive of `min` for non-integers, as the spec says `> 0`);
 * never Infinity, which would be served as `null`.
 */
function autoOrNumber(
  value: unknown,
  param: string,
  min: number,
  max: number,
  integer: boolean,
): 'auto' | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'auto') return 'auto';
  // Before the range check: Infinity (`1e309` once parsed) is above any `max`, even none.
  if (typeof value === 'number' && !Number.isFinite(value)) throw numberOutOfRange(param, value);
  if (typeof value !== 'number' || (integer && !Number.isInteger(value))) {
    throw invalidType(param, integer ? "'auto' or an integer" : "'auto' or a number", value);
  }
  const tooLow = integer ? value < min : value <= min;
  if (tooLow || value > max) {
    const range = integer ? `between ${min} and ${max}` : `greater than ${min}${Number.isFinite(max) ? ` and at most ${max}` : ''}`;
    throw badRequest(`Invalid '${param}': expected a value ${range}, but got ${value} instead.`, param, tooLow ? 'below_min_value' : 'above_max_value');
  }
  return value;
}

function integrations(value: unknown): WandbIntegration[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw invalidType('integrations', 'an array', value);
  if (value.length > 5) {
    throw badRequest(`Invalid 'integrations': array too long. Expected an array with maximum length 5, but got an array with length ${value.length} instead.`, 'integrations', 'array_above_max_length');
  }
  return value.map((item, i) => {
    const integration = objectItem(item, `integrations[${i}]`);
    if (integration['type'] !== 'wandb') throw invalidValue(`integrations[${i}].type`, integration['type'], ['wandb']);
    const wandb = objectItem(integration['wandb'], `integrations[${i}].wandb`);
    nonEmptyString(wandb['project'], `integrations[${i}].wandb.project`);
    return integration as unknown as WandbIntegration;
  });
}

