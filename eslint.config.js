import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Where code runs is visible in where it lives: renderer/ and common/ never reach Electron or Node,
// common/ reaches no other layer, and only the shell and preload import electron.
const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'worker_threads'];
const serverPackages = ['electron', 'better-sqlite3', 'ws', 'socket.io'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/shell and preload import electron; put logic in electron/core.' }] }],
    },
  },
  {
    files: ['electron/shell/**', 'preload/**', 'tests/e2e/electron.spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...serverPackages].map((name) => ({ name, message: 'renderer/ runs in the page: talk to the main process through the bridge.' })),
        patterns: [
          { group: nodeModules, message: 'renderer/ runs in the page: no Node APIs.' },
          { group: ['**/electron/**', '**/hub/**', '**/preload/**'], message: 'renderer/ imports only common/ and itself.' },
        ],
      }],
    },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...serverPackages].map((name) => ({ name, message: 'common/ is pure TypeScript that runs anywhere.' })),
        patterns: [
          { group: nodeModules, message: 'common/ is pure TypeScript: no Node APIs.' },
          { group: ['**/electron/**', '**/renderer/**', '**/preload/**', '**/hub/**', 'react', 'react-dom'], message: 'common/ imports nothing from other layers.' },
        ],
      }],
    },
  },
);
