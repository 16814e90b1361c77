import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { makeClient } from '../../test/support/client.js';
import { misuseBy } from '../../test/support/errors.js';
import { DEFAULT_MODERATION_INPUT, moderationFactory, type ModerationCreateResponse } from './moderation.js';

const client = makeClient();

describe('moderationFactory', () => {
  test('build() is what the mock answers for the same request, with a factory id, and sends no request', async () => {
    const built: ModerationCreateResponse = moderationFactory.build();
    expect(openaiMock.requests).toHaveLength(0);
    expect(built).toMatchObject({ id: 'modr-seed000001', model: 'omni-moderation-latest', results: [{ flagged: false }] });
    const answered = await client.moderations.create({ input: DEFAULT_MODERATION_INPUT });
    expect(answered.id).toBe('modr-mock000001');
    expect(answered).toEqual({ ...built, id: answered.id });
    expect(moderationFactory.build().id).toBe('modr-seed000002');
  });

  test('.forInput(): one result per text, one for a multi-modal array', async () => {
    expect(moderationFactory.forInput(['a', 'b', 'c']).build().results).toHaveLength(3);
    const parts = [
      { type: 'text' as const, text: 'caption' },
      { type: 'image_url' as const, image_url: { url: 'https://example.com/a.png' } },
    ];
    const built = moderationFactory.forInput(parts).build();
    expect(built.results).toHaveLength(1);
    expect(built.results[0]!.category_applied_input_types.violence).toEqual(['text', 'image']);
    expect(await client.moderations.create({ input: parts })).toEqual({ ...built, id: 'modr-mock000001' });
  });

  test('.flagged() and .withVerdict() give what moderateWith gives the mock', async () => {
    const flagged = moderationFactory.forInput('I will hurt you').flagged('violence', 'harassment/threatening').build();
    expect(flagged.results[0]).toMatchObject({ flagged: true, categories: { violence: true, 'harassment/threatening': true, hate: false } });
    openaiMock.moderateWith({ 'I will hurt you': ['violence', 'harassment/threatening'] });
    expect(await client.moderations.create({ input: 'I will hurt you' })).toEqual({ ...flagged, id: 'modr-mock000001' });
    const scored = moderationFactory.withVerdict({ categories: { hate: true }, category_scores: { hate: 0.7 } }).build();
    expect(scored.results[0]!.category_scores.hate).toBe(0.7);
  });

  test('.withModel(): the legacy models answer as their snapshot, with null illicit categories', () => {
    const legacy = moderationFactory.withModel('text-moderation-stable').build();
    expect(legacy.model).toBe('text-moderation-007');
    expect(legacy.results[0]!.categories.illicit).toBeNull();
  });

  test('params override fields of the answer', () => {
    expect(moderationFactory.build({ id: 'modr-fixture', model: 'my-proxy' })).toMatchObject({ id: 'modr-fixture', model: 'my-proxy' });
  });

  test('misuse is refused with what to do: a request the API refuses, a bad verdict, create()', async () => {
    expect(misuseBy(() => moderationFactory.forInput([]).build()).message).toBe(
      "[openai-mock] moderationFactory was given a request the API would refuse (400): Invalid 'input': empty array. Expected an array with minimum length 1, but got an empty array instead.",
    );
    expect(misuseBy(() => moderationFactory.flagged('violent' as never).build()).message).toContain(
      "The verdict given to moderationFactory names 'violent', which is not a moderation category. Did you mean 'violence'?",
    );
    const illicit = misuseBy(() => moderationFactory.withModel('text-moderation-latest').flagged('illicit').build());
    expect(illicit.code).toBe('ERR_OPENAI_MOCK_INVALID_ARGUMENT');
    expect(illicit.message).toContain("The verdict moderationFactory gives for input 0 flags 'illicit', but text-moderation-latest does not score 'illicit'");
    await expect(moderationFactory.create()).rejects.toMatchObject({
      code: 'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      message: expect.stringContaining('moderationFactory.create() has nothing to store'),
    });
  });
});
