/**
 * Inspection on disk: the mock's state written to a directory as it changes, for looking at
 * what a failing test left behind. Off unless `inspectDir` (or `OPENAI_MOCK_INSPECT_DIR`) names
 * a directory. Each resource says what it writes there (its `inspect` part); the engine adds the
 * request log and a marker:
 *
 * ```
 * <dir>/
 *   <what each resource writes>     e.g. input_files/, file_metadata/, job_metadata/ (see the README)
 *   requests.jsonl                  the request log: method, path, query, status, body (never headers;
 *                                   uploaded files appear as their name and size)
 *   .openai-mock-inspect            marks the directory as the mock's own
 * ```
 *
 * Nothing here runs unless inspection is on. Only files that changed are rewritten, and only
 * what this library wrote (directories holding its marker, and the names the resources declare)
 * is ever removed.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Clock } from './clock.js';
import type { RecordedRequest } from './request-log.js';

/** The environment variable that turns inspection on when the `inspectDir` option is unset. */
export const INSPECT_VARIABLE = 'OPENAI_MOCK_INSPECT_DIR';

/** The file that marks a directory as written by openai-mock, and so safe to empty. */
export const MARKER = '.openai-mock-inspect';

const MARKER_TEXT =
  'Written by openai-mock (inspectDir / OPENAI_MOCK_INSPECT_DIR). The mock empties this directory when it writes here again.\n';

/** What inspection reads of a mock: its state as files, its request log and its clock. */
export interface Inspectable {
  readonly requests: readonly RecordedRequest[];
  readonly clock: Clock;
  readonly config: { readonly inspectDir: string | null };
  /** The top-level names the resources write (the only ones removed when an old run is cleared). */
  inspectionEntries(): readonly string[];
  /** Every file the resources write, by relative path, with its content now. */
  inspectionFiles(): Iterable<readonly [string, Uint8Array]>;
}

/**
 * The directory inspection writes to: the option if given (`null` turns inspection off even
 * when the variable is set), else `OPENAI_MOCK_INSPECT_DIR`; relative paths are resolved against
 * the working directory. Null when off.
 */
