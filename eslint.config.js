import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Where code runs is visible in where it lives: renderer/ and common/ never reach Electron or Node,
// common/ reaches no other layer, and only the shell and preload import electron. The wall node
// (electron/) and the hub (hub/) are peers: neither imports the other, and both may use node-common/;
// only the entry points that embed the hub (npm start, npm run web) import it.
const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'worker_threads'];
const serverPackages = ['electron', 'better-sqlite3', 'ws', 'socket.io'];
const electronOnlyInShell = { name: 'electron', message: 'Only electron/shell and preload import electron; put logic in plain Node beside it.' };
const hubIsAPeer = { group: ['**/hub/**'], message: 'The wall node follows a hub over docs/protocol.md and never imports it: only the entry points (electron/web-main.ts, electron/shell/main.ts) embed it.' };
const noPageCode = { group: ['**/renderer/**'], message: 'The main process does not import page code.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }],
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronOnlyInShell],
        patterns: [hubIsAPeer, noPageCode],
      }],
    },
  },
  {
    files: ['electron/shell/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [hubIsAPeer, noPageCode] }] },
  },
  {
    // The entry points choose to embed the reference hub; nothing else in the wall node may.
    files: ['electron/web-main.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [noPageCode] }] },
  },
  {
    files: ['electron/shell/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noPageCode] }] },
  },
  {
    files: ['preload/**', 'tests/e2e/electron.spec.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['hub/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The hub runs in plain Node, on its own or embedded.' }],
        patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/preload/**'], message: 'The hub is a peer of the wall node: it imports only common/ and node-common/.' }],
      }],
    },
  },
  {
    files: ['node-common/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'node-common/ runs in any Node process, the hub included.' }],
        patterns: [{ group: ['**/electron/**', '**/hub/**', '**/renderer/**', '**/preload/**'], message: 'node-common/ is shared by the wall node and the hub: it imports only common/.' }],
      }],
    },
  },
  {
    files: ['renderer/**', 'tests/harness/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...serverPackages].map((name) => ({ name, message: 'renderer/ runs in the page: talk to the main process through the bridge.' })),
        patterns: [
          { group: nodeModules, message: 'renderer/ runs in the page: no Node APIs.' },
          { group: ['**/electron/**', '**/hub/**', '**/preload/**', '**/node-common/**'], message: 'renderer/ imports only common/ and itself.' },
        ],
      }],
    },
  },
  {
    // Hooks called in order, and effects that name everything they read: a stale closure in a wall
    // that runs for months shows old data without any error.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^usePaintEffect$' }] },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...serverPackages].map((name) => ({ name, message: 'common/ is pure TypeScript that runs anywhere.' })),
        patterns: [
          { group: nodeModules, message: 'common/ is pure TypeScript: no Node APIs.' },
          { group: ['**/electron/**', '**/renderer/**', '**/preload/**', '**/hub/**', '**/node-common/**', 'react', 'react-dom'], message: 'common/ imports nothing from other layers.' },
        ],
      }],
    },
  },
);
