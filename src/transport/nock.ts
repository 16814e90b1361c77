import { Readable } from 'node:stream';
import type nockModule from 'nock';
import { loadedNock, loadNock, type Nock } from './load-nock.js';
import { PIECE_BYTES, pieces } from './pieces.js';
import { OpenAIMockError } from '../engine/errors.js';
import { connectionResetError } from '../engine/fault-responses.js';
import type { Claim, EnginePort, Transport } from '../engine/port.js';
import { redactURL } from '../engine/request-log.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * Process-wide bookkeeping, kept on a global symbol so that two copies of this module (Jest's
 * per-file module registry, or a package installed twice) share one view of what is installed.
 */
interface NockRegistry {
  /** Every transport currently installed, so `nock.cleanAll()` can be followed by a re-arm. */
  readonly active: Set<NockTransport>;
  /** Above 0 while a transport adds its own interceptors (so the wrapped `add` ignores them). */
  arming: number;
  /** True while {@link forgetEmptyOrigins} clears nock's table and re-arms the transports. */
  forgetting: boolean;
  /**
   * Every copy of nock loaded into this global object, oldest first. Jest evaluates modules
   * afresh for each test file, so each file loads its own nock (the bundled CommonJS copy, and in
   * a native-ESM project the nock package too), and each copy patches process-wide objects
   * (`http`, `net.Socket`) when it loads. Left active, they would pile up from file to file in a
   * worker, each request passing through every copy; {@link releaseNockCopies} undoes them.
   */
  readonly copies: Set<Nock>;
}

/** What this module relies on of nock's `Scope` beyond its public types. */
interface ScopeInternals {
  /** `https://api.openai.com:443`, or the RegExp the scope was created with. */
  readonly basePath: string | RegExp;
  add(key: string, interceptor: nockModule.Interceptor): void;
}

const REGISTRY_KEY = Symbol.for('openai-mock.nock-transport');
const registry: NockRegistry = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as NockRegistry | undefined) ??
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = { active: new Set(), arming: 0, forgetting: false, copies: new Set() } as NockRegistry);

/**
 * This module's nock, loaded on first use (see load-nock.ts). In the CommonJS build under Jest,
 * each test file loads its own copy, which {@link releaseNockCopies} turns off with the file.
 */
function getNock(): Nock {
  const { nock } = loadNock();
  registry.copies.add(nock);
  return nock;
}

/**
 * Turns nock off once no mock is installed, if this module's loading is what turned it on. For
 * runners that keep a file's modules for the next file in the same worker (Vitest with
 * `isolate: false`): between files, `http`, `https`, `net` and the global `fetch` are what they
 * were before the mock loaded; the next file's `install()` turns nock on again. A nock that was
 * already on when the mock loaded (the user's own) is left as it is.
 */
export function releaseNock(): void {
  const loaded = loadedNock();
  if (registry.active.size > 0 || loaded === undefined) return;
  if (loaded.activatedByUs && loaded.nock.isActive()) loaded.nock.restore();
}

/**
 * Turns off every copy of nock loaded into this global object, unless a mock is still installed.
 * For runners that drop a test file's modules when the file ends (Jest): there, nothing else can
 * use those copies again, and their patches would otherwise outlive the file. Not for Vitest,
 * where one nock serves the whole worker and may be the user's own.
 */
export function releaseNockCopies(): void {
  if (registry.active.size > 0) return;
  // Newest first: each copy restores what it found when it patched, which for a later copy is
  // the earlier copy's patch.
  for (const copy of [...registry.copies].reverse()) {
    if (copy.isActive()) copy.restore();
  }
  registry.copies.clear();
}

/** The installed transports that use this module's copy of nock. */
const installedHere = new Set<NockTransport>();

/**
 * Marks the nock functions we wrapped. The mark is on the function itself, not in the registry:
 * a runner with a per-file module registry (Jest) loads a fresh copy of nock for each test file,
 * and each copy must be wrapped.
 */
const WRAPPED = Symbol.for('openai-mock.wrapped');

function isWrapped(fn: unknown): boolean {
  return (fn as Record<symbol, unknown>)[WRAPPED] === true;
}

/**
 * The default transport: persistent nock interceptors on every configured OpenAI origin, with
 * `allowUnmocked` so that only requests the mock chooses to let through ever leave the process.
 * It survives `nock.cleanAll()` (it re-arms itself right after) and leaves other hosts alone.
 */
