/**
 * The engine's port: all a transport sees of the mock. A transport turns what a client sends
 * into a {@link MockRequest}, asks the port to claim it, and when the port does, has the port
 * answer it with that claim and writes out the answer.
 */
import type { DroppedConnection, HeldAnswer } from './held-answers.js';
import type { MockRequest, MockResponse } from './request.js';
import type { RouteMatch } from './router.js';

/**
 * The engine's answer to a request it claimed: a response or, when a fault hits it, a dropped
 * connection or an answer held back (delayed, or never given).
 */
export type Answer = MockResponse | DroppedConnection | HeldAnswer;

/**
 * The engine's answer to a request handed to it without a claim (`openaiMock.handle()`): an
 * answer, or "let it through to the network".
 */
export type HandleResult = Answer | { readonly bypass: true };

/** A route that serves a request, with the request's path parameters. */
type FoundRoute = Extract<RouteMatch, { readonly kind: 'found' }>;

/**
 * The engine's decision to answer one request, made once when the transport asks
 * ({@link EnginePort.claim}) and handed back with the request to {@link EnginePort.handle}. The
 * request carries its own decision, so no other request, however alike, can take or change it,
 * and `onUnhandledRequest` is asked once per request. It also holds the request's URL, parsed
 * and routed once for both steps. A transport passes it on and never reads it.
 */
export type Claim =
  /** A route serves it. */
  | {
      readonly url: URL;
      /** The path under the base URL it was sent to (`/files/file-1`). */
      readonly relative: string;
      readonly match: FoundRoute;
      readonly unhandled: null;
    }
  /**
   * No route serves it (none matches, only another method's does, or it is outside every base
   * path), and `onUnhandledRequest` said to answer it with the error (`'error'`), and to warn too
   * (`'warn'`).
   */
  | {
      readonly url: URL;
      /** The path under the base URL it was sent to, or null outside every base path. */
      readonly relative: string | null;
      readonly match: Exclude<RouteMatch, FoundRoute> | null;
      readonly unhandled: 'error' | 'warn';
    };

export interface EnginePort {
  /** The base URLs whose requests belong to the mock (they change with `configure()`). */
  readonly config: { readonly baseURLs: readonly URL[] };
  /**
   * Decides, once for this request, whether the mock answers it: the claim to hand to
   * {@link handle}, or null when the request goes on to the network. A request to an OpenAI
   * origin that `onUnhandledRequest` lets through is logged here (status 0).
   */
  claim(request: Pick<MockRequest, 'method' | 'url' | 'headers'>): Claim | null;
  /** Answers a request this port claimed, as its claim says. Never throws. */
  handle(request: MockRequest, claim: Claim): Promise<Answer>;
  /** Marks a response as still on its way to the client until the returned function is called. */
  beginDelivery(): () => void;
}

/** A transport: something that delivers intercepted requests to the engine's port. */
export interface Transport {
  install(port: EnginePort): void;
  uninstall(): void;
  /** Re-arms the interception if something (such as `nock.cleanAll()`) removed it. */
  ensure(): void;
  /** Re-reads the port's base URLs (after `configure()` changed them). */
  refresh(): void;
}
