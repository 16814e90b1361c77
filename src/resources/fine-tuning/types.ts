/** Statuses a fine-tuning job goes through (`paused` is real, though missing from the spec's enum). */
export type FineTuningJobStatus =
  | 'validating_files'
  | 'queued'
  | 'running'
  | 'paused'
  | 'succeeded'
  | 'failed'
  | 'cancelled';

export type Auto<T> = 'auto' | T;

export interface Hyperparameters {
  batch_size: Auto<number>;
  learning_rate_multiplier: Auto<number>;
  n_epochs: Auto<number>;
}

export interface DpoHyperparameters extends Hyperparameters {
  beta: Auto<number>;
}

export interface ReinforcementHyperparameters extends Hyperparameters {
  compute_multiplier: Auto<number>;
  eval_interval: Auto<number>;
  eval_samples: Auto<number>;
  reasoning_effort: 'default' | 'low' | 'medium' | 'high';
}

export type FineTuneMethod =
  | { type: 'supervised'; supervised: { hyperparameters: Hyperparameters } }
  | { type: 'dpo'; dpo: { hyperparameters: DpoHyperparameters } }
  | {
      type: 'reinforcement';
      reinforcement: { grader: Record<string, unknown>; hyperparameters: ReinforcementHyperparameters };
    };

export interface FineTuningJobError {
  code: string;
  message: string;
  param: string | null;
}

export interface WandbIntegration {
  type: 'wandb';
  wandb: { project: string; name?: string | null; entity?: string | null; tags?: string[] };
}

/** The fine-tuning job object, as `GET /v1/fine_tuning/jobs/{id}` returns it. */
export interface FineTuningJob {
  id: string;
  object: 'fine_tuning.job';
  created_at: number;
  error: FineTuningJobError | null;
  fine_tuned_model: string | null;
  finished_at: number | null;
  hyperparameters: Hyperparameters;
  model: string;
  organization_id: string;
  result_files: string[];
  seed: number;
  status: FineTuningJobStatus;
  trained_tokens: number | null;
  training_file: string;
  validation_file: string | null;
  estimated_finish: number | null;
  integrations: WandbIntegration[] | null;
  metadata: Record<string, string> | null;
  method: FineTuneMethod;
}

export interface FineTuningJobEvent {
  id: string;
  object: 'fine_tuning.job.event';
  created_at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  data: Record<string, unknown> | null;
}

export interface FineTuningJobCheckpoint {
  id: string;
  object: 'fine_tuning.job.checkpoint';
  created_at: number;
  fine_tuned_model_checkpoint: string;
  fine_tuning_job_id: string;
  step_number: number;
  metrics: {
    step?: number;
    train_loss?: number;
    train_mean_token_accuracy?: number;
    valid_loss?: number;
    valid_mean_token_accuracy?: number;
    full_valid_loss?: number;
    full_valid_mean_token_accuracy?: number;
  };
}
