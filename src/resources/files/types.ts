/** Purposes accepted on upload, in the order the API lists them in its error message. */
export const UPLOAD_PURPOSES = ['fine-tune', 'assistants', 'batch', 'user_data', 'vision', 'evals'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
export type FilePurpose =
  | UploadPurpose
  | 'assistants_output'
  | 'batch_output'
  | 'fine-tune-results';
export type FileStatus = 'uploaded' | 'processed' | 'error';

/** The File object, as `GET /v1/files/{id}` returns it. */
export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  expires_at?: number;
  filename: string;
  purpose: FilePurpose;
  status: FileStatus;
  status_details: string | null;
}

/** How a file came to be: uploaded by the code under test, seeded by a test, or made by the mock. */
export type FileOrigin = 'upload' | 'seed' | 'system';
