import type { MockContext } from '../../mock/context.js';
import type { FilesState } from '../files/state.js';

/** Uploads: large files sent in parts, assembled into a File on completion. */
export class UploadsState {
  constructor(
    private readonly ctx: MockContext,
    private readonly files: FilesState,
  ) {}

  reset(): void {}
}
