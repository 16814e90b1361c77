import type { Clock } from './clock.js';
import type { ResolvedConfig } from './config.js';
import type { IdGenerator } from './ids.js';

/** What every resource's state shares: the clock, the id sequences and the configuration. */
export interface MockContext {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The configuration in force (it can change through `configure()`). */
  readonly config: () => ResolvedConfig;
}
