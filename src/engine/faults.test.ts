import { describe, expect, test } from 'vitest';
import { FaultRegistry, type FaultRequest } from './faults.js';
import { misuseBy } from '../../test/support/errors.js';

const context = { organizationId: 'org-mock' };
const request = (method: string, path: string, body: unknown = null): FaultRequest => ({ method, path, query: {}, body });
const chat = request('POST', '/v1/chat/completions', { model: 'gpt-4o-mini' });

describe('routes', () => {
  test.each([
    ['POST /v1/chat/completions', chat, true],
    ['post /v1/chat/completions', chat, true],
    ['GET /v1/chat/completions', chat, false],
    ['/v1/chat/completions', chat, true],
    ['/v1/chat/completions/', chat, true],
    ['POST /v1/chat', chat, false],
    ['GET /v1/files/{file_id}', request('GET', '/v1/files/file-1'), true],
    ['GET /v1/files/*', request('GET', '/v1/files/file-1'), true],
    ['GET /v1/files/*', request('GET', '/v1/files/file-1/content'), false],
    ['GET /v1/files/*/content', request('GET', '/v1/files/file-1/content'), true],
    ['GET /v1/files', request('GET', '/openai/v1/files'), true], // behind a proxy's base path
    ['GET /v1/files', request('GET', '/v1/files.bak'), false],
  ])('%s on %o: %s', (route, req, hits) => {
    const faults = new FaultRegistry();
    faults.add('server-error', { route });
    expect(faults.select(req, context).effect !== null).toBe(hits);
  });

  test('a RegExp is tested against the path, the same way every time', () => {
    const faults = new FaultRegistry();
    faults.add('timeout', { route: /files/g });
    const files = request('GET', '/v1/files');
    expect([1, 2, 3].map(() => faults.select(files, context).effect?.kind)).toEqual(['timeout', 'timeout', 'timeout']);
  });

  test('a predicate sees the request', () => {
    const faults = new FaultRegistry();
    const seen: FaultRequest[] = [];
    faults.add('connection-reset', { route: (r) => (seen.push(r), r.method === 'POST') });
    expect(faults.select(chat, context).effect).toEqual({ kind: 'connection-reset' });
    expect(faults.select(request('GET', '/v1/models'), context).effect).toBeNull();
    expect(seen).toEqual([chat, request('GET', '/v1/models')]);
  });
});

describe('selection', () => {
  test('times counts hits, then the fault stops; remove() stops it at once', () => {
    const faults = new FaultRegistry();
    const twice = faults.add('rate-limit', { times: 2 });
    const kinds = () => faults.select(chat, context).effect?.kind ?? null;
    expect([kinds(), kinds(), kinds()]).toEqual(['rate-limit', 'rate-limit', null]);
    expect(twice).toMatchObject({ hits: 2, remaining: 0 });
    const always = faults.add('timeout');
    expect(kinds()).toBe('timeout');
    always.remove();
    expect([kinds(), always.remaining]).toEqual([null, 0]);
  });

  test('the first fault that hits decides; latency adds a delay to HTTP answers only', () => {
    const faults = new FaultRegistry();
    faults.add('latency', { ms: 300 });
    faults.add('server-error', { status: 503, route: 'GET /v1/models' });
    faults.add('rate-limit');
    faults.add('connection-reset', { route: '/v1/files' });

    expect(faults.select(request('GET', '/v1/models'), context)).toMatchObject({ effect: { kind: 'server-error', answer: { status: 503 } }, delayMs: 300 });
    expect(faults.select(chat, context)).toMatchObject({ effect: { kind: 'rate-limit', answer: { status: 429 } }, delayMs: 300 });
    const latency = faults.list()[0]!;
    const before = latency.hits;
    expect(faults.select(request('GET', '/v1/files'), context)).toMatchObject({ effect: { kind: 'rate-limit' } });
    expect(latency.hits).toBe(before + 1);
  });

  test('a dropped connection takes no delay (and spends none of a latency fault)', () => {
    const faults = new FaultRegistry();
    faults.add('connection-reset');
    const latency = faults.add('latency', { ms: 300, times: 1 });
    expect(faults.select(chat, context)).toEqual({ effect: { kind: 'connection-reset' }, delayMs: null });
    expect(latency.remaining).toBe(1);
  });

  test('extra headers are added, names lower-cased', () => {
    const faults = new FaultRegistry();
    faults.add('rate-limit', { headers: { 'X-Should-Retry': 'false' } });
    const effect = faults.select(chat, context).effect;
    expect(effect && 'answer' in effect ? effect.answer.headers['x-should-retry'] : null).toBe('false');
  });

  test('a seeded probability hits the same requests for the same seed, about as often as asked', () => {
    const pattern = (seed: number) => {
      const faults = new FaultRegistry();
      faults.add('server-error', { probability: 0.25, seed });
      return Array.from({ length: 400 }, () => (faults.select(chat, context).effect ? 'x' : '.')).join('');
    };
    const a = pattern(1);
    expect(pattern(1)).toBe(a);
    expect(pattern(2)).not.toBe(a);
    const share = a.split('').filter((c) => c === 'x').length / a.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
  });

  test('draws are made only for matching requests, so other traffic does not shift them', () => {
    const pattern = (noise: boolean) => {
      const faults = new FaultRegistry();
      faults.add('server-error', { probability: 0.5, seed: 3, route: 'POST /v1/chat/completions' });
      return Array.from({ length: 30 }, () => {
        if (noise) faults.select(request('GET', '/v1/models'), context);
        return faults.select(chat, context).effect ? 'x' : '.';
      }).join('');
    };
    expect(pattern(true)).toBe(pattern(false));
  });

  test('clear() forgets every fault', () => {
    const faults = new FaultRegistry();
    const fault = faults.add('timeout');
    faults.clear();
    expect(faults.list()).toEqual([]);
    expect(fault.remaining).toBe(0);
    expect(faults.select(chat, context).effect).toBeNull();
  });
});

describe('misuse', () => {
  const faults = new FaultRegistry();

  test.each([
    [() => faults.add('rate-limit', { seed: 1.5 }), 'seed must be an integer (got 1.5).'],
    [() => faults.add('rate-limit', { times: 2.5 }), 'times must be a whole number, 1 or more (got 2.5); leave it out to hit every matching request.'],
    [() => faults.add('rate-limit', { retryAfterMs: -1 }), 'retryAfterMs must be a finite number of milliseconds, 0 or more (got -1).'],
    [() => faults.add('rate-limit', { limit: 'images' as 'tokens' }), 'limit must be \'requests\' or \'tokens\' (got "images").'],
    [() => faults.add('rate-limit', { limits: { requests: 0 } }), 'limits.requests must be a whole number, 1 or more (got 0).'],
    [() => faults.add('latency', { ms: Infinity }), "A latency fault needs ms, a finite number of milliseconds, 0 or more (got Infinity): openaiMock.fault('latency', { ms: 2000 })."],
    [() => faults.add('timeout', { route: 42 as unknown as string }), "route must be a string ('POST /v1/chat/completions'), a RegExp or a predicate, not number."],
    [() => faults.add('timeout', 'often' as unknown as undefined), 'The options of a \'timeout\' fault must be an object, not "often".'],
  ])('%#', (fn, message) => {
    const error = misuseBy(fn);
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_FAULT');
    expect(error.message).toBe(`[openai-mock] ${message}`);
    expect(faults.list()).toEqual([]);
  });
});
