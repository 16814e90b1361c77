/**
 * Deterministic, sequential ids: one counter per prefix, so `file-mock000001` is always the
 * first file of a test and `ftjob-mock000001` its first job. {@link IdGenerator.reset} restarts
 * every counter.
 */
export class IdGenerator {
  readonly #counters = new Map<string, number>();

  /** The next id for `prefix`, e.g. `next('file-')` → `file-mock000001`. */
  next(prefix: string): string {
    return `${prefix}mock${String(this.nextNumber(prefix)).padStart(6, '0')}`;
  }

  /** The next id for `prefix` that `taken` does not already hold (seeded objects may have it). */
  nextFree(prefix: string, taken: { has(id: string): boolean }): string {
    let id: string;
    do id = this.next(prefix);
    while (taken.has(id));
    return id;
  }

  /** The next number (1, 2, 3, …) of a named sequence. */
  nextNumber(sequence: string): number {
    const n = (this.#counters.get(sequence) ?? 0) + 1;
    this.#counters.set(sequence, n);
    return n;
  }

  reset(): void {
    this.#counters.clear();
  }
}
