import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { setActiveMock } from '../openai-mock.js';
import { modelFactory } from './index.js';
import { FACTORY_EPOCH } from './shared.js';

const client = new OpenAI({ apiKey: 'test', maxRetries: 0 });

async function listedIds(): Promise<string[]> {
  return (await client.models.list()).data.map((m) => m.id);
}

describe('build()', () => {
  test('returns a complete base model and does not add it to the mock', async () => {
    const model = modelFactory.build();
    expect(model).toEqual({ id: 'gpt-seed000001', object: 'model', created: FACTORY_EPOCH + 60, owned_by: 'system' });
    expect(openaiMock.models.get(model.id)).toBeUndefined();
    expect(await listedIds()).not.toContain(model.id);
  });

  test('.fineTuned(): an ft: model owned by the organization', () => {
    expect(modelFactory.fineTuned().build()).toEqual({
      id: 'ft:gpt-4o-mini-2024-07-18:openai-mock::seedm001',
      object: 'model',
      created: FACTORY_EPOCH + 60,
      owned_by: 'org-mock',
    });
  });

  test('.fineTuned(base) resolves an alias to its snapshot', () => {
    expect(modelFactory.fineTuned('gpt-4.1-mini').build().id).toMatch(/^ft:gpt-4\.1-mini-2025-04-14:openai-mock::seedm\d{3}$/);
  });
});

describe('create()', () => {
  test('adds the model to /v1/models; the SDK lists and retrieves it', async () => {
    const model = await modelFactory.create();
    expect(await listedIds()).toContain(model.id);
    expect(await client.models.retrieve(model.id)).toEqual(model);
  });

  test('a fine-tuned model can be retrieved and deleted through the SDK', async () => {
    const model = await modelFactory.fineTuned().create();
    expect(await client.models.retrieve(model.id)).toEqual(model);
    expect(await client.models.delete(model.id)).toEqual({ id: model.id, object: 'model', deleted: true });
    expect(await listedIds()).not.toContain(model.id);
  });

  test('without an active mock, create() fails with ERR_OPENAI_MOCK_NOT_INSTALLED', async () => {
    setActiveMock(null);
    try {
      await expect(modelFactory.create()).rejects.toMatchObject({ code: 'ERR_OPENAI_MOCK_NOT_INSTALLED' });
    } finally {
      setActiveMock(openaiMock);
    }
  });

  test('first test of a pair: the model is listed and numbered 000001', async () => {
    const model = await modelFactory.create();
    expect(model.id).toBe('gpt-seed000001');
    expect(await listedIds()).toContain('gpt-seed000001');
  });

  test('second test of a pair: the reset removed it and rewound the sequence', async () => {
    expect(await listedIds()).not.toContain('gpt-seed000001');
    const model = await modelFactory.create();
    expect(model.id).toBe('gpt-seed000001');
  });
});
