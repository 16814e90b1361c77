import { createHash } from 'node:crypto';
import { badRequest, notFound } from '../../engine/api-error.js';
import { toSeconds } from '../../engine/clock.js';
import { OpenAIMockError } from '../../engine/errors.js';
import { Timeline, type LifecycleState, type Phase } from '../../engine/lifecycle.js';
import type { MockContext } from '../../engine/resource.js';
import { LifecycleStore, type Stored } from '../../engine/store.js';
import { checkFormat } from '../files/rules.js';
import type { FilesState } from '../files/state.js';
import type { FileObject, UploadPurpose } from '../files/types.js';
import {
  isUploadPurpose,
  MAX_UPLOAD_BYTES,
  UPLOAD_CREATE_PURPOSES,
  type CompleteUploadParams,
  type CreateUploadParams,
} from './params.js';
import { checkUploadPlan, type UploadPlan, type UploadPlanTarget } from './plan.js';
import type { Upload, UploadPart, UploadStatus } from './types.js';

/** An Upload accepts parts for an hour; still pending after that, it is expired. */
export const UPLOAD_LIFETIME_MS = 3600 * 1000;
/** Each part can be at most 64 MB. */
export const MAX_PART_BYTES = 64 * 1024 ** 2;

/** What the refusal to act on an upload that is no longer pending says, by action. */
const ONLY_PENDING = {
  'add a part to': 'Parts can only be added to a pending upload.',
  complete: 'Only a pending upload can be completed.',
  cancel: 'Only a pending upload can be cancelled.',
} as const;

interface StoredPart {
  readonly id: string;
  readonly uploadId: string;
  readonly createdAt: number;
  readonly data: Uint8Array;
}

interface StoredUpload extends Stored<UploadStatus> {
  readonly filename: string;
  readonly purpose: UploadPurpose;
  readonly bytes: number;
  readonly expiresAt: number;
  /** Lifetime (s) of the File made on completion; null for the purpose's default. */
  readonly fileExpiresAfterSeconds: number | null;
  /** Ids of the parts added, oldest first. */
  readonly partIds: string[];
  /** The File it became: read live from the Files store, this copy if that file is gone. */
  file: { readonly id: string; readonly snapshot: FileObject } | null;
}

/** Uploads: large files sent in parts, assembled into a File on completion. */
export class UploadsState {
  readonly store: LifecycleStore<UploadStatus, StoredUpload, UploadPlan, UploadPlanTarget>;
  readonly #parts = new Map<string, StoredPart>();

  constructor(
    private readonly ctx: MockContext,
    private readonly files: FilesState,
  ) {
    this.store = new LifecycleStore(ctx.clock, ctx.ids, {
      names: { kind: 'upload', collection: 'uploads', factoryPicksIds: true },
      checkPlan: checkUploadPlan,
    });
  }

  /** Creates a pending upload that expires an hour from now (or as a test's plan says). */
  create(params: CreateUploadParams): Upload {
    const createdAt = this.ctx.clock.now();
    const plan = this.store.takePlan({ filename: params.filename, purpose: params.purpose, bytes: params.bytes });
    const lifetime = plan?.expiresAfterMs ?? UPLOAD_LIFETIME_MS;
    const upload = this.store.add({
      id: this.store.nextId('upload_'),
      filename: params.filename,
      purpose: params.purpose,
      bytes: params.bytes,
      createdAt,
      expiresAt: createdAt + lifetime,
      timeline: new Timeline<UploadStatus>(createdAt, [{ status: 'pending', durationMs: plan?.hold ? Infinity : lifetime }], 'expired'),
      seeded: false,
      reads: null,
      fileExpiresAfterSeconds: params.fileExpiresAfterSeconds,
      partIds: [],
      file: null,
    });
    return this.#toObject(upload);
  }

  /** Adds a plan for uploads the code under test will create (see `openaiMock.uploads.plan`). */
  plan(plan: UploadPlan): void {
    this.store.plan(plan);
  }

  /** Ends a pending upload's life now: it is `expired`, as if its hour had passed. */
  step(id: string): Upload {
    return this.#toObject(this.store.step(id));
  }

