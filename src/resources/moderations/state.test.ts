import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../../test/support/errors.js';
import { ModerationScript } from './state.js';

const request = { model: 'omni-moderation-latest', index: 0, images: [] as string[] };

describe('ModerationScript', () => {
  test('nothing is scripted until set, and after reset', () => {
    const script = new ModerationScript();
    expect(script.verdictFor('kill', request)).toBeUndefined();
    script.set({ kill: ['violence'] });
    expect(script.verdictFor('kill', request)).toEqual({ flag: new Set(['violence']), scores: {} });
    script.reset();
    expect(script.verdictFor('kill', request)).toBeUndefined();
  });

  test('an object matches texts exactly (own keys only), and never an input with images only', () => {
    const script = new ModerationScript();
    script.set({ kill: ['violence'], '': ['hate'] });
    expect(script.verdictFor('Kill', request)).toBeUndefined();
    expect(script.verdictFor('toString', request)).toBeUndefined();
    expect(script.verdictFor('', request)?.flag).toEqual(new Set(['hate']));
    expect(script.verdictFor('', { ...request, images: ['https://x/a.png'] })).toBeUndefined();
    expect(script.verdictFor('kill', { ...request, images: ['https://x/a.png'] })?.flag).toEqual(new Set(['violence']));
  });

  test('a function sees every input with its model, index and images; undefined leaves the default', () => {
    const script = new ModerationScript();
    const seen: unknown[] = [];
    script.set((text, info) => {
      seen.push([text, info]);
      return info.images.length > 0 ? { categories: { sexual: true }, category_scores: { sexual: 0.5 } } : undefined;
    });
    expect(script.verdictFor('a', request)).toBeUndefined();
    expect(script.verdictFor('', { model: 'omni-moderation-2024-09-26', index: 3, images: ['u'] })).toEqual({
      flag: new Set(['sexual']),
      scores: { sexual: 0.5 },
    });
    expect(seen).toEqual([
      ['a', request],
      ['', { model: 'omni-moderation-2024-09-26', index: 3, images: ['u'] }],
    ]);
  });

  test('an object is checked when set: a typo fails there, with what to write instead', () => {
    const script = new ModerationScript();
    const error = misuseBy(() => script.set({ fine: [], bad: ['violent'] as never }));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_ARGUMENT');
    expect(error.message).toBe(
      "[openai-mock] The verdict for \"bad\" given to openaiMock.moderateWith() names 'violent', which is not a moderation category. Did you mean 'violence'? " +
        'The categories are: harassment, harassment/threatening, hate, hate/threatening, illicit, illicit/violent, self-harm, self-harm/instructions, ' +
        'self-harm/intent, sexual, sexual/minors, violence, violence/graphic.',
    );
    // The script in force is kept when a new one is refused.
    script.set({ kill: ['violence'] });
    misuseBy(() => script.set({ kill: { category_scores: { violence: 2 } } }));
    expect(script.verdictFor('kill', request)?.flag).toEqual(new Set(['violence']));
  });

  test('a function’s verdict is checked when used, as a bad reply', () => {
    const script = new ModerationScript();
    script.set(() => ({ category_scores: { hate: -0.1 } }));
    const error = misuseBy(() => script.verdictFor('x', { ...request, index: 2 }));
    expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_REPLY');
    expect(error.message).toBe(
      "[openai-mock] The verdict scripted with openaiMock.moderateWith() for input 2 gives category_scores['hate'] the score -0.1: a score is a number from 0 to 1.",
    );
  });

  test('something that is neither an object nor a function is refused', () => {
    for (const source of [null, 'violence', ['violence'], 3]) {
      const error = misuseBy(() => new ModerationScript().set(source as never));
      expect(error.code).toBe('ERR_OPENAI_MOCK_INVALID_ARGUMENT');
      expect(error.message).toContain('openaiMock.moderateWith() takes an object mapping input texts to verdicts');
    }
  });
});
