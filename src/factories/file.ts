import { Factory } from 'fishery';
import type { FileObject } from 'openai/resources/files';
import { onAnyReset } from '../engine/active.js';
import { OpenAIMockError } from '../engine/errors.js';
import { seedFile } from './seed.js';
import { createdAtFor, lossAt, seedId } from './shared.js';

export type { FileObject };
type Purpose = FileObject['purpose'];

/** Transient params of {@link fileFactory}: they shape the file without being fields of it. */
export interface FileTransientParams {
  /**
   * The file's bytes (a string is stored as UTF-8). `bytes` is their length, and
   * `client.files.content(id)` returns them after `create()`. Default: content that suits the
   * purpose (see {@link defaultFileContent}).
   */
  content: string | Uint8Array;
}

const encoder = new TextEncoder();

/**
 * Every file the factory built since the last mock reset, by id, with its bytes: a job whose
 * `training_file` (or `validation_file`, `result_files`) names one of them seeds it on
 * `create()` if the mock does not hold it yet.
 */
const builtFiles = new Map<string, { file: FileObject; content: Uint8Array }>();

/** The file with this id that the factory built since the last reset, and its bytes. */
export function builtFile(id: string): { file: FileObject; content: Uint8Array } | undefined {
  return builtFiles.get(id);
}

/**
 * Builds File objects (`GET /v1/files/{id}`), and with `create()` stores them in the active mock.
 *
 * By default: a `processed` `fine-tune` file `training_data.jsonl` holding one valid chat
 * example, id `file-seed000001`, `file-seed000002`… (the sequence restarts on every mock reset,
 * so before each test with the Vitest entry). `created_at` is deterministic, not read from a
 * clock: see `FACTORY_EPOCH`. `bytes` always equals the length of the content; pass `bytes` alone
 * and the default content is padded (or cut) to that size.
 *
 * A seeded file keeps its status: an `.uploaded()` file stays `uploaded`. Batch files carry no
 * `expires_at` by default (the API sets 30 days): with timestamps fixed in 2025 it would already
 * be past, and the mock hides expired files. Pass one in the future if the test needs it.
 *
 * @example
 * const file = await fileFactory.forBatch().create();
 * await client.files.retrieve(file.id); // the same file (`status_details: null`, as the API sends)
 * const bytes = await (await client.files.content(file.id)).text(); // a batch request line
 *
 * @example
 * fileFactory.build({ filename: 'train.jsonl' }, { transient: { content: myJsonl } });
 */
export class FileFactory extends Factory<FileObject, FileTransientParams> {
  /** `status: 'uploaded'` (kept as such in the mock: it never becomes `processed`). */
  uploaded() {
    return this.params({ status: 'uploaded', status_details: undefined });
  }

  /** `status: 'processed'` (the default). */
  processed() {
    return this.params({ status: 'processed', status_details: undefined });
  }

  /** `status: 'error'` with `status_details` saying why (default: an invalid JSONL line). */
  error(details = 'Invalid file format. Line 1: expected a JSON object.') {
    return this.params({ status: 'error', status_details: details });
  }

  /** `purpose: 'fine-tune'`: a chat-format JSONL training file (the default). */
  forFineTune() {
    return this.params({ purpose: 'fine-tune' });
  }

  /** `purpose: 'batch'`: a JSONL batch input file with one chat completions request. */
  forBatch() {
    return this.params({ purpose: 'batch' });
  }

  /** `purpose: 'batch_output'`: the JSONL output of a completed batch. */
  forBatchOutput() {
    return this.params({ purpose: 'batch_output' });
  }

  /** `purpose: 'fine-tune-results'`: a job's metrics, a base64-encoded CSV as the API serves it. */
  forFineTuneResults() {
    return this.params({ purpose: 'fine-tune-results' });
  }

  /** `purpose: 'assistants'`: a text document. */
  forAssistants() {
    return this.params({ purpose: 'assistants' });
  }

  /** `purpose: 'assistants_output'`: a text file an assistant produced. */
  forAssistantsOutput() {
    return this.params({ purpose: 'assistants_output' });
  }

  /** `purpose: 'vision'`: a PNG image. */
  forVision() {
    return this.params({ purpose: 'vision' });
  }

  /** `purpose: 'user_data'`: a text document. */
  forUserData() {
    return this.params({ purpose: 'user_data' });
  }
}

export const fileFactory = FileFactory.define(({ sequence, params, transientParams, afterBuild, onCreate }): FileObject => {
  const id = params.id ?? seedId('file-', sequence);
  const purpose: Purpose = params.purpose ?? 'fine-tune';
  const content = fileContent(id, purpose, params.bytes, transientParams.content);

  afterBuild((file) => builtFiles.set(file.id, { file, content }));
  onCreate((file) => seedFile(file, content));

  return {
    id,
    object: 'file',
    bytes: content.byteLength,
    created_at: createdAtFor(sequence),
    filename: DEFAULT_FILENAMES[purpose],
    purpose,
    status: 'processed',
  };
});