export function resolveInspectDir(
  option: string | null | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | null {
  const value = option === undefined ? env[INSPECT_VARIABLE] : option;
  if (value === null || value === undefined || value.trim() === '') return null;
  return resolve(value);
}

/**
 * Where, under the inspection directory, a runner entry wants the current test written: the
 * test file's folder (emptied once per run) and the test's own folder inside it.
 */
export interface InspectScope {
  readonly file: string;
  readonly test: string;
}

/** One mock's writing state: where it writes and what it last wrote there. */
interface Writer {
  scope: InspectScope | null;
  /** Directories already emptied by this mock (once each, before its first write there). */
  readonly cleared: Set<string>;
  /** Per directory written, the bytes last written at each relative path. */
  readonly written: Map<string, Map<string, Uint8Array>>;
  /**
   * Per directory, how much of the request log `requests.jsonl` holds: the log's first entry (a
   * different one means the log was reset) and how many entries were appended. New requests are
   * appended, so a long test does not rewrite its whole log on every request.
   */
  readonly logged: Map<string, { first: RecordedRequest | undefined; count: number }>;
  /** Test folders handed out per file folder, to keep two tests of the same name apart. */
  readonly names: Map<string, Set<string>>;
  /** Where and at what moment on the mock's clock the current scope was last written. */
  last: { root: string; at: number } | null;
  warned: boolean;
}

const writers = new WeakMap<Inspectable, Writer>();

function writerOf(mock: Inspectable): Writer {
  let writer = writers.get(mock);
  if (!writer) {
    writer = { scope: null, cleared: new Set(), written: new Map(), logged: new Map(), names: new Map(), last: null, warned: false };
    writers.set(mock, writer);
  }
  return writer;
}

/**
 * Makes `mock` write under `<dir>/<test file>/<test name>/` from now on (the runner entries call
 * it before each test), or straight into `<dir>` with `null`. `testPath` is the test file's
 * absolute path, `testName` the runner's full test name.
 */
export function setInspectScope(mock: Inspectable, where: { testPath?: string | undefined; testName?: string | undefined } | null): void {
  const writer = writerOf(mock);
  writer.last = null;
  if (!where) {
    writer.scope = null;
    return;
  }
  const file = fileFolder(where.testPath);
  const used = writer.names.get(file) ?? new Set<string>();
  writer.names.set(file, used);
  const base = segment(where.testName ?? 'outside tests');
  let test = base;
  for (let n = 2; used.has(test); n++) test = `${base} (${n})`;
  used.add(test);
  writer.scope = { file, test };
}

/**
 * Writes the mock's state under `root` now (in the current scope's folder, if a runner set
 * one) and returns the directory written. Files that did not change are left alone; files of
 * objects that no longer exist are removed.
 */
export function writeState(mock: Inspectable, root: string): string {
  const writer = writerOf(mock);
  const scope = writer.scope;
  const dir = scope ? join(root, scope.file, scope.test) : root;
  const unit = scope ? join(root, scope.file) : root;
  if (!writer.cleared.has(unit)) {
    clearOwn(unit, scope !== null, [...mock.inspectionEntries(), 'requests.jsonl', MARKER]);
    writer.cleared.add(unit);
    if (scope) {
      mkdirSync(unit, { recursive: true });
      writeFileSync(join(unit, MARKER), MARKER_TEXT);
    }
    for (const map of [writer.written, writer.logged]) {
      for (const written of map.keys()) {
        if (written === unit || written.startsWith(`${unit}/`)) map.delete(written);
      }
    }
  }
  const next = snapshot(mock);
  const previous = writer.written.get(dir) ?? new Map<string, Uint8Array>();
  for (const [path, bytes] of next) {
    const old = previous.get(path);
    if (old && sameBytes(old, bytes)) continue;
    const target = join(dir, path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, bytes);
  }
  for (const path of previous.keys()) {
    if (!next.has(path)) rmSync(join(dir, path), { force: true });
  }
  writer.written.set(dir, next);
  writeLog(writer, dir, mock.requests);
  writer.last = { root, at: mock.clock.now() };
  return dir;
}

/**
 * The write at the end of a test. The runner's own `afterEach` may run after the test's (Vitest
 * runs them in reverse order of registration), which may already have undone what the test set
 * up: `resetConfig()` dropped `inspectDir` (the test's directory is still used), or real timers
 * moved the clock back (then the last write already holds the test's latest state, and is kept).
 */
export function writeFinalState(mock: Inspectable): void {
  const writer = writerOf(mock);
  const root = mock.config.inspectDir ?? writer.last?.root ?? null;
  if (root === null) return;
  if (writer.last && mock.clock.now() < writer.last.at) return;
  writeStateQuietly(mock, root);
}

/**
 * {@link writeState} for the request path: a failure to write warns once and never breaks the
 * request being answered.
 */
export function writeStateQuietly(mock: Inspectable, root: string): void {
  try {
    writeState(mock, root);
  } catch (error) {
    const writer = writerOf(mock);
    if (writer.warned) return;
    writer.warned = true;
    console.warn(
      `[openai-mock] Could not write the mock's state to ${root} (inspectDir / ${INSPECT_VARIABLE}): ` +
        `${error instanceof Error ? error.message : String(error)}. Requests are still answered; this warning is shown once.`,
    );
  }
}

const encoder = new TextEncoder();

/** A JSON file's content, as inspection writes it (indented, ending with a newline). */
export function jsonFile(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * What a resource writes when it keeps one JSON file per object: `<folder>/<id>.json` holding
 * `content(object)` (the object as the API returns it, its lifecycle, ...).
 */
export function jsonPerObject<T extends { readonly id: string }>(
  folder: string,
  objects: () => Iterable<T>,
  content: (object: T) => unknown,
): { readonly entries: readonly string[]; files(): Iterable<readonly [string, Uint8Array]> } {
  return {
    entries: [folder],
    *files() {
      for (const object of objects()) yield [`${folder}/${segment(object.id)}.json`, jsonFile(content(object))];
    },
  };
}

/** Every path the directory should hold, relative to it, with its content. */
function snapshot(mock: Inspectable): Map<string, Uint8Array> {
  return new Map<string, Uint8Array>([[MARKER, encoder.encode(MARKER_TEXT)], ...mock.inspectionFiles()]);
}

/** Brings `requests.jsonl` up to date: appends new requests, or rewrites it after a reset. */
function writeLog(writer: Writer, dir: string, requests: readonly RecordedRequest[]): void {
  const logged = writer.logged.get(dir);
  const path = join(dir, 'requests.jsonl');
  const line = ({ method, path, query, status, requestId, at, body }: RecordedRequest): string =>
    `${JSON.stringify({ method, path, query, status, requestId, at, body })}\n`;
  if (logged && logged.first === requests[0] && logged.count <= requests.length) {
    if (logged.count < requests.length) appendFileSync(path, requests.slice(logged.count).map(line).join(''));
  } else {
    writeFileSync(path, requests.map(line).join(''));
  }
  writer.logged.set(dir, { first: requests[0], count: requests.length });
}

/**
 * Empties what the mock wrote in `dir` on an earlier run: its own top-level entries, and (for a
 * test file's folder) every test folder holding the marker. Anything else is left alone.
 */
function clearOwn(dir: string, isFileFolder: boolean, ownEntries: readonly string[]): void {
  if (!existsSync(dir)) return;
  if (isFileFolder) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(dir, entry.name, MARKER))) {
        rmSync(join(dir, entry.name), { recursive: true, force: true });
      }
    }
    if (existsSync(join(dir, MARKER))) unlinkSync(join(dir, MARKER));
    return;
  }
  if (!existsSync(join(dir, MARKER))) return;
  for (const name of ownEntries) rmSync(join(dir, name), { recursive: true, force: true });
}

/** The test file's folder under the inspection directory: its path from the working directory. */
function fileFolder(testPath: string | undefined): string {
  if (!testPath) return 'unknown test file';
  const rel = relative(process.cwd(), testPath);
  const parts = rel.startsWith('..') || isAbsolute(rel) ? [testPath.split(/[\\/]/).pop() ?? 'test'] : rel.split(/[\\/]/);
  return join(...parts.map(segment));
}

/** A safe single path segment: no separators, no leading dots, at most 100 characters. */
export function segment(name: string): string {
  const cleaned = name
    .replace(/[^\w.@ ()+,=-]+/g, '_')
    .replace(/^[.\s]+/, '_')
    .trim()
    .slice(0, 100);
  return cleaned === '' ? '_' : cleaned;
}

/** `.jsonl` from `train.jsonl`: the extension a file's name gives its copy on disk. */
export function extension(filename: string): string {
  const match = /\.[A-Za-z0-9]{1,10}$/.exec(filename);
  return match ? match[0].toLowerCase() : '';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
