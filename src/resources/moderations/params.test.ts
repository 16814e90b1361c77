import { describe, expect, test } from 'vitest';
import { thrownBy } from '../../../test/support/errors.js';
import { MODERATION_MODELS } from './models.js';
import { parseModerationRequest } from './params.js';

const omni = MODERATION_MODELS['omni-moderation-latest'];
const image = (url: string) => ({ type: 'image_url', image_url: { url } });
const text = (value: string) => ({ type: 'text', text: value });

describe('parseModerationRequest', () => {
  test('a string: one text input, on omni-moderation-latest when no model is named (or null)', () => {
    const expected = { model: omni, inputs: [{ text: 'hello', images: [], types: ['text'] }] };
    expect(parseModerationRequest({ input: 'hello' })).toEqual(expected);
    expect(parseModerationRequest({ input: 'hello', model: null })).toEqual(expected);
  });

  test('an empty string is a text to moderate (the spec’s default)', () => {
    expect(parseModerationRequest({ input: '' }).inputs).toEqual([{ text: '', images: [], types: ['text'] }]);
  });

  test('an array of strings: one input per string, in order', () => {
    expect(parseModerationRequest({ input: ['a', '', 'c'] }).inputs.map((i) => i.text)).toEqual(['a', '', 'c']);
  });

  test('a multi-modal array is one input: its texts joined, its images in order', () => {
    const { inputs } = parseModerationRequest({ input: [text('one'), image('https://x/a.png'), text('two'), image('data:image/png;base64,AAAA')] });
    expect(inputs).toEqual([{ text: 'one\ntwo', images: ['https://x/a.png', 'data:image/png;base64,AAAA'], types: ['text', 'image'] }]);
    expect(parseModerationRequest({ input: [image('https://x/a.png')] }).inputs[0]!.types).toEqual(['image']);
    expect(parseModerationRequest({ input: [text('only')] }).inputs[0]!.types).toEqual(['text']);
  });

  test('every model the SDK lists is served; the legacy ones take text parts but not images', () => {
    for (const model of Object.keys(MODERATION_MODELS)) {
      expect(parseModerationRequest({ model, input: [text('x')] }).model.id).toBe(model);
    }
    expect(thrownBy(() => parseModerationRequest({ model: 'text-moderation-stable', input: [text('x'), image('https://x/a.png')] }))).toMatchObject({
      status: 400,
      message: 'The model `text-moderation-stable` does not support image inputs; use omni-moderation-latest.',
      param: 'input',
      code: 'invalid_value',
    });
    expect(parseModerationRequest({ model: 'omni-moderation-2024-09-26', input: [image('https://x/a.png')] }).model.omni).toBe(true);
  });

  test('an unknown model, or one that does not moderate, is model_not_found (404)', () => {
    for (const model of ['no-such-model', 'gpt-4o-mini', 'text-moderation-007', 'constructor']) {
      expect(thrownBy(() => parseModerationRequest({ model, input: 'x' }))).toMatchObject({
        status: 404,
        message: `The model \`${model}\` does not exist or you do not have access to it.`,
        param: null,
        code: 'model_not_found',
      });
    }
  });

  test('checks run in order: unknown keys, input present, model, input shape, images against the model', () => {
    const first = (body: Record<string, unknown>) => thrownBy(() => parseModerationRequest(body)).message;
    expect(first({ inputs: 'x', model: 3 })).toBe("Unknown parameter: 'inputs'.");
    expect(first({ model: 3 })).toBe("Missing required parameter: 'input'.");
    expect(first({ input: null })).toBe("Missing required parameter: 'input'.");
    expect(first({ model: 3, input: 4 })).toBe("Invalid type for 'model': expected a string, but got an integer instead.");
    expect(first({ model: 'nope', input: 4 })).toContain('`nope` does not exist');
    expect(first({ model: 'text-moderation-latest', input: 4 })).toBe(
      "Invalid type for 'input': expected one of a string, array of strings, or array of objects, but got an integer instead.",
    );
  });

  test('bad shapes of input are refused with the field they are in', () => {
    const refusal = (input: unknown) => {
      const { status, param, code, message } = thrownBy(() => parseModerationRequest({ input }));
      return { status, param, code, message };
    };
    expect(refusal({ text: 'x' })).toMatchObject({ param: 'input', code: 'invalid_type' });
    expect(refusal([])).toEqual({
      status: 400,
      param: 'input',
      code: 'empty_array',
      message: "Invalid 'input': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    });
    expect(refusal(['a', 1])).toMatchObject({ param: 'input[1]', message: "Invalid type for 'input[1]': expected a string, but got an integer instead." });
    expect(refusal([1, 'a'])).toMatchObject({ param: 'input[0]', code: 'invalid_type' });
    expect(refusal([text('a'), 'b'])).toMatchObject({ param: 'input[1]', message: "Invalid type for 'input[1]': expected an object, but got a string instead." });
    expect(refusal([{ type: 'audio' }])).toMatchObject({
      param: 'input[0].type',
      code: 'invalid_value',
      message: "Invalid value: 'audio'. Supported values are: 'text' and 'image_url'.",
    });
    expect(refusal([{ text: 'a' }])).toMatchObject({ param: 'input[0].type', code: 'missing_required_parameter' });
    expect(refusal([{ type: 'text' }])).toMatchObject({ param: 'input[0].text', code: 'missing_required_parameter' });
    expect(refusal([{ type: 'text', text: 5 }])).toMatchObject({ param: 'input[0].text', code: 'invalid_type' });
    expect(refusal([{ type: 'image_url' }])).toMatchObject({ param: 'input[0].image_url', code: 'missing_required_parameter' });
    expect(refusal([{ type: 'image_url', image_url: 'https://x/a.png' }])).toMatchObject({ param: 'input[0].image_url', code: 'invalid_type' });
    expect(refusal([{ type: 'image_url', image_url: {} }])).toMatchObject({ param: 'input[0].image_url.url', code: 'missing_required_parameter' });
    expect(refusal([{ type: 'text', text: 'a', image_url: { url: 'x' } }])).toMatchObject({ param: 'input[0].image_url', code: 'unknown_parameter' });
    expect(refusal([image('https://x/a.png'), { type: 'image_url', image_url: { url: 'x', detail: 'low' } }])).toMatchObject({
      param: 'input[1].image_url.detail',
      code: 'unknown_parameter',
    });
  });
});
