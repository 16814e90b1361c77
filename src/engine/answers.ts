/**
 * The HTTP answers the request pipeline builds: the headers every answer carries, a handler's
 * reply, the API's errors in OpenAI's envelope, and the answers for requests the mock does not
 * serve or lets go of.
 */
import { ApiError } from './api-error.js';
import type { MockRequest, MockResponse } from './request.js';
import type { HandlerReply } from './router.js';
import { describeUnhandled, isKnownOpenAIRoute } from './unhandled.js';

const encoder = new TextEncoder();

/** The headers every answer carries (JSON unless the caller says otherwise). */
export function baseHeaders(requestId: string): Record<string, string> {
  return { 'x-request-id': requestId, 'openai-version': '2020-10-01', 'openai-processing-ms': '0', 'content-type': 'application/json' };
}

export function replyResponse(reply: HandlerReply, requestId: string): MockResponse {
  const status = reply.status ?? 200;
  if ('bytes' in reply) {
    return { status, headers: { ...baseHeaders(requestId), ...reply.headers, 'content-type': reply.contentType }, body: reply.bytes };
  }
  // JSON is left as text: each transport encodes it once on the way out.
  const headers = reply.headers === undefined ? baseHeaders(requestId) : { ...baseHeaders(requestId), ...reply.headers, 'content-type': 'application/json' };
  return { status, headers, body: JSON.stringify(reply.json) };
}

export function errorResponse(error: ApiError, requestId: string, extra: Record<string, string> = {}): MockResponse {
  return {
    status: error.status,
    headers: { ...baseHeaders(requestId), ...error.headers, ...extra },
    body: encoder.encode(JSON.stringify(error.toJSON())),
  };
}

/** An answer the fault registry chose: its status, headers and JSON body. */
export function faultResponse(answer: { status: number; headers: Readonly<Record<string, string>>; body: unknown }, requestId: string): MockResponse {
  return {
    status: answer.status,
    headers: { ...baseHeaders(requestId), ...answer.headers },
    body: encoder.encode(JSON.stringify(answer.body)),
  };
}

/**
 * The error for a request the mock does not serve: a 501 naming the endpoint when the real API
 * has it, else the API's own 404 for a URL it does not have.
 */
export function unhandledError(method: string, path: string, relative: string | null): ApiError {
  const known = relative !== null && isKnownOpenAIRoute(method, relative);
  return known
    ? new ApiError(501, describeUnhandled(method, path), 'invalid_request_error', null, 'openai_mock_unhandled_route')
    : new ApiError(404, `Invalid URL (${method} ${path})`);
}

/** The API's 401 for a request without a key (any non-empty key is accepted). */
export function checkApiKey(request: MockRequest): void {
  const auth = request.headers['authorization'] ?? request.headers['api-key'] ?? '';
  if (auth.replace(/^bearer\s*/i, '').trim() !== '') return;
  throw new ApiError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
  );
}

/**
 * What a request a `timeout` fault never answers gets when the mock lets go of it (reset,
 * uninstall, `faults.clear()`): an error the client does not retry, since a retry would outlive
 * the test (and after uninstall, reach the network).
 */
export function releasedResponse(requestId: string): MockResponse {
  const message =
    "[openai-mock] This request was held unanswered by a 'timeout' fault until the mock let go of it (reset(), uninstall() or faults.clear()). It is not retried.";
  return errorResponse(new ApiError(408, message, 'server_error', null, 'openai_mock_released'), requestId, { 'x-should-retry': 'false' });
}
