import { badRequest, invalidType, invalidValue } from '../../engine/api-error.js';
import {
  given,
  isObject,
  isOneOf,
  optionalBoolean,
  optionalObject,
  optionalString,
  requiredString,
} from '../../engine/fields.js';
import { rootTypeProblem, strictProblem } from './schema-rules.js';
import type { FunctionTool, Tool, ToolChoice } from './types.js';

/**
 * The `tools` of `POST /v1/responses` and the `tool_choice` among them. Only function tools are
 * modelled (a reply can call them); the others are kept so the Response echoes them.
 */

const TOOL_CHOICE_MODES = ['none', 'auto', 'required'] as const;

/** Reads `tools`: absent or `null` is none; each tool is checked in order. */
export function parseTools(value: unknown): Tool[] {
  if (!given(value)) return [];
  if (!Array.isArray(value)) throw invalidType('tools', 'an array of tools', value);
  return value.map((tool, i) => parseTool(tool, `tools[${i}]`));
}

/** A `function` tool: the kind a scripted reply can call. */
export function isFunctionTool(tool: Tool): tool is FunctionTool {
  return tool.type === 'function';
}

/**
 * One tool. A tool of a type other than `function` is echoed as sent, unchecked; a function tool is
 * checked field by field, its `parameters` held to the schema rules, and echoed with its defaults.
 */
function parseTool(tool: unknown, path: string): Tool {
  if (!isObject(tool)) throw invalidType(path, 'an object', tool);
  const type = requiredString(tool['type'], `${path}.type`);
  if (type !== 'function') return { ...tool, type };
  const name = requiredString(tool['name'], `${path}.name`);
  const description = optionalString(tool['description'], `${path}.description`);
  const parameters = optionalObject(tool['parameters'], `${path}.parameters`);
  const strict = optionalBoolean(tool['strict'], `${path}.strict`);
  if (parameters !== null) {
    // Left out, `strict` means true here, and the API makes the schema strict by itself; only an
    // explicit `strict: true` holds the schema to the strict rules as sent.
    const problem = rootTypeProblem(parameters) ?? (strict === true ? strictProblem(parameters) : null);
    if (problem !== null) {
      throw badRequest(`Invalid schema for function '${name}': ${problem}`, `${path}.parameters`, 'invalid_function_parameters');
    }
  }
  const echoed: FunctionTool = { type: 'function', name, description, parameters, strict: strict ?? true };
  return echoed;
}

/**
 * Reads `tool_choice` (`auto` when absent): a mode, or an object whose tool must be among `tools`
 * (a function or custom tool by name, any other by type; `allowed_tools` and `mcp` are not looked up).
 */
export function parseToolChoice(value: unknown, tools: readonly Tool[]): ToolChoice {
  if (!given(value)) return 'auto';
  if (typeof value === 'string') {
    if (!isOneOf(value, TOOL_CHOICE_MODES)) throw invalidValue('tool_choice', value, TOOL_CHOICE_MODES);
    return value;
  }
  if (!isObject(value)) {
    throw invalidType('tool_choice', "one of an object or 'none', 'auto', or 'required'", value);
  }
  const type = requiredString(value['type'], 'tool_choice.type');
  if (type === 'function' || type === 'custom') {
    const name = requiredString(value['name'], 'tool_choice.name');
    if (!tools.some((t) => t.type === type && t['name'] === name)) {
      // UNVERIFIED for functions: the API's sentence for a built-in tool, naming the function.
      throw badRequest(`Tool choice '${name}' not found in 'tools' parameter.`, 'tool_choice');
    }
  } else if (type !== 'allowed_tools' && type !== 'mcp' && !tools.some((t) => t.type === type)) {
    throw badRequest(`Tool choice '${type}' not found in 'tools' parameter.`, 'tool_choice');
  }
  return { ...value, type };
}
