// The benchmark: `npm run bench` (full, writes bench/results/ and README's results table) or
// `npm run bench -- --quick` (one short run, writes nothing; CI uses it to keep this working).
//
// Every measurement runs in a fresh Node process (bench/per-request.mjs, batch-scale.mjs,
// setup-cost.mjs, and Vitest for the training flow), contenders interleaved run by run so a noisy
// moment hurts them alike; the figures are medians over the runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { perRequestChart } from './lib/chart.mjs';
import { runChild } from './lib/child.mjs';
import { contenders } from './lib/contenders.mjs';
import { fmt, median, spread } from './lib/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : quick ? 1 : 5;
const write = !quick && !args.has('--no-write');
const budgetMs = quick ? 400 : 1000;
const flowTests = quick ? 5 : 30;
const batchSizes = [1000, 10_000, 50_000];
const DIMENSIONS = 256;

const log = (line = '') => process.stdout.write(`${line}\n`);

if (!args.has('--no-build')) {
  log('building the package (npm run build)...');
  execFileSync('bash', ['scripts/build.sh'], { cwd: root, stdio: 'inherit' });
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
log(`\nopenai-mock benchmark: ${runs} run(s)${quick ? ' (quick)' : ''} on ${machine}`);

// 1. Per request.
const order = ['floor', 'mock-fetch-option', 'mock-fetch-transport', 'loopback', 'aimock', 'msw', 'hand-nock', 'mock-default'];
const perRequest = Object.fromEntries(order.map((name) => [name, []]));
for (let run = 1; run <= runs; run++) {
  log(`\nper request, run ${run}/${runs}: official SDK files.retrieve`);
  for (const name of order) {
    const result = await runChild('per-request.mjs', [name, String(budgetMs)]);
    perRequest[name].push(result.usPerRequest);
    log(`  ${contenders[name].label.padEnd(58)} ${fmt(result.usPerRequest).padStart(7)} µs  (${result.calls} calls)`);
  }
}
const us = Object.fromEntries(order.map((name) => [name, median(perRequest[name])]));

// 2. A whole test: the origin document's basic training flow, per test.
const flowOut = `${os.tmpdir()}/openai-mock-bench-flow-${process.pid}.jsonl`;
const flows = { 'openai-mock-nock': [], 'openai-mock-fetch': [], aimock: [] };
let virtualMs = null;
let polls = {};
for (let run = 1; run <= runs; run++) {
  log(`\ntraining flow, run ${run}/${runs}: ${flowTests} tests per subject in Vitest`);
  rmSync(flowOut, { force: true });
  const vitest = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'bench/training-flow/vitest.config.mjs'], {
    cwd: root,
    env: { ...process.env, BENCH_OUT: flowOut, BENCH_FLOW_TESTS: String(flowTests) },
    encoding: 'utf8',
  });
  if (vitest.status !== 0) throw new Error(`training-flow run failed:\n${vitest.stdout}\n${vitest.stderr}`);
  const entries = readFileSync(flowOut, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  for (const subject of Object.keys(flows)) {
    // The first test of each file warms the JIT and the connections up; the rest are steady.
    const mine = entries.filter((e) => e.subject === subject);
    const steady = mine.slice(1).map((e) => e.realMs);
    flows[subject].push(median(steady));
    polls[subject] = mine[0]?.polls;
    if (mine[0]?.virtualMs != null) virtualMs = mine[0].virtualMs;
    log(`  ${subject.padEnd(20)} ${fmt(median(steady), 1).padStart(7)} ms per test`);
  }
}
rmSync(flowOut, { force: true });
const flowMs = Object.fromEntries(Object.entries(flows).map(([k, v]) => [k, median(v)]));

// 3. Batch scale.
const batches = Object.fromEntries(batchSizes.map((n) => [n, []]));
for (let run = 1; run <= runs; run++) {
  log(`\nbatch scale, run ${run}/${runs}: embeddings batches (${DIMENSIONS} dimensions), upload to downloaded output`);
  for (const lines of batchSizes) {
    const result = await runChild('batch-scale.mjs', [String(lines), String(DIMENSIONS)], { nodeArgs: ['--max-old-space-size=4096'] });
    batches[lines].push(result);
    log(`  ${fmt(lines).padStart(6)} lines: ${fmt(result.totalMs).padStart(6)} ms, peak ${fmt(result.peakRssMiB).padStart(5)} MiB RSS, output ${fmt(result.outputBytes / 2 ** 20)} MiB`);
  }
}
const batch = Object.fromEntries(
  batchSizes.map((n) => [
    n,
    {
      totalMs: median(batches[n].map((r) => r.totalMs)),
      peakRssMiB: median(batches[n].map((r) => r.peakRssMiB)),
      outputMiB: batches[n][0].outputBytes / 2 ** 20,
      phases: Object.fromEntries(['uploadMs', 'createMs', 'completeMs', 'downloadMs'].map((p) => [p, median(batches[n].map((r) => r[p]))])),
    },
  ]),
);

