/**
 * The lifecycle store: one home for every timed object a resource keeps (files, jobs, batches,
 * uploads, background responses, ...). It holds the records, hands out their ids, keeps the
 * plans made for objects to come, steps them, counts their reads in the read-counted mode, and
 * answers their lifecycle. What a record holds besides its timeline is the resource's own.
 */
import type { Clock } from './clock.js';
import { OpenAIMockError } from './errors.js';
import type { IdGenerator } from './ids.js';
import type { LifecycleState, Timeline } from './lifecycle.js';
import { PlanBook, ReadCounter, stepTimeline, type PlanBase, type Stepped } from './plans.js';
import type { Observed } from './router.js';

/** What the store needs of every record. */
export interface Stored<S extends string> {
  readonly id: string;
  /** When it was created (ms on the mock's clock): lists are ordered by it. */
  readonly createdAt: number;
  readonly timeline: Timeline<S>;
  /** Set in the read-counted mode: counts the object's reads through the API. */
  readonly reads: ReadCounter | null;
  /** True for an object a test seeded: it keeps the status it was given, and cannot be stepped. */
  readonly seeded: boolean;
}

/** How the store names its objects in the messages it throws. */
export interface StoreNames extends Stepped {
  /** The word the duplicate-id message uses for a seeded one (`job`); `kind` by default. */
  readonly seededAs?: string;
  /** True where a factory picks the id when none is given: the duplicate-id message says so. */
  readonly factoryPicksIds?: boolean;
}

export interface StoreOptions<R, P> {
  readonly names: StoreNames;
  /** Checks a plan when the test makes it, so that a mistake fails at the line that made it. */
  readonly checkPlan?: (plan: P) => P;
  /** Whether a record exists for the API at `now` (a deleted or expired file does not). Default: always. */
  readonly live?: (record: R, now: number) => boolean;
}

export class LifecycleStore<S extends string, R extends Stored<S>, P extends PlanBase<T>, T>
  implements Observed
{
  readonly #records = new Map<string, R>();
  readonly #plans = new PlanBook<P, T>();
  readonly #clock: Clock;
  readonly #ids: IdGenerator;
  readonly #options: StoreOptions<R, P>;

  constructor(clock: Clock, ids: IdGenerator, options: StoreOptions<R, P>) {
    this.#clock = clock;
    this.#ids = ids;
    this.#options = options;
  }

  /** The next id with this prefix that no record (a seeded one, say) already has. */
  nextId(prefix: string): string {
    return this.#ids.nextFree(prefix, this.#records);
  }

  /** Keeps a record the code under test created. */
  add(record: R): R {
    this.#records.set(record.id, record);
    return record;
  }

  /** Keeps a record a test seeded; its id must be new. */
  seed(record: R): R {
    if (this.#records.has(record.id)) {
      const { kind, seededAs = kind, factoryPicksIds } = this.#options.names;
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_DUPLICATE_ID',
        `${/^[aeiou]/.test(kind) ? 'An' : 'A'} ${kind} with id '${record.id}' already exists in the mock. ` +
          `Give the seeded ${seededAs} another id${factoryPicksIds ? ', or let the factory pick one' : ''}.`,
      );
    }
    this.#records.set(record.id, record);
    return record;
  }

  /** The record if it exists for the API now. */
  get(id: string): R | undefined {
    const record = this.#records.get(id);
    return record && this.#isLive(record) ? record : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Forgets a record (a delete the API makes final). */
  remove(id: string): void {
    this.#records.delete(id);
  }

  /** Ids of the live records, in the order they were stored. */
  ids(): string[] {
    return this.live().map((record) => record.id);
  }

  /** The live records in the order they were stored. */
  live(): R[] {
    return [...this.#records.values()].filter((record) => this.#isLive(record));
  }

  /** Every record ever stored since the last reset, gone ones included, in the order stored. */
  everything(): R[] {
    return [...this.#records.values()];
  }

  /** The live records by creation time (ties in the order stored): `'asc'` oldest first. */
  sorted(order: 'asc' | 'desc'): R[] {
    const sign = order === 'asc' ? 1 : -1;
    return this.live()
      .map((record, index) => ({ record, index }))
      .sort((a, b) => sign * (a.record.createdAt - b.record.createdAt || a.index - b.index))
      .map(({ record }) => record);
  }

  /** The lifecycle of a record now. */
  state(record: R): LifecycleState<S> {
    return record.timeline.at(this.#clock.now());
  }

  /** Status now, since when, what comes next and when, and the history so far. */
  lifecycle(id: string): LifecycleState<S> | undefined {
    const record = this.get(id);
    return record && this.state(record);
  }

  /** Adds a plan for objects the code under test will create. */
  plan(plan: P): void {
    this.#plans.add(this.#options.checkPlan ? this.#options.checkPlan(plan) : plan);
  }

  /** The plan for a new object, if one matches (using it up by one). */
  takePlan(target: T): P | undefined {
    return this.#plans.take(target);
  }

  /** The read counter of an object made under this plan, if the plan counts reads. */
  counter(plan: { readonly advanceEveryReads?: number } | undefined): ReadCounter | null {
    return plan?.advanceEveryReads === undefined ? null : new ReadCounter(plan.advanceEveryReads);
  }

  /**
   * Ends the current phase of a live record now (manual progression), or throws a coded error
   * saying why it cannot be stepped.
   */
  step(id: string): R {
    const record = this.get(id);
    stepTimeline(this.#options.names, id, record?.timeline, this.#clock.now(), record?.seeded ?? false);
    return record!;
  }

  /**
   * Counts one read through the API of each of these records: a read-counted one moves one
   * status further on every n-th read. The engine calls it for the routes that declare `reads`.
   */
  observe(ids: readonly string[]): void {
    const now = this.#clock.now();
    for (const id of ids) {
      const record = this.#records.get(id);
      if (!record?.reads) continue;
      const state = record.timeline.at(now);
      if (state.terminal || state.paused) continue;
      if (record.reads.read()) record.timeline.record({ type: 'step', at: now });
    }
  }

  /** Forgets every record and plan. */
  reset(): void {
    this.#records.clear();
    this.#plans.reset();
  }

  #isLive(record: R): boolean {
    return this.#options.live ? this.#options.live(record, this.#clock.now()) : true;
  }
}
