/**
 * What the matchers share: checking what they were given, matching with subset semantics, and
 * the pieces of their failure messages. Nothing here imports a test runner: the runner's own
 * utilities arrive through the matcher context (`this`).
 */
import { OpenAIMock } from '../openai-mock.js';
import type { MatcherContext } from './types.js';

/** Longest list a message prints before it says how many more there are. */
export const MAX_LISTED = 20;

/** A misuse of a matcher (wrong received value or arguments): thrown, whatever `.not` says. */
export class MatcherUsageError extends Error {
  override readonly name = 'MatcherUsageError';
}

/** The matcher's call as the runner prints it: `expect(openaiMock)[.not].name(args)`. */
export function hint(ctx: MatcherContext, name: string, args: string, received = 'openaiMock'): string {
  return ctx.utils.matcherHint(name, received, args, { isNot: ctx.isNot, promise: ctx.promise });
}

/** Throws a {@link MatcherUsageError} headed by the matcher hint. */
export function usageError(ctx: MatcherContext, name: string, args: string, text: string, received?: string): never {
  throw new MatcherUsageError(`${hint(ctx, name, args, received)}\n\nMatcher error: ${text}`);
}

/** True for the mock (also a second copy of the library's mock class, matched by shape). */
export function isOpenAIMock(value: unknown): value is OpenAIMock {
  if (value instanceof OpenAIMock) return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<'files' | 'jobs' | 'clock' | 'requests', unknown>>;
  return (
    Array.isArray(v.requests) &&
    typeof (v.files as { uploads?: unknown } | undefined)?.uploads === 'function' &&
    typeof (v.jobs as { lifecycle?: unknown } | undefined)?.lifecycle === 'function' &&
    typeof (v.clock as { now?: unknown } | undefined)?.now === 'function'
  );
}

/** Fails with a usage error unless `received` is the mock. */
export function assertMock(
  ctx: MatcherContext,
  name: string,
  args: string,
  received: unknown,
): asserts received is OpenAIMock {
  if (isOpenAIMock(received)) return;
  usageError(
    ctx,
    name,
    args,
    `received value must be the OpenAI mock. Pass \`openaiMock\` from 'openai-mock/vitest': expect(openaiMock).${name}(...)\n\n` +
      ctx.utils.printWithType('Received', received, (v) => ctx.utils.printReceived(v)),
    'received',
  );
}

/** Fails with a usage error if the matcher got more arguments than it takes. */
export function assertArgCount(ctx: MatcherContext, name: string, args: string, rest: readonly unknown[], takes: string): void {
  if (rest.length === 0) return;
  usageError(
    ctx,
    name,
    args,
    `${name} takes ${takes}, but received ${rest.length} more: ${rest.map((v) => ctx.utils.printReceived(v)).join(', ')}`,
  );
}

/** An asymmetric matcher (`expect.any(...)`, `expect.stringMatching(...)`, ...). */
export function isAsymmetricMatcher(value: unknown): value is { asymmetricMatch(other: unknown): boolean } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function'
  );
}

/** A plain object literal (not an array, a class instance or an asymmetric matcher). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || isAsymmetricMatcher(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `actual` contains `expected`, as `toMatchObject` decides (asymmetric matchers work inside). */
export function containsSubset(ctx: MatcherContext, actual: unknown, expected: unknown): boolean {
  return ctx.equals(actual, expected, [
    ...(ctx.customTesters ?? []),
    ctx.utils.iterableEquality,
    ctx.utils.subsetEquality,
  ]);
}

/** The top-level keys of `expected` whose values `actual` does not match. */
export function mismatchedKeys(ctx: MatcherContext, actual: object, expected: Record<string, unknown>): string[] {
  return Object.keys(expected).filter(
    (key) => !(key in actual) || !containsSubset(ctx, (actual as Record<string, unknown>)[key], expected[key]),
  );
}

/** `1 request`, `2 requests`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** A duration in seconds, as short as it is exact: `4s`, `2.5s`, `-3s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

/** Lines indented under a heading, at most {@link MAX_LISTED}, then how many were left out. */
export function listed(lines: readonly string[], indent = '  '): string {
  const shown = lines.slice(0, MAX_LISTED).map((line) => indent + line.replaceAll('\n', `\n${indent}`));
  if (lines.length > MAX_LISTED) shown.push(`${indent}... and ${lines.length - MAX_LISTED} more`);
  return shown.join('\n');
}

/** A compact one-line rendering of a parsed request body, cut at `max` characters. */
export function compact(value: unknown, max = 300): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
