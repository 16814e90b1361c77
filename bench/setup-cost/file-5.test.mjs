// One of ten identical files: what matters is the per-file cost of the setup file before it.
import { expect, test } from 'vitest';

test('file 5', () => {
  expect(5).toBe(5);
});
