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
