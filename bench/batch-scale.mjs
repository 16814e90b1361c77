// One batch-scale measurement, in a fresh process: `node batch-scale.mjs <lines> <dimensions>`.
// An embeddings batch of <lines> requests through the official SDK and the default transport:
// upload the input file, create the batch, let it complete, download and parse the output.
// `node batch-scale.mjs <lines> <dimensions> fetch` uses the fetch transport instead.
// Prints time per phase and the process's peak resident memory.
import OpenAI, { toFile } from 'openai';
import { createOpenAIMock } from '../dist/esm/index.js';

const lines = Number(process.argv[2] ?? 1000);
const dimensions = Number(process.argv[3] ?? 256);
const WORDS = ['invoice', 'refund', 'shipping', 'delay', 'account', 'password', 'reset', 'order', 'damaged', 'warranty', 'billing', 'address', 'cancel', 'upgrade', 'plan', 'support'];
const text = (i) => Array.from({ length: 12 }, (_, k) => WORDS[(i * 7 + k * 3 + (i >> k)) % WORDS.length]).join(' ');

const transport = process.argv[4] === 'fetch' ? 'fetch' : 'nock';
const mock = createOpenAIMock({ transport, files: { processingMs: 0 } }).install();
const client = new OpenAI({ apiKey: 'sk-bench', maxRetries: 0 });

const input = Array.from({ length: lines }, (_, i) =>
  JSON.stringify({ custom_id: `req-${i}`, method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: text(i), dimensions } }),
).join('\n');
const inputBytes = Buffer.byteLength(input);

const phases = {};
let mark = performance.now();
const memory = {};
const lap = (name) => {
  const now = performance.now();
  phases[name] = now - mark;
  const m = process.memoryUsage();
  memory[name.replace(/Ms$/, '')] = { rss: Math.round(m.rss / 2 ** 20), heap: Math.round(m.heapUsed / 2 ** 20), buffers: Math.round(m.arrayBuffers / 2 ** 20) };
  mark = performance.now();
};
const start = mark;

const file = await client.files.create({ file: await toFile(Buffer.from(input), 'embeddings.jsonl'), purpose: 'batch' });
lap('uploadMs');
const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/embeddings', completion_window: '24h' });
lap('createMs');
mock.clock.advance(24 * 3600 * 1000);
const done = await client.batches.retrieve(batch.id);
if (done.status !== 'completed' || !done.output_file_id) throw new Error(`batch is ${done.status}`);
lap('completeMs');
const output = await (await client.files.content(done.output_file_id)).text();
lap('downloadMs');
const totalMs = performance.now() - start;

// Checked after the clock stops: reading the output is the caller's work, not the mock's.
let count = 0;
for (let at = output.indexOf('\n'); at !== -1; at = output.indexOf('\n', at + 1)) count += 1;
const check = (line) => {
  const row = JSON.parse(line);
  if (row.response.status_code !== 200 || row.response.body.data[0].embedding.length !== dimensions) throw new Error(`bad line ${line.slice(0, 200)}`);
};
check(output.slice(0, output.indexOf('\n')));
check(output.slice(output.lastIndexOf('\n', output.length - 2) + 1, -1));
if (count !== lines) throw new Error(`output has ${count} lines, expected ${lines}`);
mock.uninstall();
console.log(
  JSON.stringify({
    lines,
    dimensions,
    transport,
    inputBytes,
    outputBytes: Buffer.byteLength(output),
    totalMs,
    ...phases,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    memory,
  }),
);
