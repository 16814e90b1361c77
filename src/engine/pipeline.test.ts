import { describe, expect, test, vi } from 'vitest';
import { Engine } from './engine.js';
import type { Answer, Claim } from './port.js';
import type { MockRequest, MockResponse } from './request.js';
import { defineResource } from './resource.js';
import { route } from './router.js';

/** One served route, `GET /served`. */
const served = defineResource({
  name: 'served',
  create: () => ({ routes: [route('GET', '/served', () => ({ json: { ok: true } }))] }),
});

const BASE = 'https://api.openai.com/v1';

function request(path: string, method = 'GET'): MockRequest {
  return { method, url: `${BASE}${path}`, headers: { authorization: 'Bearer k' }, body: new Uint8Array(0) };
}

/** A strategy that answers each call with the next of `answers`, then `'bypass'`. */
function changingStrategy(...answers: ('error' | 'warn' | 'bypass')[]) {
  return vi.fn(() => answers.shift() ?? 'bypass');
}

function status(answer: Answer): number {
  return (answer as MockResponse).status;
}

describe('Pipeline.claim and handle', () => {
  test('a served route is claimed without asking onUnhandledRequest, and answered', async () => {
    const strategy = changingStrategy();
    const { pipeline } = new Engine([served], { onUnhandledRequest: strategy });
    const claim = pipeline.claim(request('/served'));
    expect(claim).toMatchObject({ relative: '/served', unhandled: null });
    expect(status(await pipeline.handle(request('/served'), claim!))).toBe(200);
    expect(strategy).not.toHaveBeenCalled();
  });

  test('two identical requests each carry their own decision, asked once each', async () => {
    const strategy = changingStrategy('error', 'warn');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const { pipeline } = new Engine([served], { onUnhandledRequest: strategy });
      const first = pipeline.claim(request('/other'));
      const second = pipeline.claim(request('/other'));
      expect([first?.unhandled, second?.unhandled]).toEqual(['error', 'warn']);
      // Answered in the other order: each still as its own claim says, and nobody is asked again.
      const answers = await Promise.all([pipeline.handle(request('/other'), second!), pipeline.handle(request('/other'), first!)]);
      expect(answers.map(status)).toEqual([404, 404]);
      expect(strategy).toHaveBeenCalledTimes(2);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(pipeline.requests.map((r) => r.status)).toEqual([404, 404]);
    } finally {
      warn.mockRestore();
    }
  });

  test('a request let through is not claimed: it is logged with status 0 and never handled', () => {
    const { pipeline } = new Engine([served], { onUnhandledRequest: 'bypass' });
    expect(pipeline.claim({ ...request('/other?api_key=sk-x'), headers: { cookie: 'a=sk-y' } })).toBeNull();
    expect(pipeline.requests).toMatchObject([{ path: '/v1/other', query: { api_key: '[REDACTED]' }, headers: { cookie: '[REDACTED]' }, status: 0 }]);
  });

  test('a request to another origin is neither claimed nor logged, and nobody is asked about it', () => {
    const strategy = changingStrategy('error');
    const { pipeline } = new Engine([served], { onUnhandledRequest: strategy });
    expect(pipeline.claim({ method: 'GET', url: 'https://example.test/v1/served', headers: {} })).toBeNull();
    expect(pipeline.requests).toEqual([]);
    expect(strategy).not.toHaveBeenCalled();
  });

  test('a claim holds the route found when it was made: a request routed once is answered by it', async () => {
    const { pipeline } = new Engine([served]);
    const claim: Claim | null = pipeline.claim(request('/served', 'POST'));
    expect(claim).toMatchObject({ unhandled: 'error', match: { kind: 'wrong-method', allowed: ['GET'] } });
    expect(status(await pipeline.handle(request('/served', 'POST'), claim!))).toBe(405);
  });

  test('without a claim (openaiMock.handle()), handle decides once itself and may let the request through', async () => {
    const strategy = changingStrategy('bypass');
    const { pipeline } = new Engine([served], { onUnhandledRequest: strategy });
    expect(await pipeline.handle(request('/other'))).toEqual({ bypass: true });
    expect(strategy).toHaveBeenCalledTimes(1);
    expect(pipeline.requests).toMatchObject([{ path: '/v1/other', status: 0 }]);
  });
});
