// One of ten identical files: what matters is the per-file cost of the setup file before it.
import { expect, test } from 'vitest';

test('file 7', () => {
  expect(7).toBe(7);
});
