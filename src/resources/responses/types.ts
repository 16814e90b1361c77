/**
 * The Responses API objects as the mock sends them: the Response, its output items, the input
 * items it keeps, and the stream events. Shapes follow `components.schemas` of the OpenAPI spec
 * (`Response`, `OutputMessage`, `FunctionToolCall`, `ItemResource`, `ResponseStreamEvent`).
 */

export type ResponseStatus = 'completed' | 'failed' | 'in_progress' | 'cancelled' | 'queued' | 'incomplete';

export type ItemStatus = 'in_progress' | 'completed' | 'incomplete';

export interface OutputText {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
}

export interface OutputRefusal {
  type: 'refusal';
  refusal: string;
}

export type OutputContent = OutputText | OutputRefusal;

/** An assistant message, in `output` or replayed as an input item. */
export interface OutputMessage {
  id: string;
  type: 'message';
  status: ItemStatus;
  role: 'assistant';
  content: OutputContent[];
}

/** A call to one of the request's function tools. */
export interface FunctionCallItem {
  id: string;
  type: 'function_call';
  status: ItemStatus;
  arguments: string;
  call_id: string;
  name: string;
}

export type OutputItem = OutputMessage | FunctionCallItem;

/** A content part of an input message: `input_text`, or an image/file/audio part kept as sent. */
export interface InputContent {
  readonly type: string;
  readonly text?: string;
  readonly [key: string]: unknown;
}

/** A user, system or developer message, as `GET /responses/{id}/input_items` lists it. */
export interface InputMessage {
  id: string;
  type: 'message';
  role: 'user' | 'system' | 'developer';
  status: 'completed';
  content: InputContent[];
}

/** The result of a function call, sent back by the caller. */
export interface FunctionCallOutputItem {
  id: string;
  type: 'function_call_output';
  call_id: string;
  output: string | InputContent[];
  status: 'completed';
}

/** An item of a conversation: what a response was given, and what it answered. */
export type ConversationItem = InputMessage | OutputMessage | FunctionCallItem | FunctionCallOutputItem;

export type TextFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; description: string | null; schema: Record<string, unknown>; strict: boolean };

/** A function tool as the Response echoes it (`strict` defaults to true in the Responses API). */
export interface FunctionTool {
  type: 'function';
  name: string;
  description: string | null;
  parameters: Record<string, unknown> | null;
  strict: boolean;
}

/** Any other tool (web search, file search, ...), echoed as sent; the mock never calls it. */
export type Tool = FunctionTool | ({ type: string } & Record<string, unknown>);

export type ToolChoice = 'none' | 'auto' | 'required' | ({ type: string } & Record<string, unknown>);

export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** The Response object (`GET /v1/responses/{id}`). */
export interface ResponseObject {
  id: string;
  object: 'response';
  created_at: number;
  status: ResponseStatus;
  background: boolean;
  completed_at: number | null;
  error: { code: string; message: string } | null;
  frequency_penalty: number;
  incomplete_details: { reason: 'max_output_tokens' | 'content_filter' } | null;
  instructions: string | null;
  max_output_tokens: number | null;
  max_tool_calls: number | null;
  model: string;
  output: OutputItem[];
  parallel_tool_calls: boolean;
  presence_penalty: number;
  previous_response_id: string | null;
  prompt_cache_key: string | null;
  reasoning: { effort: string | null; summary: string | null };
  safety_identifier: string | null;
  service_tier: string;
  store: boolean;
  temperature: number;
  text: { format: TextFormat; verbosity: string };
  tool_choice: ToolChoice;
  tools: Tool[];
  top_logprobs: number;
  top_p: number;
  truncation: 'auto' | 'disabled';
  usage: ResponseUsage | null;
  user: string | null;
  metadata: Record<string, string>;
}

/** `DELETE /v1/responses/{id}`. */
export interface DeletedResponse {
  id: string;
  object: 'response';
  deleted: true;
}

/** One server-sent event of a streamed response (its `type` is also the SSE `event:` name). */
export type ResponseStreamEvent =
  | { type: 'response.created' | 'response.in_progress' | 'response.completed' | 'response.incomplete'; sequence_number: number; response: ResponseObject }
  | { type: 'response.output_item.added' | 'response.output_item.done'; sequence_number: number; output_index: number; item: OutputItem }
  | {
      type: 'response.content_part.added' | 'response.content_part.done';
      sequence_number: number;
      item_id: string;
      output_index: number;
      content_index: number;
      part: OutputContent;
    }
  | {
      type: 'response.output_text.delta';
      sequence_number: number;
      item_id: string;
      output_index: number;
      content_index: number;
      delta: string;
      logprobs: unknown[];
    }
  | {
      type: 'response.output_text.done';
      sequence_number: number;
      item_id: string;
      output_index: number;
      content_index: number;
      text: string;
      logprobs: unknown[];
    }
  | { type: 'response.refusal.delta'; sequence_number: number; item_id: string; output_index: number; content_index: number; delta: string }
  | { type: 'response.refusal.done'; sequence_number: number; item_id: string; output_index: number; content_index: number; refusal: string }
  | { type: 'response.function_call_arguments.delta'; sequence_number: number; item_id: string; output_index: number; delta: string }
  | {
      type: 'response.function_call_arguments.done';
      sequence_number: number;
      item_id: string;
      output_index: number;
      name: string;
      arguments: string;
    };
