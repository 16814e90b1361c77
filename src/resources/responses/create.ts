/**
 * Creating a response: the checks the API makes on a request in the light of the stored chain
 * (`previous_response_id`), the model's answer, and the Response object that echoes the
 * request. A stored response is kept in {@link ResponsesState}.
 */
import { ApiError, badRequest } from '../../engine/api-error.js';
import type { MockContext } from '../../engine/resource.js';
import { baseModel } from '../models/catalog.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/state.js';
import { outcome, outputItems, usageFor } from './output.js';
import type { NewItem } from './input-items.js';
import { checkInputProvided, parseCreateParams, type CreateParams } from './params.js';
import { conversationMessages, toReplyRequest } from './reply-request.js';
import type { ResponsesState } from './state.js';
import type { ConversationItem, ResponseObject } from './types.js';

/** What creating a response needs. */
export interface ResponseDeps {
  readonly ctx: MockContext;
  readonly responses: ResponsesState;
  readonly replies: Replies;
  readonly models: ModelsState;
}

/** A response built for a request, not kept yet. */
export interface CreatedResponse {
  readonly response: ResponseObject;
  readonly params: CreateParams;
  /**
   * Keeps the response when `store` is on (and starts a background one's schedule). The caller
   * calls it last, once whatever else the answer needs is built: a failure before then leaves
   * nothing stored, so a refused request never changes state.
   */
  readonly keep: () => void;
}

/**
 * Creates a response for a request body: checks it, asks the scripted model and builds the
 * Response, everything but keeping it (see {@link CreatedResponse.keep}). Synchronous on purpose:
 * the batch engine answers its lines with it while a status is being read. `customId` is the
 * batch line's, if any.
 */
export function createResponse(deps: ResponseDeps, body: Record<string, unknown>, customId: string | null): CreatedResponse {
  const { ctx, responses, replies, models } = deps;
  const params = parseCreateParams(body);
  const previous = params.previousResponseId === null ? [] : responses.conversation(params.previousResponseId);
  checkInputProvided(params);
  if (!models.find(params.model)) {
    throw new ApiError(
      404,
      `The model \`${params.model}\` does not exist or you do not have access to it.`,
      'invalid_request_error',
      null,
      'model_not_found',
    );
  }
  checkDuplicates(previous, params.input);
  const pending = [...previous, ...params.input];
  checkToolCallPairs(pending, previous.length);
  checkJsonWord(params, pending);

  const id = ctx.ids.next('resp_');
  const input = responses.identify(params.input);
  const conversation = [...previous, ...input];

  const request = toReplyRequest(params, conversation, customId, body);
  const answer = replies.answer(request);
  const output = outputItems(answer, ctx.ids);
  const now = ctx.clock.nowSeconds();
  const { status, incomplete_details } = outcome(answer);
  const response = responseObject(params, {
    id,
    created_at: now,
    status,
    completed_at: status === 'completed' ? now : null,
    incomplete_details,
    model: baseModel(params.model)?.snapshot ?? params.model,
    output,
    usage: usageFor(conversationMessages(params.instructions, conversation), output),
  });

  const keep = (): void => {
    if (params.store) responses.keep(response, input, conversation);
  };
  return { response, params, keep };
}

/** An item of the conversation, whether or not it has its id yet. */
type Item = ConversationItem | NewItem;

/** The Response for a request: what it asked for, echoed, and what the model answered. */
function responseObject(
  params: CreateParams,
  answered: Pick<
    ResponseObject,
    'id' | 'created_at' | 'status' | 'completed_at' | 'incomplete_details' | 'model' | 'output' | 'usage'
  >,
): ResponseObject {
  return {
    id: answered.id,
    object: 'response',
    created_at: answered.created_at,
    status: answered.status,
    background: params.background,
    completed_at: answered.completed_at,
    error: null,
    frequency_penalty: params.frequencyPenalty,
    incomplete_details: answered.incomplete_details,
    instructions: params.instructions,
    max_output_tokens: params.maxOutputTokens,
    max_tool_calls: params.maxToolCalls,
    model: answered.model,
    output: answered.output,
    parallel_tool_calls: params.parallelToolCalls,
    presence_penalty: params.presencePenalty,
    previous_response_id: params.previousResponseId,
    prompt_cache_key: params.promptCacheKey,
    reasoning: { ...params.reasoning },
    safety_identifier: params.safetyIdentifier,
    service_tier: params.serviceTier,
    store: params.store,
    temperature: params.temperature,
    text: { format: params.text.format, verbosity: params.text.verbosity },
    tool_choice: params.toolChoice,
    tools: [...params.tools],
    top_logprobs: params.topLogprobs,
    top_p: params.topP,
    truncation: params.truncation,
    usage: answered.usage,
    user: params.user,
    metadata: { ...params.metadata },
  };
}

/**
 * An item sent again with the id it already has in the chain (the previous response's output
 * replayed along with `previous_response_id`, say) is refused.
 */
function checkDuplicates(previous: readonly ConversationItem[], input: readonly NewItem[]): void {
  const seen = new Set(previous.map((item) => item.id));
  for (const item of input) {
    if (item.id === null) continue;
    if (seen.has(item.id)) {
      // UNVERIFIED: param; the sentence is the API's.
      throw badRequest(`Duplicate item found with id ${item.id}. Remove duplicate items from your input and try again.`, 'input');
    }
    seen.add(item.id);
  }
}

/**
 * Every function call needs its output, and every output a call before it. The request's own
 * items start at `firstNew`; calls made by the previous response are answered in this input.
 */
function checkToolCallPairs(conversation: readonly Item[], firstNew: number): void {
  const calls = new Set<string>();
  conversation.forEach((item, i) => {
    if (item.type === 'function_call') calls.add(item.call_id);
    if (item.type === 'function_call_output' && i >= firstNew && !calls.has(item.call_id)) {
      throw badRequest(`No tool call found for function call output with call_id ${item.call_id}.`, 'input');
    }
  });
  const answered = new Set(conversation.flatMap((item) => (item.type === 'function_call_output' ? [item.call_id] : [])));
  const open = conversation.find((item) => item.type === 'function_call' && !answered.has(item.call_id));
  if (open?.type === 'function_call') {
    // UNVERIFIED: param; the sentence is the API's.
    throw badRequest(`No tool output found for function call ${open.call_id}.`, 'input');
  }
}

/** JSON mode needs the word "json" in the input messages (the instructions do not count). */
function checkJsonWord(params: CreateParams, conversation: readonly Item[]): void {
  if (params.text.format.type !== 'json_object') return;
  const said = conversationMessages(null, conversation).some((m) => /json/i.test(m.content));
  if (!said) {
    // UNVERIFIED: param; the sentence is the API's.
    throw badRequest(
      "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'.",
      'input',
    );
  }
}
