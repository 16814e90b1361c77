import type { EnginePort, Transport } from '../engine/port.js';
import { createMockFetch, type FetchFunction } from './fetch.js';
import { NockTransport } from './nock.js';

/**
 * The fast path for every fetch-based client at once: the global `fetch` is replaced by one that
 * hands requests for the mock's base URLs straight to the engine (as `openaiMock.fetch` does) and
 * passes everything else to the `fetch` it replaced. nock stays installed underneath for clients
 * that do not use `fetch` (axios, SDK 4's node-fetch, `node:http`).
 *
 * A client keeps the `fetch` it found when it was built, so this must be installed before the
 * code under test builds its clients: the runner entries install it while the setup file loads.
 */
export class GlobalFetchTransport implements Transport {
  readonly #nock = new NockTransport();
  #installed: { mock: EnginePort; replaced: FetchFunction; patch: FetchFunction } | null = null;

  install(mock: EnginePort): void {
    this.#nock.install(mock);
    const replaced = globalThis.fetch;
    const answer = createMockFetch(mock, replaced);
    // Clients that captured the patch keep calling it after uninstall: it then only passes on.
    const patch: FetchFunction = (input, init) => (this.#installed?.patch === patch ? answer(input, init) : replaced(input, init));
    this.#installed = { mock, replaced, patch };
    globalThis.fetch = patch;
  }

  uninstall(): void {
    this.#nock.uninstall();
    const installed = this.#installed;
    this.#installed = null;
    // Someone who patched fetch after us keeps their patch (which now reaches ours, inert).
    if (installed && globalThis.fetch === installed.patch) globalThis.fetch = installed.replaced;
  }

  ensure(): void {
    this.#nock.ensure();
  }

  refresh(): void {
    this.#nock.refresh();
  }
}
