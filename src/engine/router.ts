import { badRequest } from './api-error.js';
import { OpenAIMockError } from './errors.js';
import type { MockRequest, ParsedBody } from './request.js';

/** The methods the API's routes use (a request with another gets a 405 or the unhandled answer). */
export type RouteMethod = 'GET' | 'POST' | 'DELETE';

/** The names of a path pattern's `{name}` segments: `'/files/{file_id}'` → `'file_id'`. */
export type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamNames<Rest> : never;

/** The decoded path parameters of a pattern, by name. */
export type PathParams<P extends string> = { readonly [K in ParamNames<P>]: string };

/** What a route handler gets: the request, its path parameters (decoded), query and body. */
export interface RouteContext<Params = Readonly<Record<string, string>>> {
  readonly request: MockRequest;
  readonly params: Params;
  readonly query: URLSearchParams;
  readonly body: ParsedBody;
  /** Set when the engine answers one line of a batch rather than an HTTP request. */
  readonly batch?: { readonly customId: string };
}

/** A handler's answer: JSON (the default) or raw bytes. */
export type HandlerReply =
  | { readonly status?: number; readonly json: unknown; readonly headers?: Record<string, string> }
  | {
      readonly status?: number;
      readonly bytes: Uint8Array;
      readonly contentType: string;
      readonly headers?: Record<string, string>;
    };

export type RouteHandler<Params = Readonly<Record<string, string>>> = (context: RouteContext<Params>) => HandlerReply | Promise<HandlerReply>;

/**
 * The objects of a read-counted store a route reads (see `LifecycleStore.observe`): the engine
 * counts the read before the handler runs, so the handler sees the object as the read left it.
 */
export interface Observed {
  /** Counts one read through the API of each of these objects. */
  observe(ids: readonly string[]): void;
  /** Every object a route without an id in its path reads (a list). */
  ids(): readonly string[];
}

/** Which objects a route reads: by default the one its last path parameter names, or all of them. */
export interface RouteReads<Params = Readonly<Record<string, string>>> {
  readonly store: Observed;
  /** The ids read, when the default does not fit (a list filtered by the query). */
  readonly ids?: (context: RouteContext<Params>) => readonly string[];
}

/** A route, with its path relative to the API's `/v1` and `{name}` segments for parameters. */
export interface Route {
  readonly method: RouteMethod;
  readonly path: string;
  readonly handler: RouteHandler;
  /** Set for a route that reads objects whose progress counts reads (the read-counted mode). */
  readonly reads?: RouteReads;
}

/**
 * A route whose handler sees its path parameters typed from the pattern:
 * `route('GET', '/files/{file_id}', ({ params }) => ... params.file_id ...)`.
 */
export function route<const P extends string>(
  method: RouteMethod,
  path: P,
  handler: RouteHandler<PathParams<P>>,
  options: { readonly reads?: RouteReads<PathParams<P>> } = {},
): Route {
  // The router fills `params` from this very pattern, so every name the type promises is there.
  return { method, path, handler: handler as RouteHandler, ...(options.reads ? { reads: options.reads as RouteReads } : {}) };
}

interface CompiledRoute extends Route {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Each segment: its literal text, or null for a parameter. */
  readonly segments: readonly (string | null)[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly RouteMethod[] }
  | { readonly kind: 'none' };

/**
 * Maps (method, path) to a route. Paths are matched segment by segment; ids are URL-decoded. The
 * first route added that matches answers, so a route that an earlier one would always shadow is
 * refused when it is added, rather than silently never answering.
 */
export class Router {
  readonly #routes: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) {
      const compiled = compile(route);
      const shadow = this.#routes.find((earlier) => earlier.method === route.method && covers(earlier, compiled));
      if (shadow) {
        throw new OpenAIMockError(
          'ERR_OPENAI_MOCK_SHADOWED_ROUTE',
          `The route ${route.method} ${route.path} can never answer: ${shadow.method} ${shadow.path}, added before it, matches every path it matches. ` +
            'Add the more specific route first, or change one of the patterns.',
        );
      }
      this.#routes.push(compiled);
    }
    return this;
  }

  get routes(): readonly Route[] {
    return this.#routes;
  }

  match(method: string, path: string): RouteMatch {
    const allowed: RouteMethod[] = [];
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
  const segments: (string | null)[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      segments.push(param ? null : segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}/?$`), names, segments };
}

/** True when every path `later` matches, `earlier` matches too (a parameter matches any segment). */
function covers(earlier: CompiledRoute, later: CompiledRoute): boolean {
  if (earlier.segments.length !== later.segments.length) return false;
  return earlier.segments.every((segment, i) => segment === null || segment === later.segments[i]);
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
