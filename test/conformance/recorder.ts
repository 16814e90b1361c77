import type { FetchFunction, ServedRoute } from '../../src/index.js';
import type { SpecValidator } from './spec.js';

/** The kinds of object whose lifecycle statuses the walk must show. */
export type LifecycleObject = 'file' | 'upload' | 'fine_tuning.job' | 'batch' | 'response';

const LIFECYCLE_OBJECTS = new Set<string>(['file', 'upload', 'fine_tuning.job', 'batch', 'response']);

/** One body checked against the spec. */
export interface CheckedBody {
  /** `GET /files/{file_id} 200 application/json`, or `state Upload` for an object read from the mock. */
  readonly key: string;
  readonly errors: readonly string[];
}

/**
 * Sits between an SDK client and `openaiMock.fetch`: hands every request on unchanged, and
 * checks every body that comes back (each SSE event on its own) against the spec's schema for
 * that route, status and media type. It never throws inside `fetch`, so the client sees exactly
 * what the mock sent; failures are collected and read with {@link takeFailures}.
 */
export class ConformanceRecorder {
  /** Bodies checked so far (each SSE event counts as one). */
  bodies = 0;
  /** `METHOD /path STATUS` of every checked response. */
  readonly pairs = new Set<string>();
  /** `object:status` pairs seen in checked bodies (`batch:expired`, `file:deleted`). */
  readonly statuses = new Set<string>();
  /** SSE event types seen, per route (`POST /responses response.output_text.delta`). */
  readonly events = new Set<string>();
  readonly #failures: string[] = [];
  readonly #validator: SpecValidator;
  readonly #routes: readonly (ServedRoute & { pattern: RegExp })[];
  readonly #next: FetchFunction;

