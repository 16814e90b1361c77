/**
 * The bad-input corpus: for every route the mock serves, requests the real API refuses, each with
 * the answer the API gives (status and the four fields of its error envelope). The test in
 * `bad-input.test.ts` sends each one through `fetch` (and through the SDK when the SDK can send
 * it) and checks the answer, that nothing crashed or hung, and that no state changed.
 *
 * Texts come from `/work/shared/reference/openai-api.md`, the OpenAPI spec and observed answers;
 * a case whose text (or status) is not on record says so in `unverified`.
 */

/** The ids of the objects every case starts with (see `bad-input.test.ts`). */
export interface Fixtures {
  /** A `fine-tune` file (`train.jsonl`). */
  readonly file: string;
  /** A `batch` input file. */
  readonly batchFile: string;
  readonly job: string;
  readonly batch: string;
  /** A pending upload of 10 bytes. */
  readonly upload: string;
  /** A stored background response (so it can be cancelled). */
  readonly response: string;
}

/** A multipart file part. */
export interface FormFilePart {
  readonly filename: string;
  readonly content: string | Uint8Array;
  readonly type?: string;
}

/** What a case sends as its body. */
export type CaseBody =
  /** JSON.stringify(value) as `application/json` (the SDK can send these too). */
  | { readonly json: unknown }
  /** These exact bytes, with this content type (none when absent). */
  | { readonly raw: string | Uint8Array; readonly contentType?: string }
  /** A well-formed multipart body built by `fetch` from these parts. */
  | { readonly form: { readonly fields?: Readonly<Record<string, string>>; readonly files?: Readonly<Record<string, FormFilePart>> } };

export interface CaseRequest {
  /** Path parameters; those left out are the fixtures' ids (see {@link defaultParams}). */
  readonly params?: Readonly<Record<string, string>>;
  /** Path parameters put in the path as they are, not percent-encoded. */
  readonly rawParams?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: CaseBody;
  /** Leave the Authorization header out. */
  readonly noAuth?: boolean;
}

/** The error the API answers: status and its envelope's fields (a pattern for long messages). */
export interface ExpectedError {
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly message: string | RegExp;
}

/** Input that looks wrong but that the API accepts: the answer is a 200 and `why` says so. */
export interface ExpectedAccepted {
  readonly status: 200;
  readonly why: string;
}

export type CaseKind =
  | 'malformed JSON'
  | 'wrong type'
  | 'missing field'
  | 'unknown field'
  | 'unknown id'
  | 'content type'
  | 'empty body'
  | 'oversize'
  | 'multipart'
  | 'query'
  | 'no API key';

export interface BadInputCase {
  /** The route as the spec names it: `POST /files`, `GET /batches/{batch_id}`. */
  readonly route: string;
  readonly kind: CaseKind;
  readonly name: string;
  readonly request: CaseRequest;
  readonly expect: ExpectedError | ExpectedAccepted;
  /** Why the text is not on record, when it is not. */
  readonly unverified?: string;
}

/** The fixture each path parameter names by default. */
export function defaultParams(fx: Fixtures): Record<string, string> {
  return {
    file_id: fx.file,
    fine_tuning_job_id: fx.job,
    model: 'gpt-4o-mini',
    upload_id: fx.upload,
    response_id: fx.response,
    batch_id: fx.batch,
  };
}

// --- the API's wordings ------------------------------------------------------------------------

/** The API's answer to a body that is not JSON (observed: requests sent form-encoded). */
export const INVALID_JSON =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your " +
  'HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. ' +
  'If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)';

const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";

function invalidRequest(status: number, message: string | RegExp, param: string | null = null, code: string | null = null): ExpectedError {
  return { status, type: 'invalid_request_error', param, code, message };
}

