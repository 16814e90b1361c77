import type { MockContext } from '../../mock/context.js';
import type { FileObject, FilesState } from '../files/state.js';

export type UploadStatus = 'pending' | 'completed' | 'cancelled' | 'expired';

/** The Upload object, as the uploads endpoints return it. */
export interface Upload {
  id: string;
  object: 'upload';
  bytes: number;
  created_at: number;
  expires_at: number;
  filename: string;
  purpose: string;
  status: UploadStatus;
  file?: FileObject | null;
}

/** Uploads: large files sent in parts, assembled into a File on completion. */
export class UploadsState {
  constructor(
    private readonly ctx: MockContext,
    private readonly files: FilesState,
  ) {}

  /** Ids of every upload, oldest first. */
  ids(): string[] {
    return [];
  }

  /** An upload as `POST /v1/uploads/{id}/...` would return it now. */
  find(_id: string): Upload | undefined {
    return undefined;
  }

  /** Stores an upload as given (factories use this). */
  seed(object: Upload): Upload {
    return object;
  }

  reset(): void {}
}
