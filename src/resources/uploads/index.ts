import { timedCollection, type TimedCollection } from '../../engine/collection.js';
import { jsonPerObject } from '../../engine/inspect.js';
import { defineResource } from '../../engine/resource.js';
import { filesResource } from '../files/index.js';
import type { UploadPlan } from './plan.js';
import { uploadRoutes } from './routes.js';
import { UploadsState } from './state.js';
import type { Upload, UploadStatus } from './types.js';

/** `openaiMock.uploads`: the collection, plus each upload's lifecycle, plans and steps. */
export interface UploadsCollection extends TimedCollection<Upload, UploadStatus, UploadPlan> {
  /**
   * Plans what uploads the code under test creates do: how long they stay `pending` before they
   * expire, or a hold until completed, cancelled or stepped.
   *
   * @example
   * openaiMock.uploads.plan({ expiresAfterMs: 60_000 }); // expire a minute after creation
   */
  plan(plan: UploadPlan): void;
  /** Expires a pending upload now, as if its hour had passed. Returns it as it now is. */
  step(id: string): Upload;
}

/** What uploads add to `openaiMock`. */
export interface UploadsSurface {
  /** Uploads (the large-file API), each as the uploads endpoints would return it now. */
  readonly uploads: UploadsCollection;
}

/** What they add to `openaiMock.seed`. */
export interface UploadsSeed {
  /** Stores an Upload (its File, if completed, must be seeded separately). */
  upload(object: Upload): Upload;
}

/**
 * Uploads (`/v1/uploads`): large files sent in parts and assembled into a File (of the files
 * resource) on completion; pending for an hour, then expired. Inspection writes
 * `upload_metadata/<id>.json`.
 */
export const uploadsResource = defineResource({
  name: 'uploads',
  create: (context) => {
    const uploads = new UploadsState(context, context.use(filesResource).state);
    const surface: UploadsSurface = { uploads: timedCollection(uploads, context.settle) };
    const seed: UploadsSeed = { upload: (object) => uploads.seed(object) };
    return {
      state: uploads,
      routes: uploadRoutes(uploads),
      reset: () => uploads.reset(),
      surface,
      seed,
      inspect: jsonPerObject('upload_metadata', () => surface.uploads.all(), (upload) => ({ upload, lifecycle: uploads.lifecycle(upload.id) })),
    };
  },
});
