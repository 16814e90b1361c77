import { badRequest } from './api-error.js';
import type { MockRequest, ParsedBody } from './request.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** What a route handler gets: the request, its path parameters (decoded), query and body. */
export interface RouteContext {
  readonly request: MockRequest;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: ParsedBody;
  /** Set when the engine answers one line of a batch rather than an HTTP request. */
  readonly batch?: { readonly customId: string };
}

/** A handler's answer: JSON (the default) or raw bytes. */
export type Reply =
  | { readonly status?: number; readonly json: unknown; readonly headers?: Record<string, string> }
  | {
      readonly status?: number;
      readonly bytes: Uint8Array;
      readonly contentType: string;
      readonly headers?: Record<string, string>;
    };

export type RouteHandler = (context: RouteContext) => Reply | Promise<Reply>;

/** A route, with its path relative to the API's `/v1` and `{name}` segments for parameters. */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly handler: RouteHandler;
}

interface CompiledRoute extends Route {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'none' };

/** Maps (method, path) to a route. Paths are matched segment by segment; ids are URL-decoded. */
export class Router {
  readonly #routes: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) this.#routes.push(compile(route));
    return this;
  }

  get routes(): readonly Route[] {
    return this.#routes;
  }

  match(method: string, path: string): RouteMatch {
    const allowed: HttpMethod[] = [];
    for (const route of this.#routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [i, name] of route.names.entries()) {
        const value = decodeSegment(m[i + 1]!);
        if (value === null) return { kind: 'found', route: refusing(route, name), params: {} };
        params[name] = value;
      }
      return { kind: 'found', route, params };
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}/?$`), names };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The route, answering a 400 naming the parameter whose segment is not valid percent-encoding.
 * Matching itself never throws: the engine asks the router whether it serves a URL before it
 * answers, and a throw there escaped as a rejected `fetch`.
 */
function refusing(route: Route, name: string): Route {
  return {
    ...route,
    handler: () => {
      throw badRequest(`Invalid path parameter '${name}': it is not valid percent-encoding.`, name);
    },
  };
}
