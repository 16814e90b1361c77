import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { expectTypeOf } from 'vitest';
import { misuseBy } from '../../test/support/errors.js';
import { route as typedRoute, Router, type PathParams, type Route, type RouteContext, type RouteHandler } from './router.js';

const handler: RouteHandler = () => ({ json: {} });

function route(method: Route['method'], path: string): Route {
  return { method, path, handler };
}

function router(): Router {
  return new Router().add(
    route('POST', '/files'),
    route('GET', '/files'),
    route('GET', '/files/{file_id}'),
    route('DELETE', '/files/{file_id}'),
    route('GET', '/files/{file_id}/content'),
    route('GET', '/fine_tuning/jobs/{job_id}/events'),
    route('GET', '/models/{model}'),
  );
}

describe('Router', () => {
  it('matches the route for a method and path', () => {
    const match = router().match('GET', '/files');
    expect(match).toMatchObject({ kind: 'found', route: { method: 'GET', path: '/files' }, params: {} });
    expect(router().match('POST', '/files')).toMatchObject({ kind: 'found', route: { method: 'POST' } });
  });

  it('extracts named parameters', () => {
    expect(router().match('GET', '/files/file-abc123')).toMatchObject({
      kind: 'found',
      route: { path: '/files/{file_id}' },
      params: { file_id: 'file-abc123' },
    });
    expect(router().match('GET', '/files/file-abc123/content')).toMatchObject({
      kind: 'found',
      route: { path: '/files/{file_id}/content' },
      params: { file_id: 'file-abc123' },
    });
    expect(router().match('GET', '/fine_tuning/jobs/ftjob-1/events')).toMatchObject({
      params: { job_id: 'ftjob-1' },
    });
  });

  it('decodes percent-encoded parameters, including %3A', () => {
    const match = router().match('GET', '/models/ft%3Agpt-4o-mini-2024-07-18%3Aorg%3Asuffix%3Aabc');
    expect(match).toMatchObject({ kind: 'found', params: { model: 'ft:gpt-4o-mini-2024-07-18:org:suffix:abc' } });
    expect(router().match('GET', '/files/a%20b%2Fc')).toMatchObject({ params: { file_id: 'a b/c' } });
  });

  it('matches broken percent-encoding to a route that answers a 400 naming the parameter', () => {
    const match = router().match('GET', '/files/bad%E0%A4%A');
    expect(match).toMatchObject({ kind: 'found', params: {} });
    let thrown: unknown;
    try {
      if (match.kind === 'found') void match.route.handler({} as RouteContext);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 400, param: 'file_id', type: 'invalid_request_error' });
    expect((thrown as ApiError).message).toContain("'file_id'");
  });

  it('tells a wrong method (with the allowed ones) from no route at all', () => {
    expect(router().match('PUT', '/files/file-1')).toEqual({ kind: 'wrong-method', allowed: ['GET', 'DELETE'] });
    expect(router().match('DELETE', '/files')).toEqual({ kind: 'wrong-method', allowed: ['POST', 'GET'] });
    expect(router().match('GET', '/vector_stores')).toEqual({ kind: 'none' });
    expect(router().match('GET', '/files/file-1/content/extra')).toEqual({ kind: 'none' });
  });

  it('accepts one trailing slash', () => {
    expect(router().match('GET', '/files/')).toMatchObject({ kind: 'found', route: { path: '/files' } });
    expect(router().match('GET', '/files/file-1/')).toMatchObject({ kind: 'found', params: { file_id: 'file-1' } });
    expect(router().match('GET', '/files//')).toEqual({ kind: 'none' });
  });

  it('does not let a parameter span segments or be empty', () => {
    expect(router().match('DELETE', '/files/a/b')).toEqual({ kind: 'none' });
    expect(router().match('GET', '/models/')).toEqual({ kind: 'none' });
  });

  it('matches static segments literally, not as patterns', () => {
    const r = new Router().add(route('GET', '/a.b'));
    expect(r.match('GET', '/a.b')).toMatchObject({ kind: 'found' });
    expect(r.match('GET', '/axb')).toEqual({ kind: 'none' });
  });

  it('is case-sensitive on the method and the path', () => {
    expect(router().match('get', '/files')).toMatchObject({ kind: 'wrong-method' });
    expect(router().match('GET', '/Files')).toEqual({ kind: 'none' });
  });

  it('lists its routes', () => {
    expect(router().routes.map((r) => `${r.method} ${r.path}`)).toContain('GET /files/{file_id}/content');
    expect(router().routes).toHaveLength(7);
  });

  it('refuses, with a coded error, a route that an earlier one matches on every path', () => {
    const shadowed = misuseBy(() => new Router().add(route('GET', '/vector_stores/{id}'), route('GET', '/vector_stores/search')));
    expect(shadowed.code).toBe('ERR_OPENAI_MOCK_SHADOWED_ROUTE');
    expect(shadowed.message).toBe(
      '[openai-mock] The route GET /vector_stores/search can never answer: GET /vector_stores/{id}, added before it, matches every path it matches. Add the more specific route first, or change one of the patterns.',
    );
    expect(misuseBy(() => new Router().add(route('POST', '/files'), route('POST', '/files'))).code).toBe('ERR_OPENAI_MOCK_SHADOWED_ROUTE');
  });

  it('takes overlapping routes in the order that lets each answer: the specific one first, or another method', () => {
    const r = new Router().add(route('GET', '/vector_stores/search'), route('GET', '/vector_stores/{id}'), route('POST', '/vector_stores/{id}'));
    expect(r.match('GET', '/vector_stores/search')).toMatchObject({ route: { path: '/vector_stores/search' } });
    expect(r.match('GET', '/vector_stores/vs_1')).toMatchObject({ route: { path: '/vector_stores/{id}' }, params: { id: 'vs_1' } });
  });

  it('types the path parameters from the pattern', () => {
    expectTypeOf<PathParams<'/files/{file_id}/content'>>().toEqualTypeOf<{ readonly file_id: string }>();
    expectTypeOf<PathParams<'/a/{x}/b/{y}'>>().toEqualTypeOf<{ readonly x: string; readonly y: string }>();
    expectTypeOf<keyof PathParams<'/files'>>().toEqualTypeOf<never>();
    const seen: string[] = [];
    const r = new Router().add(
      typedRoute('GET', '/a/{x}/b/{y}', ({ params }) => {
        seen.push(params.x, params.y);
        return { json: null };
      }),
    );
    const match = r.match('GET', '/a/1/b/2');
    if (match.kind === 'found') void match.route.handler({ params: match.params } as RouteContext);
    expect(seen).toEqual(['1', '2']);
  });
});