  /** The upload's lifecycle now. */
  lifecycle(id: string): LifecycleState<UploadStatus> | undefined {
    return this.store.lifecycle(id);
  }

  /** Adds a chunk of bytes to a pending upload. */
  addPart(id: string, data: Uint8Array): UploadPart {
    const upload = this.#get(id);
    this.#requirePending(upload, 'add a part to');
    if (data.byteLength > MAX_PART_BYTES) {
      // UNVERIFIED: the API's wording for an oversized part.
      throw badRequest(
        `Invalid 'data': a part can be at most 64 MB (${MAX_PART_BYTES} bytes), but this one is ${data.byteLength} bytes.`,
        'data',
      );
    }
    const received = upload.partIds.reduce((sum, partId) => sum + this.#parts.get(partId)!.data.byteLength, 0);
    if (received + data.byteLength > MAX_UPLOAD_BYTES) {
      // UNVERIFIED: the API's wording for parts beyond the 8 GB an upload can hold.
      throw badRequest(
        `Upload ${id} cannot take this part: its parts would add up to ${received + data.byteLength} bytes, more than the 8 GB (${MAX_UPLOAD_BYTES} bytes) an upload can hold.`,
        'data',
      );
    }
    const part: StoredPart = {
      id: this.ctx.ids.nextFree('part_', this.#parts),
      uploadId: upload.id,
      createdAt: this.ctx.clock.now(),
      data,
    };
    this.#parts.set(part.id, part);
    upload.partIds.push(part.id);
    return { id: part.id, object: 'upload.part', created_at: toSeconds(part.createdAt), upload_id: upload.id };
  }

  /**
   * Assembles the listed parts, in that order, into a File (uploaded by the code under test, as
   * through `POST /v1/files`) and marks the upload completed. Every check runs before anything
   * is stored, so a refused completion leaves the upload pending and no File behind.
   */
  complete(id: string, params: CompleteUploadParams): Upload {
    const upload = this.#get(id);
    this.#requirePending(upload, 'complete');
    const seen = new Set<string>();
    const parts = params.partIds.map((partId) => {
      // UNVERIFIED (the next three messages): the API's wording for a bad part list.
      if (seen.has(partId)) {
        throw badRequest(`Invalid 'part_ids': part ${partId} is listed more than once.`, 'part_ids');
      }
      seen.add(partId);
      const part = this.#parts.get(partId);
      if (!part) {
        throw badRequest(`Invalid 'part_ids': no part ${partId} was added to upload ${id}.`, 'part_ids');
      }
      if (part.uploadId !== upload.id) {
        throw badRequest(
          `Invalid 'part_ids': part ${partId} belongs to upload ${part.uploadId}, not to upload ${id}.`,
          'part_ids',
        );
      }
      return part;
    });
    const total = parts.reduce((sum, part) => sum + part.data.byteLength, 0);
    if (total !== upload.bytes) {
      // UNVERIFIED: the rule is the spec's; the wording is ours.
      throw badRequest(
        `The parts listed add up to ${total} bytes, but upload ${id} was created with bytes: ${upload.bytes}. ` +
          'The number of bytes uploaded must match the number specified when creating the upload.',
        'part_ids',
      );
    }
    const content = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
      content.set(part.data, offset);
      offset += part.data.byteLength;
    }
    if (params.md5 !== null) {
      const actual = createHash('md5').update(content).digest('hex');
      if (actual !== params.md5) {
        // UNVERIFIED: the API's wording for a checksum mismatch.
        throw badRequest(
          `The md5 checksum of the uploaded bytes is ${actual}, which does not match the md5 given: ${params.md5}.`,
          'md5',
        );
      }
    }
    checkFormat(upload.purpose, upload.filename, content);
    const file = this.files.create({
      filename: upload.filename,
      purpose: upload.purpose,
      content,
      expiresAfterSeconds: upload.fileExpiresAfterSeconds,
    });
    upload.file = { id: file.id, snapshot: file };
    upload.timeline.record({ type: 'stop', at: this.ctx.clock.now(), status: 'completed' });
    return this.#toObject(upload);
  }

  /** Cancels a pending upload: no part can be added, and it cannot be completed. */
  cancel(id: string): Upload {
    const upload = this.#get(id);
    this.#requirePending(upload, 'cancel');
    upload.timeline.record({ type: 'stop', at: this.ctx.clock.now(), status: 'cancelled' });
    return this.#toObject(upload);
  }

  /** The upload as the API would return it now, or the API's 404. */
  retrieve(id: string): Upload {
    return this.#toObject(this.#get(id));
  }

  /** Ids of every upload, oldest first. */
  ids(): string[] {
    return this.store.sorted('asc').map((upload) => upload.id);
  }

  /** An upload as `POST /v1/uploads/{id}/...` would return it now. */
  find(id: string): Upload | undefined {
    const upload = this.store.get(id);
    return upload && this.#toObject(upload);
  }

  /**
   * Stores an upload as given (factories use this); it keeps its status. A pending one expires
   * at its `expires_at`, as any upload does, if that moment is still ahead on the mock's clock;
   * if it has already passed (factory timestamps sit in 2025), the upload stays pending until it
   * is completed or cancelled, so a test can seed one and let the code under test finish it.
   * A completed one shows its `file` as the Files store holds it now (seed that File as well
   * for the SDK to read it), or as given if the store does not hold it.
   */
  seed(object: Upload): Upload {
    const purpose = object.purpose;
    if (!isUploadPurpose(purpose)) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `Upload '${object.id}' has purpose '${purpose}', which the Uploads API does not accept. ` +
          `Use one of: ${UPLOAD_CREATE_PURPOSES.join(', ')}.`,
      );
    }
    const createdAt = object.created_at * 1000;
    const expiresAt = object.expires_at * 1000;
    let phases: Phase<UploadStatus>[] = [];
    if (object.status === 'pending') {
      const lifetime = expiresAt > this.ctx.clock.now() ? expiresAt - createdAt : Infinity;
      phases = [{ status: 'pending', durationMs: lifetime }];
    }
    const file = object.file ?? null;
    this.store.seed({
      id: object.id,
      filename: object.filename,
      purpose,
      bytes: object.bytes,
      createdAt,
      expiresAt,
      timeline: new Timeline<UploadStatus>(createdAt, phases, object.status === 'pending' ? 'expired' : object.status),
      seeded: true,
      reads: null,
      fileExpiresAfterSeconds: null,
      partIds: [],
      file: file && { id: file.id, snapshot: file },
    });
    return this.retrieve(object.id);
  }

  reset(): void {
    this.store.reset();
    this.#parts.clear();
  }

  #get(id: string): StoredUpload {
    const upload = this.store.get(id);
    // UNVERIFIED: worded after the Files endpoint's "No such File object: <id>".
    if (!upload) throw notFound(`No such Upload object: ${id}`, 'id');
    return upload;
  }

  #status(upload: StoredUpload): UploadStatus {
    return upload.timeline.at(this.ctx.clock.now()).status;
  }

  /** The 400 for acting on an upload that is no longer pending. UNVERIFIED wording. */
  #requirePending(upload: StoredUpload, action: keyof typeof ONLY_PENDING): void {
    const status = this.#status(upload);
    if (status === 'pending') return;
    const why =
      status === 'expired'
        ? `it expired at ${toSeconds(upload.expiresAt)} (an upload expires an hour after it is created)`
        : `its status is '${status}'`;
    throw badRequest(`Cannot ${action} upload ${upload.id}: ${why}. ${ONLY_PENDING[action]}`);
  }

  #toObject(upload: StoredUpload): Upload {
    const status = this.#status(upload);
    return {
      id: upload.id,
      object: 'upload',
      bytes: upload.bytes,
      created_at: toSeconds(upload.createdAt),
      filename: upload.filename,
      purpose: upload.purpose,
      status,
      expires_at: toSeconds(upload.expiresAt),
      file: upload.file && (this.files.find(upload.file.id) ?? upload.file.snapshot),
    };
  }
}
