import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/.turbo/',
    '**/.test-results/',
    '**/.vitepress/cache/',
    '**/.vitepress/dist/',
    '**/out/',
    '**/node_modules/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'never' }],
      // Generated code must never come from `new Function`/eval outside the whitelisted compiler.
      'no-new-func': 'error',
      'no-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The one whitelisted code generator: every piece of its source comes from fixed tables
    // and indices, never from user text (see its tests for adversarial identifiers).
    files: ['packages/symbolic/src/compile.ts'],
    rules: { 'no-new-func': 'off' },
  },
  {
    // @slope/autodiff's jit code generator, under the same rule: its source is printed from
    // the fixed primitive table, generated names and numbers only (see its injection tests).
    files: ['packages/autodiff/src/jit/codegen.ts'],
    rules: { 'no-new-func': 'off' },
  },
);
