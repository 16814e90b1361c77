import { describe, expect, test } from 'vitest';
import { OpenAIMockError } from '../engine/errors.js';
import { maxRealWaitMs, mockMode } from './mode.js';

describe('mockMode', () => {
  test.each([undefined, '', ' ', 'on', 'ON', 'true', '1', ' On '])('%j means the mock', (value) => {
    expect(mockMode({ OPENAI_MOCK: value })).toBe('mock');
  });

  test.each(['off', 'OFF', 'false', '0', ' off\n'])('%j means the real API', (value) => {
    expect(mockMode({ OPENAI_MOCK: value })).toBe('real');
  });

  test('an API key alone never switches to the real API', () => {
    expect(mockMode({ OPENAI_API_KEY: 'sk-live-looking-key' })).toBe('mock');
  });

  test.each(['of', 'no', 'real', 'mock', 'yes'])('%j is refused with a coded error', (value) => {
    let error: unknown;
    try {
      mockMode({ OPENAI_MOCK: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OpenAIMockError);
    expect(error).toMatchObject({ code: 'ERR_OPENAI_MOCK_INVALID_ENV' });
    expect((error as Error).message).toBe(
      `[openai-mock] OPENAI_MOCK is ${JSON.stringify(value)}; it must be 'on' (the default: the mock answers every OpenAI request) ` +
        "or 'off' (requests go to the real OpenAI API and are billed to OPENAI_API_KEY). 'true'/'1' and 'false'/'0' are accepted too.",
    );
  });
});

describe('maxRealWaitMs', () => {
  test('one minute unless set', () => {
    expect(maxRealWaitMs({})).toBe(60_000);
    expect(maxRealWaitMs({ OPENAI_MOCK_MAX_WAIT_MS: '' })).toBe(60_000);
    expect(maxRealWaitMs({ OPENAI_MOCK_MAX_WAIT_MS: '900000' })).toBe(900_000);
    expect(maxRealWaitMs({ OPENAI_MOCK_MAX_WAIT_MS: '0' })).toBe(0);
  });

  test.each(['-1', '1.5', '1e3', 'ten', '99999999999999999999'])('%j is refused with a coded error', (value) => {
    expect(() => maxRealWaitMs({ OPENAI_MOCK_MAX_WAIT_MS: value })).toThrow(
      `[openai-mock] OPENAI_MOCK_MAX_WAIT_MS is ${JSON.stringify(value)}; it must be a whole number of milliseconds, 0 or more ` +
        '(the longest real wait advanceTime() may make when OPENAI_MOCK=off; default 60000).',
    );
  });
});