export class NockTransport implements Transport {
  #mock: EnginePort | null = null;
  #interceptors: nockModule.Interceptor[] = [];
  /** The nock base paths (`https://api.openai.com:443`) of the scopes we armed. */
  #basePaths: string[] = [];
  /** The nock scopes our interceptors live in. */
  #scopes: nockModule.Scope[] = [];
  /**
   * The port's claim on each request nock asked about (null: let through), made once per request
   * while nock matches it and taken by the reply to that same request (nock replies with the
   * `Request` it matched), so each request keeps its own decision.
   */
  readonly #claims = new WeakMap<Request, Claim | null>();

  install(mock: EnginePort): void {
    this.#mock = mock;
    wrapCleanAll();
    registry.active.add(this);
    installedHere.add(this);
    this.#arm();
  }

  uninstall(): void {
    registry.active.delete(this);
    installedHere.delete(this);
    this.#disarm();
    forgetEmptyOrigins();
    this.#mock = null;
  }

  ensure(): void {
    if (!this.#mock) return;
    const nock = getNock();
    if (!nock.isActive()) nock.activate();
    if (this.#interceptors.length === 0) this.#arm();
  }

  refresh(): void {
    this.#arm();
  }

  /**
   * Called when someone else added a nock interceptor. nock tries interceptors in the order they
   * were added, so if it is on one of our origins we re-arm behind it: the user's own stub wins.
   */
  yieldTo(basePath: string | RegExp): void {
    if (!this.#mock) return;
    const ours = typeof basePath === 'string' ? this.#basePaths.includes(basePath) : this.#basePaths.some((p) => basePath.test(p));
    if (ours) this.#arm();
  }

  /** How many of nock's active mocks are this transport's. */
  get activeMocks(): number {
    return this.#scopes.reduce((sum, scope) => sum + scope.activeMocks().length, 0);
  }

  /** Called after `nock.cleanAll()` removed every interceptor, ours included. */
  rearm(): void {
    this.#interceptors = [];
    this.ensure();
  }

  #arm(): void {
    const mock = this.#mock;
    if (!mock) return;
    this.#disarm();
    // Forgetting rearms every installed transport, this one included: nothing left to do here.
    if (forgetEmptyOrigins()) return;
    const nock = getNock();
    if (!nock.isActive()) nock.activate();
    const origins = [...new Set(mock.config.baseURLs.map((u) => u.origin))];
    registry.arming += 1;
    try {
      for (const origin of origins) {
        const scope = nock(origin, { allowUnmocked: true }).persist();
        this.#scopes.push(scope);
        // nock ends each response body on a later turn of the event loop, then emits 'replied';
        // until then the response counts as in flight, so advanceTime() waits for it.
        const deliveries: (() => void)[] = [];
        scope.on('replied', () => deliveries.shift()?.());
        wrapScopeAdd(Object.getPrototypeOf(scope) as ScopeInternals);
        this.#basePaths.push(String((scope as unknown as ScopeInternals).basePath));
        for (const method of METHODS) {
          // Optional: our interceptors never make `nock.isDone()` false nor show in `pendingMocks()`.
          const interceptor = scope.intercept(() => true, method).optionally();
          // nock runs the path test of every interceptor on the origin, whatever the request's
          // method, several times per request. Decide here instead, once per request and only for
          // its real method, so an onUnhandledRequest function sees only requests really made.
          const { match, matchOrigin } = interceptor;
          const claims = (request: Request): boolean => {
            if (request.method !== method) return false;
            let claim = this.#claims.get(request);
            if (claim === undefined) {
              claim = mock.claim({ method, url: request.url, headers: Object.fromEntries(request.headers) });
              this.#claims.set(request, claim);
            }
            return claim !== null;
          };
          interceptor.matchOrigin = (request) => claims(request) && matchOrigin.call(interceptor, request);
          interceptor.match = (request, body) =>
            claims(request) ? match.call(interceptor, request, body) : [`openai-mock does not answer ${request.method} ${redactURL(request.url)}`];
          this.#interceptors.push(interceptor);
          interceptor.reply(async (request: Request) => {
            const claim = this.#claims.get(request);
            // nock replies only to a request this interceptor matched, which claims() claimed.
            if (!claim) {
              throw new OpenAIMockError('ERR_OPENAI_MOCK_TRANSPORT', `nock asked openai-mock to answer ${request.method} ${redactURL(request.url)}, which it had not claimed.`);
            }
            let delivered = mock.beginDelivery();
            deliveries.push(delivered);
            /** Ends a delivery nock will not report as 'replied' (no response is written for it). */
            const cancelDelivery = (): void => {
              deliveries.splice(deliveries.indexOf(delivered), 1);
              delivered();
            };
            let result = await mock.handle(
              { method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: new Uint8Array(await request.arrayBuffer()) },
              claim,
            );
            if ('held' in result) {
              // A fault holds the answer back: not in flight meanwhile, so advanceTime() moves on
              // (and fires the timer that ends the wait, or the client's own timeout).
              cancelDelivery();
              const { held, abandon } = result;
              if (request.signal.aborted) abandon();
              else request.signal.addEventListener('abort', abandon, { once: true });
              result = await held;
              request.signal.removeEventListener('abort', abandon);
              delivered = mock.beginDelivery();
              deliveries.push(delivered);
              // The client gave up as the answer came due: nothing will read it, so write none.
              if (request.signal.aborted) result = { dropped: connectionResetError() };
            }
            if ('dropped' in result) {
              cancelDelivery();
              // nock fails the request with this error: fetch rejects with `TypeError: fetch failed`
              // and the error as its cause, the http module emits it as the request's 'error'.
              throw result.dropped;
            }
            return [result.status, replyBody(result.body), result.headers];
          });
        }
      }
    } finally {
      registry.arming -= 1;
    }
  }

  #disarm(): void {
    const nock = getNock();
    for (const interceptor of this.#interceptors) nock.removeInterceptor(interceptor);
    this.#interceptors = [];
    this.#basePaths = [];
    this.#scopes = [];
  }
}

/** `nock.cleanAll` as nock defines it, kept on our wrapper of it. */
const ORIGINAL = Symbol.for('openai-mock.original');

/** Wraps `nock.cleanAll` once per copy of nock so installed mocks re-arm right after it runs. */
function wrapCleanAll(): void {
  const nock = getNock();
  if (isWrapped(nock.cleanAll)) return;
  const original = nock.cleanAll.bind(nock);
  nock.cleanAll = Object.assign(
    function cleanAllThenRearm() {
      original();
      for (const transport of registry.active) transport.rearm();
      return nock;
    },
    { [WRAPPED]: true, [ORIGINAL]: original },
  ) as typeof nock.cleanAll;
}

/**
 * nock remembers, per origin, that a scope there let unmatched requests through
 * (`allowUnmocked`), even once its last interceptor is removed: requests to that origin then go
 * to the network without consulting `nock.disableNetConnect()`. So when our interceptors change
 * and nobody else has one, nock's table is cleared (forgetting those marks, losing nothing) and
 * every installed transport re-armed. Returns true if it did so.
 */
function forgetEmptyOrigins(): boolean {
  if (registry.forgetting) return false;
  const nock = getNock();
  const ours = [...installedHere].reduce((sum, transport) => sum + transport.activeMocks, 0);
  if (nock.activeMocks().length > ours) return false; // someone else's interceptors: leave them be
  const cleanAll = nock.cleanAll as typeof nock.cleanAll & { [ORIGINAL]?: () => void };
  registry.forgetting = true;
  try {
    (cleanAll[ORIGINAL] ?? cleanAll)();
    for (const transport of installedHere) transport.rearm();
  } finally {
    registry.forgetting = false;
  }
  return true;
}

/**
 * Wraps nock's `Scope.prototype.add` (every interceptor anyone defines goes through it) once per
 * copy of nock, so installed mocks step behind an interceptor added on one of their origins.
 */
function wrapScopeAdd(proto: ScopeInternals): void {
  if (isWrapped(proto.add)) return;
  const original = proto.add;
  proto.add = Object.assign(
    function addThenYield(this: ScopeInternals, key: string, interceptor: nockModule.Interceptor) {
      original.call(this, key, interceptor);
      if (registry.arming > 0) return;
      for (const transport of registry.active) transport.yieldTo(this.basePath);
    },
    { [WRAPPED]: true },
  );
}

/** A body for nock's reply: a large one as a stream of views of the stored bytes (see `pieces`). */
function replyBody(body: string | Uint8Array): string | Buffer | Readable {
  if (typeof body === 'string') return body;
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return bytes.byteLength <= PIECE_BYTES ? bytes : Readable.from(pieces(bytes), { objectMode: false });
}
