import { badRequest, notFound } from '../../engine/api-error.js';
import type { MockContext } from '../../engine/context.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { Timeline } from '../../engine/lifecycle.js';
import { toSeconds } from '../../engine/clock.js';
import {
  checkFilePlan,
  PlanBook,
  ReadCounter,
  stepTimeline,
  type FilePlan,
  type FilePlanTarget,
} from '../../engine/scenario.js';

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

interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly purpose: FilePurpose;
  readonly content: Uint8Array;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly timeline: Timeline<FileStatus>;
  readonly statusDetails: string | null;
  readonly origin: FileOrigin;
  /** Set in the read-counted mode: counts the file's reads through the API. */
  readonly reads: ReadCounter | null;
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
  readonly #files = new Map<string, StoredFile>();
  readonly #plans = new PlanBook<FilePlan, FilePlanTarget>();

  constructor(private readonly ctx: MockContext) {}

  /** Adds a plan for files the code under test will upload (see `openaiMock.files.plan`). */
  plan(plan: FilePlan): void {
    this.#plans.add(checkFilePlan(plan));
  }

  /** Ends the `uploaded` phase of a file now (manual progression). */
  step(id: string): FileObject {
    const file = this.#files.get(id);
    const live = file && this.#isLive(file) ? file : undefined;
    stepTimeline({ kind: 'file', collection: 'files' }, id, live?.timeline, this.ctx.clock.now(), file?.origin === 'seed');
    return this.#toObject(live!);
  }

  /** Counts a read through the API of each of these files (the read-counted mode). */
  observe(ids: readonly string[]): void {
    for (const id of ids) {
      const file = this.#files.get(id);
      if (!file?.reads || file.timeline.at(this.ctx.clock.now()).terminal) continue;
      if (file.reads.read()) file.timeline.record({ type: 'step', at: this.ctx.clock.now() });
    }
  }

  /** Stores a new file; `origin: 'system'` files (results, batch output) are processed at once. */
  create(input: CreateFileInput, origin: FileOrigin = 'upload'): FileObject {
    const createdAt = input.createdAt ?? this.ctx.clock.now();
    const lifetime =
      input.expiresAfterSeconds ?? (input.purpose === 'batch' ? BATCH_FILE_LIFETIME_SECONDS : null);
    const plan =
      origin === 'upload'
        ? this.#plans.take({ filename: input.filename, purpose: input.purpose, bytes: input.content.byteLength })
        : undefined;
    const reads = plan?.advanceEveryReads === undefined ? null : new ReadCounter(plan.advanceEveryReads);
    const processingMs =
      origin === 'system'
        ? 0
        : plan?.hold || reads
          ? Infinity
          : (plan?.processingMs ?? this.ctx.config().files.processingMs);
    const file: StoredFile = {
      id: this.ctx.ids.nextFree('file-', this.#files),
      filename: input.filename,
      purpose: input.purpose,
      content: input.content,
      createdAt,
      expiresAt: lifetime === null ? null : createdAt + lifetime * 1000,
      timeline: new Timeline<FileStatus>(createdAt, [{ status: 'uploaded', durationMs: processingMs }], 'processed'),
      statusDetails: null,
      origin,
      reads,
      deleted: false,
    };
    this.#files.set(file.id, file);
    return this.#toObject(file);
  }

  /** Puts a File object into the store as given; it keeps its status. */
  seed(object: FileObject, content: Uint8Array): FileObject {
    if (this.#files.has(object.id)) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_DUPLICATE_ID',
        `A file with id '${object.id}' already exists in the mock. Give the seeded file another id, or let the factory pick one.`,
      );
    }
    const createdAt = object.created_at * 1000;
    this.#files.set(object.id, {
      id: object.id,
      filename: object.filename,
      purpose: object.purpose,
      content,
      createdAt,
      expiresAt: object.expires_at === undefined || object.expires_at === null ? null : object.expires_at * 1000,
      timeline: new Timeline<FileStatus>(createdAt, [], object.status),
      statusDetails: object.status_details ?? null,
      origin: 'seed',
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
    const file = this.#files.get(id);
    return file && this.#isLive(file) ? this.#toObject(file) : undefined;
  }

  /** Every live file, oldest first (by creation time, then by order of creation). */
  list(): FileObject[] {
    return this.#liveFiles().map((f) => this.#toObject(f));
  }

  /** Every file the code under test uploaded, deleted ones included, with how each stands now. */
  uploads(): { file: FileObject; deleted: boolean; content: Uint8Array }[] {
    return [...this.#files.values()]
      .filter((f) => f.origin === 'upload')
      .map((f) => ({ file: this.#toObject(f), deleted: f.deleted || !this.#isLive(f), content: f.content }));
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
    const file = this.#files.get(id);
    return file && this.#isLive(file) ? file.content : undefined;
  }

  /** Ids of live files, oldest first. */
  ids(): string[] {
    return this.#liveFiles().map((f) => f.id);
  }

  #liveFiles(): StoredFile[] {
    return [...this.#files.values()]
      .map((file, order) => ({ file, order }))
      .filter(({ file }) => this.#isLive(file))
      .sort((a, b) => a.file.createdAt - b.file.createdAt || a.order - b.order)
      .map(({ file }) => file);
  }

  reset(): void {
    this.#files.clear();
    this.#plans.reset();
  }

  #live(id: string): StoredFile {
    const file = this.#files.get(id);
    if (!file || !this.#isLive(file)) throw notFound(`No such File object: ${id}`, 'id');
    return file;
  }

  #isLive(file: StoredFile): boolean {
    return !file.deleted && (file.expiresAt === null || file.expiresAt > this.ctx.clock.now());
  }

  #toObject(file: StoredFile): FileObject {
    const object: FileObject = {
      id: file.id,
      object: 'file',
      bytes: file.content.byteLength,
      created_at: toSeconds(file.createdAt),
      filename: file.filename,
      purpose: file.purpose,
      status: file.timeline.at(this.ctx.clock.now()).status,
      status_details: file.statusDetails,
    };
    if (file.expiresAt !== null) object.expires_at = toSeconds(file.expiresAt);
    return object;
  }
}
