// Type-level tests of openaiMock.fault(): each kind takes its own options, and mistakes do not
// compile. Compiled by `tsc -p tsconfig.json --noEmit` (and runnable with `vitest --typecheck`);
// never executed.
import { expectTypeOf, test } from 'vitest';
import type { FaultHandle, FaultKind, FaultRequest, RecordedRequest } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';

test('each kind takes its own options; latency needs ms', () => {
  expectTypeOf(openaiMock.fault('rate-limit')).toEqualTypeOf<FaultHandle>();
  openaiMock.fault('rate-limit', { limit: 'tokens', retryAfterMs: 0, limits: { requests: 3 }, route: 'POST /v1/chat/completions', times: 2 });
  openaiMock.fault('server-error', { status: 503, probability: 0.1, seed: 7, headers: { 'x-should-retry': 'false' } });
  openaiMock.fault('request-timeout', { retryAfterMs: 100 });
  openaiMock.fault('connection-reset', { route: /\/v1\/files/ });
  openaiMock.fault('timeout', { route: (request) => request.method === 'GET' });
  openaiMock.fault('latency', { ms: 250 });

  // @ts-expect-error latency without its delay
  openaiMock.fault('latency');
  // @ts-expect-error a status the server-error kind does not send
  openaiMock.fault('server-error', { status: 504 });
  // @ts-expect-error an unknown kind
  openaiMock.fault('slow');
  // @ts-expect-error rate-limit options on a kind that answers nothing
  openaiMock.fault('connection-reset', { retryAfterMs: 10 });
  // @ts-expect-error limit is 'requests' or 'tokens'
  openaiMock.fault('rate-limit', { limit: 'images' });
});

test('predicates see the request; the log says which fault hit', () => {
  openaiMock.fault('server-error', {
    route: (request) => {
      expectTypeOf(request).toEqualTypeOf<FaultRequest>();
      expectTypeOf(request.body).toBeUnknown();
      return true;
    },
  });
  expectTypeOf<RecordedRequest['fault']>().toEqualTypeOf<FaultKind | undefined>();
  expectTypeOf(openaiMock.faults.held).toBeNumber();
  expectTypeOf(openaiMock.faults.list()).toEqualTypeOf<readonly FaultHandle[]>();
});
