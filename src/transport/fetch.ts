import type { EnginePort } from '../engine/port.js';
import type { DroppedConnection, HeldAnswer } from '../engine/held-answers.js';
import type { MockRequest, MockResponse } from '../engine/request.js';
import { PIECE_BYTES, pieces } from './pieces.js';

/** A `fetch` with the standard signature, as clients' `fetch` options expect. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * `Response` as it was when openai-mock loaded, which is before the transport loads nock: nock
 * wraps the global one in a proxy that records raw header names, a cost this path has no use for.
 * Its instances are the same class the global one makes (`instanceof Response` holds).
 */
const NativeResponse = globalThis.Response;

/** Statuses whose responses have no body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** Methods `fetch` upper-cases; any other keeps the case it was given in. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const encoder = new TextEncoder();

/** The global `fetch` of the moment (looked up per call, so later patches are honoured). */
const globalFetch: FetchFunction = (input, init) => globalThis.fetch(input, init);

/**
 * The fast path: a `fetch` that hands requests for the mock's base URLs straight to the engine,
 * with no sockets, no HTTP parsing and no interception layer. Give it to a client's `fetch`
 * option (`new OpenAI({ fetch: openaiMock.fetch })`). It serves the same state as the nock
 * transport, installed or not. Requests to other hosts, and those `onUnhandledRequest` lets
 * through, go to `passOn` unchanged: by default the global `fetch` of the moment.
 */
export function createMockFetch(mock: EnginePort, passOn: FetchFunction = globalFetch): FetchFunction {
  return async function openaiMockFetch(input, init) {
    const request = incoming(input, init, passOn);
    request.signal?.throwIfAborted();
    const claim = mock.claim(request);
    if (claim === null) return request.passOn();
    let result = await mock.handle({ method: request.method, url: request.url, headers: request.headers, body: await request.body() }, claim);
    // An abort during the answer rejects like a real fetch: with the signal's reason.
    request.signal?.throwIfAborted();
    if ('held' in result) result = await untilAnswered(result, request.signal);
    // A dropped connection rejects the way undici's fetch does.
    if ('dropped' in result) throw new TypeError('fetch failed', { cause: result.dropped });
    const empty = request.method === 'HEAD' || NULL_BODY_STATUSES.has(result.status);
    return new NativeResponse(empty ? null : responseBody(result.body), { status: result.status, headers: result.headers });
  };
}

/**
 * Waits for an answer a fault holds back; an abort of the request (the client's timeout) rejects
 * at once with the signal's reason, as fetch does, and the mock stops holding it.
 */
async function untilAnswered(answer: HeldAnswer, signal: AbortSignal | null | undefined): Promise<MockResponse | DroppedConnection> {
  if (!signal) return answer.held;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      answer.abandon();
      reject(signal.reason);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    void answer.held.then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}

/**
 * A body for `new Response()`, which copies bytes it is given: a large body goes as a stream of
 * views of the stored bytes instead (see `pieces`).
 */
function responseBody(body: string | Uint8Array): BodyInit {
  // The engine builds bodies on plain ArrayBuffers (never shared ones), as Response wants.
  if (typeof body === 'string' || body.byteLength <= PIECE_BYTES) return body as string | Uint8Array<ArrayBuffer>;
  const views = pieces(body);
  // A default stream, not a byte stream: a byte stream would detach the stored file's buffer.
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = views.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

/** A request as the mock fetch sees it: what the engine needs, read lazily, and a way out. */
interface Incoming extends Omit<MockRequest, 'body'> {
  readonly signal: AbortSignal | null | undefined;
  /** The body's bytes (reading them consumes a stream body). */
  body(): Promise<Uint8Array>;
  /** Sends the request on, unread, to the `fetch` that serves everything else. */
  passOn(): Promise<Response>;
}

/**
 * The common case (a URL, and an init whose body is absent, a string or bytes, as the SDK sends
 * JSON) is read directly. Anything else (a `Request`, `FormData`, a `Blob`, a stream) goes
 * through `new Request()`, which also supplies the `content-type` a multipart body needs.
 */
function incoming(input: string | URL | Request, init: RequestInit | undefined, passOn: FetchFunction): Incoming {
  const raw = init?.body;
  const simpleBody = raw === undefined || raw === null || typeof raw === 'string' || raw instanceof Uint8Array;
  if (input instanceof Request || !simpleBody) {
    const request = new Request(input, init);
    return {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      signal: request.signal,
      body: async () => (request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array(0)),
      passOn: () => passOn(request),
    };
  }
  const given = init?.method ?? 'GET';
  const upper = given.toUpperCase();
  const headers = Object.fromEntries(init?.headers instanceof Headers ? init.headers : new Headers(init?.headers));
  // What fetch itself sends with a string body that names no type.
  if (typeof raw === 'string' && headers['content-type'] === undefined) headers['content-type'] = 'text/plain;charset=UTF-8';
  return {
    method: NORMALIZED_METHODS.has(upper) ? upper : given,
    url: new URL(input).href,
    headers,
    signal: init?.signal,
    body: async () => (typeof raw === 'string' ? encoder.encode(raw) : (raw ?? new Uint8Array(0))),
    passOn: () => passOn(input, init),
  };
}