// 4. Setup cost per test file.
const setups = [];
for (let run = 1; run <= runs; run++) {
  const result = await runChild('setup-cost.mjs', []);
  setups.push(result);
  log(`\nsetup cost, run ${run}/${runs}: ${fmt(result.perFileMs, 1)} ms per file (Node's fetch ${fmt(result.nodeFetchMs, 1)}, nock ${fmt(result.nockMs, 1)}, openai-mock ${fmt(result.ownMs, 1)}); ${fmt(result.perFileSharedMs, 2)} ms with isolate: false`);
}
const setup = Object.fromEntries(Object.keys(setups[0]).map((k) => [k, median(setups.map((s) => s[k]))]));

// Targets.
const ratio = (a, b) => a / b;
// Linear growth: each added line costs the same from 10k to 50k lines as from 1k to 10k (the
// fixed cost of a run, large next to 1,000 lines, cancels out of these marginal costs).
const marginal = (small, large) => (batch[large].totalMs - batch[small].totalMs) / (large - small);
const marginalMemory = (small, large) => (batch[large].peakRssMiB - batch[small].peakRssMiB) / (large - small);
const targets = [
  { what: 'fast path (`fetch` option) ≤ 1.5× the floor', value: ratio(us['mock-fetch-option'], us.floor), show: (v) => `${fmt(v, 2)}×`, ok: (v) => v <= 1.5 },
  { what: 'fast path (fetch transport) ≤ 1.5× the floor', value: ratio(us['mock-fetch-transport'], us.floor), show: (v) => `${fmt(v, 2)}×`, ok: (v) => v <= 1.5 },
  { what: 'fast path ≥ 3× faster than the loopback peer (aimock)', value: ratio(us.aimock, us['mock-fetch-option']), show: (v) => `${fmt(v, 1)}× faster`, ok: (v) => v >= 3 },
  { what: 'default path ≤ 1.1× a hand-written nock reply', value: ratio(us['mock-default'], us['hand-nock']), show: (v) => `${fmt(v, 2)}×`, ok: (v) => v <= 1.1 },
  { what: '50,000-line batch ≤ 3 s', value: batch[50_000].totalMs / 1000, show: (v) => `${fmt(v, 2)} s`, ok: (v) => v <= 3 },
  { what: '50,000-line batch ≤ 1 GiB peak', value: batch[50_000].peakRssMiB, show: (v) => `${fmt(v)} MiB`, ok: (v) => v <= 1024 },
  { what: 'linear time: cost per added line, 10k→50k over 1k→10k ≤ 1.25×', value: marginal(10_000, 50_000) / marginal(1000, 10_000), show: (v) => `${fmt(v, 2)}×`, ok: (v) => v <= 1.25 },
  { what: 'linear memory: MiB per added line, 10k→50k over 1k→10k ≤ 1.25×', value: marginalMemory(10_000, 50_000) / marginalMemory(1000, 10_000), show: (v) => `${fmt(v, 2)}×`, ok: (v) => v <= 1.25 },
  { what: 'setup ≤ 30 ms per test file', value: setup.perFileMs, show: (v) => `${fmt(v, 1)} ms`, ok: (v) => v <= 30 },
];

log('\n=== per request: official SDK files.retrieve, median µs (ratio to the floor) ===');
for (const name of order) {
  const s = spread(perRequest[name]);
  log(`  ${contenders[name].label.padEnd(58)} ${fmt(us[name]).padStart(7)} µs  ${fmt(ratio(us[name], us.floor), 2).padStart(6)}×   [${fmt(s.min)}–${fmt(s.max)}]`);
}
log(`\n=== a whole test: upload, wait for processing, create a job, poll to succeeded ===`);
log(`  with real sleeps at the origin document's timings: ${fmt(virtualMs / 1000, 1)} s per test (computed from the mock's clock)`);
log(`  openai-mock, default transport, fake timers:       ${fmt(flowMs['openai-mock-nock'], 1)} ms per test (${fmt(virtualMs / flowMs['openai-mock-nock'])}× faster than sleeping)`);
log(`  openai-mock, fetch transport, fake timers:         ${fmt(flowMs['openai-mock-fetch'], 1)} ms per test (${fmt(virtualMs / flowMs['openai-mock-fetch'])}× faster than sleeping)`);
log(`  aimock (loopback, moves on per read; no sleeps):   ${fmt(flowMs.aimock, 1)} ms per test (${polls.aimock} polls, against ${polls['openai-mock-nock']} at 1 s intervals)`);
log(`\n=== batch scale: embeddings, ${DIMENSIONS} dimensions, default transport ===`);
for (const n of batchSizes) {
  const b = batch[n];
  log(`  ${fmt(n).padStart(6)} lines: ${fmt(b.totalMs).padStart(6)} ms (upload ${fmt(b.phases.uploadMs)}, create ${fmt(b.phases.createMs)}, complete ${fmt(b.phases.completeMs)}, download ${fmt(b.phases.downloadMs)}), peak ${fmt(b.peakRssMiB)} MiB, output ${fmt(b.outputMiB)} MiB`);
}
log(`\n=== setup cost per test file (Vitest; setup file, install and uninstall, over an empty setup file) ===`);
log(`  isolated files (Vitest's default): ${fmt(setup.perFileMs, 1)} ms per file`);
log(`    Node's own fetch (undici), loaded with node:http; any request loads it anyway: ${fmt(setup.nodeFetchMs, 1)} ms`);
log(`    nock, the default transport's interceptor:                                    ${fmt(setup.nockMs, 1)} ms`);
log(`    openai-mock's own code:                                                       ${fmt(setup.ownMs, 1)} ms`);
log(`  isolate: false (files share a worker), from the second file on:                 ${fmt(setup.perFileSharedMs, 2)} ms per file`);
log(`\n=== targets ===${quick ? ' (one short run: a check that the benchmark works, not a measurement; run without --quick to judge)' : ''}`);
for (const t of targets) log(`  ${t.ok(t.value) ? 'met   ' : 'MISSED'}  ${t.what.padEnd(58)} ${t.show(t.value)}`);

