import { settling, timedCollection, type TimedCollection } from '../../engine/collection.js';
import type { FilePlan } from './plan.js';
import type { FilesState } from './state.js';
import type { FileObject, FileStatus } from './types.js';

/** `openaiMock.files`: the collection, plus the bytes of a file and the history of uploads. */
export interface FilesCollection extends TimedCollection<FileObject, FileStatus, FilePlan> {
  /** The bytes of a file, whatever its purpose (undefined if it does not exist now). */
  content(id: string): Uint8Array | undefined;
  /** Every file the code under test uploaded, deleted ones included, oldest first. */
  uploads(): { file: FileObject; deleted: boolean; content: Uint8Array }[];
  /**
   * Plans how files the code under test uploads (directly or through Uploads) get processed:
   * their processing time, a hold until {@link step}, or read-counted progression. The first
   * plan whose `match` accepts a new file applies to it; plans last until reset.
   *
   * @example
   * openaiMock.files.plan({ match: (f) => f.purpose === 'batch', hold: true });
   */
  plan(plan: FilePlan): void;
  /** Ends a file's `uploaded` phase now: it is `processed`. Returns the file as it now is. */
  step(id: string): FileObject;
}

/** The files' part of `openaiMock`: what the API lists now (deleted and expired files are gone). */
export function filesCollection(files: FilesState, settle: () => void): FilesCollection {
  const settled = settling(settle);
  return Object.assign(timedCollection(files, settle, { settleReads: true }), {
    content: settled((id: string) => files.bytesOf(id)),
    uploads: settled(() => files.uploads()),
  });
}
