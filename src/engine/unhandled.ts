import { OPENAI_ROUTES } from './openai-routes.js';

let compiled: { method: string; pattern: RegExp }[] | null = null;

/** Whether the real OpenAI API serves this method on this path (relative to `/v1`). */
export function isKnownOpenAIRoute(method: string, relativePath: string): boolean {
  compiled ??= OPENAI_ROUTES.map((route) => {
    const [m, path] = route.split(' ') as [string, string];
    const source = path
      .split('/')
      .map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { method: m, pattern: new RegExp(`^${source}/?$`) };
  });
  return compiled.some((r) => r.method === method && r.pattern.test(relativePath));
}

/** The message for a real OpenAI route that the mock does not serve. */
export function describeUnhandled(method: string, path: string): string {
  return (
    `openai-mock does not serve ${method} ${path}. The OpenAI API has this endpoint, but the mock does not ` +
    `implement it yet. Stub it with your own nock interceptor, or set onUnhandledRequest to 'bypass' to let ` +
    `it reach the network. The endpoints it serves are listed under "What is covered" in openai-mock's README.`
  );
}
