import { badRequest } from '../../engine/api-error.js';
import { rejectUnknownKeys, unknownParameter, type JsonObject } from '../../engine/fields.js';

/**
 * The keys `POST /v1/responses` takes, and the answers the API gives for the Chat Completions keys
 * a caller may carry over from that endpoint.
 */

/** Chat Completions keys that moved elsewhere in the Responses API. */
const MOVED: ReadonlyMap<string, string> = new Map([
  ['messages', 'input'],
  ['response_format', 'text.format'],
  ['reasoning_effort', 'reasoning.effort'],
]);

/** Chat Completions keys the Responses API does not know (`stop` comes with a suggestion). */
const CHAT_ONLY = [
  'max_tokens', 'max_completion_tokens', 'n', 'seed', 'logprobs', 'logit_bias', 'functions', 'function_call',
  'modalities', 'audio', 'prediction', 'web_search_options',
];

/**
 * Every key `POST /v1/responses` takes: the spec's `CreateResponse`, and the two penalties the
 * API accepts and echoes though the spec leaves them out.
 */
const RESPONSE_KEYS: ReadonlySet<string> = new Set([
  'background', 'context_management', 'conversation', 'frequency_penalty', 'include', 'input', 'instructions',
  'max_output_tokens', 'max_tool_calls', 'metadata', 'model', 'moderation', 'parallel_tool_calls', 'presence_penalty',
  'previous_response_id', 'prompt', 'prompt_cache_key', 'prompt_cache_options', 'prompt_cache_retention', 'reasoning',
  'safety_identifier', 'service_tier', 'store', 'stream', 'stream_options', 'temperature', 'text', 'tool_choice',
  'tools', 'top_logprobs', 'top_p', 'truncation', 'user',
]);

/**
 * Refuses a key the endpoint does not take. Chat Completions keys are looked for first, in the
 * order the body lists them: one that moved gets the API's pointer to its new place, `stop` a
 * suggestion of `store`, the rest `Unknown parameter`. Only then the first other unknown key.
 */
export function checkRequestKeys(body: JsonObject): void {
  for (const key of Object.keys(body)) {
    const moved = MOVED.get(key); // a Map: a key such as __proto__ must not find Object.prototype
    if (moved !== undefined) {
      throw badRequest(
        `Unsupported parameter: '${key}'. In the Responses API, this parameter has moved to '${moved}'. ` +
          'Try again with the new parameter. See the API documentation for more information: ' +
          'https://platform.openai.com/docs/api-reference/responses/create.',
        null,
        'unsupported_parameter',
      );
    }
    if (key === 'stop') throw unknownParameter('stop', 'store');
    if (CHAT_ONLY.includes(key)) throw unknownParameter(key);
  }
  rejectUnknownKeys(body, RESPONSE_KEYS);
}
