/**
 * Where the published spec and the real API disagree, the conformance test follows the real
 * API. Each correction below edits the spec before validation, says why, and is listed in the
 * README ("Spec and reality"). A correction may only make the spec say what the API is seen to
 * send; it never loosens a check to let a wrong body through.
 */

export type JsonObject = Record<string, unknown>;

export interface SpecCorrection {
  /** What is changed, as a JSON pointer into the spec (`#/components/schemas/…`). */
  readonly where: string;
  /** What the real API does that the spec does not say. */
  readonly why: string;
  /** Edits the schema found at `where` in place. */
  readonly apply: (schema: JsonObject, spec: JsonObject) => void;
}

/** Lets a property also be `null` (the schema at `where` is the property's own). */
const alsoNull = (schema: JsonObject): void => {
  const copy = { ...schema };
  for (const key of Object.keys(schema)) delete schema[key];
  schema['anyOf'] = [copy, { type: 'null' }];
};

const BATCH_UNSET_FIELDS = [
  'errors',
  'output_file_id',
  'error_file_id',
  'in_progress_at',
  'finalizing_at',
  'completed_at',
  'failed_at',
  'expired_at',
  'cancelling_at',
  'cancelled_at',
] as const;

export const CORRECTIONS: readonly SpecCorrection[] = [
  {
    where: '#/components/schemas/OpenAIFile/properties/status_details',
    why: 'The API sends `status_details: null` on files without details; the spec types it as a string only, while its own examples show null.',
    apply: alsoNull,
  },
  ...(['first_id', 'last_id'] as const).map(
    (key): SpecCorrection => ({
      where: `#/components/schemas/ListFilesResponse/properties/${key}`,
      why: `An empty file list has \`${key}: null\` (there is no item to name); the spec types it as a string only, though it allows null for the same cursor field of other lists (checkpoints).`,
      apply: alsoNull,
    }),
  ),
  {
    where: '#/components/schemas/Batch/properties',
    why: `A batch sends every key, null until it applies (${BATCH_UNSET_FIELDS.join(', ')}); the spec types them without null, while its own batch examples show the nulls.`,
    apply: (properties) => {
      for (const key of BATCH_UNSET_FIELDS) alsoNull(properties[key] as JsonObject);
    },
  },
  {
    where: '#/components/schemas/FineTuningJob/properties/status',
    why: "A paused job reads `status: 'paused'`: the spec's own example for POST /fine_tuning/jobs/{id}/pause returns it, but the status enum leaves it out.",
    apply: (schema) => {
      schema['enum'] = [...(schema['enum'] as unknown[]), 'paused'];
    },
  },
  {
    where: '#/components/schemas/Embedding/properties/embedding',
    why: "With `encoding_format: 'base64'` the API sends each embedding as a base64 string of little-endian float32s (the SDK decodes it); the spec only allows the array of floats.",
    apply: (schema) => {
      const copy = { ...schema };
      for (const key of Object.keys(schema)) delete schema[key];
      schema['anyOf'] = [copy, { type: 'string', contentEncoding: 'base64' }];
    },
  },
  {
    where: '#/components/schemas/ModelResponseProperties/properties/user',
    why: 'A Response echoes `user: null` when none was sent; the spec types it as a string only, while its own Response examples show null.',
    apply: alsoNull,
  },
  {
    where: '#/components/schemas/Response/allOf/2/properties/usage',
    why: 'A Response that is not finished (queued, in progress, cancelled: in background mode and in the first stream events) has `usage: null`, as the spec\'s own stream examples show; the spec types usage without null.',
    apply: alsoNull,
  },
  {
    where: '#/components/schemas/TextResponseFormatJsonSchema/properties/description',
    why: "A Response echoes its `text.format` with every key, `description: null` when none was sent (as it echoes a function tool's description, which the spec allows to be null).",
    apply: alsoNull,
  },
  {
    where: '#/paths/~1responses~1{response_id}/delete/responses/200',
    why: 'DELETE /responses/{id} answers `{id, object: "response", deleted: true}` (the spec\'s own example for the operation), but the spec documents no body.',
    apply: (response) => {
      response['content'] = {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              object: { type: 'string', enum: ['response'] },
              deleted: { type: 'boolean', enum: [true] },
            },
            required: ['id', 'object', 'deleted'],
          },
        },
      };
    },
  },
  ...(['delete', 'post'] as const).map(
    (method): SpecCorrection => ({
      where: `#/paths/~1responses~1{response_id}${method === 'post' ? '~1cancel' : ''}/${method}/responses/404/content/application~1json/schema`,
      why: 'A 404 on a Response comes in the usual `{"error": {...}}` envelope, which the SDK reads; the spec types this one as a bare Error.',
      apply: (schema) => {
        for (const key of Object.keys(schema)) delete schema[key];
        schema['$ref'] = '#/components/schemas/ErrorResponse';
      },
    }),
  ),
  {
    where: '#/paths/~1files~1{file_id}~1content/get/responses/200',
    why: "GET /files/{id}/content sends the file's bytes as `application/octet-stream` (the SDK returns them raw); the spec calls the body a JSON string.",
    apply: (response) => {
      response['content'] = { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } };
    },
  },
];

/** The spec with every correction applied (in place; pass a copy). */
export function applyCorrections(spec: JsonObject): JsonObject {
  for (const correction of CORRECTIONS) {
    const target = locate(spec, correction.where);
    correction.apply(target, spec);
  }
  return spec;
}

function locate(spec: JsonObject, pointer: string): JsonObject {
  let node: unknown = spec;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as JsonObject | undefined)?.[key];
  }
  if (typeof node !== 'object' || node === null) {
    throw new Error(`Spec correction points at nothing: ${pointer} (did the spec change? review CORRECTIONS)`);
  }
  return node as JsonObject;
}
