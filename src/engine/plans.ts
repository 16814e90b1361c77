/**
 * What every plan shares: plans for objects the code under test has yet to create (the first
 * that matches a new object applies to it), the read counter of the read-counted mode, the
 * checks every plan's common fields get, and the manual step.
 *
 * A plan is chosen once, when the object is created, and becomes part of its schedule: the
 * object's status is still computed from its timeline when read, so nothing runs in between.
 * Each resource defines its own plan type and checks its own fields with these helpers.
 */
import { OpenAIMockError } from './errors.js';
import type { LifecycleState, Timeline } from './lifecycle.js';

/** What every plan can say: which objects it is for, and how many. */
export interface PlanBase<T> {
  /** Which objects the plan is for: every one when left out. */
  readonly match?: (target: T) => boolean;
  /** How many objects the plan applies to before it is used up. Default: every matching object. */
  readonly times?: number;
}

interface Entry<P> {
  readonly plan: P;
  left: number;
}

/**
 * Plans waiting for the objects they are for, in the order they were made. The first plan that
 * matches a new object applies to it (one plan per object) and counts one use.
 */
export class PlanBook<P extends { readonly match?: (target: T) => boolean; readonly times?: number }, T> {
  #entries: Entry<P>[] = [];

  add(plan: P): void {
    this.#entries.push({ plan, left: plan.times ?? Infinity });
  }

  /** The plan for a new object, if any (using it up by one). */
  take(target: T): P | undefined {
    const entry = this.#entries.find((e) => e.left > 0 && (e.plan.match?.(target) ?? true));
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.plan;
  }

  reset(): void {
    this.#entries = [];
  }
}

/**
 * Counts an object's reads through the API for the read-counted mode. `read()` answers true
 * when the object should move one status further (every `every`-th read).
 */
export class ReadCounter {
  #count = 0;

  constructor(readonly every: number) {}

  read(): boolean {
    this.#count += 1;
    if (this.#count < this.every) return false;
    this.#count = 0;
    return true;
  }
}

export function checkPlanObject(where: string, plan: unknown): void {
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) {
    throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_OPTION', `${where} takes a plan object, got ${describe(plan)}.`);
  }
}

export function checkCommon(
  where: string,
  plan: { readonly match?: unknown; readonly times?: unknown; readonly hold?: unknown; readonly advanceEveryReads?: unknown },
): void {
  if (plan.match !== undefined && typeof plan.match !== 'function') {
    throw invalid(where, 'match', plan.match, 'a function of the create parameters returning true for the objects the plan is for');
  }
  if (plan.times !== undefined && !(Number.isInteger(plan.times) && (plan.times as number) >= 1)) {
    throw invalid(where, 'times', plan.times, 'a whole number, 1 or more (leave it out for every matching object)');
  }
  if (plan.advanceEveryReads !== undefined) {
    if (!(Number.isInteger(plan.advanceEveryReads) && (plan.advanceEveryReads as number) >= 1)) {
      throw invalid(where, 'advanceEveryReads', plan.advanceEveryReads, 'a whole number of reads, 1 or more');
    }
    if (plan.hold !== undefined) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_OPTION',
        `${where}: 'hold' and 'advanceEveryReads' exclude each other (a read-counted object is held in every status until read). Keep one of them.`,
      );
    }
  }
}

export function checkTimings(where: string, timings: unknown, phases: readonly string[]): void {
  if (timings === undefined) return;
  if (typeof timings !== 'object' || timings === null) throw invalid(where, 'timings', timings, `an object with durations for ${oneOf(phases)}`);
  for (const [phase, ms] of Object.entries(timings)) {
    if (!phases.includes(phase)) throw invalid(where, `timings.${phase}`, ms, `left out: the phases are ${oneOf(phases)}`);
    checkDuration(where, `timings.${phase}`, ms);
  }
}

export function checkDuration(where: string, name: string, ms: unknown): void {
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms < 0) {
    throw invalid(where, name, ms, 'a number of milliseconds, 0 or more (Infinity holds the phase)');
  }
}

export function isStep(value: unknown): value is { step: number } {
  const step = (value as { step?: unknown } | null)?.step;
  return typeof value === 'object' && value !== null && Number.isInteger(step) && (step as number) >= 1;
}

export function oneOf(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

export function invalid(where: string, name: string, value: unknown, expected: string): OpenAIMockError {
  return new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_OPTION', `${where}: '${name}' is ${describe(value)}; it must be ${expected}.`);
}

/** What `openaiMock.<kind>.step(id)` calls a kind of object in its messages. */
export interface Stepped {
  /** `file`, `fine-tuning job`, `batch`. */
  readonly kind: string;
  /** The collection on `openaiMock` (`files`, `jobs`, `batches`). */
  readonly collection: string;
  /** How the code under test resumes a paused one (`client.fineTuning.jobs.resume(id)`), for objects that pause. */
  readonly resume?: string;
}

/**
 * Ends the current phase of an object now (manual progression), or says why it cannot be
 * stepped: unknown id, final status, paused, or seeded (seeded objects keep their status).
 */
export function stepTimeline<S extends string>(
  what: Stepped,
  id: string,
  timeline: Timeline<S> | undefined,
  now: number,
  seeded: boolean,
): LifecycleState<S> {
  if (!timeline) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_UNKNOWN_OBJECT',
      `There is no ${what.kind} '${id}' in the mock. Step an id the code under test got back from the API (ids restart at every reset; openaiMock.${what.collection}.all() lists them).`,
    );
  }
  const state = timeline.at(now);
  if (seeded) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_STEP',
      `The ${what.kind} '${id}' was seeded, and seeded objects keep the status they are given. Create it through the API, with openaiMock.${what.collection}.plan({ hold }) if it must wait for the test, to step it.`,
    );
  }
  if (state.terminal) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_STEP',
      `The ${what.kind} '${id}' is '${state.status}', a final status: there is no status to step to. Step it while it is in progress (openaiMock.${what.collection}.lifecycle(id) shows where it stands).`,
    );
  }
  if (state.paused) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_STEP',
      `The ${what.kind} '${id}' is paused: resume it${what.resume ? ` (${what.resume})` : ''} before stepping it.`,
    );
  }
  timeline.record({ type: 'step', at: now });
  return timeline.at(now);
}