  constructor(validator: SpecValidator, routes: readonly ServedRoute[], next: FetchFunction) {
    this.#validator = validator;
    this.#next = next;
    this.#routes = routes.map((r) => ({
      ...r,
      pattern: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
    }));
  }

  /** The `fetch` to give the client. */
  readonly fetch: FetchFunction = async (input, init) => {
    const response = await this.#next(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = new URL(input instanceof Request ? input.url : String(input));
    await this.#inspect(method, url, response.clone());
    return response;
  };

  /** Failures since the last call, each naming the route, status and what the spec says. */
  takeFailures(): string[] {
    return this.#failures.splice(0);
  }

  /**
   * Checks an object read from the mock's state (`openaiMock.uploads.get(id)`) against a
   * component schema: for statuses no endpoint returns in a body (an expired upload).
   */
  checkState(schemaName: string, object: unknown): void {
    this.#check(`state ${schemaName}`, `#/components/schemas/${schemaName}`, object);
  }

  /**
   * Checks each line of a batch's output or error file: the line's envelope against the
   * `BatchRequestOutput` shape (no longer in the spec; see {@link BATCH_LINE_SCHEMA}), and the
   * body it carries against the spec's response for the batch's endpoint and that status, as if
   * the request had been sent on its own.
   */
  checkBatchFile(endpoint: string, text: string): void {
    const path = endpoint.replace(/^\/v1/, '');
    for (const raw of text.split('\n').filter((l) => l !== '')) {
      const line = JSON.parse(raw) as { response?: { status_code?: number; body?: unknown } | null };
      const envelope = this.#validator.checkSchema(BATCH_LINE_SCHEMA, line);
      this.bodies += 1;
      if (envelope.length > 0) this.#failures.push(`batch line of ${endpoint}:\n  ${envelope.join('\n  ')}\n  line: ${raw.slice(0, 400)}`);
      if (!line.response) continue;
      const status = line.response.status_code ?? 0;
      const pointer = this.#validator.schemaFor('POST', path, status, 'application/json');
      const label = `batch line POST ${path} ${status}`;
      if (!pointer) {
        this.#failures.push(`${label}: the spec documents no schema for this response`);
        continue;
      }
      this.pairs.add(label);
      this.#check(label, pointer, line.response.body);
    }
  }

  async #inspect(method: string, url: URL, response: Response): Promise<void> {
    const relative = url.pathname.replace(/^\/v1(?=\/)/, '');
    const route = this.#routes.find((r) => r.method === method && r.pattern.test(relative));
    // Answers to routes the mock does not serve are errors, checked against the envelope.
    const path = route?.path ?? relative;
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const label = `${method} ${path} ${response.status}`;
    const text = await response.text();

    // The SDK probes its runtime with a `data:` URL; only API requests are checked.
    if (!url.protocol.startsWith('http')) return;
    const pointer = route
      ? this.#validator.schemaFor(method, path, response.status, mediaType)
      : response.status >= 400
        ? '#/components/schemas/ErrorResponse'
        : undefined;
    if (!pointer) {
      this.#failures.push(`${label} ${mediaType}: the spec documents no schema for this response`);
      return;
    }
    this.pairs.add(label);
    if (mediaType === 'text/event-stream') {
      for (const event of parseSse(text)) {
        if (event.data === '[DONE]') continue;
        const data = JSON.parse(event.data) as { type?: string; object?: string };
        this.events.add(`${method} ${path} ${data.type ?? data.object ?? '?'}`);
        this.#check(`${label} ${mediaType} ${data.type ?? data.object ?? ''}`.trim(), pointer, data);
      }
      return;
    }
    // Raw bytes (file content) are checked as the string the corrected spec says they are.
    this.#check(`${label} ${mediaType}`, pointer, mediaType === 'application/json' ? JSON.parse(text) : text);
  }

  #check(key: string, pointer: string, body: unknown): void {
    this.bodies += 1;
    this.#noteStatuses(body);
    const { errors } = this.#validator.check(pointer, body);
    if (errors.length > 0) {
      this.#failures.push(`${key} against ${pointer}:\n  ${errors.join('\n  ')}\n  body: ${JSON.stringify(body).slice(0, 600)}`);
    }
  }

  #noteStatuses(body: unknown): void {
    if (typeof body !== 'object' || body === null) return;
    const object = body as { object?: unknown; status?: unknown; deleted?: unknown; data?: unknown; response?: unknown };
    if (object.object === 'list' && Array.isArray(object.data)) {
      for (const item of object.data) this.#noteStatuses(item);
      return;
    }
    // Stream events carry the response they describe.
    if (object.response !== undefined) this.#noteStatuses(object.response);
    if (typeof object.object !== 'string' || !LIFECYCLE_OBJECTS.has(object.object)) return;
    if (object.deleted === true) this.statuses.add(`${object.object}:deleted`);
    else if (typeof object.status === 'string') this.statuses.add(`${object.object}:${object.status}`);
  }
}

/**
 * One line of a batch's output or error file: the `BatchRequestOutput` schema of the spec's
 * `manual_spec` branch (2025-04-29), which the current spec no longer carries.
 */
export const BATCH_LINE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    custom_id: { type: 'string' },
    response: {
      anyOf: [
        {
          type: 'object',
          properties: {
            status_code: { type: 'integer' },
            request_id: { type: 'string' },
            body: { type: 'object' },
          },
          required: ['status_code', 'request_id', 'body'],
        },
        { type: 'null' },
      ],
    },
    error: {
      anyOf: [
        { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] },
        { type: 'null' },
      ],
    },
  },
  required: ['id', 'custom_id', 'response', 'error'],
} as const;

/** The events of a `text/event-stream` body: `event:` and `data:` lines, blank-line separated. */
export function parseSse(text: string): { event: string | null; data: string }[] {
  return text
    .split(/\r?\n\r?\n/)
    .map((block) => {
      let event: string | null = null;
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      return { event, data: data.join('\n') };
    })
    .filter((e) => e.data !== '');
}
