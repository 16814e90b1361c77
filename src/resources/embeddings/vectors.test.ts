import { describe, expect, test } from 'vitest';
import { EMBEDDING_MODELS } from './models.js';
import { embeddingVector, fromBase64, stem, toBase64, type EmbeddingInput } from './vectors.js';

const small = EMBEDDING_MODELS['text-embedding-3-small'];
const large = EMBEDDING_MODELS['text-embedding-3-large'];
const ada = EMBEDDING_MODELS['text-embedding-ada-002'];

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function norm(vector: readonly number[]): number {
  return Math.sqrt(dot(vector, vector));
}

function cosine(a: EmbeddingInput, b: EmbeddingInput, dimensions?: number): number {
  return dot(embeddingVector(a, small, dimensions), embeddingVector(b, small, dimensions));
}

describe('embeddingVector', () => {
  test('pins the exact values: any platform, process or run computes the same bits', () => {
    expect(embeddingVector('hello world', small).slice(0, 6)).toEqual([
      0.00040993, -0.06558288, -0.00863123, -0.16848323, -0.0010549, -0.00448063,
    ]);
    expect(embeddingVector('hello world', large).slice(0, 6)).toEqual([
      0.00834609, -0.00116146, -0.00076379, 0.00210916, -0.00185787, 0.00060789,
    ]);
    expect(embeddingVector('hello world', ada).slice(0, 6)).toEqual([
      0.00500771, -0.0074849, -0.1687807, 0.01038114, 0.00041973, -0.00844162,
    ]);
    expect(embeddingVector([1212, 318, 257], small).slice(0, 6)).toEqual([
      0.00488611, -0.00619118, 0.00410148, -0.00875585, 0.00013363, 0.00751094,
    ]);
    expect(embeddingVector('hello world', small, 4)).toEqual([0.00226476, -0.36232873, -0.04768535, -0.93082698]);
  });

  test('the same input gives the same vector, whatever was embedded in between', () => {
    const first = embeddingVector('Senior Python developer', small);
    embeddingVector('something else entirely', small);
    embeddingVector([1, 2, 3], large);
    expect(embeddingVector('Senior Python developer', small)).toEqual(first);
  });

  test.each([
    ['a sentence', 'Senior Python developer with Django and PostgreSQL'],
    ['a single letter', 'a'],
    ['punctuation only (no words: noise alone)', '!!!'],
    ['emoji', '🍕🍕'],
    ['Chinese', '机器学习很有趣'],
    ['accented text', 'Crème brûlée à la française'],
    ['a long text', 'lorem ipsum dolor sit amet '.repeat(300)],
    ['token ids', [1212, 318, 257, 1332, 13]],
  ] as const)('has unit length for %s, in every model and size', (_label, input) => {
    for (const [model, dimensions] of [[small, 1536], [small, 7], [large, 3072], [large, 256], [ada, 1536]] as const) {
      const vector = embeddingVector(input, model, dimensions);
      expect(vector).toHaveLength(dimensions);
      expect(Math.abs(norm(vector) - 1)).toBeLessThan(1e-7);
      expect(Math.abs(norm(Array.from(Float32Array.from(vector))) - 1)).toBeLessThan(1e-6);
    }
  });

  test('components are exact 8-decimal values: short in JSON, and the same float32 read back', () => {
    const vector = embeddingVector('compact JSON numbers', small);
    for (const x of vector) {
      expect(Math.round(x * 1e8) / 1e8).toBe(x);
      expect(Math.fround(Number(JSON.stringify(x)))).toBe(Math.fround(x));
    }
    expect(JSON.stringify(vector).length / vector.length).toBeLessThan(12.5);
  });

  test('a shortened vector is the prefix of the full one, renormalized', () => {
    for (const model of [small, large]) {
      const full = embeddingVector('Matryoshka representation learning', model);
      for (const dimensions of [1, 2, 64, 100, 512, model.nativeDimensions - 1]) {
        const prefix = full.slice(0, dimensions);
        const expected = prefix.map((x) => x / norm(prefix));
        const short = embeddingVector('Matryoshka representation learning', model, dimensions);
        short.forEach((x, i) => expect(Math.abs(x - expected[i]!)).toBeLessThan(1e-7));
      }
    }
  });

  test('texts sharing words are closer than texts that share none', () => {
    const query = 'python django engineer';
    expect(cosine(query, 'Senior Python developer with Django and PostgreSQL')).toBeGreaterThan(0.35);
    expect(Math.abs(cosine(query, 'Pastry chef in a French bakery'))).toBeLessThan(0.1);
    // More words in common, closer.
    const two = cosine(query, 'Python and Django');
    const one = cosine(query, 'Python and Flask');
    expect(two).toBeGreaterThan(one + 0.15);
    expect(one).toBeGreaterThan(0.15);
  });

  test('unrelated texts are spread around 0 (about 1/√dimensions)', () => {
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    for (const [dimensions, bound] of [[1536, 0.12], [256, 0.3]] as const) {
      const similarities: number[] = [];
      for (let t = 0; t < 60; t++) {
        const a = words.slice(0, 4).map((w) => `${w}${t}`).join(' ');
        const b = words.slice(4).map((w) => `${w}${t}`).join(' ');
        similarities.push(cosine(a, b, dimensions));
      }
      const mean = similarities.reduce((x, y) => x + y, 0) / similarities.length;
      expect(Math.abs(mean)).toBeLessThan(0.05);
      expect(Math.max(...similarities.map(Math.abs))).toBeLessThan(bound);
    }
  });

  test('case, punctuation and light suffixes hardly matter; word order a little', () => {
    expect(cosine('Python', 'python')).toBeGreaterThan(0.85);
    expect(cosine('databases', 'database')).toBeGreaterThan(0.85);
    expect(cosine('managing teams', 'managed team')).toBeGreaterThan(0.6);
    const reordered = cosine('remote senior engineer', 'senior remote engineer');
    expect(reordered).toBeGreaterThan(0.6);
    expect(reordered).toBeLessThan(0.95);
  });

  test('is not semantic: synonyms without shared words are no closer than unrelated texts', () => {
    expect(Math.abs(cosine('car', 'automobile'))).toBeLessThan(0.1);
    expect(Math.abs(cosine('big house', 'large home'))).toBeLessThan(0.1);
  });

  test('CJK characters and emoji count as words of their own', () => {
    expect(cosine('机器学习', '学习方法')).toBeGreaterThan(0.3);
    expect(Math.abs(cosine('机器学习', '天气很好'))).toBeLessThan(0.1);
    expect(cosine('I love 🍕', '🍕 party tonight')).toBeGreaterThan(0.2);
  });

  test('different texts always differ, even with the same words', () => {
    expect(embeddingVector('hello world', small)).not.toEqual(embeddingVector('Hello, world!', small));
    expect(embeddingVector('!!!', small)).not.toEqual(embeddingVector('???', small));
  });

  test('token ids behave as words: shared tokens are closer', () => {
    expect(cosine([1, 2, 3, 4], [1, 2, 3, 9])).toBeGreaterThan(0.5);
    expect(Math.abs(cosine([1, 2, 3, 4], [5, 6, 7, 8]))).toBeLessThan(0.1);
    // Large ids (beyond 32 bits) stay distinct.
    expect(embeddingVector([2 ** 32 + 1], small)).not.toEqual(embeddingVector([1], small));
  });

  test('each model places words differently', () => {
    const a = embeddingVector('the same words', small);
    const b = embeddingVector('the same words', ada);
    expect(Math.abs(dot(a, b))).toBeLessThan(0.1);
  });

  test('rejects a size the model does not have', () => {
    expect(() => embeddingVector('x', small, 0)).toThrow(RangeError);
    expect(() => embeddingVector('x', small, 1537)).toThrow('dimensions must be an integer from 1 to 1536 for text-embedding-3-small, got 1537.');
    expect(() => embeddingVector('x', large, 2.5)).toThrow(RangeError);
  });
});

describe('stem', () => {
  test.each([
    ['databases', 'databas'],
    ['database', 'databas'],
    ['queries', 'query'],
    ['managing', 'manag'],
    ['managed', 'manag'],
    ['manages', 'manag'],
    ['engineers', 'engineer'],
    ['engineering', 'engineer'],
    ['class', 'class'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['bus', 'bus'],
    ['cats', 'cat'],
    ['king', 'king'],
    ['red', 'red'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('base64', () => {
  test('is the little-endian float32 bytes of each component', () => {
    const vector = embeddingVector('hello world', small, 4);
    const encoded = toBase64(vector);
    expect(encoded).toBe('XmwUOyeDub63UUO9rUpuvw==');
    const bytes = Buffer.from(encoded, 'base64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    vector.forEach((x, i) => expect(view.getFloat32(i * 4, true)).toBe(Math.fround(x)));
  });

  test('fromBase64 reads it back; a length that is not a multiple of 4 is refused', () => {
    const vector = embeddingVector('round trip', large);
    expect(Array.from(fromBase64(toBase64(vector)))).toEqual(vector.map(Math.fround));
    expect(() => fromBase64(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(RangeError);
  });
});
