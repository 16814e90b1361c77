/**
 * docs/architecture.md shows a whole resource module as an example; it must be the file as it
 * is, or the page teaches a contract the code no longer has.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

test("the example module in docs/architecture.md is src/resources/models/index.ts as it is", () => {
  const page = read('docs/architecture.md');
  const after = page.slice(page.indexOf("Here is a whole module, the models resource's `index.ts`:"));
  const block = /```ts\n([\s\S]*?)```/.exec(after)?.[1];
  expect(block).toBe(read('src/resources/models/index.ts'));
});

test('every path under src/ the page names exists', () => {
  const page = read('docs/architecture.md');
  const paths = [...page.matchAll(/`((?:src\/|engine\/|resources\/)[\w./-]+)`/g)].map((m) => (m[1]!.startsWith('src/') ? m[1]! : `src/${m[1]!}`));
  expect(paths.length).toBeGreaterThan(10);
  for (const path of paths) expect(existsSync(new URL(path, root)), path).toBe(true);
});
