import type { LifecycleState } from './lifecycle.js';

/**
 * A read-only view of one kind of object in the mock, each as the API would return it now
 * (statuses are computed from the clock at the moment you read them).
 */
export interface ReadonlyCollection<T extends { id: string }> extends Iterable<T> {
  /** How many objects there are (deleted ones are gone, as in the API). */
  readonly size: number;
  /** The object with this id as the API would return it now, or `undefined`. */
  get(id: string): T | undefined;
  has(id: string): boolean;
  /** Every object, oldest first. */
  all(): T[];
}

/** Builds a {@link ReadonlyCollection} over a source of ids and a reader. */
export function collection<T extends { id: string }>(
  ids: () => readonly string[],
  read: (id: string) => T | undefined,
): ReadonlyCollection<T> {
  const all = (): T[] => ids().flatMap((id) => read(id) ?? []);
  return {
    get size() {
      return ids().length;
    },
    get: read,
    has: (id) => ids().includes(id),
    all,
    [Symbol.iterator]: () => all()[Symbol.iterator](),
  };
}

/** Wraps functions so that each call settles the resources first (`context.settle`). */
export function settling(settle: () => void) {
  return <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      settle();
      return fn(...args);
    };
}

/** A collection of timed objects: each one's lifecycle, plans for those to come, manual steps. */
export interface TimedCollection<T extends { id: string }, S extends string, P> extends ReadonlyCollection<T> {
  /** Status now, since when, what comes next and when, and the history so far. */
  lifecycle(id: string): LifecycleState<S> | undefined;
  /**
   * Plans what the objects the code under test creates from now on do (timings, a hold until
   * {@link step}, read-counted progression, an outcome). The first plan whose `match` accepts a
   * new object applies to it; plans last until reset (or for `times` objects).
   */
  plan(plan: P): void;
  /** Ends an object's current phase now: it moves to its next status. Returns it as it now is. */
  step(id: string): T;
}

/** What a {@link TimedCollection} reads from. */
export interface TimedSource<T extends { id: string }, S extends string, P> {
  ids(): readonly string[];
  find(id: string): T | undefined;
  lifecycle(id: string): LifecycleState<S> | undefined;
  plan(plan: P): void;
  step(id: string): T;
}

/**
 * Builds a {@link TimedCollection}. `settle` runs before a step (and, with `settleReads`, before
 * every read), so what finished objects leave behind exists when the test looks.
 */
export function timedCollection<T extends { id: string }, S extends string, P>(
  source: TimedSource<T, S, P>,
  settle: () => void,
  options: { readonly settleReads?: boolean } = {},
): TimedCollection<T, S, P> {
  const settled = settling(settle);
  const read = options.settleReads ? settled : <F>(fn: F): F => fn;
  return Object.assign(
    collection(
      read(() => source.ids()),
      read((id: string) => source.find(id)),
    ),
    {
      lifecycle: read((id: string) => source.lifecycle(id)),
      plan: (plan: P) => {
        source.plan(plan);
      },
      step: settled((id: string) => source.step(id)),
    },
  );
}
