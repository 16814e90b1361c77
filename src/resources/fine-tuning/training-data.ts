import { deeperThan, isObject, MAX_DEPTH } from '../../engine/fields.js';
import { estimateTokens } from '../../engine/tokens.js';
import type { FineTuningJobError } from './types.js';

export type MethodType = 'supervised' | 'dpo' | 'reinforcement';

/** What validating a training (or validation) file found. */
export type DataCheck =
  | { readonly ok: true; readonly examples: number; readonly tokensPerEpoch: number }
  | { readonly ok: false; readonly error: FineTuningJobError };

export interface DataCheckOptions {
  readonly method: MethodType;
  /** babbage-002 and davinci-002 take `{prompt, completion}` lines instead of chat messages. */
  readonly legacy: boolean;
  readonly minExamples: number;
  readonly file: 'training_file' | 'validation_file';
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
const decoder = new TextDecoder();

/**
 * Checks a JSONL dataset the way fine-tuning validation does, and counts its examples and
 * tokens. Tokens are estimated (4 characters a token, 4 tokens of overhead a message): the real
 * tokenizer is not bundled, and tests need a stable number more than an exact one.
 */
export function checkData(bytes: Uint8Array, options: DataCheckOptions): DataCheck {
  const lines = decoder.decode(bytes).split(/\r?\n/);
  let examples = 0;
  let tokens = 0;
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const problem = lineProblem(raw, options);
    if (typeof problem === 'string') return invalid(options.file, `Line ${index + 1}: ${problem}`);
    examples += 1;
    tokens += problem;
  }
  if (examples < options.minExamples) {
    const what = options.file === 'training_file' ? 'Training' : 'Validation';
    return {
      ok: false,
      error: {
        code: 'invalid_n_examples',
        message: `${what} file has ${examples} example(s), but must have at least ${options.minExamples} examples`,
        param: options.file,
      },
    };
  }
  return { ok: true, examples, tokensPerEpoch: tokens };
}

/** The problem with one line, or its token count when it is fine. */
function lineProblem(raw: string, options: DataCheckOptions): string | number {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'is not valid JSON.';
  }
  // Before anything walks the line (the token count writes its content back as JSON): a request
  // body may nest no deeper either. UNVERIFIED: the API's text for such a line.
  if (deeperThan(value, MAX_DEPTH)) return `is nested more than ${MAX_DEPTH} levels deep.`;
  if (!isObject(value)) return 'must be a JSON object.';
  if (options.legacy) {
    if (typeof value['prompt'] !== 'string' || typeof value['completion'] !== 'string') {
      return "must have string 'prompt' and 'completion' keys.";
    }
    return estimateTokens(value['prompt']) + estimateTokens(value['completion']);
  }
  if (options.method === 'dpo') {
    const input = value['input'];
    if (!isObject(input)) return "is missing the 'input' key.";
    const prompt = messagesProblem(input['messages'], "'input.messages'", false);
    if (typeof prompt === 'string') return prompt;
    const preferred = messagesProblem(value['preferred_output'], "'preferred_output'", true);
    if (typeof preferred === 'string') return preferred;
    const rejected = messagesProblem(value['non_preferred_output'], "'non_preferred_output'", true);
    if (typeof rejected === 'string') return rejected;
    return prompt + preferred + rejected;
  }
  return messagesProblem(value['messages'], "'messages'", options.method === 'supervised');
}

function messagesProblem(messages: unknown, name: string, needsAssistant: boolean): string | number {
  if (!Array.isArray(messages) || messages.length === 0) return `is missing the ${name} key or it is empty.`;
  let tokens = 3;
  let assistant = false;
  for (const [i, message] of messages.entries()) {
    if (!isObject(message)) return `${name}[${i}] must be an object.`;
    const role = message['role'];
    if (typeof role !== 'string' || !ROLES.has(role)) {
      return `${name}[${i}] has an unrecognized role: ${JSON.stringify(role ?? null)}.`;
    }
    const content = message['content'];
    const hasCalls = Array.isArray(message['tool_calls']) || isObject(message['function_call']);
    if (typeof content !== 'string' && !Array.isArray(content) && !(content == null && hasCalls)) {
      return `${name}[${i}] is missing 'content'.`;
    }
    if (role === 'assistant') assistant = true;
    tokens += 4 + estimateTokens(typeof content === 'string' ? content : JSON.stringify(content ?? message['tool_calls'] ?? ''));
  }
  if (needsAssistant && !assistant) return `${name} has no message with role 'assistant'.`;
  return tokens;
}

function invalid(file: DataCheckOptions['file'], detail: string): DataCheck {
  const kind = file === 'training_file' ? 'training' : 'validation';
  return {
    ok: false,
    error: {
      code: file === 'training_file' ? 'invalid_training_file' : 'invalid_validation_file',
      message: `The job failed due to an invalid ${kind} file. Invalid file format. ${detail}`,
      param: file,
    },
  };
}
