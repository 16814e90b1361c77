import { badRequest } from './api-error.js';

/** A request as any transport hands it to the engine. Header names are lower-case. */
export interface MockRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** What the engine answers; the transport writes it out unchanged. */
export interface MockResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

/** A file part of a multipart body. */
export interface FormFile {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** A multipart body: text fields and file parts, by field name (bracketed names kept as sent). */
export interface FormBody {
  readonly fields: ReadonlyMap<string, string>;
  readonly files: ReadonlyMap<string, FormFile>;
}

/** The body of a request, parsed once according to its content type. */
export type ParsedBody =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'invalid-json'; readonly text: string }
  | { readonly kind: 'form'; readonly form: FormBody }
  | { readonly kind: 'invalid-form' }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly contentType: string };

const decoder = new TextDecoder();

export async function parseBody(request: MockRequest): Promise<ParsedBody> {
  const contentType = request.headers['content-type'] ?? '';
  if (request.body.byteLength === 0 && !contentType.startsWith('multipart/')) return { kind: 'empty' };
  if (contentType.startsWith('multipart/form-data')) {
    const form = await parseMultipart(request.body, contentType);
    return form ? { kind: 'form', form } : { kind: 'invalid-form' };
  }
  if (contentType === '' || /[/+]json\b/.test(contentType) || contentType.startsWith('text/')) {
    const text = decoder.decode(request.body);
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'invalid-json', text };
    }
  }
  return { kind: 'bytes', bytes: request.body, contentType };
}

async function parseMultipart(body: Uint8Array, contentType: string): Promise<FormBody | null> {
  let data: FormData;
  try {
    data = await new Response(body as BodyInit, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
  const fields = new Map<string, string>();
  const files = new Map<string, FormFile>();
  for (const [name, value] of data) {
    if (typeof value === 'string') {
      fields.set(name, value);
    } else {
      files.set(name, {
        filename: value.name,
        contentType: value.type,
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
    }
  }
  return { fields, files };
}

const INVALID_JSON_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your " +
  'HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. ' +
  'If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)';

/**
 * The body as a JSON object, or the 400 the API answers for anything else. Empty is `{}`. The
 * API reads the body as JSON whatever its content type says: a form-encoded or multipart body
 * gets the same "could not parse the JSON body" answer as malformed JSON (its HINT is about
 * exactly that mistake), and bytes that happen to be a JSON object are read as one.
 */
export function jsonObject(body: ParsedBody): Record<string, unknown> {
  switch (body.kind) {
    case 'empty':
      return {};
    case 'json':
      return asObject(body.value);
    case 'bytes':
      return asObject(parseOrUndefined(decoder.decode(body.bytes)));
    default:
      throw badRequest(INVALID_JSON_MESSAGE);
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw badRequest(INVALID_JSON_MESSAGE);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The body as multipart form data, or a 400. */
export function formBody(body: ParsedBody): FormBody {
  if (body.kind === 'form') return body.form;
  if (body.kind === 'invalid-form') {
    throw badRequest('Could not parse multipart form data.', null, 'invalid_multipart');
  }
  throw badRequest(
    "Unsupported content type: this endpoint expects 'multipart/form-data'.",
    null,
    'unsupported_content_type',
  );
}

/**
 * The body as it is kept in the request log: JSON as parsed, form fields as an object with
 * file parts summarised (`{ filename, bytes, contentType }`), anything else as text or null.
 * Form names come from the client, so the object is made with `Object.fromEntries` (each name an
 * own property): a part named `__proto__` is logged as an entry, never made the prototype.
 */
export function loggableBody(body: ParsedBody): unknown {
  switch (body.kind) {
    case 'empty':
      return null;
    case 'json':
      return body.value;
    case 'invalid-json':
      return body.text;
    case 'form': {
      const files = [...body.form.files].map(([name, file]) => [
        name,
        { filename: file.filename, bytes: file.bytes.byteLength, contentType: file.contentType },
      ]);
      // A file part replaces a text field of the same name, as it always has.
      return Object.fromEntries([...body.form.fields, ...files]);
    }
    case 'invalid-form':
      return null;
    case 'bytes':
      return { bytes: body.bytes.byteLength, contentType: body.contentType };
  }
}
