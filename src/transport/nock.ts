import nock from 'nock';
import { OpenAIMockError } from '../mock/errors.js';
import type { OpenAIMock, Transport } from '../mock/openai-mock.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * Process-wide bookkeeping, kept on a global symbol so that two copies of this module (Jest's
 * per-file module registry, or a package installed twice) share one view of what is installed.
 */
interface NockRegistry {
  /** Every transport currently installed, so `nock.cleanAll()` can be followed by a re-arm. */
  readonly active: Set<NockTransport>;
  /** The original `nock.cleanAll`, once we have wrapped it. */
  originalCleanAll: (() => void) | null;
}

const REGISTRY_KEY = Symbol.for('openai-mock.nock-transport');
const registry: NockRegistry = ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as NockRegistry | undefined) ??
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = { active: new Set(), originalCleanAll: null } as NockRegistry);

/**
 * The default transport: persistent nock interceptors on every configured OpenAI origin, with
 * `allowUnmocked` so that only requests the mock chooses to let through ever leave the process.
 * It survives `nock.cleanAll()` (it re-arms itself right after) and leaves other hosts alone.
 */
export class NockTransport implements Transport {
  #mock: OpenAIMock | null = null;
  #interceptors: nock.Interceptor[] = [];

  install(mock: OpenAIMock): void {
    this.#mock = mock;
    wrapCleanAll();
    registry.active.add(this);
    this.#arm();
  }

  uninstall(): void {
    registry.active.delete(this);
    this.#disarm();
    this.#mock = null;
  }

  ensure(): void {
    if (!this.#mock) return;
    if (!nock.isActive()) nock.activate();
    if (this.#interceptors.length === 0) this.#arm();
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
    if (!nock.isActive()) nock.activate();
    const origins = [...new Set(mock.config.baseURLs.map((u) => u.origin))];
    for (const origin of origins) {
      const scope = nock(origin, { allowUnmocked: true }).persist();
      for (const method of METHODS) {
        const interceptor = scope.intercept((path: string) => mock.willAnswer(method, origin + path), method);
        this.#interceptors.push(interceptor);
        interceptor.reply(async (request: Request) => {
            const result = await mock.handle({
              method: request.method,
              url: request.url,
              headers: Object.fromEntries(request.headers),
              body: new Uint8Array(await request.arrayBuffer()),
            });
            if ('bypass' in result) {
              // willAnswer() said yes a moment ago; a strategy function that changed its mind lands here.
              throw new OpenAIMockError('ERR_OPENAI_MOCK_TRANSPORT', `Request to ${request.url} was claimed by the mock and then bypassed.`);
            }
            const body = typeof result.body === 'string' ? result.body : Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength);
            return [result.status, body, result.headers];
          });
      }
    }
  }

  #disarm(): void {
    for (const interceptor of this.#interceptors) nock.removeInterceptor(interceptor);
    this.#interceptors = [];
  }
}

/** Wraps `nock.cleanAll` once per process so installed mocks re-arm right after it runs. */
function wrapCleanAll(): void {
  if (registry.originalCleanAll) return;
  const original = nock.cleanAll.bind(nock);
  registry.originalCleanAll = original;
  nock.cleanAll = function cleanAllThenRearm() {
    original();
    for (const transport of registry.active) transport.rearm();
    return nock;
  } as typeof nock.cleanAll;
}
