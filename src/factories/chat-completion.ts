import { Factory } from 'fishery';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionMessageToolCall } from 'openai/resources/chat/completions';
import { onAnyReset } from '../engine/active.js';
import { OpenAIMockError } from '../engine/errors.js';
import { estimateTokens } from '../engine/tokens.js';
import { systemFingerprint } from '../resources/chat/completion.js';
import { createdAtFor, DEFAULT_BASE_MODEL, seedId } from './shared.js';

export type { ChatCompletion, ChatCompletionChunk };

/** A tool call for {@link ChatCompletionFactory.toolCalls}: arguments as an object or JSON text. */
export interface FactoryToolCall {
  readonly name: string;
  readonly arguments?: string | Readonly<Record<string, unknown>>;
  /** Default: `call_seed000001`, `call_seed000002`… within the completion. */
  readonly id?: string;
}

/** Transient params of {@link chatCompletionFactory}: the reply, not fields of the object. */
export interface ChatCompletionTransientParams {
  /** The assistant's text (null with tool calls or a refusal). Default: a greeting. */
  content: string | null;
  refusal: string | null;
  toolCalls: readonly FactoryToolCall[];
  /** Default: `tool_calls` with tool calls, else `stop`. */
  finishReason: ChatCompletion.Choice['finish_reason'];
  /** How many choices (each with the same message). Default 1. */
  n: number;
  /** `usage.prompt_tokens`. Default 20. */
  promptTokens: number;
}

const GREETING = 'Hello! How can I help you today?';

function notStored(kind: string, id: string): never {
  throw new OpenAIMockError(
    'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
    `${kind} '${id}' cannot be created: the mock keeps no chat completions to seed. Use build() for the object, ` +
      "and openaiMock.replyOnce(...) or replyWith(...) to make the mock answer with that content.",
  );
}

/**
 * Builds chat completions (`POST /v1/chat/completions` answers), typed with the SDK's
 * `ChatCompletion`. For expectations, for stubbing code that takes a completion, and for
 * snapshot-stable fixtures; to make the mock answer with some content, script it with
 * `openaiMock.replyWith()` / `replyOnce()` instead (`create()` throws: there is nothing to seed).
 *
 * By default: one `stop` choice greeting the user, id `chatcmpl-seed000001`,
 * `chatcmpl-seed000002`… (restarting on every mock reset), model `gpt-4o-mini-2024-07-18`,
 * `created` deterministic (see `FACTORY_EPOCH`), usage counted as the mock counts it (20 prompt
 * tokens; the completion's text at four characters a token).
 *
 * @example
 * const completion = chatCompletionFactory.reply('Paris.').build();
 * const call = chatCompletionFactory.toolCalls({ name: 'get_weather', arguments: { city: 'Paris' } }).build();
 * const three = chatCompletionFactory.build({}, { transient: { n: 3 } });
 */
export class ChatCompletionFactory extends Factory<ChatCompletion, ChatCompletionTransientParams> {
  /** The assistant answers `content` (`finish_reason: 'stop'`). */
  reply(content: string) {
    return this.transient({ content, refusal: null, toolCalls: [] });
  }

  /** The assistant answers `value` as JSON text, as with structured outputs. */
  structured(value: Readonly<Record<string, unknown>> | readonly unknown[]) {
    return this.reply(JSON.stringify(value));
  }

  /** The assistant calls tools (`content: null`, `finish_reason: 'tool_calls'`). */
  toolCalls(...calls: FactoryToolCall[]) {
    return this.transient({ content: null, refusal: null, toolCalls: calls });
  }

  /** The model refuses (`content: null`, `message.refusal` set). */
  refusal(text = "I'm sorry, I can't help with that.") {
    return this.transient({ content: null, refusal: text, toolCalls: [] });
  }

  /** The reply was cut by the token limit (`finish_reason: 'length'`). */
  truncated() {
    return this.transient({ finishReason: 'length' });
  }
}

