import type { OutputContent, OutputItem, ResponseObject, ResponseStreamEvent } from './types.js';

const encoder = new TextEncoder();

/** Characters per `function_call_arguments.delta`. */
const ARGUMENT_CHUNK = 8;

type Event = WithoutSequence<ResponseStreamEvent>;
type WithoutSequence<T> = T extends unknown ? Omit<T, 'sequence_number'> : never;

/**
 * The events of a streamed response, numbered from 0: `response.created` and
 * `response.in_progress` (the response with no output yet), then for each output item
 * `output_item.added`, its content parts (`content_part.added`, text or refusal deltas and their
 * `.done`, `content_part.done`) or its arguments (`function_call_arguments.delta`/`.done`), and
 * `output_item.done`; last `response.completed`, or `response.incomplete` when it was cut short.
 */
export function streamEvents(response: ResponseObject): ResponseStreamEvent[] {
  const pending: ResponseObject = {
    ...response,
    status: 'in_progress',
    completed_at: null,
    incomplete_details: null,
    output: [],
    usage: null,
  };
  const events: Event[] = [
    { type: 'response.created', response: pending },
    { type: 'response.in_progress', response: pending },
  ];
  response.output.forEach((item, index) => events.push(...itemEvents(item, index)));
  events.push({ type: response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', response });
  return events.map((event, i): ResponseStreamEvent => ({ ...event, sequence_number: i }));
}

function itemEvents(item: OutputItem, output_index: number): Event[] {
  if (item.type === 'function_call') {
    return [
      { type: 'response.output_item.added', output_index, item: { ...item, status: 'in_progress', arguments: '' } },
      ...pieces(item.arguments, ARGUMENT_CHUNK).map<Event>((delta) => ({
        type: 'response.function_call_arguments.delta',
        item_id: item.id,
        output_index,
        delta,
      })),
      { type: 'response.function_call_arguments.done', item_id: item.id, output_index, name: item.name, arguments: item.arguments },
      { type: 'response.output_item.done', output_index, item },
    ];
  }
  const events: Event[] = [
    { type: 'response.output_item.added', output_index, item: { ...item, status: 'in_progress', content: [] } },
  ];
  item.content.forEach((part, content_index) => {
    const at = { item_id: item.id, output_index, content_index };
    events.push({ type: 'response.content_part.added', ...at, part: emptyPart(part) });
    if (part.type === 'output_text') {
      for (const delta of words(part.text)) events.push({ type: 'response.output_text.delta', ...at, delta, logprobs: [] });
      events.push({ type: 'response.output_text.done', ...at, text: part.text, logprobs: [] });
    } else {
      for (const delta of words(part.refusal)) events.push({ type: 'response.refusal.delta', ...at, delta });
      events.push({ type: 'response.refusal.done', ...at, refusal: part.refusal });
    }
    events.push({ type: 'response.content_part.done', ...at, part });
  });
  events.push({ type: 'response.output_item.done', output_index, item });
  return events;
}

function emptyPart(part: OutputContent): OutputContent {
  return part.type === 'output_text' ? { ...part, text: '' } : { ...part, refusal: '' };
}

/** Text in word-sized deltas (each word with the spaces after it), as a model streams tokens. */
function words(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text === '' ? [] : [text]);
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** Server-sent events as the API writes them: `event: <type>` and `data: <json>`, a blank line after each. */
export function sseBody(events: readonly ResponseStreamEvent[]): Uint8Array {
  return encoder.encode(events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join(''));
}
