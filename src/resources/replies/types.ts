/** A JSON Schema, as a request carries it (`response_format.json_schema.schema`, tool parameters). */
export type JsonSchema = Record<string, unknown> | boolean;

/** A tool call the model makes in a scripted reply. */
export interface ToolCallReply {
  /** The function to call; it should be one of the request's tools. */
  readonly name: string;
  /**
   * The arguments, as an object (sent as JSON text) or as the exact text. Left out, they are
   * generated from the tool's `parameters` schema, so they validate against it.
   */
  readonly arguments?: string | Readonly<Record<string, unknown>>;
  /** The call's id; `call_mock000001`, `call_mock000002`, ... by default. */
  readonly id?: string;
}

/** A reply the model gives, described field by field. */
export interface ReplyObject {
  /**
   * The text of the reply. An object or array is sent as its JSON text (handy with structured
   * outputs). `null` sends no text (with tool calls, as a model does).
   */
  readonly content?: string | Readonly<Record<string, unknown>> | readonly unknown[] | null;
  /** The model refuses: `message.refusal` (chat) or a `refusal` content part (responses). */
  readonly refusal?: string;
  /** Tool calls the model makes; `finish_reason` becomes `tool_calls`. */
  readonly toolCalls?: readonly ToolCallReply[];
  /**
   * Why the model stopped. `'length'` is also chosen for you when the reply is longer than the
   * request's `max_tokens`/`max_completion_tokens`/`max_output_tokens` (the text is cut there).
   */
  readonly finishReason?: 'stop' | 'length' | 'content_filter';
}

/** A reply: plain text, or a {@link ReplyObject}. */
export type Reply = string | ReplyObject;

/**
 * Decides the reply per request. Return `undefined` to give the default reply. It must answer
 * synchronously (batches answer their lines while a status is read).
 */
export type ReplyFunction = (request: ReplyRequest) => Reply | undefined;

/** What `replyWith`/`replyOnce` take: a fixed reply or a function of the request. */
export type ReplySource = Reply | ReplyFunction;

/** A message of the conversation, reduced to its role and text. */
export interface ReplyMessage {
  readonly role: string;
  /** The text of the message (text parts joined with a newline; other parts left out). */
  readonly content: string;
}

/** A function tool the request offers the model. */
export interface ReplyTool {
  readonly name: string;
  readonly description: string | null;
  readonly parameters: JsonSchema | null;
  readonly strict: boolean;
}

/** `tool_choice` as the model sees it: a mode, or the one function it must call. */
export type ReplyToolChoice = 'none' | 'auto' | 'required' | { readonly name: string };

/** The request a reply answers, in the same shape for Chat Completions and Responses. */
export interface ReplyRequest {
  readonly endpoint: 'chat.completions' | 'responses';
  readonly model: string;
  /** The conversation in order; Responses' `instructions` come first as a `system` message. */
  readonly messages: readonly ReplyMessage[];
  /** The text of the last `user` message (`''` if there is none). */
  readonly lastUserMessage: string;
  /** The JSON schema the reply must follow (`json_schema` response format), if any. */
  readonly schema: { readonly name: string; readonly schema: JsonSchema; readonly strict: boolean } | null;
  /** True for the `json_object` response format (JSON mode). */
  readonly jsonMode: boolean;
  readonly tools: readonly ReplyTool[];
  /** `tool_choice`, with a forced function reduced to `{ name }`. */
  readonly toolChoice: ReplyToolChoice;
  /** The most tokens the reply may have, from `max_tokens` and its successors, or null. */
  readonly maxTokens: number | null;
  /** Which of the `n` choices is being answered (0 for the first and usually only one). */
  readonly choiceIndex: number;
  /** The batch line's `custom_id` when the request is a line of a batch, otherwise null. */
  readonly customId: string | null;
  /** The request body as sent. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** A reply resolved into what the endpoints send. */
export interface ModelOutput {
  readonly content: string | null;
  readonly refusal: string | null;
  readonly toolCalls: readonly { readonly id: string; readonly name: string; readonly arguments: string }[];
  readonly finishReason: 'stop' | 'length' | 'tool_calls' | 'content_filter';
}