export const chatCompletionFactory = ChatCompletionFactory.define(({ sequence, params, transientParams }): ChatCompletion => {
  const model = params.model ?? DEFAULT_BASE_MODEL;
  const content = transientParams.content === undefined ? GREETING : transientParams.content;
  const refusal = transientParams.refusal ?? null;
  const calls: ChatCompletionMessageToolCall[] = (transientParams.toolCalls ?? []).map((call, i) => ({
    id: call.id ?? seedId('call_', i + 1),
    type: 'function',
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
    },
  }));
  const finishReason = transientParams.finishReason ?? (calls.length > 0 ? 'tool_calls' : 'stop');
  const n = transientParams.n ?? 1;
  const perChoice =
    estimateTokens(content ?? '') +
    estimateTokens(refusal ?? '') +
    calls.reduce((sum, c) => sum + estimateTokens(c.type === 'function' ? c.function.name + c.function.arguments : ''), 0);
  const promptTokens = transientParams.promptTokens ?? 20;
  return {
    id: seedId('chatcmpl-', sequence),
    object: 'chat.completion',
    created: createdAtFor(sequence),
    model,
    choices: Array.from({ length: n }, (_, index) => ({
      index,
      message: {
        role: 'assistant',
        content,
        refusal,
        annotations: [],
        ...(calls.length > 0 ? { tool_calls: calls } : {}),
      },
      logprobs: null,
      finish_reason: finishReason,
    })),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: perChoice * n,
      total_tokens: promptTokens + perChoice * n,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: systemFingerprint(model),
  };
}).onCreate((completion) => notStored('Chat completion', completion.id));

/**
 * Builds streamed chunks (`chat.completion.chunk`), typed with the SDK's `ChatCompletionChunk`.
 * By default a content delta (`{ content: 'Hello' }`) of choice 0; the traits give the other
 * kinds a stream is made of. Every chunk of one stream shares its id: pass `id`, or build them
 * from one factory call (`chatCompletionChunkFactory.params({ id })`). `create()` throws.
 *
 * @example
 * const id = 'chatcmpl-seed000001';
 * const stream = [
 *   chatCompletionChunkFactory.opening().build({ id }),
 *   chatCompletionChunkFactory.content('Hello').build({ id }),
 *   chatCompletionChunkFactory.finish().build({ id }),
 * ];
 */
export class ChatCompletionChunkFactory extends Factory<ChatCompletionChunk> {
  /** The first chunk of a choice: `delta: { role: 'assistant', content: '', refusal: null }`. */
  opening(index = 0) {
    return this.params({ choices: [{ index, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }] });
  }

  /** A content delta. */
  content(text: string, index = 0) {
    return this.params({ choices: [{ index, delta: { content: text }, logprobs: null, finish_reason: null }] });
  }

  /** The start of a tool call: its `index`, `id`, `type` and `function.name`, with empty arguments. */
  toolCall(name: string, { id = 'call_seed000001', callIndex = 0, index = 0 }: { id?: string; callIndex?: number; index?: number } = {}) {
    return this.params({
      choices: [
        { index, delta: { tool_calls: [{ index: callIndex, id, type: 'function', function: { name, arguments: '' } }] }, logprobs: null, finish_reason: null },
      ],
    });
  }

  /** A piece of a tool call's arguments. */
  toolArguments(piece: string, { callIndex = 0, index = 0 }: { callIndex?: number; index?: number } = {}) {
    return this.params({
      choices: [{ index, delta: { tool_calls: [{ index: callIndex, function: { arguments: piece } }] }, logprobs: null, finish_reason: null }],
    });
  }

  /** The last chunk of a choice: an empty delta and the finish reason. */
  finish(reason: ChatCompletionChunk.Choice['finish_reason'] = 'stop', index = 0) {
    return this.params({ choices: [{ index, delta: {}, logprobs: null, finish_reason: reason }] });
  }

  /** The usage chunk sent last with `stream_options.include_usage`: no choices. */
  usage(promptTokens = 20, completionTokens = 8) {
    return this.params({
      choices: [],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
    });
  }
}

export const chatCompletionChunkFactory = ChatCompletionChunkFactory.define(({ sequence, params }): ChatCompletionChunk => {
  const model = params.model ?? DEFAULT_BASE_MODEL;
  return {
    id: seedId('chatcmpl-', sequence),
    object: 'chat.completion.chunk',
    created: createdAtFor(sequence),
    model,
    service_tier: 'default',
    system_fingerprint: systemFingerprint(model),
    choices: [{ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }],
  };
}).onCreate((chunk) => notStored('Chat completion chunk', chunk.id));

onAnyReset(() => {
  chatCompletionFactory.rewindSequence();
  chatCompletionChunkFactory.rewindSequence();
});
