import { missingParameter } from '../../engine/api-error.js';
import { jsonBody } from '../../engine/fields.js';
import { formBody, type FormBody } from '../../engine/request.js';
import { route, type Route } from '../../engine/router.js';
import { parseCompleteUpload, parseCreateUpload } from './params.js';
import type { UploadsState } from './state.js';

const encoder = new TextEncoder();

/**
 * `/v1/uploads`: create, add parts, complete, cancel. An unknown upload id is a 404 before
 * anything in the body is looked at.
 */
export function uploadRoutes(uploads: UploadsState): Route[] {
  return [
    route('POST', '/uploads', ({ body }) => ({ json: uploads.create(parseCreateUpload(jsonBody(body))) })),
    route('POST', '/uploads/{upload_id}/parts', ({ params, body }) => {
      uploads.retrieve(params.upload_id);
      return { json: uploads.addPart(params.upload_id, partData(formBody(body))) };
    }),
    route('POST', '/uploads/{upload_id}/complete', ({ params, body }) => {
      uploads.retrieve(params.upload_id);
      return { json: uploads.complete(params.upload_id, parseCompleteUpload(jsonBody(body))) };
    }),
    route('POST', '/uploads/{upload_id}/cancel', ({ params, body }) => {
      uploads.retrieve(params.upload_id);
      jsonBody(body); // no parameters, but a body that is not JSON is refused (UNVERIFIED)
      return { json: uploads.cancel(params.upload_id) };
    }),
  ];
}

/**
 * The part's bytes: the `data` file part the SDKs send, or a `data` text field (as
 * `curl -F data="..."` sends it), taken as UTF-8.
 */
function partData(form: FormBody): Uint8Array {
  const file = form.files.get('data');
  if (file) return file.bytes;
  const text = form.fields.get('data');
  if (text !== undefined) return encoder.encode(text);
  throw missingParameter('data');
}
