import type { LifecycleState } from '../engine/lifecycle.js';
import type { OpenAIMock } from '../openai-mock.js';
import { assertArgCount, assertMock, hint, isAsymmetricMatcher, listed, seconds, usageError } from './messages.js';
import type { MatcherContext, MatcherResult } from './types.js';

/** What a "has this status now" matcher needs to know about one kind of object. */
export interface StatusMatcherSpec<S extends string, O extends { id: string }> {
  readonly name: string;
  /** The object's name in messages: 'fine-tuning job', 'batch'. */
  readonly noun: string;
  /** Its name at the start of a sentence: 'Job', 'Batch'. */
  readonly label: string;
  readonly exampleId: string;
  /** Every status, in lifecycle order. */
  readonly statuses: readonly S[];
  readonly find: (mock: OpenAIMock, id: string) => { object: O; lifecycle: LifecycleState<S> } | undefined;
  readonly ids: (mock: OpenAIMock) => string[];
  /** Extra lines under the status (an error, request counts...). */
  readonly details: (object: O) => string[];
  /** Why a status with nothing scheduled after it stays, when it is not final. */
  readonly heldReason: (state: LifecycleState<S>) => string;
}

/**
 * Builds `expect(openaiMock).<name>(id, status)`: the object has `status` now, on the mock's
 * clock. An unknown id is a usage error, with or without `.not`.
 */
export function statusMatcher<S extends string, O extends { id: string }>(spec: StatusMatcherSpec<S, O>) {
  const idArg = `${spec.label.toLowerCase()}Id`;
  const args = `${idArg}, status`;
  return function (
    this: MatcherContext,
    received: unknown,
    id?: unknown,
    status?: unknown,
    ...rest: unknown[]
  ): MatcherResult {
    const { name, noun } = spec;
    assertMock(this, name, args, received);
    assertArgCount(this, name, args, rest, `two arguments (a ${spec.label.toLowerCase()} id and a status)`);
    if (typeof id !== 'string' || id === '') {
      usageError(this, name, args, `${idArg} must be a ${noun} id (such as '${spec.exampleId}').\n\nReceived ${idArg}: ${this.utils.printReceived(id)}`);
    }
    if (typeof status === 'string' ? !spec.statuses.includes(status as S) : !isAsymmetricMatcher(status)) {
      usageError(
        this,
        name,
        args,
        `status must be a ${noun} status (${spec.statuses.join(', ')}) or an asymmetric matcher.\n\nReceived status: ${this.utils.printReceived(status)}`,
      );
    }

    const found = spec.find(received, id);
    if (!found) {
      const ids = spec.ids(received);
      usageError(
        this,
        name,
        args,
        `no ${noun} with id ${this.utils.printReceived(id)} exists in the mock.\n\n` +
          (ids.length === 0
            ? `No ${noun} was created since the last reset.`
            : `${spec.label}s that exist (${ids.length}):\n${listed(ids)}`),
      );
    }

    const { object, lifecycle } = found;
    const actual = lifecycle.status;
    const pass = this.equals(actual, status, this.customTesters);
    const message = (): string =>
      [
        hint(this, name, args),
        '',
        `Expected status: ${this.isNot ? 'not ' : ''}${this.utils.printExpected(status)}`,
        `Received status: ${this.utils.printReceived(actual)}`,
        '',
        describe(spec, received, object, lifecycle),
        ...reachHint(status, lifecycle, received.clock.now()),
      ].join('\n');
    return { pass, message, actual, expected: status };
  };
}

/** Where the object stands, in times relative to its creation (absolute times vary per run). */
function describe<S extends string, O extends { id: string }>(
  spec: StatusMatcherSpec<S, O>,
  mock: OpenAIMock,
  object: O,
  state: LifecycleState<S>,
): string {
  const createdAt = state.history[0]?.at ?? state.since;
  const now = mock.clock.now();
  const after = (ms: number): string => `${seconds(ms - createdAt)} after creation`;
  const lines = [`${spec.label} ${object.id}, now ${after(now)}:`, `  ${state.status} since ${after(state.since)}`];
  if (state.next) {
    lines.push(`  becomes '${state.next.status}' in ${state.next.at - now} ms (at ${after(state.next.at)})`);
  } else {
    const why = state.terminal ? `'${state.status}' is final` : spec.heldReason(state);
    lines.push(`  no further change is scheduled (${why})`);
  }
  lines.push(...spec.details(object).map((line) => `  ${line}`));
  lines.push(`  history: ${state.history.map((t) => `${t.status} (${seconds(t.at - createdAt)})`).join(' -> ')}`);
  return lines.join('\n');
}

/** Says how far to advance the clock when the status wanted is the very next one. */
function reachHint<S extends string>(status: unknown, state: LifecycleState<S>, now: number): string[] {
  if (typeof status !== 'string' || state.next?.status !== status) return [];
  const ms = state.next.at - now;
  return ['', `It will be '${status}' once ${ms} ms more have passed: \`await advanceTime(${ms})\` first.`];
}
