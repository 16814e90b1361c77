/**
 * Input built to break a server rather than to ask it something: values nested thousands deep,
 * objects whose `toString` is not a function, numbers too large for a double. Each must get a 400
 * in the API's envelope (never the mock's "This is a bug" 500), and change nothing: a refused
 * request stores no response or job. Inside a batch line or a training file, the line fails as
 * any bad line does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toFile } from 'openai';
import { afterAll, describe, expect, test } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { dataset, makeClient } from '../support/client.js';

const client = makeClient();
const stateDir = mkdtempSync(join(tmpdir(), 'openai-mock-hostile-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

/** `[[[…0…]]]`, `depth` arrays deep, as JSON text (JSON.stringify of so deep a value can run out of stack). */
const deepArray = (depth: number): string => `${'['.repeat(depth)}0${']'.repeat(depth)}`;
/** `{"a":{"a":…1…}}`, `depth` objects deep, as JSON text. */
const deepObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** An object schema whose property `a` is an array of arrays of … `depth` schemas deep. */
const deepSchema = (depth: number): string =>
  `{"type":"object","properties":{"a":${'{"type":"array","items":'.repeat(depth)}{"type":"string"}${'}'.repeat(depth)}}}`;

/** Sends `text` as the JSON body of `POST /v1{path}` and reads the answer. */
async function post(path: string, text: string): Promise<{ status: number; body: { error?: Record<string, unknown> } }> {
  const response = await openaiMock.fetch(`https://api.openai.com/v1${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test-key', 'content-type': 'application/json' },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as { error?: Record<string, unknown> } };
}

/** The body of a 400 the depth limit gives for a top-level field. */
function tooDeep(param: string, depth: number) {
  return {
    error: {
      message: `Invalid '${param}': value nested too deeply. Expected a value with maximum depth 256, but got a value with depth ${depth} instead.`,
      type: 'invalid_request_error',
      param,
      code: 'value_above_max_depth',
    },
  };
}

const CHAT = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]';
const RESPONSES = '{"model":"gpt-4o-mini","input":"Hi"';

describe('values nested thousands deep', () => {
  // The last column: how deep the field holds the 6,000-level value (the field's own levels).
  test.each([
    ['embeddings', '/embeddings', '{"model":"text-embedding-3-small","input":', '}', 'input', 0],
    ['chat tool parameters', '/chat/completions', `${CHAT},"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":`, '}}}}]}', 'tools', 5],
    ['chat response_format', '/chat/completions', `${CHAT},"response_format":{"type":"json_schema","json_schema":{"name":"s","schema":{"type":"object","properties":{"a":`, '}}}}}', 'response_format', 4],
    ['chat logit_bias', '/chat/completions', `${CHAT},"logit_bias":`, '}', 'logit_bias', 0],
    ['responses tool parameters', '/responses', `${RESPONSES},"tools":[{"type":"function","name":"f","parameters":{"type":"object","properties":{"a":`, '}}}]}', 'tools', 4],
    ['responses input', '/responses', '{"model":"gpt-4o-mini","input":[{"role":"user","content":', '}]}', 'input', 2],
    ['fine-tuning method', '/fine_tuning/jobs', '{"model":"gpt-4o-mini-2024-07-18","training_file":"file-x","method":{"type":"reinforcement","reinforcement":{"grader":', '}}}', 'method', 2],
    ['moderations', '/moderations', '{"input":[', ']}', 'input', 1],
  ])('%s: 6,000 levels are refused with a 400, before any other check', async (_, path, head, tail, param, levels) => {
    for (const value of [deepArray(6000), deepObject(6000)]) {
      expect(await post(path, `${head}${value}${tail}`)).toEqual({ status: 400, body: tooDeep(param, 6000 + levels) });
    }
  });

  test('a value 256 levels deep is accepted, 257 is refused', async () => {
    const within = await post('/chat/completions', `${CHAT},"logit_bias":${deepObject(256)}}`);
    expect(within.status).toBe(200);
    const past = await post('/chat/completions', `${CHAT},"logit_bias":${deepObject(257)}}`);
    expect(past).toEqual({ status: 400, body: tooDeep('logit_bias', 257) });
  });

  test('a deep schema in text.format stores no response', async () => {
    const answer = await post('/responses', `${RESPONSES},"text":{"format":{"type":"json_schema","name":"s","schema":${deepSchema(6000)}}}}`);
    expect(answer).toEqual({ status: 400, body: tooDeep('text', 6005) });
    expect(openaiMock.responses.all()).toEqual([]);
    const error = await client.responses.retrieve('resp_mock000001').then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    // Not checked here: openaiMock.writeState() after such a request. The request log keeps the
    // body as sent, and the inspection folder's requests.jsonl writes it with JSON.stringify,
    // which runs out of stack; both are engine modules outside the resources.
  });

  test('a batch line nested too deep fails that line with the same 400, and the batch completes', async () => {
    const line = (id: string, input: string) =>
      `{"custom_id":"${id}","method":"POST","url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":${input}}}`;
    const file = await client.files.create({
      file: await toFile(Buffer.from(`${line('ok', '"hello"')}\n${line('deep', deepArray(6000))}\n`), 'in.jsonl'),
      purpose: 'batch',
    });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    await advanceTime(10_000);
    const done = await client.batches.retrieve(batch.id);
    expect(done).toMatchObject({ status: 'completed', request_counts: { total: 2, completed: 1, failed: 1 } });
    const errors = await (await client.files.content(done.error_file_id!)).text();
    expect(JSON.parse(errors.trim())).toMatchObject({
      custom_id: 'deep',
      response: { status_code: 400, body: tooDeep('input', 6000) },
    });
  });

  test('a training file with a line nested too deep fails the job, as any invalid line does', async () => {
    const deepLine = `{"messages":[{"role":"user","content":${deepArray(6000)}},{"role":"assistant","content":"Hi"}]}`;
    const file = await client.files.create({ file: await toFile(Buffer.from(`${dataset(10)}${deepLine}\n`), 'train.jsonl'), purpose: 'fine-tune' });
    const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
    await advanceTime(2000);
    expect(await client.fineTuning.jobs.retrieve(job.id)).toMatchObject({
      status: 'failed',
      error: {
        code: 'invalid_training_file',
        param: 'training_file',
        message: 'The job failed due to an invalid training file. Invalid file format. Line 11: is nested more than 256 levels deep.',
      },
    });
  });
});

describe('objects whose toString is not a function', () => {
  const TRAP = '{"toString":1,"valueOf":1}';
  const invalidValue = (param: string, supported: string) => ({
    error: {
      message: `Invalid value: '${TRAP}'. Supported values are: ${supported}.`,
      type: 'invalid_request_error',
      param,
      code: 'invalid_value',
    },
  });

  test.each([
    ['messages[].content[].type', '/chat/completions', `{"model":"gpt-4o-mini","messages":[{"role":"user","content":[{"type":${TRAP}}]}]}`, 'messages[0].content[0].type', "'text', 'image_url', 'input_audio', and 'file'"],
    ['tools[].type', '/chat/completions', `${CHAT},"tools":[{"type":${TRAP}}]}`, 'tools[0].type', "'function' and 'custom'"],
    ['response_format.type', '/chat/completions', `${CHAT},"response_format":{"type":${TRAP}}}`, 'response_format.type', "'json_object', 'json_schema', and 'text'"],
    ['tool_choice.type', '/chat/completions', `${CHAT},"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":${TRAP},"function":{"name":"f"}}}`, 'tool_choice.type', "'function', 'custom', and 'allowed_tools'"],
    ['modalities[]', '/chat/completions', `${CHAT},"modalities":[${TRAP}]}`, 'modalities[0]', "'text' and 'audio'"],
    ['method.type', '/fine_tuning/jobs', `{"model":"gpt-4o-mini-2024-07-18","training_file":"file-x","method":{"type":${TRAP}}}`, 'method.type', "'supervised', 'dpo', and 'reinforcement'"],
    ['integrations[].type', '/fine_tuning/jobs', `{"model":"gpt-4o-mini-2024-07-18","training_file":"file-x","integrations":[{"type":${TRAP}}]}`, 'integrations[0].type', "'wandb'"],
    ['moderations input[].type', '/moderations', `{"input":[{"type":${TRAP}}]}`, 'input[0].type', "'text' and 'image_url'"],
  ])('%s: refused as an invalid value, shown as JSON', async (_, path, text, param, supported) => {
    expect(await post(path, text)).toEqual({ status: 400, body: invalidValue(param, supported) });
  });

  test('in a text.format schema: a 400, and no response stored', async () => {
    const answer = await post('/responses', `${RESPONSES},"text":{"format":{"type":"json_schema","name":"s","schema":{"type":${TRAP}}}}}`);
    expect(answer).toEqual({
      status: 400,
      body: {
        error: {
          message: `Invalid schema for response_format 's': schema must be a JSON Schema of 'type: "object"', got 'type: "${TRAP}"'.`,
          type: 'invalid_request_error',
          param: 'text.format.schema',
          code: 'invalid_json_schema',
        },
      },
    });
    expect(openaiMock.responses.all()).toEqual([]);
    expect(() => openaiMock.writeState(stateDir)).not.toThrow();
  });

  test('a batch line whose method is such an object fails validation with an invalid value', async () => {
    const line = `{"custom_id":"a","method":${TRAP},"url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":"x"}}`;
    const file = await client.files.create({ file: await toFile(Buffer.from(`${line}\n`), 'in.jsonl'), purpose: 'batch' });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
    await advanceTime(2000);
    expect(await client.batches.retrieve(batch.id)).toMatchObject({
      status: 'failed',
      errors: { data: [{ code: 'invalid_value', line: 1, param: 'method', message: `Invalid value: '${TRAP}'. Supported values are: 'POST'.` }] },
    });
  });
});

describe('numbers too large for a double (Infinity once parsed)', () => {
  const outOfRange = (param: string, shown: string) => ({
    error: {
      message: `Invalid '${param}': number out of range. Expected a finite number, but got ${shown} instead.`,
      type: 'invalid_request_error',
      param,
      code: 'number_out_of_range',
    },
  });

  test.each([
    ['learning_rate_multiplier', '/fine_tuning/jobs', '{"model":"gpt-4o-mini-2024-07-18","training_file":"file-x","hyperparameters":{"learning_rate_multiplier":1e309}}', 'hyperparameters.learning_rate_multiplier', 'Infinity'],
    ['dpo beta', '/fine_tuning/jobs', '{"model":"gpt-4o-mini-2024-07-18","training_file":"file-x","method":{"type":"dpo","dpo":{"hyperparameters":{"beta":-1e309}}}}', 'method.dpo.hyperparameters.beta', '-Infinity'],
    ['temperature', '/chat/completions', `${CHAT},"temperature":1e309}`, 'temperature', 'Infinity'],
    ['a logit_bias value', '/chat/completions', `${CHAT},"logit_bias":{"50256":-1e999}}`, 'logit_bias.50256', '-Infinity'],
    ['a schema bound', '/responses', `${RESPONSES},"text":{"format":{"type":"json_schema","name":"s","schema":{"type":"object","properties":{"n":{"type":"array","minItems":1e309}}}}}}`, 'text.format.schema.properties.n.minItems', 'Infinity'],
    ['embeddings dimensions', '/embeddings', '{"model":"text-embedding-3-small","input":"x","dimensions":1e309}', 'dimensions', 'Infinity'],
  ])('%s: refused, not served as null', async (_, path, text, param, shown) => {
    expect(await post(path, text)).toEqual({ status: 400, body: outOfRange(param, shown) });
    expect(openaiMock.jobs.all()).toEqual([]);
    expect(openaiMock.responses.all()).toEqual([]);
  });

  test('a job with learning_rate_multiplier 1e309 is refused: no job is made to be served with null', async () => {
    const file = await client.files.create({ file: await toFile(Buffer.from(dataset(10)), 'train.jsonl'), purpose: 'fine-tune' });
    const text = `{"model":"gpt-4o-mini-2024-07-18","training_file":"${file.id}","hyperparameters":{"learning_rate_multiplier":1e309}}`;
    expect(await post('/fine_tuning/jobs', text)).toEqual({ status: 400, body: outOfRange('hyperparameters.learning_rate_multiplier', 'Infinity') });
    expect(openaiMock.jobs.all()).toEqual([]);
  });
});
