import { OpenAIMockError } from './errors.js';

/** The oldest Node the package supports (package.json `engines`): its interceptor needs what 22.20 has. */
export const NODE_FLOOR = '22.20.0';

/**
 * Throws a coded error on a Node older than {@link NODE_FLOOR}. Below it the interceptor loads but
 * fails on every request (`Connection error.`, caused by `Promise.withResolvers is not a
 * function` on Node 20), which says nothing of the cause.
 */
export function checkNodeVersion(version: string = process.versions.node): void {
  if (compare(version, NODE_FLOOR) >= 0) return;
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_UNSUPPORTED_NODE',
    `openai-mock needs Node ${NODE_FLOOR} or newer to intercept requests, and this is Node ${version}. ` +
      'Run the tests on a newer Node (nvm install 22, or the `node` package as a devDependency).',
  );
}

function compare(a: string, b: string): number {
  const parts = (v: string): number[] => v.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i]! !== y[i]!) return x[i]! - y[i]!;
  return 0;
}
