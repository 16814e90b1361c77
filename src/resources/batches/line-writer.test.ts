import { describe, expect, test } from 'vitest';
import { LineWriter } from './line-writer.js';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('LineWriter', () => {
  test('gives back what was written, in order, and counts bytes as UTF-8', () => {
    const writer = new LineWriter();
    expect(writer.write('{"a":1}\n')).toBe(8);
    expect(writer.write('é€😀\n')).toBe(2 + 3 + 4 + 1);
    expect(decode(writer.finish())).toBe('{"a":1}\né€😀\n');
  });

  test('lines spread over many blocks come back whole, none lost or split', () => {
    const writer = new LineWriter();
    const lines = Array.from({ length: 3000 }, (_, i) => `${i}:${'x'.repeat(3000 + (i % 17))}€\n`);
    const sizes = lines.map((line) => writer.write(line));
    const bytes = writer.finish();
    expect(bytes.byteLength).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(bytes.byteLength).toBeGreaterThan(8 << 20); // more than two blocks
    expect(decode(bytes)).toBe(lines.join(''));
  });

  test('a line larger than a block gets a block of its own', () => {
    const writer = new LineWriter();
    const big = `${'y'.repeat(5 << 20)}\n`;
    writer.write('a\n');
    writer.write(big);
    writer.write('b\n');
    expect(decode(writer.finish())).toBe(`a\n${big}b\n`);
  });

  test('nothing written gives an empty buffer', () => {
    expect(new LineWriter().finish().byteLength).toBe(0);
  });
});