if (write) {
  const results = { date: new Date().toISOString().slice(0, 10), machine, runs, perRequest: us, perRequestRuns: perRequest, flow: { virtualMs, perTestMs: flowMs, polls }, batch, setup, targets: targets.map((t) => ({ what: t.what, value: t.value, met: t.ok(t.value) })) };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/latest.json`, `${JSON.stringify(results, null, 2)}\n`);
  const chartRows = order.map((name) => ({ label: contenders[name].label.replace(/`/g, ''), value: us[name], ours: name.startsWith('mock-') }));
  writeFileSync(
    `${root}bench/results/per-request.svg`,
    perRequestChart(chartRows, { title: 'µs per request: official SDK files.retrieve (median, log scale)', note: `npm run bench, ${results.date}: ${machine}` }),
  );
  const table = [
    `Measured ${results.date} on ${machine}; medians of ${runs} runs.`,
    '',
    '![µs per request, per path](bench/results/per-request.svg)',
    '',
    '| per request (SDK `files.retrieve`) | µs | × floor |',
    '|---|---:|---:|',
    ...order.map((name) => `| ${contenders[name].label} | ${fmt(us[name])} | ${fmt(ratio(us[name], us.floor), 2)} |`),
    '',
    '| a whole test: the origin training flow | per test |',
    '|---|---:|',
    `| with real sleeps at the origin document's timings (computed) | ${fmt(virtualMs / 1000, 1)} s |`,
    `| openai-mock, default transport, fake timers + \`advanceTime\` | ${fmt(flowMs['openai-mock-nock'], 1)} ms |`,
    `| openai-mock, fetch transport, fake timers + \`advanceTime\` | ${fmt(flowMs['openai-mock-fetch'], 1)} ms |`,
    `| aimock (its jobs move on per read; polled without sleeping) | ${fmt(flowMs.aimock, 1)} ms |`,
    '',
    `| embeddings batch (${DIMENSIONS} dimensions), upload → downloaded output | time | peak RSS | output |`,
    '|---|---:|---:|---:|',
    ...batchSizes.map((n) => `| ${fmt(n)} lines | ${fmt(batch[n].totalMs)} ms | ${fmt(batch[n].peakRssMiB)} MiB | ${fmt(batch[n].outputMiB)} MiB |`),
    '',
    '| setup per test file (Vitest), over an empty setup file | ms |',
    '|---|---:|',
    `| isolated files (Vitest's default) | ${fmt(setup.perFileMs, 1)} |`,
    `| … of which Node's own fetch (undici; any request loads it anyway) | ${fmt(setup.nodeFetchMs, 1)} |`,
    `| … of which nock (the default transport's interceptor) | ${fmt(setup.nockMs, 1)} |`,
    `| … of which openai-mock's own code | ${fmt(setup.ownMs, 1)} |`,
    `| \`isolate: false\` (files share a worker), from the second file on | ${fmt(setup.perFileSharedMs, 2)} |`,
    '',
    '| target | result | |',
    '|---|---:|---|',
    ...targets.map((t) => `| ${t.what} | ${t.show(t.value)} | ${t.ok(t.value) ? 'met' : '**missed**'} |`),
  ].join('\n');
  const readmePath = `${root}README.md`;
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md has no ${start} … ${end} section to fill`);
  writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${table}\n${readme.slice(to)}`);
  log('\nwrote bench/results/latest.json, bench/results/per-request.svg and README.md (results section)');
}
