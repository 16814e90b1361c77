// Prints the matrix from what scripts/matrix.sh left in its scratch folder, then the failures
// (each failing test's message and the tail of the log concerned), and ends with the line
// `matrix: N passed, M failed`. Exits 1 if any cell failed.
//
// Usage: node scripts/matrix/table.mjs <scratch> <elapsed seconds> <label>=<node version>...
//
// Scratch layout (written by matrix.sh):
//   projects/<runner>/                  the project, installed
//   results/install-<runner>.rc         exit status of its npm install
//   results/<label>/<runner>.json       the runner's JSON report on that Node
//   results/<label>/<runner>.rc         the runner's exit status (124/137: stopped by timeout)
//   results/<label>/<runner>.types.rc   exit status of tsc over the type-level files
//   logs/install-<runner>.log, logs/run-<label>-<runner>.log, logs/types-<label>-<runner>.log
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { ADJUSTMENTS, EXCLUSIONS, RUNNERS, SDK_MAJORS, adjustment, exclusion } from './config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [scratch, elapsed, ...nodeArgs] = process.argv.slice(2);
const nodes = nodeArgs.map((arg) => {
  const [label, version] = arg.split('=');
  return { label, version };
});
const NODE_TITLES = { newest: 'newest: the Node npm scripts run on', floor: 'the supported floor, from the npm registry' };
const LOG_TAIL = 25;
const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹';

// Every test file must report this many tests, all passed: a file that stops early fails.
const EXPECTED_TESTS = (readFileSync(join(here, 'templates', 'suite.js'), 'utf8').match(/^test\(/gm) ?? []).length;

const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
};
const readRc = (path) => {
  const text = read(path);
  return text === undefined ? undefined : Number(text.trim());
};
const stripAnsi = (text) => stripVTControlCharacters(text);
const tail = (path, lines = LOG_TAIL) => {
  const text = read(path);
  if (text === undefined) return `    (no log at ${path})`;
  return stripAnsi(text)
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `    | ${line}`)
    .join('\n');
};
const version = (project, pkg) => readJson(join(scratch, 'projects', project, 'node_modules', pkg, 'package.json'))?.version;

const runnerLabel = (runner) => {
  const installed = version(runner.id, runner.kind);
  return installed ? `${runner.kind === 'vitest' ? 'Vitest' : 'Jest'} ${installed}` : runner.label;
};
const sdkVersion = (major) => {
  for (const runner of RUNNERS) {
    const installed = version(runner.id, `openai-v${major}`);
    if (installed) return installed;
  }
  return `${major}.x`;
};

/**
 * A cell: `{ state: 'pass' | 'fail' | 'excluded', mark?, reason?, details?, log? }`.
 * `details` are lines about the failure; `log` names the log whose tail explains it.
 */
function runtimeCell(runner, node, major) {
  const excluded = exclusion(runner.id, major);
  if (excluded) return { state: 'excluded', reason: excluded };
  const adjusted = adjustment(runner.kind, major);
  const mark = adjusted ? SUPERSCRIPTS[ADJUSTMENTS.indexOf(adjusted)] : '';
  const installLog = join(scratch, 'logs', `install-${runner.id}.log`);
  if (readRc(join(scratch, 'results', `install-${runner.id}.rc`)) !== 0) {
    return { state: 'fail', mark, reason: 'npm install failed', log: installLog };
  }
  const runLog = join(scratch, 'logs', `run-${node.label}-${runner.id}.log`);
  const rc = readRc(join(scratch, 'results', node.label, `${runner.id}.rc`));
  if (rc === undefined) return { state: 'fail', mark, reason: `not run (Node ${node.version} is not installed)`, log: join(scratch, 'logs', 'install-node-floor.log') };
  const fileName = `openai-v${major}.test.${runner.kind === 'vitest' ? 'mjs' : 'cjs'}`;
  if (rc === 124 || rc === 137) {
    const line = fileLines(runLog).find((candidate) => candidate.includes(`test/${fileName}`));
    return {
      state: 'fail',
      mark,
      reason: `${runnerLabel(runner)} was stopped after its time limit; this file: ${line ?? 'never reported'}`,
      summary: runSummary(runLog),
      log: runLog,
    };
  }
  const report = readJson(join(scratch, 'results', node.label, `${runner.id}.json`));
  if (!report) return { state: 'fail', mark, reason: `no JSON report (exit status ${rc})`, summary: runSummary(runLog), log: runLog };
  const file = report.testResults?.find((result) => basename(result.name) === fileName);
  if (!file) return { state: 'fail', mark, reason: `${fileName} is not in the JSON report (exit status ${rc})`, log: runLog };
  const tests = file.assertionResults ?? [];
  const failed = tests.filter((test) => test.status !== 'passed');
  if (file.status === 'passed' && failed.length === 0 && tests.length === EXPECTED_TESTS) return { state: 'pass', mark };
  const details = [];
  if (file.message) details.push(...firstLines(file.message, 8));
  if (tests.length !== EXPECTED_TESTS) details.push(`${tests.length} tests reported, ${EXPECTED_TESTS} expected`);
  for (const test of failed) {
    details.push(`✗ ${test.title} [${test.status}]`);
    for (const message of test.failureMessages ?? []) {
      const withoutStack = message.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
      details.push(...firstLines(withoutStack, 8).map((line) => `    ${line}`));
    }
  }
  return { state: 'fail', mark, reason: `${failed.length} of ${tests.length} tests failed in ${fileName}`, details, log: runLog };
}

