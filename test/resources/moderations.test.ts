import OpenAI from 'openai';
import type { Moderation } from 'openai/resources/moderations';
import { describe, expect, test } from 'vitest';
import { OpenAIMockError } from '../../src/index.js';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';
import { misuseBy, rejection } from '../support/errors.js';

const client = makeClient();

/** The 13 categories of the SDK's `Moderation` type. */
const CATEGORIES: (keyof Moderation.Categories)[] = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/instructions',
  'self-harm/intent',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
];
const IMAGE_CATEGORIES = ['self-harm', 'self-harm/instructions', 'self-harm/intent', 'sexual', 'violence', 'violence/graphic'];

const image = (url: string) => ({ type: 'image_url' as const, image_url: { url } });
const text = (value: string) => ({ type: 'text' as const, text: value });

describe('POST /v1/moderations', () => {
  test('answers with the API shape: a modr- id, the default model, one unflagged result with every category', async () => {
    const response = await client.moderations.create({ input: 'I would like to adopt a cat.' });
    expect(response.id).toBe('modr-mock000001');
    expect(response.model).toBe('omni-moderation-latest');
    expect(response.results).toHaveLength(1);
    const [result] = response.results;
    expect(result!.flagged).toBe(false);
    expect(Object.keys(result!.categories).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.values(result!.categories).every((flag) => flag === false)).toBe(true);
    for (const category of CATEGORIES) {
      expect(result!.category_scores[category]).toBeGreaterThan(0);
      expect(result!.category_scores[category]).toBeLessThan(0.01);
      expect(result!.category_applied_input_types[category]).toEqual(['text']);
    }
    expect(openaiMock.requests[0]).toMatchObject({ method: 'POST', path: '/v1/moderations', status: 200, body: { input: 'I would like to adopt a cat.' } });
  });

  test('ids are sequential; one result per string, in order, each scored from its own text', async () => {
    const texts = ['first', 'second', 'third'];
    const many = await client.moderations.create({ input: texts });
    expect(many.id).toBe('modr-mock000001');
    expect(many.results).toHaveLength(3);
    for (const [i, value] of texts.entries()) {
      const single = await client.moderations.create({ input: value });
      expect(single.id).toBe(`modr-mock00000${i + 2}`);
      expect(single.results[0]).toEqual(many.results[i]);
    }
    expect(many.results[0]!.category_scores).not.toEqual(many.results[1]!.category_scores);
  });

  test('the same input gives the same scores in every call, and after a reset', async () => {
    const first = await client.moderations.create({ input: 'stable scores' });
    openaiMock.reset();
    const again = await client.moderations.create({ input: 'stable scores' });
    expect(again).toEqual(first);
    expect((await client.moderations.create({ input: 'stable scores!' })).results[0]!.category_scores).not.toEqual(first.results[0]!.category_scores);
  });

  test('a multi-modal array is moderated as one: one result, each category applied to the types it covers', async () => {
    const mixed = await client.moderations.create({ model: 'omni-moderation-2024-09-26', input: [text('look at this'), image('https://example.com/a.png')] });
    expect(mixed.model).toBe('omni-moderation-2024-09-26');
    expect(mixed.results).toHaveLength(1);
    const onlyImage = await client.moderations.create({ input: [image('data:image/png;base64,iVBORw0KGgo=')] });
    for (const category of CATEGORIES) {
      const both = IMAGE_CATEGORIES.includes(category);
      expect(mixed.results[0]!.category_applied_input_types[category]).toEqual(both ? ['text', 'image'] : ['text']);
      expect(onlyImage.results[0]!.category_applied_input_types[category]).toEqual(both ? ['image'] : []);
    }
    // A text alone scores as the same text in a string.
    const asString = await client.moderations.create({ input: 'look at this' });
    expect((await client.moderations.create({ input: [text('look at this')] })).results).toEqual(asString.results);
  });

  test.each(['text-moderation-latest', 'text-moderation-stable'] as const)('%s answers as text-moderation-007, with no illicit categories', async (model) => {
    const response = await client.moderations.create({ model, input: 'hello' });
    expect(response.model).toBe('text-moderation-007');
    const [result] = response.results;
    expect(result!.categories.illicit).toBeNull();
    expect(result!.categories['illicit/violent']).toBeNull();
    expect(result!.category_scores.illicit).toBe(0);
    expect(result!.category_applied_input_types.illicit).toEqual([]);
    expect(result!.category_applied_input_types.violence).toEqual(['text']);
  });
});

