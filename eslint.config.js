import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // The matrix's templates are fragments, joined into test files in scratch projects.
  { ignores: ['dist/', 'node_modules/', 'examples/*/node_modules/', '.pack/', 'coverage/', 'scripts/matrix/templates/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript run by Node: scripts, the matrix's templates, the JavaScript examples.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS: .cjs files, and the CommonJS example's Jest config.
    files: ['**/*.cjs', 'examples/jest-commonjs-ts/jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Export names explicitly: no `export *`.' },
      ],
    },
  },
  {
    // Library modules stay under 400 lines, every line counted (comments and blank lines too): a
    // module that size holds one idea a reader can take in at once. When one grows past that,
    // split it along its ideas (e.g. parsing from validation, state from routes), not at an
    // arbitrary line. Tests are exempt: a long test file is a list of cases, not one tangled idea.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test-d.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
);
