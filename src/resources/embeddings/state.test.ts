import { describe, expect, test } from 'vitest';
import { EmbeddingScript } from './state.js';
import { misuseBy } from '../../../test/support/errors.js';

const request = { model: 'text-embedding-3-small', dimensions: 2, index: 0 };

describe('EmbeddingScript', () => {
  test('nothing is scripted until set, and after reset', () => {
    const script = new EmbeddingScript();
    expect(script.vectorFor('a', request)).toBeUndefined();
    script.set({ a: [1, 2] });
    expect(script.vectorFor('a', request)).toEqual([1, 2]);
    script.reset();
    expect(script.vectorFor('a', request)).toBeUndefined();
  });

  test('an object maps texts (own keys only; token inputs are never matched); a function sees every input', () => {
    const script = new EmbeddingScript();
    script.set({ a: [1, 2] });
    expect(script.vectorFor('toString', request)).toBeUndefined();
    expect(script.vectorFor([1, 2], request)).toBeUndefined();
    script.set((input, { index }) => (Array.isArray(input) ? [index, input.length] : undefined));
    expect(script.vectorFor([7, 8, 9], { ...request, index: 4 })).toEqual([4, 3]);
    expect(script.vectorFor('text', request)).toBeUndefined();
  });

  test('a vector that cannot be sent is refused with what to do', () => {
    const script = new EmbeddingScript();
    script.set({ short: [1], nan: [Number.NaN, 1] });
    const short = misuseBy(() => script.vectorFor('short', request));
    expect(short.code).toBe('ERR_OPENAI_MOCK_INVALID_REPLY');
    expect(short.message).toBe(
      "[openai-mock] The embedding scripted with openaiMock.embedWith() for input 0 has 1 numbers, but text-embedding-3-small answers with 2 here. Script vectors of that length, or send 'dimensions: 1' if the model allows it.",
    );
    expect(misuseBy(() => script.vectorFor('nan', request)).message).toBe(
      '[openai-mock] The embedding scripted with openaiMock.embedWith() for input 0 is not an array of finite numbers.',
    );
    expect(misuseBy(() => script.set('vectors' as never)).code).toBe('ERR_OPENAI_MOCK_INVALID_ARGUMENT');
  });
});
