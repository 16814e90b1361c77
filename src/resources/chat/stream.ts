import type { ChatCompletionObject, CompletionUsage, FinishReason } from './completion.js';

/** A piece of a tool call in a chunk (spec `ChatCompletionMessageToolCallChunk`). */
export interface ToolCallDelta {
  readonly index: number;
  readonly id?: string;
  readonly type?: 'function';
  readonly function?: { readonly name?: string; readonly arguments: string };
}

/** What a chunk adds to a choice's message (spec `ChatCompletionStreamResponseDelta`). */
export interface ChunkDelta {
  readonly role?: 'assistant';
  readonly content?: string | null;
  readonly refusal?: string | null;
  readonly tool_calls?: readonly ToolCallDelta[];
}

export interface ChunkChoice {
  readonly index: number;
  readonly delta: ChunkDelta;
  readonly logprobs: null;
  readonly finish_reason: FinishReason | null;
}

/** One streamed chunk (spec `CreateChatCompletionStreamResponse`). */
export interface ChatCompletionChunkObject {
  readonly id: string;
  readonly object: 'chat.completion.chunk';
  readonly created: number;
  readonly model: string;
  readonly service_tier: string;
  readonly system_fingerprint: string;
  readonly choices: readonly ChunkChoice[];
  /** Only with `stream_options.include_usage`: null on every chunk but the last. */
  readonly usage?: CompletionUsage | null;
}

/**
 * The chunks a streamed request receives for `completion`, in the API's order. Each choice
 * opens with its role (`{ role: 'assistant', content: '', refusal: null }`), sends its content
 * a few words at a time, then its refusal, then each tool call (`index`, `id`, `type`,
 * `function.name` first, the arguments in pieces after), and closes with an empty delta and
 * its `finish_reason`. With several choices their chunks take turns. With `includeUsage`,
 * every chunk carries `usage: null` and a last chunk with no choices carries the usage.
 */
export function chatCompletionChunks(completion: ChatCompletionObject, includeUsage: boolean): ChatCompletionChunkObject[] {
  const perChoice = completion.choices.map((choice) => {
    const { message } = choice;
    const deltas: ChunkDelta[] = [];
    const calls = message.tool_calls ?? [];
    const header = (i: number): ToolCallDelta => ({
      index: i,
      id: calls[i]!.id,
      type: 'function',
      function: { name: calls[i]!.function.name, arguments: '' },
    });
    // UNVERIFIED: a refusal's opening delta (`content: null, refusal: ''`); text and tool calls open as observed.
    const opening: ChunkDelta = {
      role: 'assistant',
      content: message.content === null ? null : '',
      refusal: message.refusal === null ? null : '',
    };
    // A reply that only calls tools opens with its first call, as the API streams it.
    const callsOnly = message.content === null && message.refusal === null && calls.length > 0;
    deltas.push(callsOnly ? { role: 'assistant', content: null, tool_calls: [header(0)], refusal: null } : opening);
    for (const piece of splitText(message.content ?? '')) deltas.push({ content: piece });
    for (const piece of splitText(message.refusal ?? '')) deltas.push({ refusal: piece });
    calls.forEach((call, i) => {
      if (!(callsOnly && i === 0)) deltas.push({ tool_calls: [header(i)] });
      for (const piece of splitText(call.function.arguments)) deltas.push({ tool_calls: [{ index: i, function: { arguments: piece } }] });
    });
    const choices: ChunkChoice[] = deltas.map((delta) => ({ index: choice.index, delta, logprobs: null, finish_reason: null }));
    choices.push({ index: choice.index, delta: {}, logprobs: null, finish_reason: choice.finish_reason });
    return choices;
  });

  const chunk = (choices: readonly ChunkChoice[]): ChatCompletionChunkObject => ({
    id: completion.id,
    object: 'chat.completion.chunk',
    created: completion.created,
    model: completion.model,
    service_tier: completion.service_tier,
    system_fingerprint: completion.system_fingerprint,
    choices,
    ...(includeUsage ? { usage: null } : {}),
  });
  const chunks: ChatCompletionChunkObject[] = [];
  const longest = Math.max(0, ...perChoice.map((c) => c.length));
  for (let step = 0; step < longest; step += 1) {
    for (const choices of perChoice) {
      const next = choices[step];
      if (next) chunks.push(chunk([next]));
    }
  }
  if (includeUsage) chunks.push({ ...chunk([]), usage: completion.usage });
  return chunks;
}

const encoder = new TextEncoder();

/** Server-sent events as the API writes them: `data: <json>` frames, then `data: [DONE]`. */
export function eventStream(chunks: readonly ChatCompletionChunkObject[]): Uint8Array {
  return encoder.encode(`${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`);
}

/**
 * Text in the pieces a stream sends it in: a word with the whitespace before it (`"Hello"`,
 * `" world"`), long runs without spaces (JSON) in pieces of at most 12 characters. Joined, the
 * pieces are the text; an empty text has none.
 */
export function splitText(text: string): string[] {
  return text.match(/\s*\S{1,12}|\s+$/g) ?? [];
}
