/**
 * The conformance machinery itself: the validator rejects what the spec forbids (so a passing
 * walk means something), the 3.0-to-2020-12 rewrite keeps the spec's meaning, each correction
 * is needed by the published spec, and the recorder reports a bad body without hiding it from
 * the client.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { openaiMock } from '../../src/vitest.js';
import { fineTuningJobFactory } from '../../src/factories/index.js';
import { ConformanceRecorder, parseSse } from './recorder.js';
import { CORRECTIONS, type JsonObject } from './corrections.js';
import { loadRawSpec, pointerGet, SpecValidator, toJsonSchema2020 } from './spec.js';

const JOB = '#/components/schemas/FineTuningJob';
let raw: JsonObject;
let corrected: SpecValidator;
let published: SpecValidator;

beforeAll(() => {
  raw = loadRawSpec();
  corrected = new SpecValidator(raw);
  published = new SpecValidator(raw, { corrections: false });
});

describe('SpecValidator', () => {
  test('accepts a job as the mock sends it, and rejects a wrong status, a missing field, a wrong type', async () => {
    const job = await fineTuningJobFactory.create();
    expect(corrected.check(JOB, job).errors).toEqual([]);
    expect(corrected.check(JOB, { ...job, status: 'bogus' }).errors).toEqual([
      expect.stringMatching(/^\/status: must be equal to one of the allowed values \(\["validating_files",.*"paused"\]\)/),
    ]);
    const { seed: _seed, ...withoutSeed } = job;
    expect(corrected.check(JOB, withoutSeed).errors).toEqual([expect.stringContaining("(body): must have required property 'seed'")]);
    expect(corrected.check(JOB, { ...job, trained_tokens: 'many' }).errors.join('\n')).toContain('/trained_tokens: must be integer');
  });

  test('finds the response schema for a path, method and status; undocumented errors use the envelope', () => {
    expect(corrected.schemaFor('GET', '/files/{file_id}', 200, 'application/json')).toBe(
      '#/paths/~1files~1{file_id}/get/responses/200/content/application~1json/schema',
    );
    expect(corrected.schemaFor('POST', '/embeddings', 429, 'application/json')).toBe(
      '#/components/responses/TooManyRequests/content/application~1json/schema',
    );
    expect(corrected.schemaFor('GET', '/files/{file_id}', 404, 'application/json')).toBe('#/components/schemas/ErrorResponse');
    expect(corrected.schemaFor('GET', '/files/{file_id}', 201, 'application/json')).toBeUndefined();
    expect(corrected.schemaFor('GET', '/no/such/path', 200, 'application/json')).toBeUndefined();
    expect(corrected.check('#/components/schemas/ErrorResponse', { error: { message: 'x', type: 'y' } }).errors).toEqual([
      expect.stringContaining("/error: must have required property 'param'"),
      expect.stringContaining("/error: must have required property 'code'"),
    ]);
  });

  test('narrows a stream event to the schema its type names, and refuses a type no schema has', () => {
    const stream = '#/paths/~1responses/post/responses/200/content/text~1event-stream/schema';
    const delta = { type: 'response.output_text.delta', item_id: 'msg_1', output_index: 0, content_index: 0, delta: 'Hi', sequence_number: 3, logprobs: [] };
    expect(corrected.check(stream, delta).errors).toEqual([]);
    const { delta: _delta, ...withoutDelta } = delta;
    expect(corrected.check(stream, withoutDelta)).toEqual({
      schema: '#/components/schemas/ResponseTextDeltaEvent',
      errors: [expect.stringContaining("(body): must have required property 'delta' [#/required]")],
    });
    expect(corrected.check(stream, { type: 'response.made_up', sequence_number: 1 }).errors).toEqual([
      '(body): no member of the union has type "response.made_up"',
    ]);
  });
});

describe('the OpenAPI 3.0 leftovers', () => {
  test('nullable: true allows null and nothing else new', () => {
    expect(toJsonSchema2020({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(toJsonSchema2020({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema2020({ $ref: '#/x', nullable: true })).toEqual({ anyOf: [{ $ref: '#/x' }, { type: 'null' }] });
    expect(toJsonSchema2020({ type: 'integer', nullable: false })).toEqual({ type: 'integer' });
  });

  test('a boolean exclusiveMinimum becomes the numeric bound it qualified', () => {
    expect(toJsonSchema2020({ type: 'number', minimum: 0, exclusiveMinimum: true })).toEqual({ type: 'number', exclusiveMinimum: 0 });
    expect(toJsonSchema2020({ type: 'number', maximum: 2, exclusiveMaximum: false })).toEqual({ type: 'number', maximum: 2 });
  });
});

describe('corrections', () => {
  test('each is needed: the published spec rejects what the API sends', async () => {
    const job = { ...(await fineTuningJobFactory.create()), status: 'paused' };
    expect(published.check(JOB, job).errors).toHaveLength(1);
    expect(corrected.check(JOB, job).errors).toEqual([]);
    const file = { id: 'file-1', object: 'file', bytes: 1, created_at: 1, filename: 'a', purpose: 'batch', status: 'processed', status_details: null };
    expect(published.check('#/components/schemas/OpenAIFile', file).errors).toEqual([expect.stringContaining('/status_details: must be string')]);
    expect(corrected.check('#/components/schemas/OpenAIFile', file).errors).toEqual([]);
    const deleted = '#/paths/~1responses~1{response_id}/delete/responses/200/content/application~1json/schema';
    expect(published.schemaFor('DELETE', '/responses/{response_id}', 200, 'application/json')).toBeUndefined();
    expect(corrected.check(deleted, { id: 'resp_1', object: 'response', deleted: true }).errors).toEqual([]);
    expect(corrected.check(deleted, { id: 'resp_1', object: 'response', deleted: false }).errors).toHaveLength(1);
  });

  test('each targets something in the spec and changes it', () => {
    const unchanged = CORRECTIONS.filter(
      (c) => pointerGet(published.spec, c.where) === undefined || JSON.stringify(pointerGet(published.spec, c.where)) === JSON.stringify(pointerGet(corrected.spec, c.where)),
    );
    expect(unchanged.map((c) => c.where)).toEqual([]);
  });

  test('none loosens a field beyond null or the one value added', () => {
    const file = { id: 'file-1', object: 'file', bytes: 1, created_at: 1, filename: 'a', purpose: 'batch', status: 'processed', status_details: 3 };
    expect(corrected.check('#/components/schemas/OpenAIFile', file).errors.length).toBeGreaterThan(0);
    expect(corrected.check('#/components/schemas/Embedding', { object: 'embedding', index: 0, embedding: 3 }).errors.length).toBeGreaterThan(0);
  });
});

describe('ConformanceRecorder', () => {
  test('reports a body that breaks the spec, and hands the client the response untouched', async () => {
    const body = JSON.stringify({ object: 'list', data: 'nope', has_more: false });
    const next = async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    const recorder = new ConformanceRecorder(corrected, openaiMock.routes, next);
    const response = await recorder.fetch('https://api.openai.com/v1/models', { method: 'GET' });
    expect(await response.text()).toBe(body);
    const failures = recorder.takeFailures();
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^GET \/models 200 application\/json against #\/paths\/~1models\/get\/responses\/200\/content\/application~1json\/schema:\n {2}\/data: must be array/);
    expect(recorder.takeFailures()).toEqual([]);
  });

  test('reports a response the spec has no schema for', async () => {
    const next = async () => new Response('{}', { status: 202, headers: { 'content-type': 'application/json' } });
    const recorder = new ConformanceRecorder(corrected, openaiMock.routes, next);
    await recorder.fetch('https://api.openai.com/v1/files/file-1', { method: 'GET' });
    expect(recorder.takeFailures()).toEqual(['GET /files/{file_id} 202 application/json: the spec documents no schema for this response']);
  });

  test('reads SSE blocks: event names, multi-line data, CRLF', () => {
    expect(parseSse('event: a\ndata: {"x":1}\n\ndata: line1\r\ndata: line2\r\n\r\ndata: [DONE]\n\n')).toEqual([
      { event: 'a', data: '{"x":1}' },
      { event: null, data: 'line1\nline2' },
      { event: null, data: '[DONE]' },
    ]);
  });
});