const invalidJson = (): ExpectedError => invalidRequest(400, INVALID_JSON);
const missing = (param: string): ExpectedError =>
  invalidRequest(400, `Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
const wrongType = (param: string, expected: string, got: string): ExpectedError =>
  invalidRequest(400, `Invalid type for '${param}': expected ${expected}, but got ${got} instead.`, param, 'invalid_type');
const unknownParam = (param: string): ExpectedError =>
  invalidRequest(400, `Unknown parameter: '${param}'.`, param, 'unknown_parameter');
const belowMin = (param: string, min: number, got: number | string, kind = 'integer'): ExpectedError =>
  invalidRequest(
    400,
    `Invalid '${param}': ${kind} below minimum value. Expected a value >= ${min}, but got ${got} instead.`,
    param,
    `${kind}_below_min_value`,
  );
const aboveMax = (param: string, max: number, got: number | string, kind = 'integer'): ExpectedError =>
  invalidRequest(
    400,
    `Invalid '${param}': ${kind} above maximum value. Expected a value <= ${max}, but got ${got} instead.`,
    param,
    `${kind}_above_max_value`,
  );
const invalidValue = (param: string, value: string, supported: string): ExpectedError =>
  invalidRequest(400, `Invalid value: '${value}'. Supported values are: ${supported}.`, param, 'invalid_value');
const tooLong = (param: string, max: number, length: number, what = `'${param}'`): ExpectedError =>
  invalidRequest(
    400,
    `Invalid ${what}: string too long. Expected a string with maximum length ${max}, but got a string with length ${length} instead.`,
    param,
    'string_above_max_length',
  );

/** The deepest a field's value may nest (`MAX_DEPTH` in src/engine/fields.ts). */
const MAX_DEPTH = 256;
const DEPTH_UNVERIFIED = "the API's answer to a value nested thousands deep (the mock refuses past 256 levels)";
/** A field nested past the limit: the mock's words, in the pattern of the API's other limits. */
const tooDeep = (param: string, depth: number): ExpectedError =>
  invalidRequest(
    400,
    `Invalid '${param}': value nested too deeply. Expected a value with maximum depth ${MAX_DEPTH}, but got a value with depth ${depth} instead.`,
    param,
    'value_above_max_depth',
  );

/** The mock's own wording where the API's for broken multipart is not on record. */
const BROKEN_MULTIPART = invalidRequest(400, 'Could not parse multipart form data.', null, 'invalid_multipart');
const NOT_MULTIPART = invalidRequest(
  400,
  "Unsupported content type: this endpoint expects 'multipart/form-data'.",
  null,
  'unsupported_content_type',
);

// --- shared generators -------------------------------------------------------------------------

const sixteen = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));

/**
 * Bodies that are not a JSON object, an empty body, the other content types and a missing key:
 * what every JSON route refuses the same way. `firstRequired` is what an empty object lacks first.
 */
function jsonBodyCases(route: string, firstRequired: ExpectedError, valid: Record<string, unknown>): BadInputCase[] {
  const validText = JSON.stringify(valid);
  /** An empty object: parsed, it fails on the first required field (as the empty body does). */
  const invalidAfterParse = {};
  return [
    { route, kind: 'malformed JSON', name: 'truncated JSON', request: { body: { raw: validText.slice(0, -3), contentType: 'application/json' } }, expect: invalidJson() },
    { route, kind: 'malformed JSON', name: 'a trailing comma', request: { body: { raw: '{"model": "x",}', contentType: 'application/json' } }, expect: invalidJson() },
    { route, kind: 'malformed JSON', name: 'single quotes', request: { body: { raw: "{'model': 'x'}", contentType: 'application/json' } }, expect: invalidJson() },
    { route, kind: 'malformed JSON', name: 'not JSON at all', request: { body: { raw: 'hello', contentType: 'application/json' } }, expect: invalidJson() },
    { route, kind: 'malformed JSON', name: 'invalid UTF-8', request: { body: { raw: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), contentType: 'application/json' } }, expect: invalidJson(), unverified: 'bytes that are not UTF-8 are taken as unparseable JSON' },
    { route, kind: 'wrong type', name: 'a JSON array body', request: { body: { json: [valid] } }, expect: invalidJson(), unverified: 'the answer to a JSON body that is not an object' },
    { route, kind: 'wrong type', name: 'a JSON string body', request: { body: { json: 'hello' } }, expect: invalidJson(), unverified: 'the answer to a JSON body that is not an object' },
    { route, kind: 'wrong type', name: 'a JSON null body', request: { body: { json: null } }, expect: invalidJson(), unverified: 'the answer to a JSON body that is not an object' },
    { route, kind: 'empty body', name: 'no body', request: {}, expect: firstRequired },
    { route, kind: 'empty body', name: 'an empty object', request: { body: { json: {} } }, expect: firstRequired },
    {
      route,
      kind: 'content type',
      name: 'a form-encoded body',
      request: { body: { raw: 'model=gpt-4o-mini&input=hi', contentType: 'application/x-www-form-urlencoded' } },
      expect: invalidJson(),
    },
    {
      route,
      kind: 'content type',
      name: 'a multipart body',
      request: { body: { form: { fields: { model: 'gpt-4o-mini', input: 'hi' } } } },
      expect: invalidJson(),
      unverified: 'observed for form-encoded bodies; multipart is taken to fail the same way',
    },
    {
      route,
      kind: 'content type',
      name: 'plain text that is not JSON',
      request: { body: { raw: 'model: gpt-4o-mini', contentType: 'text/plain' } },
      expect: invalidJson(),
    },
    {
      route,
      kind: 'content type',
      name: 'octet-stream bytes',
      request: { body: { raw: new Uint8Array([1, 2, 3]), contentType: 'application/octet-stream' } },
      expect: invalidJson(),
      unverified: 'observed for form-encoded bodies; other bytes are taken to fail the same way',
    },
    {
      route,
      kind: 'content type',
      name: 'JSON labelled text/plain is read as JSON',
      request: { body: { raw: JSON.stringify(invalidAfterParse), contentType: 'text/plain' } },
      expect: firstRequired,
      unverified: 'that the content type is not checked when the body is JSON',
    },
  ];
}

/** One `wrong type` case per (field, value) with the API's `Invalid type` wording. */
function typeCases(
  route: string,
  valid: Record<string, unknown>,
  fields: readonly (readonly [param: string, value: unknown, expected: string, got: string])[],
): BadInputCase[] {
  return fields.map(([param, value, expected, got]) => ({
    route,
    kind: 'wrong type',
    name: `${param} as ${got}`,
    request: { body: { json: setPath(valid, param, value) } },
    expect: wrongType(param, expected, got),
  }));
}

/** One `missing field` case per required field, each dropping that field from a valid body. */
function missingCases(route: string, valid: Record<string, unknown>, required: readonly string[]): BadInputCase[] {
  return required.flatMap((param) => [
    { route, kind: 'missing field', name: `without ${param}`, request: { body: { json: without(valid, param) } }, expect: missing(param) },
    { route, kind: 'missing field', name: `${param}: null`, request: { body: { json: { ...valid, [param]: null } } }, expect: missing(param), unverified: 'that null reads as missing rather than as a value of the wrong type' },
  ] satisfies BadInputCase[]);
}

function unknownCases(route: string, valid: Record<string, unknown>, unverified?: string): BadInputCase[] {
  // `__proto__` as a JSON key is an ordinary key to the API (and must stay one in the mock).
  const proto = `{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`;
  return [
    { route, kind: 'unknown field', name: 'an unknown top-level key', request: { body: { json: { ...valid, foo: 1 } } }, expect: unknownParam('foo'), ...(unverified ? { unverified } : {}) },
    { route, kind: 'unknown field', name: 'a misspelt key', request: { body: { json: { ...valid, metdata: {} } } }, expect: unknownParam('metdata'), ...(unverified ? { unverified } : {}) },
    { route, kind: 'unknown field', name: 'a __proto__ key', request: { body: { raw: proto, contentType: 'application/json' } }, expect: unknownParam('__proto__'), ...(unverified ? { unverified } : {}) },
  ];
}

/** A list route's `limit`: 0, -1, abc, 1.5, past its maximum, and far past it. */
function limitCases(route: string, max: number): BadInputCase[] {
  const unverified = 'the wording for a query parameter (observed for body fields)';
  const cases: BadInputCase[] = [
    { route, kind: 'query', name: 'limit=0', request: { query: { limit: '0' } }, expect: belowMin('limit', 1, 0) },
    { route, kind: 'query', name: 'limit=-1', request: { query: { limit: '-1' } }, expect: belowMin('limit', 1, -1) },
    { route, kind: 'query', name: 'limit=abc', request: { query: { limit: 'abc' } }, expect: wrongType('limit', 'an integer', 'a string') },
    { route, kind: 'query', name: 'limit=1.5', request: { query: { limit: '1.5' } }, expect: wrongType('limit', 'an integer', 'a string') },
    { route, kind: 'query', name: `limit=${max + 1}`, request: { query: { limit: String(max + 1) } }, expect: aboveMax('limit', max, max + 1) },
    { route, kind: 'query', name: 'limit far past any maximum', request: { query: { limit: '99999999999' } }, expect: aboveMax('limit', max, 99999999999) },
  ];
  return cases.map((c) => ({ ...c, unverified }));
}

/** An `after` cursor that names no object: the API answers an empty page, not an error. */
function afterCases(route: string, hasFirstLast: boolean): BadInputCase[] {
  const why = `an unknown cursor gives an empty page${hasFirstLast ? ' (first_id and last_id null)' : ''}`;
  return [
    { route, kind: 'query', name: 'an after that names nothing', request: { query: { after: 'nothing-x' } }, expect: { status: 200, why }, unverified: 'an empty page, rather than a 400, for a cursor that names nothing' },
    { route, kind: 'query', name: 'an empty after', request: { query: { after: '' } }, expect: { status: 200, why: 'an empty cursor is no cursor' } },
  ];
}

function orderCases(route: string): BadInputCase[] {
  const unverified = 'the wording for a query parameter (observed for body fields)';
  return [
    { route, kind: 'query', name: 'order=sideways', request: { query: { order: 'sideways' } }, expect: invalidValue('order', 'sideways', "'asc' and 'desc'"), unverified },
    { route, kind: 'query', name: 'order=ASC (case matters)', request: { query: { order: 'ASC' } }, expect: invalidValue('order', 'ASC', "'asc' and 'desc'"), unverified },
  ];
}

/**
 * Query parameters named like properties of `Object.prototype`: names a client sends are data,
 * so they are ignored like any unknown parameter, and a page is answered (the mock once logged
 * `?constructor=1` as `[Function Object, '1']` and let `?__proto__=` replace the log entry's
 * prototype).
 */
function prototypeNameCases(route: string): BadInputCase[] {
  const why = 'an unknown query parameter is ignored, whatever its name';
  const unverified = 'that unknown query parameters are ignored';
  return [
    { route, kind: 'query', name: 'a parameter named __proto__', request: { query: { ['__proto__']: 'x' } }, expect: { status: 200, why }, unverified },
    { route, kind: 'query', name: 'a parameter named constructor', request: { query: { constructor: '1' } }, expect: { status: 200, why }, unverified },
    { route, kind: 'query', name: 'parameters named toString and hasOwnProperty', request: { query: { toString: '1', hasOwnProperty: '2' } }, expect: { status: 200, why }, unverified },
  ];
}

function noKey(route: string, request: CaseRequest = {}): BadInputCase {
  return { route, kind: 'no API key', name: 'no Authorization header', request: { ...request, noAuth: true }, expect: invalidRequest(401, NO_KEY) };
}

/** A POST that takes no body: a body that is not JSON is refused; the id is looked up first. */
function bodylessPostCases(route: string): BadInputCase[] {
  return [
    { route, kind: 'malformed JSON', name: 'a body that is not JSON', request: { body: { raw: '{"reason":', contentType: 'application/json' } }, expect: invalidJson(), unverified: 'that a POST without parameters parses its body' },
    { route, kind: 'content type', name: 'a form-encoded body', request: { body: { raw: 'reason=x', contentType: 'application/x-www-form-urlencoded' } }, expect: invalidJson(), unverified: 'that a POST without parameters parses its body' },
  ];
}

// --- per route ---------------------------------------------------------------------------------

const NO_SUCH_FILE = (id: string): ExpectedError => invalidRequest(404, `No such File object: ${id}`, 'id');
const NO_SUCH_JOB = (id: string): ExpectedError => invalidRequest(404, `Could not find fine-tuning job ${id}.`, 'fine_tuning_job_id');
const NO_SUCH_BATCH = (id: string): ExpectedError => invalidRequest(404, `No batch found with id '${id}'.`);
const NO_SUCH_UPLOAD = (id: string): ExpectedError => invalidRequest(404, `No such Upload object: ${id}`, 'id');
const NO_SUCH_RESPONSE = (id: string): ExpectedError => invalidRequest(404, `Response with id '${id}' not found.`);
const JOB_404_UNVERIFIED = 'the 404 text for an unknown fine-tuning job';
const UPLOAD_404_UNVERIFIED = 'the 404 text for an unknown upload';

/** Ids no object has and that no route should choke on: 10,000 characters, non-ASCII, a slash. */
const ODD_IDS = ['x'.repeat(10_000), 'fïlé-😀', 'a/b'];

/**
 * A path segment that is not valid percent-encoding. UNVERIFIED: the API's answer (the mock
 * answers a 400 naming the parameter rather than guessing an id).
 */
function brokenEncoding(route: string, param: string): BadInputCase {
  return {
    route,
    kind: 'unknown id',
    name: 'an id that is not valid percent-encoding',
    request: { rawParams: { [param]: '%E0%A4%A' } },
    expect: invalidRequest(400, `Invalid path parameter '${param}': it is not valid percent-encoding.`, param),
    unverified: "the API's answer to a path that does not decode",
  };
}

function idCases(route: string, param: string, ids: readonly string[], answer: (id: string) => ExpectedError, unverified?: string): BadInputCase[] {
  return [...ids, ...ODD_IDS].map((id) => ({
    route,
    kind: 'unknown id',
    name: id.length > 40 ? `an id of ${id.length} characters` : `unknown id ${id}`,
    request: { params: { [param]: id } },
    expect: answer(id),
    ...(unverified ? { unverified } : {}),
  }));
}

function fileRoutes(): BadInputCase[] {
  const route = 'POST /files';
  const jsonl = { filename: 'train.jsonl', content: '{"messages":[]}\n' };
  const valid = { fields: { purpose: 'fine-tune' }, files: { file: jsonl } };
  const boundary = '----bad-input-boundary';
  const part = (name: string, body: string, filename?: string): string =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${body}\r\n`;
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const cases: BadInputCase[] = [
    { route, kind: 'missing field', name: 'without file', request: { body: { form: { fields: { purpose: 'fine-tune' } } } }, expect: missing('file') },
    { route, kind: 'missing field', name: 'without purpose', request: { body: { form: { files: { file: jsonl } } } }, expect: missing('purpose') },
    { route, kind: 'wrong type', name: 'file sent as a text field', request: { body: { form: { fields: { purpose: 'fine-tune', file: 'abc' } } } }, expect: missing('file'), unverified: 'the answer when file is a text field rather than a file part' },
    { route, kind: 'wrong type', name: 'an unknown purpose', request: { body: { form: { ...valid, fields: { purpose: 'vector_store' } } } }, expect: invalidRequest(400, "'vector_store' is not one of ['fine-tune', 'assistants', 'batch', 'user_data', 'vision', 'evals'] - 'purpose'", 'purpose') },
    { route, kind: 'empty body', name: 'an empty purpose', request: { body: { form: { ...valid, fields: { purpose: '' } } } }, expect: invalidRequest(400, "'' is not one of ['fine-tune', 'assistants', 'batch', 'user_data', 'vision', 'evals'] - 'purpose'", 'purpose') },
    { route, kind: 'wrong type', name: 'a purpose in capitals', request: { body: { form: { ...valid, fields: { purpose: 'Fine-Tune' } } } }, expect: invalidRequest(400, "'Fine-Tune' is not one of ['fine-tune', 'assistants', 'batch', 'user_data', 'vision', 'evals'] - 'purpose'", 'purpose') },
    { route, kind: 'wrong type', name: 'a fine-tune file not named .jsonl', request: { body: { form: { fields: { purpose: 'fine-tune' }, files: { file: { filename: 'train.txt', content: 'x' } } } } }, expect: invalidRequest(400, 'Invalid file format for Fine-Tuning API. Must be .jsonl', 'file') },
    { route, kind: 'wrong type', name: 'a batch file whose first line is not JSON', request: { body: { form: { fields: { purpose: 'batch' }, files: { file: { filename: 'in.jsonl', content: 'not json\n' } } } } }, expect: invalidRequest(400, /Invalid file format for Batch API/, 'file'), unverified: 'the full text (observed: it names the file format and jsonl)' },
    { route, kind: 'empty body', name: 'an empty batch file', request: { body: { form: { fields: { purpose: 'batch' }, files: { file: { filename: 'in.jsonl', content: '' } } } } }, expect: invalidRequest(400, /Invalid file format for Batch API/, 'file'), unverified: 'the full text (observed: it names the file format and jsonl)' },
    { route, kind: 'wrong type', name: 'expires_after[anchor] not created_at', request: { body: { form: { ...valid, fields: { purpose: 'fine-tune', 'expires_after[anchor]': 'last_active_at', 'expires_after[seconds]': '3600' } } } }, expect: invalidValue('expires_after.anchor', 'last_active_at', "'created_at'") },
    { route, kind: 'wrong type', name: 'expires_after[seconds] not a number', request: { body: { form: { ...valid, fields: { purpose: 'fine-tune', 'expires_after[anchor]': 'created_at', 'expires_after[seconds]': 'soon' } } } }, expect: wrongType('expires_after.seconds', 'an integer', 'a string') },
    { route, kind: 'missing field', name: 'expires_after[seconds] without its anchor', request: { body: { form: { ...valid, fields: { purpose: 'fine-tune', 'expires_after[seconds]': '3600' } } } }, expect: missing('expires_after.anchor') },
    { route, kind: 'missing field', name: 'expires_after[anchor] without seconds', request: { body: { form: { ...valid, fields: { purpose: 'fine-tune', 'expires_after[anchor]': 'created_at' } } } }, expect: missing('expires_after.seconds') },
    { route, kind: 'oversize', name: 'expires_after[seconds] past 30 days', request: { body: { form: { ...valid, fields: { purpose: 'fine-tune', 'expires_after[anchor]': 'created_at', 'expires_after[seconds]': '2592001' } } } }, expect: invalidRequest(400, "Invalid 'expires_after.seconds': expected a value between 3600 and 2592000, but got 2592001 instead.", 'expires_after.seconds', 'integer_above_max_value'), unverified: 'the range wording' },
    { route, kind: 'wrong type', name: 'expires_after[seconds] under an hour', request: { body: { form: { ...valid, fields: { purpose: 'fine-tune', 'expires_after[anchor]': 'created_at', 'expires_after[seconds]': '60' } } } }, expect: invalidRequest(400, "Invalid 'expires_after.seconds': expected a value between 3600 and 2592000, but got 60 instead.", 'expires_after.seconds', 'integer_below_min_value'), unverified: 'the range wording' },
    { route, kind: 'content type', name: 'a JSON body', request: { body: { json: { purpose: 'fine-tune', file: 'x' } } }, expect: NOT_MULTIPART, unverified: 'the text for a JSON body sent to a multipart endpoint' },
    { route, kind: 'content type', name: 'a form-encoded body', request: { body: { raw: 'purpose=fine-tune', contentType: 'application/x-www-form-urlencoded' } }, expect: NOT_MULTIPART, unverified: 'the text for a form-encoded body sent to a multipart endpoint' },
    { route, kind: 'empty body', name: 'no body', request: {}, expect: NOT_MULTIPART, unverified: 'the text for a request with no body' },
    { route, kind: 'multipart', name: 'multipart without a boundary', request: { body: { raw: part('purpose', 'fine-tune'), contentType: 'multipart/form-data' } }, expect: BROKEN_MULTIPART, unverified: 'the text for unparseable multipart' },
    { route, kind: 'multipart', name: 'multipart cut off mid-part', request: { body: { raw: `${part('purpose', 'fine-tune')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jsonl"\r\n\r\n{"mess`, contentType: multipart } }, expect: BROKEN_MULTIPART, unverified: 'the text for unparseable multipart' },
    { route, kind: 'multipart', name: 'multipart with the wrong boundary', request: { body: { raw: `${part('purpose', 'fine-tune')}--${boundary}--\r\n`, contentType: 'multipart/form-data; boundary=other' } }, expect: BROKEN_MULTIPART, unverified: 'the text for unparseable multipart' },
    { route, kind: 'multipart', name: 'empty multipart body', request: { body: { raw: '', contentType: multipart } }, expect: BROKEN_MULTIPART, unverified: 'the text for unparseable multipart' },
    { route, kind: 'multipart', name: 'a closed multipart body with no parts', request: { body: { raw: `--${boundary}--\r\n`, contentType: multipart } }, expect: missing('file'), unverified: 'missing file before missing purpose' },
    noKey(route, { body: { form: valid } }),
  ];
  return [
    ...cases,
    ...limitCases('GET /files', 10_000),
    ...orderCases('GET /files'),
    ...afterCases('GET /files', true),
    { route: 'GET /files', kind: 'query', name: 'a purpose no file has', request: { query: { purpose: 'nothing' } }, expect: { status: 200, why: 'the filter matches nothing: an empty page' }, unverified: 'an empty page rather than a 400 for an unknown purpose' },
    ...prototypeNameCases('GET /files'),
    { route: 'GET /files', kind: 'query', name: 'purpose=__proto__', request: { query: { purpose: '__proto__' } }, expect: { status: 200, why: 'the filter matches nothing: an empty page' }, unverified: 'an empty page rather than a 400 for an unknown purpose' },
    { route: 'GET /files', kind: 'query', name: 'order=constructor', request: { query: { order: 'constructor' } }, expect: invalidValue('order', 'constructor', "'asc' and 'desc'"), unverified: 'the wording for a query parameter (observed for body fields)' },
    noKey('GET /files'),
    ...idCases('GET /files/{file_id}', 'file_id', ['file-x', 'file-mock999999', 'batch_mock000001'], NO_SUCH_FILE),
    brokenEncoding('GET /files/{file_id}', 'file_id'),
    noKey('GET /files/{file_id}'),
    ...idCases('DELETE /files/{file_id}', 'file_id', ['file-x', 'file-mock999999'], NO_SUCH_FILE),
    noKey('DELETE /files/{file_id}'),
    ...idCases('GET /files/{file_id}/content', 'file_id', ['file-x', 'file-mock999999'], NO_SUCH_FILE),
    noKey('GET /files/{file_id}/content'),
  ];
}

function fineTuningRoutes(fx: Fixtures): BadInputCase[] {
  const route = 'POST /fine_tuning/jobs';
  const valid = { model: 'gpt-4o-mini-2024-07-18', training_file: fx.file };
  const cases: BadInputCase[] = [
    ...jsonBodyCases(route, missing('model'), valid),
    ...missingCases(route, valid, ['model', 'training_file']),
    ...typeCases(route, valid, [
      ['model', 42, 'a string', 'an integer'],
      ['training_file', ['file-1'], 'a string', 'an array'],
      ['validation_file', 7, 'a string', 'an integer'],
      ['suffix', true, 'a string', 'a boolean'],
      ['seed', '42', 'an integer', 'a string'],
      ['seed', 1.5, 'an integer', 'a decimal number'],
      ['integrations', {}, 'an array', 'an object'],
      ['metadata', 'tag', 'an object', 'a string'],
      ['metadata.team', 5, 'a string', 'an integer'],
      ['hyperparameters', 'auto', 'an object', 'a string'],
      ['method', 'supervised', 'an object', 'a string'],
      ['hyperparameters.n_epochs', 'three', "'auto' or an integer", 'a string'],
    ]),
    { route, kind: 'wrong type', name: 'an empty model', request: { body: { json: { ...valid, model: '' } } }, expect: invalidRequest(400, "Invalid 'model': empty string. Expected a string with minimum length 1, but got an empty string instead.", 'model', 'empty_string') },
    { route, kind: 'wrong type', name: 'method.type unknown', request: { body: { json: { ...valid, method: { type: 'rlhf' } } } }, expect: invalidValue('method.type', 'rlhf', "'supervised', 'dpo', and 'reinforcement'") },
    { route, kind: 'wrong type', name: 'a seed below 0', request: { body: { json: { ...valid, seed: -1 } } }, expect: belowMin('seed', 0, -1) },
    { route, kind: 'oversize', name: 'a suffix of 65 characters', request: { body: { json: { ...valid, suffix: 's'.repeat(65) } } }, expect: tooLong('suffix', 64, 65) },
    { route, kind: 'oversize', name: 'metadata with 17 keys', request: { body: { json: { ...valid, metadata: sixteen } } }, expect: invalidRequest(400, "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.", 'metadata', 'object_above_max_properties') },
    { route, kind: 'oversize', name: 'a metadata value of 513 characters', request: { body: { json: { ...valid, metadata: { note: 'x'.repeat(513) } } } }, expect: tooLong('metadata.note', 512, 513) },
    { route, kind: 'oversize', name: 'a metadata key of 65 characters', request: { body: { json: { ...valid, metadata: { ['k'.repeat(65)]: 'v' } } } }, expect: tooLong('metadata', 64, 65, `metadata key '${'k'.repeat(65)}'`) },
    { route, kind: 'oversize', name: 'six integrations', request: { body: { json: { ...valid, integrations: Array.from({ length: 6 }, () => ({ type: 'wandb', wandb: { project: 'p' } })) } } }, expect: invalidRequest(400, "Invalid 'integrations': array too long. Expected an array with maximum length 5, but got an array with length 6 instead.", 'integrations', 'array_above_max_length') },
    { route, kind: 'unknown id', name: 'a training_file that does not exist', request: { body: { json: { ...valid, training_file: 'file-x' } } }, expect: invalidRequest(400, 'invalid training_file: file-x', 'training_file') },
    { route, kind: 'unknown id', name: 'a validation_file that does not exist', request: { body: { json: { ...valid, validation_file: 'file-x' } } }, expect: invalidRequest(400, 'invalid validation_file: file-x', 'validation_file'), unverified: 'the validation_file text, by analogy with training_file' },
    { route, kind: 'unknown id', name: 'a training_file uploaded for batches', request: { body: { json: { ...valid, training_file: fx.batchFile } } }, expect: invalidRequest(400, `invalid training_file: ${fx.batchFile}. The file has purpose 'batch'; fine-tuning needs a file uploaded with purpose 'fine-tune'.`, 'training_file'), unverified: 'the text after "invalid training_file: <id>"' },
    { route, kind: 'oversize', name: 'metadata nested 5,000 arrays deep', request: { body: { raw: withNested({ ...valid }, 'metadata', 5000), contentType: 'application/json' } }, expect: tooDeep('metadata', 5000), unverified: DEPTH_UNVERIFIED },
    { route, kind: 'wrong type', name: 'method.dpo.hyperparameters.beta as a string', request: { body: { json: { ...valid, method: { type: 'dpo', dpo: { hyperparameters: { beta: 'high' } } } } } }, expect: wrongType('method.dpo.hyperparameters.beta', "'auto' or a number", 'a string') },
    { route, kind: 'missing field', name: 'method without type', request: { body: { json: { ...valid, method: { supervised: {} } } } }, expect: missing('method.type') },
    { route, kind: 'missing field', name: 'a reinforcement method without a grader', request: { body: { json: { ...valid, method: { type: 'reinforcement' } } } }, expect: missing('method.reinforcement.grader') },
    { route, kind: 'oversize', name: 'n_epochs of 51', request: { body: { json: { ...valid, hyperparameters: { n_epochs: 51 } } } }, expect: invalidRequest(400, "Invalid 'hyperparameters.n_epochs': expected a value between 1 and 50, but got 51 instead.", 'hyperparameters.n_epochs', 'above_max_value'), unverified: 'the range wording' },
    { route, kind: 'oversize', name: 'a seed past 2^31 - 1', request: { body: { json: { ...valid, seed: 2_147_483_648 } } }, expect: aboveMax('seed', 2_147_483_647, 2_147_483_648) },
    { route, kind: 'unknown id', name: 'a model that cannot be fine-tuned', request: { body: { json: { ...valid, model: 'no-such-model' } } }, expect: invalidRequest(400, 'Model no-such-model is not available for fine-tuning or does not exist.', 'model', 'model_not_available') },
    { route, kind: 'unknown id', name: 'the model toString', request: { body: { json: { ...valid, model: 'toString' } } }, expect: invalidRequest(400, 'Model toString is not available for fine-tuning or does not exist.', 'model', 'model_not_available') },
    ...unknownCases(route, valid, 'that the fine-tuning endpoint refuses unknown keys, and with which text'),
    noKey(route, { body: { json: valid } }),
  ];
  const jobRoutes = [
    'GET /fine_tuning/jobs/{fine_tuning_job_id}',
    'POST /fine_tuning/jobs/{fine_tuning_job_id}/cancel',
    'POST /fine_tuning/jobs/{fine_tuning_job_id}/pause',
    'POST /fine_tuning/jobs/{fine_tuning_job_id}/resume',
    'GET /fine_tuning/jobs/{fine_tuning_job_id}/events',
    'GET /fine_tuning/jobs/{fine_tuning_job_id}/checkpoints',
  ];
  for (const r of jobRoutes) {
    cases.push(...idCases(r, 'fine_tuning_job_id', ['ftjob-x', 'ftjob-mock999999'], NO_SUCH_JOB, JOB_404_UNVERIFIED), noKey(r));
    if (r.startsWith('POST')) cases.push(...bodylessPostCases(r));
  }
  cases.push(
    ...limitCases('GET /fine_tuning/jobs', 100),
    ...afterCases('GET /fine_tuning/jobs', false),
    { route: 'GET /fine_tuning/jobs', kind: 'query', name: 'a metadata filter nothing matches', request: { query: { 'metadata[team]': 'nobody' } }, expect: { status: 200, why: 'the filter matches nothing: an empty page' } },
    { route: 'GET /fine_tuning/jobs', kind: 'query', name: 'a metadata filter on __proto__', request: { query: { 'metadata[__proto__]': 'x' } }, expect: { status: 200, why: 'no job has metadata named __proto__: an empty page' } },
    { route: 'GET /fine_tuning/jobs', kind: 'query', name: 'a metadata filter on constructor', request: { query: { 'metadata[constructor]': 'x' } }, expect: { status: 200, why: 'no job has metadata named constructor: an empty page' } },
    ...prototypeNameCases('GET /fine_tuning/jobs'),
    noKey('GET /fine_tuning/jobs'),
    ...limitCases('GET /fine_tuning/jobs/{fine_tuning_job_id}/events', 100),
    ...afterCases('GET /fine_tuning/jobs/{fine_tuning_job_id}/events', false),
    ...limitCases('GET /fine_tuning/jobs/{fine_tuning_job_id}/checkpoints', 100),
    ...afterCases('GET /fine_tuning/jobs/{fine_tuning_job_id}/checkpoints', true),
  );
  return cases;
}

function modelRoutes(): BadInputCase[] {
  const notFound = (id: string): ExpectedError => invalidRequest(404, `The model '${id}' does not exist`, 'model', 'model_not_found');
  return [
    { route: 'GET /models', kind: 'query', name: 'a limit the endpoint does not take', request: { query: { limit: '-1' } }, expect: { status: 200, why: 'GET /v1/models takes no query parameters; unknown ones are ignored' }, unverified: 'that unknown query parameters are ignored' },
    { route: 'GET /models', kind: 'query', name: 'an after the endpoint does not take', request: { query: { after: 'nothing-x', order: 'sideways' } }, expect: { status: 200, why: 'GET /v1/models takes no query parameters; unknown ones are ignored' }, unverified: 'that unknown query parameters are ignored' },
    noKey('GET /models'),
    ...idCases('GET /models/{model}', 'model', ['gpt-x', 'ft:gpt-4o-mini-2024-07-18:openai-mock::nothing', 'constructor', '__proto__'], notFound, 'param and code on the models 404'),
    brokenEncoding('GET /models/{model}', 'model'),
    noKey('GET /models/{model}'),
    ...idCases('DELETE /models/{model}', 'model', ['gpt-x', 'ft:gpt-4o-mini-2024-07-18:openai-mock::nothing'], notFound, 'param and code on the models 404'),
    {
      route: 'DELETE /models/{model}',
      kind: 'unknown id',
      name: 'a base model (not the caller’s to delete)',
      request: { params: { model: 'gpt-4o-mini' } },
      expect: { status: 403, type: 'invalid_request_error', param: 'model', code: 'model_not_deletable', message: 'You have insufficient permissions for this operation. Only fine-tuned models you own can be deleted.' },
      unverified: 'the 403 text for deleting a base model',
    },
    noKey('DELETE /models/{model}'),
  ];
}

function embeddingRoutes(): BadInputCase[] {
  const route = 'POST /embeddings';
  const valid = { model: 'text-embedding-3-small', input: 'hello' };
  const invalidInput = invalidRequest(400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.");
  return [
    ...jsonBodyCases(route, missing('model'), valid),
    ...missingCases(route, valid, ['model', 'input']),
    ...typeCases(route, valid, [
      ['model', 3, 'a string', 'an integer'],
      ['dimensions', '256', 'an integer', 'a string'],
      ['dimensions', 25.6, 'an integer', 'a decimal number'],
      ['user', 1, 'a string', 'an integer'],
    ]),
    { route, kind: 'wrong type', name: 'input as a boolean', request: { body: { json: { ...valid, input: true } } }, expect: invalidInput },
    { route, kind: 'wrong type', name: 'input as an object', request: { body: { json: { ...valid, input: { text: 'x' } } } }, expect: invalidInput },
    { route, kind: 'wrong type', name: 'input mixing strings and numbers', request: { body: { json: { ...valid, input: ['a', 1] } } }, expect: invalidInput },
    { route, kind: 'empty body', name: 'an empty input string', request: { body: { json: { ...valid, input: '' } } }, expect: invalidInput },
    { route, kind: 'empty body', name: 'an empty input array', request: { body: { json: { ...valid, input: [] } } }, expect: invalidInput },
    { route, kind: 'wrong type', name: 'encoding_format not float or base64', request: { body: { json: { ...valid, encoding_format: 'md5' } } }, expect: invalidRequest(400, "Invalid value for 'encoding_format' = md5. Supported values: ['float', 'base64'].") },
    { route, kind: 'wrong type', name: 'dimensions 0', request: { body: { json: { ...valid, dimensions: 0 } } }, expect: belowMin('dimensions', 1, 0) },
    { route, kind: 'unknown id', name: 'a model that does not exist', request: { body: { json: { ...valid, model: 'no-such-model' } } }, expect: invalidRequest(404, 'The model `no-such-model` does not exist or you do not have access to it.', null, 'model_not_found') },
    { route, kind: 'wrong type', name: 'a chat model', request: { body: { json: { ...valid, model: 'gpt-4o-mini' } } }, expect: invalidRequest(403, 'You are not allowed to generate embeddings from this model') },
    { route, kind: 'unknown id', name: 'the model constructor', request: { body: { json: { ...valid, model: 'constructor' } } }, expect: invalidRequest(404, 'The model `constructor` does not exist or you do not have access to it.', null, 'model_not_found') },
    { route, kind: 'oversize', name: 'dimensions past the model’s own', request: { body: { json: { ...valid, dimensions: 1537 } } }, expect: aboveMax('dimensions', 1536, 1537), unverified: 'the text for dimensions past the model’s size' },
    { route, kind: 'wrong type', name: 'dimensions with ada-002', request: { body: { json: { ...valid, model: 'text-embedding-ada-002', dimensions: 512 } } }, expect: invalidRequest(400, 'This model does not support specifying dimensions.') },
    { route, kind: 'wrong type', name: 'token ids that are not integers', request: { body: { json: { ...valid, input: [1.5, 2] } } }, expect: invalidInput },
    { route, kind: 'empty body', name: 'an empty token list in a list', request: { body: { json: { ...valid, input: [[1, 2], []] } } }, expect: invalidInput },
    { route, kind: 'oversize', name: '2,049 inputs', request: { body: { json: { ...valid, input: Array.from({ length: 2049 }, () => 'a') } } }, expect: invalidInput },
    { route, kind: 'oversize', name: 'one input over 8,192 tokens', request: { body: { json: { ...valid, input: 'word '.repeat(8200) } } }, expect: invalidRequest(400, /^This model's maximum context length is 8192 tokens, however you requested \d+ tokens/) },
    { route, kind: 'oversize', name: 'a request over 300,000 tokens', request: { body: { json: { ...valid, input: Array.from({ length: 41 }, () => 'word '.repeat(6000)) } } }, expect: { status: 400, type: 'max_tokens_per_request', param: null, code: 'max_tokens_per_request', message: /^Requested \d+ tokens, max 300000 tokens per request$/ } },
    ...unknownCases(route, valid, 'that the embeddings endpoint refuses unknown keys, and with which text'),
    noKey(route, { body: { json: valid } }),
  ];
}

function moderationRoutes(): BadInputCase[] {
  const route = 'POST /moderations';
  const valid = { input: 'hello' };
  const inputTypes = 'one of a string, array of strings, or array of objects';
  const noModel = (model: string): ExpectedError =>
    invalidRequest(404, `The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found');
  const modelUnverified = 'the 404 text on the moderations endpoint (the one the other endpoints give)';
  const shapeUnverified = 'the wording for an input of the wrong shape (modelled on the API’s other type errors)';
  const part = (value: unknown): CaseRequest => ({ body: { json: { input: [value] } } });
  return [
    ...jsonBodyCases(route, missing('input'), valid),
    ...missingCases(route, valid, ['input']),
    ...typeCases(route, valid, [['model', 3, 'a string', 'an integer']]),
    ...typeCases(route, valid, [
      ['input', 5, inputTypes, 'an integer'],
      ['input', { text: 'x' }, inputTypes, 'an object'],
      ['input', true, inputTypes, 'a boolean'],
    ]).map((c) => ({ ...c, unverified: shapeUnverified })),
    { route, kind: 'wrong type', name: 'input mixing strings and numbers', request: { body: { json: { input: ['a', 1] } } }, expect: wrongType('input[1]', 'a string', 'an integer'), unverified: shapeUnverified },
    { route, kind: 'wrong type', name: 'input of numbers', request: { body: { json: { input: [1, 2] } } }, expect: wrongType('input[0]', 'one of a string or object', 'an integer'), unverified: shapeUnverified },
    { route, kind: 'wrong type', name: 'a string after a multi-modal part', request: { body: { json: { input: [{ type: 'text', text: 'a' }, 'b'] } } }, expect: wrongType('input[1]', 'an object', 'a string'), unverified: shapeUnverified },
    { route, kind: 'empty body', name: 'an empty input array', request: { body: { json: { input: [] } } }, expect: invalidRequest(400, "Invalid 'input': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'input', 'empty_array'), unverified: 'that an empty array is refused (the spec sets no minimum)' },
    { route, kind: 'wrong type', name: 'a part of an unknown type', request: part({ type: 'audio', audio: 'x' }), expect: invalidValue('input[0].type', 'audio', "'text' and 'image_url'") },
    { route, kind: 'missing field', name: 'a part without a type', request: part({ text: 'a' }), expect: missing('input[0].type') },
    { route, kind: 'missing field', name: 'a text part without its text', request: part({ type: 'text' }), expect: missing('input[0].text') },
    { route, kind: 'wrong type', name: 'an image_url that is a string', request: part({ type: 'image_url', image_url: 'https://example.com/a.png' }), expect: wrongType('input[0].image_url', 'an object', 'a string') },
    { route, kind: 'missing field', name: 'an image part without its url', request: part({ type: 'image_url', image_url: {} }), expect: missing('input[0].image_url.url') },
    { route, kind: 'unknown field', name: 'an unknown key in an image part', request: part({ type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } }), expect: unknownParam('input[0].image_url.detail'), unverified: 'that unknown members of a part are refused' },
    {
      route,
      kind: 'wrong type',
      name: 'an image for a legacy text model',
      request: { body: { json: { model: 'text-moderation-latest', input: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] } } },
      expect: invalidRequest(400, 'The model `text-moderation-latest` does not support image inputs; use omni-moderation-latest.', 'input', 'invalid_value'),
      unverified: 'the status and text for an image sent to a legacy text model',
    },
    { route, kind: 'unknown id', name: 'a model that does not exist', request: { body: { json: { ...valid, model: 'no-such-model' } } }, expect: noModel('no-such-model'), unverified: modelUnverified },
    { route, kind: 'unknown id', name: 'a chat model', request: { body: { json: { ...valid, model: 'gpt-4o-mini' } } }, expect: noModel('gpt-4o-mini'), unverified: 'the answer for a model that exists but does not moderate' },
    { route, kind: 'unknown id', name: 'the model constructor', request: { body: { json: { ...valid, model: 'constructor' } } }, expect: noModel('constructor'), unverified: modelUnverified },
    ...unknownCases(route, valid, 'that the moderations endpoint refuses unknown keys, and with which text'),
    noKey(route, { body: { json: valid } }),
  ];
}

function uploadRoutes(fx: Fixtures): BadInputCase[] {
  const route = 'POST /uploads';
  const valid = { filename: 'big.jsonl', purpose: 'fine-tune', bytes: 10, mime_type: 'text/jsonl' };
  const cases: BadInputCase[] = [
    ...jsonBodyCases(route, missing('filename'), valid),
    ...missingCases(route, valid, ['filename', 'purpose', 'bytes', 'mime_type']),
    ...typeCases(route, valid, [
      ['filename', 1, 'a string', 'an integer'],
      ['purpose', ['batch'], 'a string', 'an array'],
      ['bytes', '10', 'an integer', 'a string'],
      ['bytes', 1.5, 'an integer', 'a decimal number'],
      ['mime_type', {}, 'a string', 'an object'],
      ['expires_after', 'soon', 'an object', 'a string'],
    ]),
    { route, kind: 'wrong type', name: 'an unknown purpose', request: { body: { json: { ...valid, purpose: 'fun' } } }, expect: invalidValue('purpose', 'fun', "'assistants', 'batch', 'fine-tune', 'vision', 'user_data', and 'evals'") },
    { route, kind: 'wrong type', name: 'negative bytes', request: { body: { json: { ...valid, bytes: -1 } } }, expect: belowMin('bytes', 0, -1) },
    { route, kind: 'oversize', name: 'bytes over 8 GB', request: { body: { json: { ...valid, bytes: 8 * 1024 ** 3 + 1 } } }, expect: aboveMax('bytes', 8 * 1024 ** 3, 8 * 1024 ** 3 + 1) },
    ...unknownCases(route, valid, 'that the uploads endpoint refuses unknown keys, and with which text'),
    noKey(route, { body: { json: valid } }),
  ];
  const parts = 'POST /uploads/{upload_id}/parts';
  const data = { data: { filename: 'blob', content: '0123456789' } };
  cases.push(
    ...idCases(parts, 'upload_id', ['upload_x', 'upload_mock999999'], NO_SUCH_UPLOAD, UPLOAD_404_UNVERIFIED),
    { route: parts, kind: 'missing field', name: 'without data', request: { body: { form: { fields: { other: 'x' } } } }, expect: missing('data') },
    { route: parts, kind: 'content type', name: 'a JSON body', request: { body: { json: { data: 'abc' } } }, expect: NOT_MULTIPART, unverified: 'the text for a JSON body sent to a multipart endpoint' },
    { route: parts, kind: 'empty body', name: 'no body', request: {}, expect: NOT_MULTIPART, unverified: 'the text for a request with no body' },
    { route: parts, kind: 'multipart', name: 'multipart without a boundary', request: { body: { raw: '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\nabc\r\n--x--\r\n', contentType: 'multipart/form-data' } }, expect: BROKEN_MULTIPART, unverified: 'the text for unparseable multipart' },
    { route: parts, kind: 'multipart', name: 'multipart cut off mid-part', request: { body: { raw: '--x\r\nContent-Disposition: form-data; name="data"; filename="b"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=x' } }, expect: BROKEN_MULTIPART, unverified: 'the text for unparseable multipart' },
    { route: parts, kind: 'oversize', name: 'a part over 64 MB', request: { body: { form: { files: { data: { filename: 'blob', content: new Uint8Array(64 * 1024 ** 2 + 1) } } } } }, expect: invalidRequest(400, `Invalid 'data': a part can be at most 64 MB (${64 * 1024 ** 2} bytes), but this one is ${64 * 1024 ** 2 + 1} bytes.`, 'data'), unverified: 'the text for an oversize part' },
    noKey(parts, { body: { form: { files: data } } }),
  );
  const complete = 'POST /uploads/{upload_id}/complete';
  const validComplete = { part_ids: ['part_x'] };
  cases.push(
    ...idCases(complete, 'upload_id', ['upload_x', 'upload_mock999999'], NO_SUCH_UPLOAD, UPLOAD_404_UNVERIFIED),
    ...jsonBodyCases(complete, missing('part_ids'), validComplete),
    ...missingCases(complete, validComplete, ['part_ids']),
    ...typeCases(complete, validComplete, [
      ['part_ids', 'part_x', 'an array', 'a string'],
      ['md5', 5, 'a string', 'an integer'],
    ]),
    { route: complete, kind: 'wrong type', name: 'a part id that is a number', request: { body: { json: { part_ids: [1] } } }, expect: wrongType('part_ids[0]', 'a string', 'an integer') },
    { route: complete, kind: 'wrong type', name: 'no parts for an upload of 10 bytes', request: { body: { json: { part_ids: [] } } }, expect: invalidRequest(400, `The parts listed add up to 0 bytes, but upload ${fx.upload} was created with bytes: 10. The number of bytes uploaded must match the number specified when creating the upload.`, 'part_ids'), unverified: 'the text for parts that do not add up to the declared bytes' },
    { route: complete, kind: 'unknown id', name: 'a part that was never added', request: { body: { json: { part_ids: ['part_nothing'] } } }, expect: invalidRequest(400, `Invalid 'part_ids': no part part_nothing was added to upload ${fx.upload}.`, 'part_ids'), unverified: 'the text for an unknown part id' },
    ...unknownCases(complete, validComplete, 'that the uploads endpoint refuses unknown keys, and with which text'),
    noKey(complete, { body: { json: validComplete } }),
  );
  const cancel = 'POST /uploads/{upload_id}/cancel';
  cases.push(
    ...idCases(cancel, 'upload_id', ['upload_x', 'upload_mock999999'], NO_SUCH_UPLOAD, UPLOAD_404_UNVERIFIED),
    ...bodylessPostCases(cancel),
    noKey(cancel),
  );
  return cases;
}

function chatRoutes(): BadInputCase[] {
  const route = 'POST /chat/completions';
  const valid = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
  return [
    ...jsonBodyCases(route, invalidRequest(400, 'you must provide a model parameter'), valid),
    { route, kind: 'missing field', name: 'without model', request: { body: { json: without(valid, 'model') } }, expect: invalidRequest(400, 'you must provide a model parameter') },
    { route, kind: 'missing field', name: 'without messages', request: { body: { json: without(valid, 'messages') } }, expect: missing('messages') },
    ...typeCases(route, valid, [
      ['messages', 'Hi', 'an array of objects', 'a string'],
      ['temperature', 'hot', 'a decimal', 'a string'],
      ['n', '2', 'an integer', 'a string'],
      ['stream', 'yes', 'a boolean', 'a string'],
      ['max_completion_tokens', 1.5, 'an integer', 'a decimal number'],
      ['user', 5, 'a string', 'an integer'],
    ]),
    { route, kind: 'wrong type', name: 'a message that is a string', request: { body: { json: { ...valid, messages: ['Hi'] } } }, expect: wrongType('messages[0]', 'an object', 'a string') },
    { route, kind: 'missing field', name: 'a message without a role', request: { body: { json: { ...valid, messages: [{ content: 'Hi' }] } } }, expect: missing('messages[0].role') },
    { route, kind: 'missing field', name: 'a tool message without tool_call_id', request: { body: { json: { ...valid, messages: [{ role: 'tool', content: 'x' }] } } }, expect: missing('messages[0].tool_call_id') },
    { route, kind: 'wrong type', name: 'a content part of an unknown type', request: { body: { json: { ...valid, messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }] } } }, expect: invalidValue('messages[0].content[0].type', 'video', "'text', 'image_url', 'input_audio', and 'file'"), unverified: 'the order the types are listed in' },
    { route, kind: 'wrong type', name: 'a tool message with no call before it', request: { body: { json: { ...valid, messages: [{ role: 'tool', tool_call_id: 'call_1', content: 'x' }] } } }, expect: invalidRequest(400, "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", 'messages.[0].role') },
    { route, kind: 'wrong type', name: 'tool_choice without tools', request: { body: { json: { ...valid, tool_choice: 'required' } } }, expect: invalidRequest(400, "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice') },
    { route, kind: 'wrong type', name: 'stream_options without stream', request: { body: { json: { ...valid, stream_options: { include_usage: true } } } }, expect: invalidRequest(400, "The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options') },
    { route, kind: 'wrong type', name: 'json_object without the word json', request: { body: { json: { ...valid, response_format: { type: 'json_object' } } } }, expect: invalidRequest(400, "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages') },
    { route, kind: 'oversize', name: 'n of 129', request: { body: { json: { ...valid, n: 129 } } }, expect: aboveMax('n', 128, 129) },
    { route, kind: 'wrong type', name: 'a message with an unknown role', request: { body: { json: { ...valid, messages: [{ role: 'robot', content: 'Hi' }] } } }, expect: invalidValue('messages[0].role', 'robot', "'system', 'assistant', 'user', 'function', 'tool', and 'developer'") },
    { route, kind: 'empty body', name: 'empty messages', request: { body: { json: { ...valid, messages: [] } } }, expect: invalidRequest(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array') },
    { route, kind: 'wrong type', name: 'temperature above 2', request: { body: { json: { ...valid, temperature: 3 } } }, expect: aboveMax('temperature', 2, 3, 'decimal') },
    { route, kind: 'wrong type', name: 'n of 0', request: { body: { json: { ...valid, n: 0 } } }, expect: belowMin('n', 1, 0) },
    { route, kind: 'unknown id', name: 'a model that does not exist', request: { body: { json: { ...valid, model: 'no-such-model' } } }, expect: invalidRequest(404, 'The model `no-such-model` does not exist or you do not have access to it.', null, 'model_not_found') },
    { route, kind: 'unknown id', name: 'the model __proto__', request: { body: { json: { ...valid, model: '__proto__' } } }, expect: invalidRequest(404, 'The model `__proto__` does not exist or you do not have access to it.', null, 'model_not_found') },
    { route, kind: 'oversize', name: 'metadata with 17 keys', request: { body: { json: { ...valid, store: true, metadata: sixteen } } }, expect: invalidRequest(400, "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.", 'metadata', 'object_above_max_properties') },
    { route, kind: 'unknown field', name: 'an unknown key (gpt-4o-mini)', request: { body: { json: { ...valid, foo: 1 } } }, expect: invalidRequest(400, 'Unrecognized request argument supplied: foo') },
    { route, kind: 'unknown field', name: 'two unknown keys (gpt-4o-mini)', request: { body: { json: { ...valid, foo: 1, bar: 2 } } }, expect: invalidRequest(400, 'Unrecognized request arguments supplied: foo, bar') },
    { route, kind: 'unknown field', name: 'an unknown key (o3-mini)', request: { body: { json: { ...valid, model: 'o3-mini', foo: 1 } } }, expect: unknownParam('foo'), unverified: 'that the wording follows the model family' },
    noKey(route, { body: { json: valid } }),
  ];
}

function responseRoutes(): BadInputCase[] {
  const route = 'POST /responses';
  const valid = { model: 'gpt-4o-mini', input: 'Hi' };
  const cases: BadInputCase[] = [
    ...jsonBodyCases(route, missing('model'), valid),
    { route, kind: 'missing field', name: 'without model', request: { body: { json: without(valid, 'model') } }, expect: missing('model') },
    ...typeCases(route, valid, [
      ['instructions', 5, 'a string', 'an integer'],
      ['store', 'yes', 'a boolean', 'a string'],
      ['max_output_tokens', '100', 'an integer', 'a string'],
      ['previous_response_id', 1, 'a string', 'an integer'],
      ['metadata.team', 5, 'a string', 'an integer'],
    ]),
    { route, kind: 'wrong type', name: 'temperature above 2', request: { body: { json: { ...valid, temperature: 2.5 } } }, expect: aboveMax('temperature', 2, 2.5, 'decimal') },
    { route, kind: 'wrong type', name: 'background without store', request: { body: { json: { ...valid, background: true, store: false } } }, expect: invalidRequest(400, 'Background mode requires store=true.', 'store'), unverified: 'the text for background without store' },
    { route, kind: 'wrong type', name: 'a function_call_output with no call', request: { body: { json: { ...valid, input: [{ type: 'function_call_output', call_id: 'call_1', output: 'x' }] } } }, expect: invalidRequest(400, 'No tool call found for function call output with call_id call_1.', 'input') },
    { route, kind: 'wrong type', name: 'tool_choice naming a tool not given', request: { body: { json: { ...valid, tools: [{ type: 'function', name: 'a', parameters: { type: 'object', properties: {} } }], tool_choice: { type: 'function', name: 'b' } } } }, expect: invalidRequest(400, "Tool choice 'b' not found in 'tools' parameter.", 'tool_choice') },
    { route, kind: 'wrong type', name: 'json_object without the word json', request: { body: { json: { ...valid, text: { format: { type: 'json_object' } } } } }, expect: invalidRequest(400, "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'.", 'input'), unverified: 'param' },
    { route, kind: 'oversize', name: 'metadata with 17 keys', request: { body: { json: { ...valid, metadata: sixteen } } }, expect: invalidRequest(400, "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.", 'metadata', 'object_above_max_properties') },
    { route, kind: 'oversize', name: 'top_logprobs of 21', request: { body: { json: { ...valid, top_logprobs: 21 } } }, expect: aboveMax('top_logprobs', 20, 21) },
    { route, kind: 'wrong type', name: 'max_output_tokens below 16', request: { body: { json: { ...valid, max_output_tokens: 1 } } }, expect: belowMin('max_output_tokens', 16, 1) },
    { route, kind: 'wrong type', name: 'truncation not auto or disabled', request: { body: { json: { ...valid, truncation: 'sometimes' } } }, expect: invalidValue('truncation', 'sometimes', "'auto' and 'disabled'") },
    { route, kind: 'unknown id', name: 'a model that does not exist', request: { body: { json: { ...valid, model: 'no-such-model' } } }, expect: invalidRequest(404, 'The model `no-such-model` does not exist or you do not have access to it.', null, 'model_not_found') },
    { route, kind: 'unknown id', name: 'a previous_response_id that does not exist', request: { body: { json: { ...valid, previous_response_id: 'resp_x' } } }, expect: invalidRequest(400, "Previous response with id 'resp_x' not found.", 'previous_response_id', 'previous_response_not_found') },
    { route, kind: 'oversize', name: 'a metadata value of 513 characters', request: { body: { json: { ...valid, metadata: { note: 'x'.repeat(513) } } } }, expect: tooLong('metadata.note', 512, 513) },
    { route, kind: 'unknown field', name: 'a chat key that moved (messages)', request: { body: { json: { ...valid, messages: [] } } }, expect: invalidRequest(400, "Unsupported parameter: 'messages'. In the Responses API, this parameter has moved to 'input'. Try again with the new parameter. See the API documentation for more information: https://platform.openai.com/docs/api-reference/responses/create.", null, 'unsupported_parameter') },
    { route, kind: 'unknown field', name: 'a constructor key', request: { body: { json: { ...valid, constructor: 1 } } }, expect: unknownParam('constructor') },
    { route, kind: 'unknown field', name: 'a chat-only key (max_tokens)', request: { body: { json: { ...valid, max_tokens: 5 } } }, expect: unknownParam('max_tokens') },
    ...unknownCases(route, valid),
    noKey(route, { body: { json: valid } }),
  ];
  for (const r of ['GET /responses/{response_id}', 'DELETE /responses/{response_id}', 'POST /responses/{response_id}/cancel', 'GET /responses/{response_id}/input_items']) {
    cases.push(...idCases(r, 'response_id', ['resp_x', 'resp_mock999999'], NO_SUCH_RESPONSE), noKey(r));
  }
  cases.push(
    ...bodylessPostCases('POST /responses/{response_id}/cancel'),
    ...limitCases('GET /responses/{response_id}/input_items', 100),
    ...orderCases('GET /responses/{response_id}/input_items'),
    ...afterCases('GET /responses/{response_id}/input_items', true),
  );
  return cases;
}

function batchRoutes(fx: Fixtures): BadInputCase[] {
  const route = 'POST /batches';
  const valid = { input_file_id: fx.batchFile, endpoint: '/v1/chat/completions', completion_window: '24h' };
  const endpoints = "'/v1/responses', '/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/moderations', '/v1/images/generations', '/v1/images/edits', and '/v1/videos'";
  const cases: BadInputCase[] = [
    ...jsonBodyCases(route, missing('input_file_id'), valid),
    ...missingCases(route, valid, ['input_file_id', 'endpoint', 'completion_window']),
    ...typeCases(route, valid, [
      ['input_file_id', 5, 'a string', 'an integer'],
      ['endpoint', ['/v1/embeddings'], 'a string', 'an array'],
      ['completion_window', 24, 'a string', 'an integer'],
      ['metadata', [], 'an object', 'an array'],
      ['metadata.tags', ['a'], 'a string', 'an array'],
      ['output_expires_after', 'soon', 'an object', 'a string'],
    ]),
    { route, kind: 'wrong type', name: 'an endpoint the Batch API does not take', request: { body: { json: { ...valid, endpoint: '/v1/invalid/endpoint' } } }, expect: invalidValue('endpoint', '/v1/invalid/endpoint', endpoints) },
    { route, kind: 'wrong type', name: 'completion_window 48h', request: { body: { json: { ...valid, completion_window: '48h' } } }, expect: invalidValue('completion_window', '48h', "'24h'") },
    { route, kind: 'empty body', name: 'completion_window empty', request: { body: { json: { ...valid, completion_window: '' } } }, expect: invalidValue('completion_window', '', "'24h'") },
    { route, kind: 'oversize', name: 'metadata with 17 keys', request: { body: { json: { ...valid, metadata: sixteen } } }, expect: invalidRequest(400, "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.", 'metadata', 'object_above_max_properties') },
    { route, kind: 'oversize', name: 'a metadata value of 513 characters', request: { body: { json: { ...valid, metadata: { note: 'x'.repeat(513) } } } }, expect: tooLong('metadata.note', 512, 513) },
    { route, kind: 'missing field', name: 'output_expires_after without anchor', request: { body: { json: { ...valid, output_expires_after: { seconds: 3600 } } } }, expect: missing('output_expires_after.anchor') },
    { route, kind: 'wrong type', name: 'output_expires_after.anchor not created_at', request: { body: { json: { ...valid, output_expires_after: { anchor: 'now', seconds: 3600 } } } }, expect: invalidValue('output_expires_after.anchor', 'now', "'created_at'") },
    { route, kind: 'wrong type', name: 'output_expires_after.seconds under an hour', request: { body: { json: { ...valid, output_expires_after: { anchor: 'created_at', seconds: 60 } } } }, expect: belowMin('output_expires_after.seconds', 3600, 60) },
    { route, kind: 'oversize', name: 'a metadata key of 65 characters', request: { body: { json: { ...valid, metadata: { ['k'.repeat(65)]: 'v' } } } }, expect: tooLong('metadata', 64, 65, `metadata key '${'k'.repeat(65)}'`) },
    { route, kind: 'oversize', name: 'output_expires_after.seconds past 30 days', request: { body: { json: { ...valid, output_expires_after: { anchor: 'created_at', seconds: 2592001 } } } }, expect: aboveMax('output_expires_after.seconds', 2592000, 2592001) },
    ...unknownCases(route, valid, 'that the batches endpoint refuses unknown keys, and with which text'),
    noKey(route, { body: { json: valid } }),
    ...limitCases('GET /batches', 100),
    ...prototypeNameCases('GET /batches'),
    ...afterCases('GET /batches', true),
    noKey('GET /batches'),
  ];
  for (const r of ['GET /batches/{batch_id}', 'POST /batches/{batch_id}/cancel']) {
    cases.push(...idCases(r, 'batch_id', ['batch_x', 'batch_mock999999', fx.file], NO_SUCH_BATCH), noKey(r), brokenEncoding(r, 'batch_id'));
  }
  cases.push(...bodylessPostCases('POST /batches/{batch_id}/cancel'));
  return cases;
}

// --- values built to break a server ------------------------------------------------------------

/** An object whose `toString` and `valueOf` are not functions: coercing it to a string throws. */
const TRAP = '{"toString":1,"valueOf":1}';
const TRAP_UNVERIFIED = 'how the API quotes a value that is not a string in an invalid-value error (the mock writes its JSON)';
const NUMBER_UNVERIFIED = "the API's answer to a number past the range of a double (JSON.parse reads 1e309 as Infinity)";
/** `[[[…0…]]]` and `{"a":{"a":…1…}}`, as JSON text: too deep for JSON.stringify in a test worker. */
const deepArray = (depth: number): string => `${'['.repeat(depth)}0${']'.repeat(depth)}`;
const deepObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const outOfRange = (param: string, shown = 'Infinity'): ExpectedError =>
  invalidRequest(400, `Invalid '${param}': number out of range. Expected a finite number, but got ${shown} instead.`, param, 'number_out_of_range');
const trapValue = (param: string, supported: string): ExpectedError => invalidValue(param, TRAP, supported);

/** One case whose body is `valid` with `path` (dotted) set to the JSON text `raw`. */
function rawCase(route: string, kind: CaseKind, name: string, valid: Record<string, unknown>, path: string, raw: string, expect: ExpectedError, unverified: string): BadInputCase {
  const text = JSON.stringify(setPath(valid, path, '@@raw@@')).replace('"@@raw@@"', raw);
  return { route, kind, name, request: { body: { raw: text, contentType: 'application/json' } }, expect, unverified };
}

/** A field nested 6,000 arrays deep, and one 6,000 objects deep: refused before anything is read. */
function deepCases(route: string, valid: Record<string, unknown>, field: string): BadInputCase[] {
  return [
    rawCase(route, 'oversize', `${field} nested 6,000 arrays deep`, valid, field, deepArray(6000), tooDeep(field, 6000), DEPTH_UNVERIFIED),
    rawCase(route, 'oversize', `${field} nested 6,000 objects deep`, valid, field, deepObject(6000), tooDeep(field, 6000), DEPTH_UNVERIFIED),
  ];
}

/**
 * Values nested thousands deep, objects whose toString is not a function in the fields that name
 * one of a set of values, and numbers JSON.parse turns into Infinity, on every route whose body
 * holds them. Each answer is a 400 in the API's envelope, with nothing stored.
 */
function hostileCases(fx: Fixtures): BadInputCase[] {
  const job = { model: 'gpt-4o-mini-2024-07-18', training_file: fx.file };
  const embedding = { model: 'text-embedding-3-small', input: 'hello' };
  const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
  const response = { model: 'gpt-4o-mini', input: 'Hi' };
  const batch = { input_file_id: fx.batchFile, endpoint: '/v1/chat/completions', completion_window: '24h' };
  const upload = { filename: 'big.jsonl', purpose: 'fine-tune', bytes: 10, mime_type: 'text/jsonl' };
  const fineTuning = 'POST /fine_tuning/jobs';
  const embeddings = 'POST /embeddings';
  const moderations = 'POST /moderations';
  const chatRoute = 'POST /chat/completions';
  const responses = 'POST /responses';
  const batches = 'POST /batches';
  const uploads = 'POST /uploads';
  const complete = 'POST /uploads/{upload_id}/complete';
  const cases: BadInputCase[] = [
    ...deepCases(fineTuning, job, 'method'),
    rawCase(fineTuning, 'wrong type', 'method.type a toString object', job, 'method', `{"type":${TRAP}}`, trapValue('method.type', "'supervised', 'dpo', and 'reinforcement'"), TRAP_UNVERIFIED),
    rawCase(fineTuning, 'wrong type', 'integrations[0].type a toString object', job, 'integrations', `[{"type":${TRAP},"wandb":{"project":"p"}}]`, trapValue('integrations[0].type', "'wandb'"), TRAP_UNVERIFIED),
    rawCase(fineTuning, 'oversize', 'learning_rate_multiplier 1e309', job, 'hyperparameters', '{"learning_rate_multiplier":1e309}', outOfRange('hyperparameters.learning_rate_multiplier'), NUMBER_UNVERIFIED),
    rawCase(fineTuning, 'oversize', 'a dpo beta of -1e309', job, 'method', '{"type":"dpo","dpo":{"hyperparameters":{"beta":-1e309}}}', outOfRange('method.dpo.hyperparameters.beta', '-Infinity'), NUMBER_UNVERIFIED),
    rawCase(fineTuning, 'oversize', 'a seed of 1e400', job, 'seed', '1e400', outOfRange('seed'), NUMBER_UNVERIFIED),

    ...deepCases(embeddings, embedding, 'input'),
    rawCase(embeddings, 'wrong type', 'encoding_format a toString object', embedding, 'encoding_format', TRAP, invalidRequest(400, `Invalid value for 'encoding_format' = ${TRAP}. Supported values: ['float', 'base64'].`), TRAP_UNVERIFIED),
    rawCase(embeddings, 'oversize', 'dimensions 1e309', embedding, 'dimensions', '1e309', outOfRange('dimensions'), NUMBER_UNVERIFIED),
    rawCase(embeddings, 'oversize', 'a token id of 1e309', embedding, 'input', '[1,1e309]', outOfRange('input[1]'), NUMBER_UNVERIFIED),

    ...deepCases(moderations, { input: 'hello' }, 'input'),
    rawCase(moderations, 'wrong type', 'input[0].type a toString object', { input: 'hello' }, 'input', `[{"type":${TRAP},"text":"hi"}]`, trapValue('input[0].type', "'text' and 'image_url'"), TRAP_UNVERIFIED),
    rawCase(moderations, 'oversize', 'an input of 1e309', { input: 'hello' }, 'input', '[1e309]', outOfRange('input[0]'), NUMBER_UNVERIFIED),

    ...deepCases(chatRoute, chat, 'tools'),
    rawCase(chatRoute, 'oversize', 'a function schema nested 6,000 levels', chat, 'tools', `[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":${deepObject(6000)}}}}}]`, tooDeep('tools', 6005), DEPTH_UNVERIFIED),
    rawCase(chatRoute, 'wrong type', 'a content part type a toString object', chat, 'messages', `[{"role":"user","content":[{"type":${TRAP},"text":"Hi"}]}]`, trapValue('messages[0].content[0].type', "'text', 'image_url', 'input_audio', and 'file'"), TRAP_UNVERIFIED),
    rawCase(chatRoute, 'wrong type', 'tools[0].type a toString object', chat, 'tools', `[{"type":${TRAP}}]`, trapValue('tools[0].type', "'function' and 'custom'"), TRAP_UNVERIFIED),
    rawCase(chatRoute, 'wrong type', 'response_format.type a toString object', chat, 'response_format', `{"type":${TRAP}}`, trapValue('response_format.type', "'json_object', 'json_schema', and 'text'"), TRAP_UNVERIFIED),
    rawCase(chatRoute, 'wrong type', 'tool_choice.type a toString object', { ...chat, tools: [{ type: 'function', function: { name: 'f' } }] }, 'tool_choice', `{"type":${TRAP},"function":{"name":"f"}}`, trapValue('tool_choice.type', "'function', 'custom', and 'allowed_tools'"), TRAP_UNVERIFIED),
    rawCase(chatRoute, 'oversize', 'temperature 1e309', chat, 'temperature', '1e309', outOfRange('temperature'), NUMBER_UNVERIFIED),
    rawCase(chatRoute, 'oversize', 'a logit_bias of -1e309', chat, 'logit_bias', '{"50256":-1e309}', outOfRange('logit_bias.50256', '-Infinity'), NUMBER_UNVERIFIED),

    ...deepCases(responses, response, 'text'),
    rawCase(responses, 'oversize', 'a text.format schema nested 6,000 levels', response, 'text', `{"format":{"type":"json_schema","name":"s","schema":{"type":"object","properties":{"a":${'{"type":"array","items":'.repeat(6000)}{"type":"string"}${'}'.repeat(6000)}}}}}`, tooDeep('text', 6005), DEPTH_UNVERIFIED),
    rawCase(responses, 'wrong type', 'a text.format schema whose type is a toString object', response, 'text', `{"format":{"type":"json_schema","name":"s","schema":{"type":${TRAP}}}}`, invalidRequest(400, `Invalid schema for response_format 's': schema must be a JSON Schema of 'type: "object"', got 'type: "${TRAP}"'.`, 'text.format.schema', 'invalid_json_schema'), TRAP_UNVERIFIED),
    rawCase(responses, 'oversize', 'temperature 1e309', response, 'temperature', '1e309', outOfRange('temperature'), NUMBER_UNVERIFIED),
    rawCase(responses, 'oversize', 'a schema minItems of 1e309', response, 'text', '{"format":{"type":"json_schema","name":"s","schema":{"type":"object","properties":{"n":{"type":"array","minItems":1e309}}}}}', outOfRange('text.format.schema.properties.n.minItems'), NUMBER_UNVERIFIED),

    ...deepCases(batches, batch, 'metadata'),
    rawCase(batches, 'wrong type', 'output_expires_after.anchor a toString object', batch, 'output_expires_after', `{"anchor":${TRAP},"seconds":3600}`, trapValue('output_expires_after.anchor', "'created_at'"), TRAP_UNVERIFIED),
    rawCase(batches, 'oversize', 'output_expires_after.seconds 1e309', batch, 'output_expires_after', '{"anchor":"created_at","seconds":1e309}', outOfRange('output_expires_after.seconds'), NUMBER_UNVERIFIED),

    ...deepCases(uploads, upload, 'expires_after'),
    rawCase(uploads, 'wrong type', 'expires_after.anchor a toString object', upload, 'expires_after', `{"anchor":${TRAP},"seconds":3600}`, trapValue('expires_after.anchor', "'created_at'"), TRAP_UNVERIFIED),
    rawCase(uploads, 'oversize', 'bytes 1e309', upload, 'bytes', '1e309', outOfRange('bytes'), NUMBER_UNVERIFIED),
    ...deepCases(complete, { part_ids: ['part_x'] }, 'part_ids'),
  ];
  // A POST that takes no parameters still reads its body: a deep one is refused once the id is found.
  for (const route of [
    'POST /fine_tuning/jobs/{fine_tuning_job_id}/cancel',
    'POST /fine_tuning/jobs/{fine_tuning_job_id}/pause',
    'POST /fine_tuning/jobs/{fine_tuning_job_id}/resume',
    'POST /batches/{batch_id}/cancel',
    'POST /responses/{response_id}/cancel',
    'POST /uploads/{upload_id}/cancel',
  ]) {
    cases.push(rawCase(route, 'oversize', 'a body nested 6,000 arrays deep', {}, 'reason', deepArray(6000), tooDeep('reason', 6000), DEPTH_UNVERIFIED));
  }
  return cases;
}

/** Every case, for the fixtures' ids. */
export function badInputCases(fx: Fixtures): BadInputCase[] {
  return [
    ...fileRoutes(),
    ...fineTuningRoutes(fx),
    ...modelRoutes(),
    ...embeddingRoutes(),
    ...moderationRoutes(),
    ...uploadRoutes(fx),
    ...chatRoutes(),
    ...responseRoutes(),
    ...batchRoutes(fx),
    ...hostileCases(fx),
  ];
}

// --- helpers -----------------------------------------------------------------------------------

/**
 * `object` as JSON text with `key` set to `[[[…]]]`, `depth` arrays deep. Built as text: on Node
 * 22, JSON.stringify of so deep a value runs out of stack in a test worker.
 */
function withNested(object: Record<string, unknown>, key: string, depth: number): string {
  return JSON.stringify({ ...object, [key]: 0 }).replace(`"${key}":0`, `"${key}":${'['.repeat(depth)}${']'.repeat(depth)}`);
}

function without(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

/** A copy of `object` with `path` (dotted: `metadata.team`) set to `value`. */
function setPath(object: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...object, [head!]: value };
  const inner = object[head!];
  const child = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
  return { ...object, [head!]: setPath(child, rest.join('.'), value) };
}
