import type { MockContext } from '../../engine/resource.js';
import { showValue } from '../../engine/api-error.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { estimateTokens } from '../../engine/tokens.js';
import { sampleFromSchema } from './schema-sample.js';
import type { ModelOutput, Reply, ReplyObject, ReplyRequest, ReplySource, ReplyTool } from './types.js';

const FINISH_REASONS = ['stop', 'length', 'content_filter'] as const;

/**
 * What the model says: the replies a test scripted (a queue of one-shot replies, then a
 * standing one) or, failing those, a deterministic default. Chat Completions and Responses
 * both answer through here, and so do their batch lines.
 */
export class Replies {
  readonly #queue: ReplySource[] = [];
  #standing: ReplySource | null = null;

  constructor(private readonly ctx: MockContext) {}

  /** The reply for every request from now on (after any queued with {@link once}). */
  always(source: ReplySource): void {
    checkSource(source, 'replyWith');
    this.#standing = source;
  }

  /** Replies used once each, in order, before the standing one. */
  once(sources: readonly ReplySource[]): void {
    sources.forEach((source) => checkSource(source, 'replyOnce'));
    this.#queue.push(...sources);
  }

  /** How many one-shot replies are still waiting. */
  get pending(): number {
    return this.#queue.length;
  }

  reset(): void {
    this.#queue.length = 0;
    this.#standing = null;
  }

  /** Answers one choice of one request. */
  answer(request: ReplyRequest): ModelOutput {
    const source = this.#queue.shift() ?? this.#standing;
    let reply: Reply | undefined;
    if (typeof source === 'function') {
      try {
        reply = source(request);
      } catch (error) {
        const detail = error instanceof Error ? error.message : showValue(error);
        throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_REPLY', `The reply function threw: ${detail}`);
      }
      if (reply !== undefined) checkReply(reply, 'The reply function returned');
    } else if (source !== null) {
      reply = source;
    }
    return this.#resolve(reply ?? defaultReply(request), request);
  }

  #resolve(reply: Reply, request: ReplyRequest): ModelOutput {
    const object: ReplyObject = typeof reply === 'string' ? { content: reply } : reply;
    const toolCalls = (object.toolCalls ?? []).map((call) => ({
      id: call.id ?? this.ctx.ids.next('call_'),
      name: call.name,
      arguments:
        typeof call.arguments === 'string'
          ? call.arguments
          : JSON.stringify(call.arguments ?? sampleArguments(request.tools.find((t) => t.name === call.name))),
    }));
    const raw = object.content;
    let content = raw === undefined || raw === null ? null : typeof raw === 'string' ? raw : JSON.stringify(raw);
    let finishReason: ModelOutput['finishReason'] =
      object.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
    if (content !== null && request.maxTokens !== null && estimateTokens(content) > request.maxTokens) {
      content = content.slice(0, request.maxTokens * 4);
      finishReason = 'length';
    }
    return { content, refusal: object.refusal ?? null, toolCalls, finishReason };
  }
}

/**
 * The reply when the test scripted none: a call to the forced tool when `tool_choice` demands
 * one, JSON that fits the schema with structured outputs, a small JSON object in JSON mode, and
 * otherwise a sentence that quotes the last user message.
 */
export function defaultReply(request: ReplyRequest): ReplyObject {
  const choice = request.toolChoice;
  if (choice !== 'none' && choice !== 'auto' && request.tools.length > 0) {
    const tool = choice === 'required' ? request.tools[0] : request.tools.find((t) => t.name === choice.name);
    if (tool) return { content: null, toolCalls: [{ name: tool.name }] };
  }
  if (request.schema) return { content: JSON.stringify(sampleFromSchema(request.schema.schema)) };
  const text = defaultText(request.lastUserMessage);
  if (request.jsonMode) return { content: JSON.stringify({ reply: text }) };
  return { content: text };
}

function defaultText(lastUserMessage: string): string {
  const said = lastUserMessage.trim().replace(/\s+/g, ' ');
  if (said === '') return 'Mock reply.';
  const quoted = said.length > 80 ? `${said.slice(0, 79)}…` : said;
  return `Mock reply to: "${quoted}"`;
}

function sampleArguments(tool: ReplyTool | undefined): unknown {
  return tool?.parameters ? sampleFromSchema(tool.parameters) : {};
}

function checkSource(source: ReplySource, method: string): void {
  if (typeof source === 'function') return;
  checkReply(source, `${method}() was given`);
}

function checkReply(reply: unknown, what: string): asserts reply is Reply {
  const fail = (detail: string): never => {
    throw new OpenAIMockError('ERR_OPENAI_MOCK_INVALID_REPLY', `${what} ${detail}`);
  };
  if (typeof reply === 'string') return;
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) {
    fail(`${describe(reply)}; a reply is a string or an object such as { content: 'Hi' } or { toolCalls: [{ name: 'get_weather' }] }.`);
  }
  const object = reply as Record<string, unknown>;
  if (typeof object['then'] === 'function') {
    fail('a Promise; replies are answered synchronously (batch lines are answered while a status is read), so compute the reply before the request or return it directly.');
  }
  const known = ['content', 'refusal', 'toolCalls', 'finishReason'];
  const unknown = Object.keys(object).filter((key) => !known.includes(key));
  if (unknown.length > 0) fail(`a reply with unknown key(s) ${unknown.map((k) => `'${k}'`).join(', ')}; use ${known.join(', ')}.`);
  const content = object['content'];
  if (content !== undefined && content !== null && typeof content !== 'string' && typeof content !== 'object') {
    fail(`a content that is ${describe(content)}; use text, an object or array (sent as JSON), or null.`);
  }
  if (object['refusal'] !== undefined && typeof object['refusal'] !== 'string') fail('a refusal that is not a string.');
  const reason = object['finishReason'];
  if (reason !== undefined && !(FINISH_REASONS as readonly unknown[]).includes(reason)) {
    fail(`finishReason ${JSON.stringify(reason)}; use 'stop', 'length' or 'content_filter' ('tool_calls' follows from toolCalls).`);
  }
  const calls = object['toolCalls'];
  if (calls === undefined) return;
  if (!Array.isArray(calls)) fail('toolCalls that is not an array.');
  (calls as unknown[]).forEach((call, i) => {
    const c = call as Record<string, unknown> | null;
    if (typeof c !== 'object' || c === null || typeof c['name'] !== 'string' || c['name'] === '') {
      fail(`toolCalls[${i}] without a name; each call needs { name: 'function_name' }.`);
    }
    const extra = Object.keys(c!).filter((key) => !['name', 'arguments', 'id'].includes(key));
    if (extra.length > 0) {
      fail(`toolCalls[${i}] with unknown key(s) ${extra.map((k) => `'${k}'`).join(', ')}; use name, arguments, id.`);
    }
    const args = c!['arguments'];
    if (args !== undefined && typeof args !== 'string' && (typeof args !== 'object' || args === null || Array.isArray(args))) {
      fail(`toolCalls[${i}].arguments that is neither an object nor a JSON string.`);
    }
    const id = c!['id'];
    if (id !== undefined && (typeof id !== 'string' || id === '')) fail(`toolCalls[${i}].id that is not a non-empty string.`);
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
