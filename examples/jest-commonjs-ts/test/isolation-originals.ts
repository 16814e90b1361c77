import http from 'node:http';
import net from 'node:net';

/** The functions nock patches when it loads, as they were before openai-mock loaded it. */
export interface Originals {
  /** Process-wide (shared by every file a worker runs): kept from the worker's first file. */
  readonly connect: typeof net.Socket.prototype.connect;
  readonly httpRequest: typeof http.request;
  /** This file's own global `fetch` (Jest gives each file its own global object). */
  readonly fetch: typeof fetch;
}

const KEY = Symbol.for('openai-mock-example.originals');
// Node's built-in modules are shared by every file a worker runs, so they keep the first file's
// view; the global object is the file's own.
const shared = net as unknown as { [KEY]?: Pick<Originals, 'connect' | 'httpRequest'> };
const perFile = globalThis as { [KEY]?: Originals };

export function rememberOriginals(): void {
  shared[KEY] ??= { connect: net.Socket.prototype.connect, httpRequest: http.request };
  perFile[KEY] = { ...shared[KEY], fetch: globalThis.fetch };
}

export function originals(): Originals {
  const found = perFile[KEY];
  if (!found) throw new Error('test/env.ts did not run: it must be in `setupFiles`');
  return found;
}
