import { Factory } from 'fishery';
import type {
  Response,
  ResponseError,
  ResponseOutputItem,
  ResponseOutputMessage,
  ResponseStatus,
} from 'openai/resources/responses/responses';
import { onAnyReset } from '../engine/active.js';
import { estimateTokens } from '../engine/tokens.js';
import { seedResponse } from './seed.js';
import { createdAtFor, seedId } from './shared.js';

export type { Response };

/** Transient params of {@link responseFactory}: they shape the response without being fields of it. */
export interface ResponseTransientParams {
  /** What the user asked (counted in `usage.input_tokens`). Default `'Hello!'`. */
  input: string;
  /** The assistant's text. Default `'Hello! How can I help you today?'`. */
  text: string;
  /** Set by `.refusal()`: the model refuses with this text instead of answering. */
  refusal: string;
  /** Set by `.withToolCall()`: the function the model calls instead of answering. */
  toolCall: { name: string; arguments: string };
}

/** The model the factory's responses report: the snapshot `gpt-4o-mini` resolves to. */
const DEFAULT_MODEL = 'gpt-4o-mini-2024-07-18';

/**
 * Builds Response objects (`GET /v1/responses/{id}`), typed with the SDK's `Response`.
 *
 * By default: a `completed` response `resp_seed000001`, `resp_seed000002`… (the sequence restarts
 * on every mock reset) from `gpt-4o-mini-2024-07-18`, whose `output` is one assistant message
 * (`msg_seed000001`) saying "Hello! How can I help you today?", with `usage` counted from the
 * transient `input` and `text`. `created_at` is deterministic (see `FACTORY_EPOCH`) and
 * `completed_at` one second later. `output_text` is always computed from `output`, as the SDK
 * does, so overriding `output` keeps it right.
 *
 * @example
 * const response = responseFactory.build({}, { transient: { text: 'Paris.' } });
 * response.output_text; // 'Paris.'
 * const call = responseFactory.withToolCall('get_weather', { city: 'Paris' }).build();
 */
export class ResponseFactory extends Factory<Response, ResponseTransientParams> {
  /** Cut short: `incomplete` with `incomplete_details.reason` (default `max_output_tokens`). */
  incomplete(reason: 'max_output_tokens' | 'content_filter' = 'max_output_tokens') {
    return this.params({ status: 'incomplete', incomplete_details: { reason }, completed_at: null });
  }

  /** The model calls a function (a `function_call` item, `call_seed…`) instead of answering. */
  withToolCall(name = 'get_weather', args: string | Readonly<Record<string, unknown>> = { city: 'Paris' }) {
    return this.transient({ toolCall: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } });
  }

  /** The model refuses: the message holds a `refusal` part, and `output_text` is empty. */
  refusal(text = "I'm sorry, but I can't help with that.") {
    return this.transient({ refusal: text });
  }

  /** A `background: true` response still `queued`: no output and no usage yet. */
  queued() {
    return this.params({ status: 'queued', background: true, completed_at: null, output: [], usage: undefined });
  }

  /** A `background: true` response `in_progress`: no output and no usage yet. */
  inProgress() {
    return this.params({ status: 'in_progress', background: true, completed_at: null, output: [], usage: undefined });
  }

  /** A `background: true` response that was cancelled before it finished. */
  cancelled() {
    return this.params({ status: 'cancelled', background: true, completed_at: null, output: [], usage: undefined });
  }

  /** `failed`, with an `error` (default: a server error). */
  failed(error: ResponseError = { code: 'server_error', message: 'The server had an error while processing your request. Sorry about that!' }) {
    return this.params({ status: 'failed', error, completed_at: null, output: [], usage: undefined });
  }
}

export const responseFactory = ResponseFactory.define(({ sequence, params, transientParams, afterBuild }): Response => {
  const input = transientParams.input ?? 'Hello!';
  const status: ResponseStatus = params.status ?? 'completed';
  const output = defaultOutput(sequence, status, transientParams);
  const createdAt = params.created_at ?? createdAtFor(sequence);
  const inputTokens = estimateTokens(input);
  const outputTokens = output.reduce((sum, item) => sum + estimateTokens(itemText(item)), 0);

  afterBuild((response) => {
    response.output_text = outputText(response.output);
  });

  return {
    id: seedId('resp_', sequence),
    object: 'response',
    created_at: createdAt,
    status,
    background: false,
    completed_at: status === 'completed' ? createdAt + 1 : null,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    max_tool_calls: null,
    model: DEFAULT_MODEL,
    output,
    output_text: '',
    parallel_tool_calls: true,
    previous_response_id: null,
    prompt_cache_key: null,
    reasoning: { effort: null, summary: null },
    safety_identifier: null,
    service_tier: 'default',
    temperature: 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools: [],
    top_logprobs: 0,
    top_p: 1,
    truncation: 'disabled',
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens,
    },
    metadata: {},
    access_programs: null,
  };
}).onCreate((response) => seedResponse(response));

onAnyReset(() => responseFactory.rewindSequence());

/** What the model says for this sequence number: a message, a refusal or a function call. */
function defaultOutput(sequence: number, status: ResponseStatus, transient: Partial<ResponseTransientParams>): ResponseOutputItem[] {
  if (transient.toolCall) {
    return [{
      id: seedId('fc_', sequence),
      type: 'function_call',
      status: 'completed',
      arguments: transient.toolCall.arguments,
      call_id: seedId('call_', sequence),
      name: transient.toolCall.name,
    }];
  }
  const content: ResponseOutputMessage['content'] =
    transient.refusal !== undefined
      ? [{ type: 'refusal', refusal: transient.refusal }]
      : [{ type: 'output_text', text: transient.text ?? 'Hello! How can I help you today?', annotations: [], logprobs: [] }];
  return [{
    id: seedId('msg_', sequence),
    type: 'message',
    status: status === 'incomplete' ? 'incomplete' : 'completed',
    role: 'assistant',
    content,
  }];
}

/** The text of every `output_text` part of every message, joined: the SDK's `output_text`. */
function outputText(output: readonly ResponseOutputItem[]): string {
  return output
    .flatMap((item) => (item.type === 'message' ? item.content : []))
    .flatMap((part) => (part.type === 'output_text' ? [part.text] : []))
    .join('');
}

function itemText(item: ResponseOutputItem): string {
  if (item.type === 'function_call') return `${item.name}${item.arguments}`;
  if (item.type !== 'message') return '';
  return item.content.map((part) => (part.type === 'output_text' ? part.text : part.refusal)).join('');
}
