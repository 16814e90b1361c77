import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MARKER, resolveInspectDir, setInspectScope, writeState } from './inspect.js';
import { Engine } from './engine.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'openai-mock-inspect-unit-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('folders per test file and test', () => {
  test('the file folder is its path from the working directory; names are made safe', () => {
    const mock = new Engine([]);
    setInspectScope(mock, { testPath: join(process.cwd(), 'test/a/b.test.ts'), testName: 'suite > it works: "quoted" / slashed' });
    expect(writeState(mock, root)).toBe(join(root, 'test/a/b.test.ts', 'suite _ it works_ _quoted_ _ slashed'));
  });

  test('a test file outside the working directory is named by its base name; a hidden-looking name loses its dot', () => {
    const mock = new Engine([]);
    setInspectScope(mock, { testPath: '/elsewhere/deep/x.test.ts', testName: '../escape' });
    expect(writeState(mock, root)).toBe(join(root, 'x.test.ts', '__escape'));
  });

  test("a run empties the test folders an earlier run left in its file's folder, and nothing else", () => {
    const fileDir = join(root, 'test/x.test.ts');
    mkdirSync(join(fileDir, 'old test/batch_metadata'), { recursive: true });
    writeFileSync(join(fileDir, 'old test', MARKER), '');
    mkdirSync(join(fileDir, 'not ours'));
    writeFileSync(join(fileDir, 'not ours/keep.txt'), 'keep');
    const mock = new Engine([]);
    setInspectScope(mock, { testPath: join(process.cwd(), 'test/x.test.ts'), testName: 'new test' });
    writeState(mock, root);
    expect(readdirSync(fileDir).sort()).toEqual([MARKER, 'new test', 'not ours']);

    // Later tests of the same run keep the earlier tests' folders.
    setInspectScope(mock, { testPath: join(process.cwd(), 'test/x.test.ts'), testName: 'second test' });
    writeState(mock, root);
    expect(readdirSync(fileDir).sort()).toEqual([MARKER, 'new test', 'not ours', 'second test']);
  });

  test('a mock with no scope writes straight into the directory', () => {
    const mock = new Engine([]);
    setInspectScope(mock, null);
    expect(writeState(mock, root)).toBe(root);
    expect(readdirSync(root).sort()).toEqual([MARKER, 'requests.jsonl']);
    expect(existsSync(join(root, 'input_files'))).toBe(false);
  });
});

describe('resolveInspectDir', () => {
  test('the option wins over the variable; null and blank mean off', () => {
    expect(resolveInspectDir(undefined, {})).toBeNull();
    expect(resolveInspectDir(undefined, { OPENAI_MOCK_INSPECT_DIR: '' })).toBeNull();
    expect(resolveInspectDir(undefined, { OPENAI_MOCK_INSPECT_DIR: '/tmp/a' })).toBe('/tmp/a');
    expect(resolveInspectDir('/tmp/b', { OPENAI_MOCK_INSPECT_DIR: '/tmp/a' })).toBe('/tmp/b');
    expect(resolveInspectDir(null, { OPENAI_MOCK_INSPECT_DIR: '/tmp/a' })).toBeNull();
    expect(resolveInspectDir('rel', {})).toBe(join(process.cwd(), 'rel'));
  });
});
