import { badRequest, notFound } from '../../engine/api-error.js';
import { toSeconds } from '../../engine/clock.js';
import { Timeline, type LifecycleState } from '../../engine/lifecycle.js';
import type { ReadCounter } from '../../engine/plans.js';
import type { MockContext } from '../../engine/resource.js';
import { LifecycleStore, type Stored } from '../../engine/store.js';
import type { FilesConfig } from './options.js';
import { checkFilePlan, type FilePlan, type FilePlanTarget } from './plan.js';
import type { FileObject, FileOrigin, FilePurpose, FileStatus } from './types.js';

interface StoredFile extends Stored<FileStatus> {
  readonly filename: string;
  readonly purpose: FilePurpose;
  readonly content: Uint8Array;
  readonly expiresAt: number | null;
  readonly statusDetails: string | null;
  readonly origin: FileOrigin;
  deleted: boolean;
}

export interface CreateFileInput {
  filename: string;
  purpose: FilePurpose;
  content: Uint8Array;
  /** Seconds after creation at which the file expires (and is gone). */
  expiresAfterSeconds?: number | null;
  /** When it was created (ms); now by default. Generated files carry the moment they were made. */
  createdAt?: number;
}

const BATCH_FILE_LIFETIME_SECONDS = 30 * 24 * 3600;
const NOT_DOWNLOADABLE: ReadonlySet<FilePurpose> = new Set(['assistants', 'user_data']);

/** Files: the store of uploaded and generated files, their bytes and their processing status. */
export class FilesState {
  readonly store: LifecycleStore<FileStatus, StoredFile, FilePlan, FilePlanTarget>;

  constructor(private readonly ctx: MockContext<FilesConfig>) {
    this.store = new LifecycleStore(ctx.clock, ctx.ids, {
      names: { kind: 'file', collection: 'files', factoryPicksIds: true },
      checkPlan: checkFilePlan,
      live: (file, now) => !file.deleted && (file.expiresAt === null || file.expiresAt > now),
    });
  }

  /** Adds a plan for files the code under test will upload (see `openaiMock.files.plan`). */
  plan(plan: FilePlan): void {
    this.store.plan(plan);
  }

  /** Ends the `uploaded` phase of a file now (manual progression). */
  step(id: string): FileObject {
    return this.#toObject(this.store.step(id));
  }

  /** Stores a new file; `origin: 'system'` files (results, batch output) are processed at once. */
  create(input: CreateFileInput, origin: FileOrigin = 'upload'): FileObject {
    const createdAt = input.createdAt ?? this.ctx.clock.now();
    const lifetime =
      input.expiresAfterSeconds ?? (input.purpose === 'batch' ? BATCH_FILE_LIFETIME_SECONDS : null);
    const plan =
      origin === 'upload'
        ? this.store.takePlan({ filename: input.filename, purpose: input.purpose, bytes: input.content.byteLength })
        : undefined;
    const reads: ReadCounter | null = this.store.counter(plan);
    const processingMs =
      origin === 'system'
        ? 0
        : plan?.hold || reads
          ? Infinity
          : (plan?.processingMs ?? this.ctx.config().files.processingMs);
    const file = this.store.add({
      id: this.store.nextId('file-'),
      filename: input.filename,
      purpose: input.purpose,
      content: input.content,
      createdAt,
      expiresAt: lifetime === null ? null : createdAt + lifetime * 1000,
      timeline: new Timeline<FileStatus>(createdAt, [{ status: 'uploaded', durationMs: processingMs }], plan?.fail ? 'error' : 'processed'),
      statusDetails: plan?.fail?.details ?? null,
      origin,
      seeded: false,
      reads,
      deleted: false,
    });
    return this.#toObject(file);
  }

  /** Puts a File object into the store as given; it keeps its status. */
  seed(object: FileObject, content: Uint8Array): FileObject {
    const createdAt = object.created_at * 1000;
    this.store.seed({
      id: object.id,
      filename: object.filename,
      purpose: object.purpose,
      content,
      createdAt,
      expiresAt: object.expires_at === undefined || object.expires_at === null ? null : object.expires_at * 1000,
      timeline: new Timeline<FileStatus>(createdAt, [], object.status),
      statusDetails: object.status_details ?? null,
      origin: 'seed',
      seeded: true,
      reads: null,
      deleted: false,
    });
    return this.retrieve(object.id);
  }

  retrieve(id: string): FileObject {
    return this.#toObject(this.#live(id));
  }

  /** The file if it exists now (not deleted, not expired), else undefined. */
  find(id: string): FileObject | undefined {
    const file = this.store.get(id);
    return file && this.#toObject(file);
  }

  /** Every live file, oldest first (by creation time, then by order of creation). */
  list(): FileObject[] {
    return this.store.sorted('asc').map((f) => this.#toObject(f));
  }

  /** Ids of live files, oldest first. */
  ids(): string[] {
    return this.store.sorted('asc').map((f) => f.id);
  }

  /** The lifecycle of a live file now. */
  lifecycle(id: string): LifecycleState<FileStatus> | undefined {
    return this.store.lifecycle(id);
  }

  /** Every file the code under test uploaded, deleted ones included, with how each stands now. */
  uploads(): { file: FileObject; deleted: boolean; content: Uint8Array }[] {
    return this.store
      .everything()
      .filter((f) => f.origin === 'upload')
      .map((f) => ({ file: this.#toObject(f), deleted: !this.store.has(f.id), content: f.content }));
  }

  delete(id: string): { id: string; object: 'file'; deleted: true } {
    this.#live(id).deleted = true;
    return { id, object: 'file', deleted: true };
  }

  /** The file's bytes, as `GET /v1/files/{id}/content` sends them. */
  content(id: string): Uint8Array {
    const file = this.#live(id);
    if (NOT_DOWNLOADABLE.has(file.purpose)) {
      throw badRequest(`Not allowed to download files of purpose: ${file.purpose}`);
    }
    return file.content;
  }

  /** The file's bytes for the mock's own use (training data, batch input), whatever the purpose. */
  bytesOf(id: string): Uint8Array | undefined {
    return this.store.get(id)?.content;
  }

  reset(): void {
    this.store.reset();
  }

  #live(id: string): StoredFile {
    const file = this.store.get(id);
    if (!file) throw notFound(`No such File object: ${id}`, 'id');
    return file;
  }

  #toObject(file: StoredFile): FileObject {
    const status = this.store.state(file).status;
    const object: FileObject = {
      id: file.id,
      object: 'file',
      bytes: file.content.byteLength,
      created_at: toSeconds(file.createdAt),
      filename: file.filename,
      purpose: file.purpose,
      status,
      // A planned failure's explanation shows once the file has failed; a seeded file's, as given.
      status_details: file.seeded || status === 'error' ? file.statusDetails : null,
    };
    if (file.expiresAt !== null) object.expires_at = toSeconds(file.expiresAt);
    return object;
  }
}
