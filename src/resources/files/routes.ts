import { badRequest, missingParameter } from '../../engine/api-error.js';
import { cursorPage, enumParam, integerParam } from '../../engine/pagination.js';
import { formBody } from '../../engine/request.js';
import { route, type Route } from '../../engine/router.js';
import { checkFormat, checkSize, expiresAfter } from './rules.js';
import type { FilesState } from './state.js';
import { UPLOAD_PURPOSES, type UploadPurpose } from './types.js';

/** `/v1/files`: upload, list, retrieve, delete and download. */
export function fileRoutes(files: FilesState): Route[] {
  const reads = { store: files.store };
  const listed = (query: URLSearchParams): string[] => {
    const purpose = query.get('purpose');
    return files.list().filter((f) => !purpose || f.purpose === purpose).map((f) => f.id);
  };
  return [
    route('POST', '/files', ({ body }) => {
      const form = formBody(body);
      const file = form.files.get('file');
      if (!file) throw missingParameter('file');
      const purpose = form.fields.get('purpose');
      if (purpose === undefined) throw missingParameter('purpose');
      if (!(UPLOAD_PURPOSES as readonly string[]).includes(purpose)) {
        throw badRequest(`'${purpose}' is not one of [${UPLOAD_PURPOSES.map((p) => `'${p}'`).join(', ')}] - 'purpose'`, 'purpose');
      }
      checkSize(purpose as UploadPurpose, file.bytes);
      checkFormat(purpose as UploadPurpose, file.filename, file.bytes);
      const expiresAfterSeconds = expiresAfter(form.fields);
      return { json: files.create({ filename: file.filename, purpose: purpose as UploadPurpose, content: file.bytes, expiresAfterSeconds }) };
    }),
    route(
      'GET',
      '/files',
      ({ query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 10_000, default: 10_000 });
        const order = enumParam(query, 'order', ['asc', 'desc'], 'desc');
        const purpose = query.get('purpose');
        let items = files.list().filter((f) => !purpose || f.purpose === purpose);
        if (order === 'desc') items = items.reverse();
        return { json: cursorPage(items, { after: query.get('after'), limit, withFirstLast: true }) };
      },
      { reads: { ...reads, ids: ({ query }) => listed(query) } },
    ),
    route('GET', '/files/{file_id}', ({ params }) => ({ json: files.retrieve(params.file_id) }), { reads }),
    route('DELETE', '/files/{file_id}', ({ params }) => ({ json: files.delete(params.file_id) })),
    route(
      'GET',
      '/files/{file_id}/content',
      ({ params }) => ({ bytes: files.content(params.file_id), contentType: 'application/octet-stream' }),
      { reads },
    ),
  ];
}
