import type { FileObject } from '../files/types.js';

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
  /** The File the upload became: null (always sent) until it is completed. */
  file?: FileObject | null;
}

/** The UploadPart object, as `POST /v1/uploads/{upload_id}/parts` returns it. */
export interface UploadPart {
  id: string;
  object: 'upload.part';
  created_at: number;
  upload_id: string;
}