onAnyReset(() => {
  fileFactory.rewindSequence();
  builtFiles.clear();
});

const DEFAULT_FILENAMES: Record<Purpose, string> = {
  'fine-tune': 'training_data.jsonl',
  batch: 'batch_input.jsonl',
  batch_output: 'batch_output.jsonl',
  'fine-tune-results': 'step_metrics.csv',
  assistants: 'document.md',
  assistants_output: 'output.txt',
  vision: 'image.png',
  user_data: 'notes.txt',
};

function fileContent(
  id: string,
  purpose: Purpose,
  bytes: number | undefined,
  given: string | Uint8Array | undefined,
): Uint8Array {
  if (given !== undefined) {
    const content = typeof given === 'string' ? encoder.encode(given) : given;
    if (bytes !== undefined && bytes !== content.byteLength) {
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
        `fileFactory got bytes: ${bytes} and a content of ${content.byteLength} bytes. ` +
          'Pass one or the other: bytes is always the length of the content.',
      );
    }
    return content;
  }
  const content = defaultFileContent(purpose, id);
  return bytes === undefined ? content : resize(content, bytes);
}

/**
 * The bytes the file factory gives a file of this purpose when no `content` is passed:
 * - `fine-tune`: one chat example (`{"messages":[system, user, assistant]}`) and a newline;
 * - `batch`: one `POST /v1/chat/completions` request line;
 * - `batch_output`: one successful response line;
 * - `fine-tune-results`: a base64-encoded metrics CSV, as the API serves results files;
 * - `vision`: a 1×1 PNG; the others: a short text.
 */
export function defaultFileContent(purpose: Purpose, id = 'file-seed000001'): Uint8Array {
  switch (purpose) {
    case 'fine-tune':
      return jsonl({
        messages: [
          { role: 'system', content: 'You are a helpful assistant.' },
          { role: 'user', content: 'What is the capital of France?' },
          { role: 'assistant', content: 'The capital of France is Paris.' },
        ],
      });
    case 'batch':
      return jsonl({
        custom_id: 'request-1',
        method: 'POST',
        url: '/v1/chat/completions',
        body: {
          model: 'gpt-4o-mini',
          messages: [
            { role: 'system', content: 'You are a helpful assistant.' },
            { role: 'user', content: 'Hello world!' },
          ],
          max_tokens: 1000,
        },
      });
    case 'batch_output':
      return jsonl({
        id: `batch_req_${id.replace(/^file-/, '')}`,
        custom_id: 'request-1',
        response: {
          status_code: 200,
          request_id: `req_${id.replace(/^file-/, '')}`,
          body: {
            id: `chatcmpl-${id.replace(/^file-/, '')}`,
            object: 'chat.completion',
            created: 1_735_689_600,
            model: 'gpt-4o-mini-2024-07-18',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: 'Hello! How can I help you today?', refusal: null },
                logprobs: null,
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 20, completion_tokens: 9, total_tokens: 29 },
          },
        },
        error: null,
      });
    case 'fine-tune-results': {
      const rows = ['step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy'];
      for (let step = 1; step <= 3; step++) {
        const m = lossAt(step, 3);
        rows.push(`${step},${m.train_loss},${m.train_mean_token_accuracy},,`);
      }
      return encoder.encode(Buffer.from(`${rows.join('\n')}\n`).toString('base64'));
    }
    case 'vision':
      return Uint8Array.from(Buffer.from(ONE_PIXEL_PNG, 'base64'));
    case 'assistants':
      return encoder.encode('# Product FAQ\n\nOur support team answers within one business day.\n');
    case 'assistants_output':
      return encoder.encode('Analysis complete: 42 rows processed.\n');
    case 'user_data':
      return encoder.encode('Meeting notes: ship the release on Friday.\n');
  }
}

const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function jsonl(line: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(line)}\n`);
}

/**
 * The content padded (or cut) to `bytes`. Text is padded with spaces before its final newline,
 * so a JSONL line stays valid JSON; binary content with zero bytes.
 */
function resize(content: Uint8Array, bytes: number): Uint8Array {
  if (!Number.isInteger(bytes) || bytes < 0) {
    throw new OpenAIMockError(
      'ERR_OPENAI_MOCK_INVALID_ARGUMENT',
      `fileFactory got bytes: ${String(bytes)}; it must be a whole number, 0 or more.`,
    );
  }
  if (bytes <= content.byteLength) return content.slice(0, bytes);
  const out = new Uint8Array(bytes);
  const text = content.at(-1) === 0x0a;
  if (!text) {
    out.set(content);
    return out;
  }
  out.set(content.subarray(0, content.byteLength - 1));
  out.fill(0x20, content.byteLength - 1, bytes - 1);
  out[bytes - 1] = 0x0a;
  return out;
}
