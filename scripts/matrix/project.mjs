// Writes one scratch project for `npm run matrix`: a runner (Vitest as an ESM project, Jest as a
// CommonJS one with no transform), the packed openai-mock, every SDK major under an alias
// (`openai-v4` = `npm:openai@^4`, ...), one generated test file per major and the type-level
// files. TypeScript and @types/node come from the repository's own devDependencies.
//
// Usage: node scripts/matrix/project.mjs <runner id> <project dir> <openai-mock tarball>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RUNNERS, SDK_MAJORS, adjustment, exclusion } from './config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const [runnerId, dirArg, tarballArg] = process.argv.slice(2);
const runner = RUNNERS.find((candidate) => candidate.id === runnerId);
if (!runner || !dirArg || !tarballArg) {
  console.error(`usage: node scripts/matrix/project.mjs <${RUNNERS.map((r) => r.id).join('|')}> <dir> <tarball>`);
  process.exit(2);
}
const dir = resolve(dirArg);
const tarball = resolve(tarballArg);
const rootDev = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
const template = (name) => readFileSync(join(here, 'templates', name), 'utf8');
const write = (path, text) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
// An excluded cell (config.mjs) gets no test file: it is not run at all.
const tested = SDK_MAJORS.filter((major) => !exclusion(runner.id, major));

const sdks = Object.fromEntries(SDK_MAJORS.map((major) => [`openai-v${major}`, `npm:openai@^${major}`]));
const common = {
  'openai-mock': `file:${tarball}`,
  typescript: rootDev.typescript,
  '@types/node': rootDev['@types/node'],
  ...sdks,
};
const compilerOptions = { strict: true, skipLibCheck: true, noEmit: true, target: 'es2022', lib: ['es2022'] };

function testFile(header) {
  const suite = template('suite.js');
  return (major) =>
    header
      .replaceAll('__SDK_PACKAGE__', `openai-v${major}`)
      .replaceAll('__SDK_MAJOR__', String(major))
      // Jest's defaults (modern timers, everything faked) unless config.mjs adjusts the cell.
      .replaceAll('__FAKE_TIMERS_OPTIONS__', adjustment(runner.kind, major)?.fakeTimers ?? '') + suite;
}

if (runner.kind === 'vitest') {
  write('package.json', json({
    name: `openai-mock-matrix-${runner.id}`,
    private: true,
    type: 'module',
    devDependencies: { vitest: runner.range, ...common },
    allowScripts: { esbuild: true },
  }));
  write('vitest.config.mjs', [
    "import { defineConfig } from 'vitest/config';",
    '',
    "export default defineConfig({ test: { setupFiles: ['openai-mock/vitest'], include: ['test/*.test.mjs'] } });",
    '',
  ].join('\n'));
  const make = testFile(template('vitest-header.mjs'));
  for (const major of tested) write(`test/openai-v${major}.test.mjs`, make(major));
  write('types/matchers.ts', template('vitest-types-header.ts') + '\n' + template('types-body.ts'));
  write('tsconfig.json', json({
    compilerOptions: { ...compilerOptions, module: 'nodenext', moduleResolution: 'nodenext', types: ['node'] },
    include: ['types/matchers.ts'],
  }));
} else {
  write('package.json', json({
    name: `openai-mock-matrix-${runner.id}`,
    private: true,
    type: 'commonjs',
    devDependencies: {
      jest: runner.range,
      '@jest/globals': runner.range,
      '@types/jest': runner.range,
      ...common,
    },
    // Jest 30's optional file watcher builds from source only as a fallback; watch mode only.
    allowScripts: { '@parcel/watcher': false },
  }));
  write('jest.config.cjs', [
    'module.exports = {',
    "  testEnvironment: 'node',",
    '  transform: {},',
    "  setupFilesAfterEnv: ['openai-mock/jest'],",
    "  testMatch: ['<rootDir>/test/*.test.cjs'],",
    "  cacheDirectory: '<rootDir>/.jest-cache',",
    '};',
    '',
  ].join('\n'));
  const make = testFile(template('jest-header.cjs'));
  for (const major of tested) write(`test/openai-v${major}.test.cjs`, make(major));
  write('types/global-expect.ts', template('jest-types-global-header.ts') + '\n' + template('types-body.ts'));
  write('types/jest-globals.ts', template('jest-types-globals-header.ts') + '\n' + template('types-body.ts'));
  const options = { ...compilerOptions, module: 'node16', moduleResolution: 'node16' };
  write('tsconfig.json', json({ compilerOptions: { ...options, types: ['node', 'jest'] }, include: ['types/global-expect.ts'] }));
  write('tsconfig.globals.json', json({ compilerOptions: { ...options, types: ['node'] }, include: ['types/jest-globals.ts'] }));
}
