// The linter's rules: typescript-eslint's recommended set, and size limits that keep a
// file readable top to bottom (300 lines) and a function on one screen (60 lines).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist-base/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', '.astro/', 'public/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a binding kept for its position (a destructured element to skip).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'components/**/*.ts', 'scripts/**/*.ts', 'build/**/*.mjs'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
);
