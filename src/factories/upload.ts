import { Factory } from 'fishery';
import type { FileObject, FilePurpose } from 'openai/resources/files';
import type { Upload } from 'openai/resources/uploads/uploads';
import { onAnyReset } from '../engine/active.js';
import { getActiveMock } from '../openai-mock.js';
import { OpenAIMockError } from '../engine/errors.js';
import type { Upload as MockUpload } from '../resources/uploads/types.js';
import { builtFile, defaultFileContent, fileFactory } from './file.js';
import { seedMissingFiles } from './seed.js';
import { createdAtFor, seedId } from './shared.js';

export type { Upload };
export type UploadStatus = Upload['status'];

/** Transient params of {@link uploadFactory}. */
export interface UploadTransientParams {
  /**
   * The bytes the upload is for (a string is taken as UTF-8): `bytes` is their length, and a
   * completed upload's File holds them. Default: content that suits the purpose (the file
   * factory's, see `defaultFileContent`; for `evals`, one JSONL item).
   */
  content: string | Uint8Array;
}

/** An upload expires an hour after it is created. */
const LIFETIME_SECONDS = 3600;
/** When a factory upload that is completed was completed (its File created), after `created_at`. */
const COMPLETED_AFTER_SECONDS = 30;

const PURPOSES: readonly FilePurpose[] = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'];

const DEFAULT_FILENAMES: Record<FilePurpose, string> = {
  'fine-tune': 'training_data.jsonl',
  batch: 'batch_input.jsonl',
  assistants: 'document.md',
  vision: 'image.png',
  user_data: 'notes.txt',
  evals: 'eval_items.jsonl',
};

const encoder = new TextEncoder();

/**
 * Builds Upload objects (the large-file API), and with `create()` stores them in the active mock.
 *
 * By default: a `pending` `fine-tune` upload of `training_data.jsonl`, id `upload_seed000001`,
 * `upload_seed000002`… (the sequence restarts on every mock reset), whose `bytes` is the length
 * of the file factory's default training file (`defaultFileContent('fine-tune')`), so the code
 * under test can send that content as parts and complete it. `created_at` is deterministic
 * (see `FACTORY_EPOCH`) and `expires_at` is an hour later.
 *
 * Seeded, an upload keeps its status. A pending one whose `expires_at` is already past on the
 * mock's clock (as factory timestamps are) stays pending until it is completed or cancelled;
 * give it a `created_at` and `expires_at` ahead (e.g. from `openaiMock.clock.nowSeconds()`) and
 * it expires on the clock like any other.
 *
 * `.completed()` nests a File built by the file factory (same purpose, filename and bytes,
 * created 30 s after the upload); `create()` seeds that File too, so
 * `client.files.retrieve(upload.file.id)` and `client.files.content(...)` work. Pass your own
 * with `{ associations: { file } }`.
 *
 * @example
 * const upload = await uploadFactory.create();
 * const part = await client.uploads.parts.create(upload.id, {
 *   data: await toFile(defaultFileContent('fine-tune'), 'part'),
 * });
 * await client.uploads.complete(upload.id, { part_ids: [part.id] }); // status: 'completed'
 *
 * @example
 * const done = await uploadFactory.completed().create({}, { transient: { content: myJsonl } });
 * await (await client.files.content(done.file!.id)).text(); // myJsonl
 */
export class UploadFactory extends Factory<Upload, UploadTransientParams> {
  /** `status: 'pending'` (the default): parts can be added, then it can be completed or cancelled. */
  pending() {
    return this.params({ status: 'pending' });
  }

  /** `status: 'completed'`, with the `file` it became. */
  completed() {
    return this.params({ status: 'completed' });
  }

  /** `status: 'cancelled'`: no part can be added, and it cannot be completed. */
  cancelled() {
    return this.params({ status: 'cancelled' });
  }

  /** `status: 'expired'`: still pending an hour after it was created. */
  expired() {
    return this.params({ status: 'expired' });
  }
}

export const uploadFactory = UploadFactory.define(
  ({ sequence, params, associations, transientParams, onCreate }): Upload => {
    const id = params.id ?? seedId('upload_', sequence);
    const status: UploadStatus = params.status ?? 'pending';
    const purpose = checkPurpose(params.purpose ?? 'fine-tune');
    const createdAt = params.created_at ?? createdAtFor(sequence);
    const filename = params.filename ?? DEFAULT_FILENAMES[purpose];
    const given = transientParams.content;
    const content = typeof given === 'string' ? encoder.encode(given) : given;
    if (content !== undefined && params.bytes !== undefined && params.bytes !== content.byteLength) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `uploadFactory got bytes: ${params.bytes} and a content of ${content.byteLength} bytes. ` +
          'Pass one or the other: bytes is always the length of the content.',
      );
    }

    const file =
      associations.file !== undefined
        ? associations.file
        : status === 'completed'
          ? completedFile(purpose, filename, createdAt + COMPLETED_AFTER_SECONDS, params.bytes, content)
          : null;

    onCreate((upload) => {
      const built = upload.file ? builtFile(upload.file.id) : undefined;
      if (built) seedMissingFiles([built]);
      return seedUpload(upload);
    });

    return {
      id,
      object: 'upload',
      bytes: file?.bytes ?? params.bytes ?? (content ?? defaultContent(purpose)).byteLength,
      created_at: createdAt,
      filename,
      purpose,
      status,
      expires_at: createdAt + LIFETIME_SECONDS,
      file,
    };
  },
);

onAnyReset(() => uploadFactory.rewindSequence());

function checkPurpose(purpose: string): FilePurpose {
  const known = PURPOSES.find((p) => p === purpose);
  if (known === undefined) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      `uploadFactory got purpose '${purpose}', which the Uploads API does not accept. Use one of: ${PURPOSES.join(', ')}.`,
    );
  }
  return known;
}

/** The File a completed upload became, built (and remembered) by the file factory. */
function completedFile(
  purpose: FilePurpose,
  filename: string,
  createdAt: number,
  bytes: number | undefined,
  content: Uint8Array | undefined,
): FileObject {
  // The SDK's File type does not list `evals`, which the API accepts on upload and the mock keeps.
  const filePurpose = purpose as FileObject['purpose'];
  // The file factory has no default content for `evals`: give it ours (then `bytes` must match it).
  const fileContent = content ?? (purpose === 'evals' ? defaultContent(purpose) : undefined);
  return fileFactory.build(
    { purpose: filePurpose, filename, created_at: createdAt, ...(bytes === undefined ? {} : { bytes }) },
    fileContent === undefined ? {} : { transient: { content: fileContent } },
  );
}

function defaultContent(purpose: FilePurpose): Uint8Array {
  if (purpose === 'evals') {
    return encoder.encode(`${JSON.stringify({ item: { input: 'What is 2 + 2?', ground_truth: '4' } })}\n`);
  }
  return defaultFileContent(purpose);
}

/**
 * Stores an upload in the active mock; returns it as the API answers it. (The one conversion:
 * the SDK's File type lacks the `evals` purpose the mock's File objects can carry.)
 */
function seedUpload(upload: Upload): Upload {
  const file = upload.file ?? null;
  const object: MockUpload = { ...upload, file: file && { ...file, status_details: file.status_details ?? null } };
  return getActiveMock().seed.upload(object) as unknown as Upload;
}
