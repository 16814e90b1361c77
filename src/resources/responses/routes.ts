import { ApiError, badRequest } from '../../engine/api-error.js';
import type { MockContext } from '../../engine/context.js';
import { cursorPage, enumParam, integerParam } from '../../engine/pagination.js';
import { jsonObject } from '../../engine/request.js';
import type { Reply, Route, RouteContext } from '../../engine/router.js';
import { baseModel } from '../models/catalog.js';
import type { ModelsState } from '../models/state.js';
import type { Replies } from '../replies/replies.js';
import type { NewItem } from './input-items.js';
import { outcome, outputItems, usageFor } from './output.js';
import { checkInputProvided, parseCreateParams, type CreateParams } from './params.js';
import { conversationMessages, toReplyRequest } from './reply-request.js';
import type { ResponsesState } from './state.js';
import { sseBody, streamEvents } from './stream.js';
import type { ConversationItem, ResponseObject } from './types.js';

/** `/v1/responses`: create (JSON or streamed), retrieve, delete, cancel and input items. */
export function responseRoutes(
  ctx: MockContext,
  responses: ResponsesState,
  replies: Replies,
  models: ModelsState,
): Route[] {
  // Synchronous on purpose: the batch engine answers its lines with this handler while a
  // status is being read.
  const create = (context: RouteContext): Reply => {
    const body = jsonObject(context.body);
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

    const request = toReplyRequest(params, conversation, context.batch?.customId ?? null, body);
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

    if (params.store) responses.store(response, input, conversation);
    if (params.background) return { json: responses.created(id) };
    if (params.stream) return { bytes: sseBody(streamEvents(response)), contentType: 'text/event-stream' };
    return { json: response };
  };

  return [
    { method: 'POST', path: '/responses', handler: create },
    {
      method: 'GET',
      path: '/responses/{response_id}',
      handler: ({ params, query }) => {
        const response = responses.retrieve(params['response_id']!);
        if (query.get('stream') === 'true') {
          throw badRequest(
            'openai-mock does not replay response streams (GET /v1/responses/{id}?stream=true). ' +
              'Retrieve the response without stream, or stream it when you create it.',
            'stream',
            'openai_mock_unsupported',
          );
        }
        return { json: response };
      },
    },
    {
      method: 'DELETE',
      path: '/responses/{response_id}',
      handler: ({ params }) => ({ json: responses.delete(params['response_id']!) }),
    },
    {
      method: 'POST',
      path: '/responses/{response_id}/cancel',
      handler: ({ params, body }) => {
        const id = params['response_id']!;
        responses.retrieve(id);
        jsonObject(body); // no parameters, but a body that is not JSON is refused (UNVERIFIED)
        return { json: responses.cancel(id) };
      },
    },
    {
      method: 'GET',
      path: '/responses/{response_id}/input_items',
      handler: ({ params, query }) => {
        const items = responses.inputItems(params['response_id']!);
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
        const order = enumParam(query, 'order', ['asc', 'desc'], 'desc');
        const sorted = order === 'desc' ? [...items].reverse() : [...items];
        return { json: cursorPage(sorted, { after: query.get('after'), limit, withFirstLast: true }) };
      },
    },
  ];
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
