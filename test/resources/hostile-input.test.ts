/**
 * Input built to break a server rather than to ask it something: values nested thousands deep,
 * objects whose `toString` is not a function, numbers too large for a double. Each must get a 400
 * in the API's envelope (never the mock's "This is a bug" 500), and change nothing: a refused
 * request stores no response, and the state can still be written afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toFile } from 'openai';
import { afterAll, describe, expect, test } from 'vitest';
import { advanceTime, openaiMock } from '../../src/vitest.js';
import { makeClient } from '../support/client.js';

const client = makeClient();
const stateDir = mkdtempSync(join(tmpdir(), 'openai-mock-hostile-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

/** Sends `text` as the JSON body of `POST /v1{path}` and reads the answer. */
async function post(path: string, text: string): Promise<{ status: number; body: { error?: Record<string, unknown> } }> {
  const response = await openaiMock.fetch(`https://api.openai.com/v1${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test-key', 'content-type': 'application/json' },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as { error?: Record<string, unknown> } };
}

const CHAT = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]';
const RESPONSES = '{"model":"gpt-4o-mini","input":"Hi"';

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
