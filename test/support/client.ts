import OpenAI, { toFile } from 'openai';

/** A client as user code builds it; retries off so a wrong status fails fast instead of sleeping. */
export function makeClient(options: ConstructorParameters<typeof OpenAI>[0] = {}): OpenAI {
  return new OpenAI({ apiKey: 'sk-test-key', maxRetries: 0, ...options });
}

/** A chat-format JSONL training line. */
export function chatLine(user = 'Hello', assistant = 'Hi! How can I help?'): string {
  return JSON.stringify({
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: user },
      { role: 'assistant', content: assistant },
    ],
  });
}

/** A JSONL dataset of `n` chat examples. */
export function dataset(n = 1): string {
  return `${Array.from({ length: n }, (_, i) => chatLine(`Question ${i + 1}`, `Answer ${i + 1}`)).join('\n')}\n`;
}

export async function uploadTrainingFile(client: OpenAI, content = dataset(), filename = 'train.jsonl') {
  return client.files.create({ file: await toFile(Buffer.from(content), filename), purpose: 'fine-tune' });
}
