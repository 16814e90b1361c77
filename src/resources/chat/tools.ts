import { badRequest, invalidType, invalidValue, missingParameter } from '../../engine/api-error.js';
import {
  given,
  isObject,
  nonEmptyArray,
  objectItem,
  optionalBoolean,
  optionalObject,
  optionalString,
  requiredObject,
  requiredOneOf,
  requiredString,
} from '../../engine/fields.js';
import { strictSchemaProblem } from '../replies/strict-schema.js';
import type { ReplyTool, ReplyToolChoice } from '../replies/types.js';
import { functionName } from './function-name.js';

/**
 * The tools a chat completions request offers the model and how it may pick one: `tools` and
 * `tool_choice`, and the legacy `functions` and `function_call` they replaced. Whether
 * `tool_choice` fits `tools` is a rule between parameters, left to `parseChatRequest`.
 */

/** `tool_choice`: a mode, or the one tool the model must call. */
export type ToolChoice = ReplyToolChoice;

/** `tool_choice` as sent, before it is checked against `tools`: a mode, or a named tool. */
export type ParsedToolChoice = 'none' | 'auto' | 'required' | { readonly kind: 'function' | 'custom'; readonly name: string };

/**
 * `tools`: function tools as the reply sees them (a strict function's schema must follow the
 * strict rules). Custom tools are checked and accepted, but left out: the mock never calls them.
 */
export function parseTools(value: unknown): ReplyTool[] {
  if (!given(value)) return [];
  const out: ReplyTool[] = [];
  nonEmptyArray(value, 'tools', 'an array of objects').forEach((entry, i) => {
    const at = `tools[${i}]`;
    const tool = objectItem(entry, at);
    // UNVERIFIED: the list of supported tool types in this error.
    const type = requiredOneOf(tool['type'], `${at}.type`, ['function', 'custom']);
    const detail = requiredObject(tool[type], `${at}.${type}`);
    const name = functionName(detail['name'], `${at}.${type}.name`);
    const description = optionalString(detail['description'], `${at}.${type}.description`);
    if (type === 'custom') return;
    const parameters = optionalObject(detail['parameters'], `${at}.function.parameters`);
    const strict = optionalBoolean(detail['strict'], `${at}.function.strict`) ?? false;
    if (strict && parameters !== null) {
      const problem = strictSchemaProblem(parameters);
      if (problem !== null) {
        throw badRequest(`Invalid schema for function '${name}': ${problem}`, `${at}.function.parameters`, 'invalid_function_parameters');
      }
    }
    out.push({ name, description, parameters, strict });
  });
  return out;
}

/**
 * `tool_choice`, or null when it is not given. `allowed_tools` resolves here: `auto` stays
 * `auto`, and `required` names the first allowed function (the one the default reply calls).
 */
export function parseToolChoice(value: unknown): ParsedToolChoice | null {
  if (!given(value)) return null;
  if (typeof value === 'string') {
    if (value === 'none' || value === 'auto' || value === 'required') return value;
    throw invalidValue('tool_choice', value, ['none', 'auto', 'required']);
  }
  // The API's own wording, "one of" twice included.
  if (!isObject(value)) throw invalidType('tool_choice', "one of one of 'none', 'auto', or 'required' or object", value);
  const type = value['type'];
  if (type === 'custom') {
    const custom = requiredObject(value['custom'], 'tool_choice.custom');
    return { kind: 'custom', name: requiredString(custom['name'], 'tool_choice.custom.name') };
  }
  if (type === 'allowed_tools') {
    // UNVERIFIED: these checks follow the spec and the API's usual wording.
    const allowed = requiredObject(value['allowed_tools'], 'tool_choice.allowed_tools');
    const mode = requiredOneOf(allowed['mode'], 'tool_choice.allowed_tools.mode', ['auto', 'required']);
    const list = allowed['tools'];
    if (!given(list)) throw missingParameter('tool_choice.allowed_tools.tools');
    if (!Array.isArray(list)) throw invalidType('tool_choice.allowed_tools.tools', 'an array of objects', list);
    if (mode === 'auto') return 'auto';
    // `required` among a subset: the mock's default reply calls the first allowed function.
    const first = list.find((t) => isObject(t) && isObject(t['function']) && typeof t['function']['name'] === 'string');
    return first ? { kind: 'function', name: (first as { function: { name: string } }).function.name } : 'required';
  }
  // UNVERIFIED: a missing type, and an unknown type beside a function (the API was seen asking
  // for `tool_choice.function` when the type is unknown and the function absent).
  if (!given(type)) throw missingParameter('tool_choice.type');
  if (!given(value['function'])) throw missingParameter('tool_choice.function');
  if (type !== 'function') throw invalidValue('tool_choice.type', type, ['function', 'custom', 'allowed_tools']);
  const fn = requiredObject(value['function'], 'tool_choice.function');
  return { kind: 'function', name: requiredString(fn['name'], 'tool_choice.function.name') };
}

/** The legacy `functions`: checked for the API's errors, otherwise unused (replies follow `tools`). */
export function checkLegacyFunctions(value: unknown): void {
  if (!given(value)) return;
  nonEmptyArray(value, 'functions', 'an array of function definitions').forEach((entry, i) => {
    const fn = objectItem(entry, `functions[${i}]`);
    functionName(fn['name'], `functions[${i}].name`);
    optionalObject(fn['parameters'], `functions[${i}].parameters`);
  });
}

/** The legacy `function_call` (`none`, `auto` or `{ name }`): checked, otherwise unused. */
export function checkFunctionCall(value: unknown): void {
  if (!given(value)) return;
  if (typeof value === 'string') {
    if (value !== 'none' && value !== 'auto') throw invalidValue('function_call', value, ['none', 'auto']);
    return;
  }
  const call = requiredObject(value, 'function_call');
  requiredString(call['name'], 'function_call.name');
}
