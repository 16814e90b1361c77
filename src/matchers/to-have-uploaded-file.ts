import type { FileObject } from '../openai-mock.js';
import {
  assertArgCount,
  assertMock,
  containsSubset,
  count,
  hint,
  isAsymmetricMatcher,
  isPlainObject,
  listed,
  mismatchedKeys,
  usageError,
} from './messages.js';
import type { MatcherContext, MatcherResult } from './types.js';

const NAME = 'toHaveUploadedFile';
const decoder = new TextDecoder();

interface UploadedFile {
  readonly file: FileObject;
  readonly deleted: boolean;
  /** What `expected` is matched against: the File object plus `content` as text. */
  readonly view: FileObject & { content: string };
}

/**
 * `expect(openaiMock).toHaveUploadedFile(expected?)`: some file uploaded by the code under test
 * (deleted ones included) matches `expected`, a subset of the File object plus `content`.
 */
export function toHaveUploadedFile(
  this: MatcherContext,
  received: unknown,
  expected?: unknown,
  ...rest: unknown[]
): MatcherResult {
  const withArg = expected !== undefined;
  const args = withArg ? 'expected' : '';
  assertMock(this, NAME, args, received);
  assertArgCount(this, NAME, args, rest, 'at most one argument (the File fields to match)');
  if (withArg && !isPlainObject(expected) && !isAsymmetricMatcher(expected)) {
    usageError(
      this,
      NAME,
      args,
      `expected must be an object of File fields to match (such as { filename: 'train.jsonl' }), or an asymmetric matcher.\n\nExpected: ${this.utils.printExpected(expected)}`,
    );
  }

  const uploads: UploadedFile[] = received.files.uploads().map(({ file, deleted, content }) => ({
    file,
    deleted,
    view: { ...file, content: decoder.decode(content) },
  }));
  const matching = withArg ? uploads.filter((u) => containsSubset(this, u.view, expected)) : uploads;
  const pass = matching.length > 0;

  const message = (): string => {
    const head = hint(this, NAME, args);
    const wanted = withArg ? `Expected ${this.isNot ? 'no' : 'an'} uploaded file matching: ${this.utils.printExpected(expected)}` : '';
    if (pass) {
      const found = withArg
        ? `Found ${count(matching.length, 'matching upload')}:`
        : `Expected no file to be uploaded, but found ${count(matching.length, 'upload')}:`;
      return [head, '', ...(withArg ? [wanted, ''] : []), found, listed(matching.map(describe))].join('\n');
    }
    const lines = [head, ''];
    if (withArg) lines.push(wanted, '');
    if (uploads.length === 0) {
      lines.push('No file was uploaded since the last reset.');
      const others = received.files.all();
      if (others.length > 0) {
        lines.push(
          `(${count(others.length, 'file')} in the mock ${others.length === 1 ? 'was' : 'were'} seeded or made by the mock, not uploaded: ${others.map((f) => f.id).join(', ')})`,
        );
      }
      return lines.join('\n');
    }
    const differs = (u: UploadedFile): string => {
      if (!isPlainObject(expected)) return '';
      const keys = mismatchedKeys(this, u.view, expected);
      return keys.length > 0 ? `\n  differs in: ${keys.join(', ')}` : '';
    };
    lines.push(`Uploaded files (${uploads.length}):`, listed(uploads.map((u) => describe(u) + differs(u))));
    return lines.join('\n');
  };

  return { pass, message };
}

/** `file-mock000001 train.jsonl (fine-tune, 85 bytes, processed, deleted)`. */
function describe({ file, deleted }: UploadedFile): string {
  const facts = [file.purpose, count(file.bytes, 'byte'), file.status];
  if (deleted) facts.push('deleted');
  return `${file.id} ${file.filename} (${facts.join(', ')})`;
}
