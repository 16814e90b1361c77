import { describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { parseCreateJob } from './params.js';

const valid = { model: 'gpt-4o-mini-2024-07-18', training_file: 'file-1' };

describe('parseCreateJob', () => {
  test.each([
    ['hyperparameters', { hyperparameters: { learning_rate_multiplier: Infinity } }, 'hyperparameters.learning_rate_multiplier', 'Infinity'],
    ['a supervised method', { method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: Infinity } } } }, 'method.supervised.hyperparameters.n_epochs', 'Infinity'],
    ['a dpo beta', { method: { type: 'dpo', dpo: { hyperparameters: { beta: -Infinity } } } }, 'method.dpo.hyperparameters.beta', '-Infinity'],
    ['a reinforcement multiplier', { method: { type: 'reinforcement', reinforcement: { grader: {}, hyperparameters: { compute_multiplier: Infinity } } } }, 'method.reinforcement.hyperparameters.compute_multiplier', 'Infinity'],
  ])('refuses a number that is not finite in %s, rather than keeping it (it would be served as null)', (_, extra, param, shown) => {
    expect(thrownBy(() => parseCreateJob({ ...valid, ...extra })).toJSON().error).toEqual({
      message: `Invalid '${param}': number out of range. Expected a finite number, but got ${shown} instead.`,
      type: 'invalid_request_error',
      param,
      code: 'number_out_of_range',
    });
  });

  test('keeps a large finite multiplier', () => {
    const params = parseCreateJob({ ...valid, hyperparameters: { learning_rate_multiplier: 1e308 } });
    expect(params.method).toEqual({ type: 'supervised', supervised: { hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 1e308, n_epochs: 'auto' } } });
  });
});