function typesCell(runner, node) {
  if (readRc(join(scratch, 'results', `install-${runner.id}.rc`)) !== 0) {
    return { state: 'fail', reason: 'npm install failed', log: join(scratch, 'logs', `install-${runner.id}.log`) };
  }
  const rc = readRc(join(scratch, 'results', node.label, `${runner.id}.types.rc`));
  if (rc === 0) return { state: 'pass' };
  const log = join(scratch, 'logs', `types-${node.label}-${runner.id}.log`);
  return { state: 'fail', reason: rc === undefined ? `not run (Node ${node.version} is not installed)` : `tsc exited with ${rc}`, log };
}

/** The runner's per-file lines (`PASS test/…`, `FAIL test/…`, `✓ test/…`) from its log. */
function fileLines(log) {
  return stripAnsi(read(log) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(PASS|FAIL|✓|×|❯)\s+test\/openai-v\d+\.test\.\w+/.test(line));
}

/** For a run with no report: the files it reported, and each distinct failure with its first line. */
function runSummary(log) {
  const lines = stripAnsi(read(log) ?? '').split('\n');
  const summary = fileLines(log).map((line) => `reported: ${line}`);
  const seen = new Set();
  for (let i = 0; i < lines.length; i += 1) {
    // Jest: `  ● <test name>`; Vitest: ` FAIL  test/<file> > <test name>`. Then the first line of the error.
    const bullet = /^\s*(?:●\s+(.*\S)|FAIL\s+(test\/\S+ > .*\S))\s*$/.exec(lines[i]);
    const name = bullet?.[1] ?? bullet?.[2];
    if (!name || name === 'Console') continue;
    const cause = lines.slice(i + 1).find((line) => line.trim() !== '')?.trim() ?? '';
    const entry = `${name}: ${cause}`;
    if (!seen.has(entry)) seen.add(entry);
  }
  const causes = [...seen];
  summary.push(...causes.slice(0, 12).map((entry) => `failure: ${entry}`));
  if (causes.length > 12) summary.push(`… and ${causes.length - 12} more distinct failures`);
  return summary;
}

function wrap(text, columns) {
  const lines = [''];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (lines[last] !== '' && lines[last].length + word.length + 1 > columns) lines.push(word);
    else lines[last] = lines[last] === '' ? word : `${lines[last]} ${word}`;
  }
  return lines;
}

function firstLines(text, count) {
  const lines = stripAnsi(String(text)).split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  return lines.length > count ? [...lines.slice(0, count), '…'] : lines;
}

// Emoji take two columns in a terminal; pad by display width.
const width = (text) => [...text].reduce((sum, ch) => sum + (/\p{Extended_Pictographic}/u.test(ch) ? 2 : 1), 0);
const pad = (text, size) => text + ' '.repeat(Math.max(0, size - width(text)));
const symbol = (cell) => (cell.state === 'pass' ? '✅' : cell.state === 'fail' ? '❌' : '➖ excluded') + (cell.mark ?? '');

const columns = [...SDK_MAJORS.map((major) => `openai ${sdkVersion(major)}`), 'types (tsc)'];
const firstWidth = Math.max(...RUNNERS.map((runner) => width(runnerLabel(runner)))) + 2;
const columnWidth = Math.max(...columns.map(width), 12) + 2;

let passed = 0;
let failed = 0;
const failures = [];
const logsShown = new Set();

const tarballVersion = readJson(join(scratch, 'projects', RUNNERS[0].id, 'node_modules', 'openai-mock', 'package.json'))?.version;
console.log(`openai-mock${tarballVersion ? ` ${tarballVersion}` : ''} (packed tarball) × the openai SDK × test runners × Node`);
for (const node of nodes) {
  console.log('');
  console.log(`Node ${node.version} (${NODE_TITLES[node.label] ?? node.label})`);
  console.log(`  ${pad('', firstWidth)}${columns.map((column) => pad(column, columnWidth)).join('')}`.trimEnd());
  for (const runner of RUNNERS) {
    const cells = [
      ...SDK_MAJORS.map((major) => ({ name: `openai ${major}`, cell: runtimeCell(runner, node, major) })),
      { name: 'types', cell: typesCell(runner, node) },
    ];
    console.log(`  ${pad(runnerLabel(runner), firstWidth)}${cells.map(({ cell }) => pad(symbol(cell), columnWidth)).join('')}`.trimEnd());
    for (const { name, cell } of cells) {
      if (cell.state === 'pass') passed += 1;
      if (cell.state === 'fail') {
        failed += 1;
        failures.push({ title: `Node ${node.version} · ${runnerLabel(runner)} · ${name}`, ...cell });
      }
    }
  }
}

const notes = [...ADJUSTMENTS.map((item, index) => `${SUPERSCRIPTS[index]} ${item.note}`)];
for (const [key, reason] of Object.entries(EXCLUSIONS)) notes.push(`➖ ${key}: excluded, ${reason}`);
if (notes.length > 0) {
  console.log('');
  for (const note of notes) console.log(wrap(note, 100).join('\n  '));
}

if (failures.length > 0) {
  console.log('');
  console.log(`Failures (${failures.length}):`);
  for (const failure of failures) {
    console.log('');
    console.log(`❌ ${failure.title}: ${failure.reason}`);
    for (const line of failure.details ?? []) console.log(`  ${line}`);
    if (failure.log && !logsShown.has(failure.log)) {
      logsShown.add(failure.log);
      for (const line of failure.summary ?? []) console.log(`  ${line}`);
      console.log(`  last ${LOG_TAIL} lines of ${failure.log.slice(scratch.length + 1)}:`);
      console.log(tail(failure.log));
    } else if (failure.log) {
      console.log(`  (log ${failure.log.slice(scratch.length + 1)} shown above)`);
    }
  }
}

console.log('');
console.log(`matrix: took ${elapsed} s`);
console.log(`matrix: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
