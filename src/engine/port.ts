/**
 * The engine's port: all a transport sees of the mock. A transport turns what a client sends
 * into a {@link MockRequest}, asks the port, and writes out what it answers.
 */
import type { DroppedConnection, HeldAnswer } from './held-answers.js';
import type { MockRequest, MockResponse } from './request.js';

/**
 * The engine's answer to a request: a response; "let it through to the network"; or, when a
 * fault hits it, a dropped connection or an answer held back (delayed, or never given).
 */
export type HandleResult = MockResponse | { readonly bypass: true } | DroppedConnection | HeldAnswer;

export interface EnginePort {
  /** The base URLs whose requests belong to the mock (they change with `configure()`). */
  readonly config: { readonly baseURLs: readonly URL[] };
  /** Whether a request to this URL belongs to the mock (its origin is a configured base URL's). */
  intercepts(url: string): boolean;
  /** Whether the mock will answer (rather than let through) a request with this method and URL. */
  willAnswer(method: string, url: string): boolean;
  /** Logs a request to an OpenAI origin that was let through to the network. */
  recordBypass(request: Pick<MockRequest, 'method' | 'url' | 'headers'>): void;
  /** Answers one request. Never throws. */
  handle(request: MockRequest): Promise<HandleResult>;
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