describe('openaiMock.moderateWith', () => {
  test('an object flags categories per input text; the rest keep the default; it chains', async () => {
    expect(openaiMock.moderateWith({ 'I will hurt you': ['violence', 'harassment/threatening'] })).toBe(openaiMock);
    const response = await client.moderations.create({ input: ['I will hurt you', 'hello'] });
    const [flagged, clean] = response.results;
    expect(flagged!.flagged).toBe(true);
    expect(flagged!.categories).toMatchObject({ violence: true, 'harassment/threatening': true, hate: false, illicit: false });
    expect(flagged!.category_scores.violence).toBeGreaterThanOrEqual(0.9);
    expect(flagged!.category_scores.hate).toBeLessThan(0.01);
    expect(clean!.flagged).toBe(false);
  });

  test('part of a result: chosen scores, and a score alone flags nothing', async () => {
    openaiMock.moderateWith({
      borderline: { category_scores: { harassment: 0.45 } },
      hateful: { categories: { hate: true }, category_scores: { hate: 0.71 } },
    });
    const [borderline, hateful] = (await client.moderations.create({ input: ['borderline', 'hateful'] })).results;
    expect(borderline).toMatchObject({ flagged: false, categories: { harassment: false }, category_scores: { harassment: 0.45 } });
    expect(hateful).toMatchObject({ flagged: true, categories: { hate: true }, category_scores: { hate: 0.71 } });
  });

  test('a function sees each input’s text, model, index and images', async () => {
    const seen: unknown[] = [];
    openaiMock.moderateWith((value, request) => {
      seen.push({ value, ...request });
      return request.images.length > 0 ? ['violence/graphic'] : undefined;
    });
    const response = await client.moderations.create({ input: [text('caption'), image('https://example.com/gore.png')] });
    expect(response.results[0]!.categories['violence/graphic']).toBe(true);
    await client.moderations.create({ model: 'text-moderation-latest', input: ['a', 'b'] });
    expect(seen).toEqual([
      { value: 'caption', model: 'omni-moderation-latest', index: 0, images: ['https://example.com/gore.png'] },
      { value: 'a', model: 'text-moderation-latest', index: 0, images: [] },
      { value: 'b', model: 'text-moderation-latest', index: 1, images: [] },
    ]);
  });

  test('misuse: a category that does not exist or a score outside 0..1 throws at once, saying how to fix it', () => {
    const typo = misuseBy(() => openaiMock.moderateWith({ x: ['violent' as never] }));
    expect(typo).toBeInstanceOf(OpenAIMockError);
    expect(typo.code).toBe('ERR_OPENAI_MOCK_INVALID_ARGUMENT');
    expect(typo.message).toContain("names 'violent', which is not a moderation category. Did you mean 'violence'?");
    expect(misuseBy(() => openaiMock.moderateWith({ x: { category_scores: { hate: 1.5 } } })).message).toContain(
      "gives category_scores['hate'] the score 1.5: a score is a number from 0 to 1.",
    );
  });

  test('a function’s bad verdict answers a 500 that says what is wrong, and the client does not retry it', async () => {
    openaiMock.moderateWith(() => ({ flagged: true }));
    const error = await rejection(makeClient({ maxRetries: 2 }).moderations.create({ input: 'x' }));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as Error).message).toBe(
      '500 [openai-mock] The verdict scripted with openaiMock.moderateWith() for input 0 sets flagged: true without flagging a category: flag one instead ({ categories: { violence: true } }); flagged follows.',
    );
    expect(openaiMock.requests).toHaveLength(1);
  });

  test('scripts from an earlier test are gone', async () => {
    const response = await client.moderations.create({ input: 'I will hurt you' });
    expect(response.results[0]!.flagged).toBe(false);
  });
});

describe('refusals', () => {
  test('an unknown model is a NotFoundError with model_not_found', async () => {
    const error = await rejection(client.moderations.create({ model: 'gpt-4o-mini', input: 'x' }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found', error: { message: 'The model `gpt-4o-mini` does not exist or you do not have access to it.' } });
  });

  test('images for a legacy text model, and bad input shapes, are BadRequestErrors naming the field', async () => {
    const cases: [unknown, string | null][] = [
      [{ model: 'text-moderation-latest', input: [image('https://example.com/a.png')] }, 'input'],
      [{ input: [] }, 'input'],
      [{ input: [{ type: 'video', url: 'x' }] }, 'input[0].type'],
      [{ input: [image('https://example.com/a.png'), { type: 'image_url', image_url: {} }] }, 'input[1].image_url.url'],
      [{ input: 'x', moderation: true }, 'moderation'],
    ];
    for (const [body, param] of cases) {
      const error = await rejection(client.post('/moderations', { body }));
      expect(error, JSON.stringify(body)).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ status: 400, param });
    }
    expect(openaiMock.requests.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
  });
});
