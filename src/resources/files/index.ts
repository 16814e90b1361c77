import { extension, jsonFile, segment } from '../../engine/inspect.js';
import { defineResource } from '../../engine/resource.js';
import { filesCollection, type FilesCollection } from './collection.js';
import { filesConfig, type FilesConfig, type FilesOptions } from './options.js';
import { fileRoutes } from './routes.js';
import { FilesState } from './state.js';
import type { FileObject } from './types.js';

const encoder = new TextEncoder();

/** Purposes of the files the mock itself produces: inspection puts them under `output_files/`. */
const OUTPUT_PURPOSES = new Set(['batch_output', 'fine-tune-results', 'assistants_output']);

/** What the files resource adds to `openaiMock`. */
export interface FilesSurface {
  /** Files as the API would list them now (deleted and expired ones are gone). */
  readonly files: FilesCollection;
}

/** What it adds to `openaiMock.seed`. */
export interface FilesSeed {
  /** Stores a File object and its bytes (a string is stored as UTF-8). */
  file(object: FileObject, content?: Uint8Array | string): FileObject;
}

/**
 * Files (`/v1/files`): uploads with a processing lifecycle, downloads, and the files other
 * resources make (job results, batch output). Inspection writes each file's bytes under
 * `input_files/` or `output_files/`, and its metadata under `file_metadata/`.
 */
export const filesResource = defineResource({
  name: 'files',
  config: (options: FilesOptions, timing): FilesConfig => filesConfig(options, timing),
  create: (context) => {
    const files = new FilesState(context);
    const surface: FilesSurface = { files: filesCollection(files, context.settle) };
    const seed: FilesSeed = {
      file: (object, content = '') => files.seed(object, typeof content === 'string' ? encoder.encode(content) : content),
    };
    return {
      state: files,
      routes: fileRoutes(files),
      reset: () => files.reset(),
      surface,
      seed,
      inspect: {
        entries: ['input_files', 'output_files', 'file_metadata'],
        *files(): Iterable<readonly [string, Uint8Array]> {
          for (const file of files.list()) {
            const folder = OUTPUT_PURPOSES.has(file.purpose) ? 'output_files' : 'input_files';
            yield [`${folder}/${segment(file.id)}${extension(file.filename)}`, files.bytesOf(file.id) ?? new Uint8Array(0)];
            yield [`file_metadata/${segment(file.id)}.json`, jsonFile(file)];
          }
        },
      },
    };
  },
});
