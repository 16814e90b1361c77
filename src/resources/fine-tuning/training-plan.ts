import type { FineTuneMethod, Hyperparameters } from './types.js';

/** How a job that passed validation trains: resolved hyperparameters, steps and tokens. */
export interface TrainingPlan {
  readonly examples: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRateMultiplier: number;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly trainedTokens: number;
  readonly seed: number;
  readonly hasValidation: boolean;
}

export function planTraining(
  hp: Hyperparameters,
  data: { examples: number; tokensPerEpoch: number },
  seed: number,
  hasValidation: boolean,
): TrainingPlan {
  const epochs = hp.n_epochs === 'auto' ? 3 : hp.n_epochs;
  const batchSize = hp.batch_size === 'auto' ? Math.max(1, Math.min(256, Math.ceil(data.examples * 0.002))) : hp.batch_size;
  const learningRateMultiplier = hp.learning_rate_multiplier === 'auto' ? 1.8 : hp.learning_rate_multiplier;
  const stepsPerEpoch = Math.ceil(data.examples / batchSize);
  return {
    examples: data.examples,
    epochs,
    batchSize,
    learningRateMultiplier,
    stepsPerEpoch,
    totalSteps: stepsPerEpoch * epochs,
    trainedTokens: data.tokensPerEpoch * epochs,
    seed,
    hasValidation,
  };
}

/** The method's hyperparameters (every method has the common three). */
export function methodHyperparameters(method: FineTuneMethod): Hyperparameters {
  switch (method.type) {
    case 'supervised':
      return method.supervised.hyperparameters;
    case 'dpo':
      return method.dpo.hyperparameters;
    case 'reinforcement':
      return method.reinforcement.hyperparameters;
  }
}

/** The method as the API echoes it once training starts: every `'auto'` replaced by its value. */
export function resolveMethod(method: FineTuneMethod, plan: TrainingPlan): FineTuneMethod {
  const common = {
    batch_size: plan.batchSize,
    learning_rate_multiplier: plan.learningRateMultiplier,
    n_epochs: plan.epochs,
  };
  switch (method.type) {
    case 'supervised':
      return { type: 'supervised', supervised: { hyperparameters: common } };
    case 'dpo': {
      const { beta } = method.dpo.hyperparameters;
      return { type: 'dpo', dpo: { hyperparameters: { ...common, beta: beta === 'auto' ? 0.1 : beta } } };
    }
    case 'reinforcement': {
      const hp = method.reinforcement.hyperparameters;
      const or1 = (v: 'auto' | number): number => (v === 'auto' ? 1 : v);
      return {
        type: 'reinforcement',
        reinforcement: {
          grader: method.reinforcement.grader,
          hyperparameters: {
            ...common,
            compute_multiplier: or1(hp.compute_multiplier),
            eval_interval: or1(hp.eval_interval),
            eval_samples: or1(hp.eval_samples),
            reasoning_effort: hp.reasoning_effort,
          },
        },
      };
    }
  }
}

/** Training metrics at a step: a loss that falls with noise from the job's seed. */
export function metricsAt(plan: TrainingPlan, step: number): { train_loss: number; train_mean_token_accuracy: number; valid_loss?: number; valid_mean_token_accuracy?: number } {
  const progress = step / plan.totalSteps;
  const noise = (random(plan.seed * 7919 + step) - 0.5) * 0.1;
  const loss = round(Math.max(0.01, 0.15 + 1.85 * Math.exp(-4 * progress) + noise));
  const accuracy = round(Math.min(1, Math.max(0, 1 - loss / 2.2)));
  if (!plan.hasValidation) return { train_loss: loss, train_mean_token_accuracy: accuracy };
  const validLoss = round(loss * 1.08);
  return {
    train_loss: loss,
    train_mean_token_accuracy: accuracy,
    valid_loss: validLoss,
    valid_mean_token_accuracy: round(Math.min(1, Math.max(0, 1 - validLoss / 2.2))),
  };
}

/** A seeded number in [0, 1) (mulberry32): the same seed always gives the same value. */
export function random(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
