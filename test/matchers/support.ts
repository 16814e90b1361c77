// Shared by the matcher tests: an SDK client, a valid training file, and a snapshot serializer
// that drops ANSI colours so pinned failure messages read the same with or without a TTY.
import { stripVTControlCharacters } from 'node:util';
import OpenAI, { toFile } from 'openai';
import type { SnapshotSerializer } from 'vitest';

/** One valid chat fine-tuning example. */
export const TRAINING_LINE = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}';

export function newClient(): OpenAI {
  return new OpenAI({ apiKey: 'test', maxRetries: 0 });
}

/** Uploads `content` (one training line by default) with purpose `fine-tune`. */
export async function uploadFile(
  client: OpenAI,
  filename = 'train.jsonl',
  content = `${TRAINING_LINE}\n`,
  purpose: OpenAI.FilePurpose = 'fine-tune',
): Promise<OpenAI.FileObject> {
  return client.files.create({ file: await toFile(Buffer.from(content), filename), purpose });
}

/** Uploads a training file and starts a job on it. */
export async function createJob(client: OpenAI): Promise<OpenAI.FineTuning.FineTuningJob> {
  const file = await uploadFile(client);
  return client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id });
}

/** Prints strings and errors (as `toThrowErrorMatchingInlineSnapshot` snapshots them) without colour codes. */
export const withoutColors: SnapshotSerializer = {
  test: (value: unknown) =>
    (typeof value === 'string' && hasColors(value)) || (value instanceof Error && hasColors(value.message)),
  serialize: (value: string | Error, config, indentation, depth, refs, printer) => {
    if (typeof value === 'string') return printer(stripVTControlCharacters(value), config, indentation, depth, refs);
    const plain = new Error(stripVTControlCharacters(value.message));
    plain.name = value.name;
    return printer(plain, config, indentation, depth, refs);
  },
};

function hasColors(text: string): boolean {
  return stripVTControlCharacters(text) !== text;
}
