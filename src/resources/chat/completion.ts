import { estimateTokens } from '../../engine/tokens.js';
import type { ModelOutput, ReplyMessage } from '../replies/types.js';

/** A tool call in an assistant message (spec `ChatCompletionMessageToolCall`). */
export interface ChatCompletionMessageToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

/** The assistant's message in a choice (spec `ChatCompletionResponseMessage`). */
export interface ChatCompletionMessage {
  readonly role: 'assistant';
  readonly content: string | null;
  readonly refusal: string | null;
  readonly annotations: readonly never[];
  /** Present only when the model calls tools, as in the API's responses. */
  readonly tool_calls?: readonly ChatCompletionMessageToolCall[];
}

export type FinishReason = ModelOutput['finishReason'];

export interface ChatCompletionChoice {
  readonly index: number;
  readonly message: ChatCompletionMessage;
  readonly logprobs: null;
  readonly finish_reason: FinishReason;
}

/** Token counts (spec `CompletionUsage`), with the details objects the API sends. */
export interface CompletionUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  readonly prompt_tokens_details: { readonly cached_tokens: number; readonly audio_tokens: number };
  readonly completion_tokens_details: {
    readonly reasoning_tokens: number;
    readonly audio_tokens: number;
    readonly accepted_prediction_tokens: number;
    readonly rejected_prediction_tokens: number;
  };
}

/** A chat completion (spec `CreateChatCompletionResponse`). */
export interface ChatCompletionObject {
  readonly id: string;
  readonly object: 'chat.completion';
  readonly created: number;
  readonly model: string;
  readonly choices: readonly ChatCompletionChoice[];
  readonly usage: CompletionUsage;
  readonly service_tier: string;
  readonly system_fingerprint: string;
}

/** Tokens every message costs beyond its text, and the tokens that prime the reply. */
const PER_MESSAGE_TOKENS = 3;
const REPLY_PRIMING_TOKENS = 3;

/**
 * The prompt's token count: each message's text ({@link estimateTokens}) plus 3 tokens a
 * message, plus 3 for priming the reply (the overheads OpenAI documents for its chat format).
 * Tool definitions and schemas are not counted.
 */
export function promptTokens(messages: readonly ReplyMessage[]): number {
  return messages.reduce((sum, m) => sum + PER_MESSAGE_TOKENS + estimateTokens(m.content), REPLY_PRIMING_TOKENS);
}

/** The tokens the model produced: each choice's content, refusal and tool calls (name and arguments). */
export function completionTokens(outputs: readonly ModelOutput[]): number {
  return outputs.reduce(
    (sum, o) =>
      sum +
      estimateTokens(o.content ?? '') +
      estimateTokens(o.refusal ?? '') +
      o.toolCalls.reduce((calls, c) => calls + estimateTokens(c.name) + estimateTokens(c.arguments), 0),
    0,
  );
}

export function chatUsage(messages: readonly ReplyMessage[], outputs: readonly ModelOutput[]): CompletionUsage {
  const prompt = promptTokens(messages);
  const completion = completionTokens(outputs);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** The assistant message of one output: `tool_calls` only when there are calls. */
export function assistantMessage(output: ModelOutput): ChatCompletionMessage {
  const message: ChatCompletionMessage = {
    role: 'assistant',
    content: output.content,
    refusal: output.refusal,
    annotations: [],
  };
  if (output.toolCalls.length === 0) return message;
  return {
    ...message,
    tool_calls: output.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    })),
  };
}

export interface CompletionFields {
  readonly id: string;
  readonly created: number;
  readonly model: string;
  readonly serviceTier: string;
  readonly messages: readonly ReplyMessage[];
  readonly outputs: readonly ModelOutput[];
}

export function buildChatCompletion(fields: CompletionFields): ChatCompletionObject {
  return {
    id: fields.id,
    object: 'chat.completion',
    created: fields.created,
    model: fields.model,
    choices: fields.outputs.map((output, index) => ({
      index,
      message: assistantMessage(output),
      logprobs: null,
      finish_reason: output.finishReason,
    })),
    usage: chatUsage(fields.messages, fields.outputs),
    service_tier: fields.serviceTier,
    system_fingerprint: systemFingerprint(fields.model),
  };
}

/**
 * The output with its content cut before the first stop sequence it contains (the sequence is
 * not part of the reply, and the model stopped: `finish_reason` is `stop` unless it called tools).
 */
export function applyStop(output: ModelOutput, stop: readonly string[]): ModelOutput {
  const content = output.content;
  if (content === null || stop.length === 0) return output;
  const cuts = stop.map((s) => (s === '' ? -1 : content.indexOf(s))).filter((i) => i >= 0);
  if (cuts.length === 0) return output;
  const finishReason = output.toolCalls.length > 0 ? output.finishReason : 'stop';
  return { ...output, content: content.slice(0, Math.min(...cuts)), finishReason };
}

/** `fp_` and ten hex digits, the same for every request to the same model. */
export function systemFingerprint(model: string): string {
  let hash = 0x811c9dc5;
  for (const char of model) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const second = Math.imul(hash ^ 0x5bd1e995, 0x01000193) >>> 0;
  return `fp_${hash.toString(16).padStart(8, '0')}${second.toString(16).padStart(8, '0').slice(0, 2)}`;
}
