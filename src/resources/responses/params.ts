import { badRequest, invalidType, missingParameter, notFound } from '../../engine/api-error.js';
import { given, isObject, optionalObject, optionalString, requiredString, type JsonObject } from '../../engine/fields.js';
import { parseInput, type NewItem } from './input-items.js';
import { checkRequestKeys } from './request-keys.js';
import { parseSettings, type Settings } from './settings.js';
import { isFunctionTool, parseToolChoice, parseTools } from './tools.js';
import type { FunctionTool, Tool, ToolChoice } from './types.js';

/** `POST /v1/responses`, validated and with every default filled in. */
export interface CreateParams extends Settings {
  readonly model: string;
  /** The input as items (a string is one user message); empty when `input` was `''` or `[]`. */
  readonly input: readonly NewItem[];
  /** Every tool, as the Response echoes it. */
  readonly tools: readonly Tool[];
  /** The function tools among them: the ones a reply can call. */
  readonly functionTools: readonly FunctionTool[];
  readonly toolChoice: ToolChoice;
  readonly previousResponseId: string | null;
}

/**
 * Validates the body of `POST /v1/responses` in the order the API reports problems (model, input,
 * keys it does not know, then field by field) and fills in the defaults the Response echoes.
 * Checks that need stored state (`previous_response_id`, an empty `input`, the model's existence,
 * tool call pairing) come after, in the route.
 */
export function parseCreateParams(body: JsonObject): CreateParams {
  const model = parseModel(body);
  const input = parseInput(body);
  checkRequestKeys(body);

  const tools = parseTools(body['tools']);
  const settings = parseSettings(body);
  const toolChoice = parseToolChoice(body['tool_choice'], tools);
  const previousResponseId = optionalString(body['previous_response_id'], 'previous_response_id');

  checkUnmodelled(body);
  if (settings.background && !settings.store) {
    // UNVERIFIED: the wording is the mock's; the API refuses background mode without storage.
    throw badRequest('Background mode requires store=true.', 'store');
  }
  if (settings.background && settings.stream) {
    throw badRequest(
      'openai-mock does not stream background responses (background: true with stream: true). ' +
        'Create the response without stream, then poll client.responses.retrieve(id) as time passes (advanceTime()).',
      'stream',
      'openai_mock_unsupported',
    );
  }

  return {
    model,
    input,
    ...settings,
    tools,
    functionTools: tools.flatMap((tool) => (isFunctionTool(tool) ? [tool] : [])),
    toolChoice,
    previousResponseId,
  };
}

/**
 * `input: ''` or `[]` with nothing else to answer (no `previous_response_id`). Run after the
 * previous response was looked up: the API reports an unknown one first.
 */
export function checkInputProvided(params: CreateParams): void {
  if (params.input.length === 0 && params.previousResponseId === null) {
    throw badRequest(
      `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`,
      null,
      'missing_required_parameter',
    );
  }
}

function parseModel(body: JsonObject): string {
  const model = body['model'];
  if (model === undefined) throw missingParameter('model');
  // The API words a null model as an object.
  if (model === null) throw invalidType('model', 'a string', {});
  if (typeof model !== 'string') throw invalidType('model', 'a string', model);
  if (model === '') throw badRequest("The requested model '' does not exist.", 'model', 'model_not_found');
  return model;
}

/**
 * Features the mock has no state for. A conversation or a stored prompt the account does not
 * have is a 404 in the API, and the mock has none, so that is what it answers.
 */
function checkUnmodelled(body: JsonObject): void {
  const conversation = body['conversation'];
  if (given(conversation)) {
    const id = isObject(conversation) ? conversation['id'] : conversation;
    if (typeof id !== 'string') throw invalidType('conversation', 'one of a string or an object', conversation);
    throw notFound(`Conversation with id '${id}' not found.`);
  }
  const prompt = body['prompt'];
  if (given(prompt)) {
    const object = optionalObject(prompt, 'prompt')!;
    throw notFound(`Prompt with id '${requiredString(object['id'], 'prompt.id')}' not found.`);
  }
}
