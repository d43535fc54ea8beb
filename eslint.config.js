import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import archmatrix from './eslint/noTypeImportCycle.js';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/env/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Layer boundaries: the core is pure, the command layer knows no UI, components know no commands.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'child_process', 'http', 'os', 'path'], message: 'The core does no I/O.' },
            { group: ['react', 'react-dom', '@mui/*', '@docker/*'], message: 'The core knows no UI and no ddClient.' },
            {
              // Any depth (src/core/inside imports with ../../): the layers above the core, never imported by it.
              group: [
                '**/commands/*',
                '**/adapters/*',
                '**/cli/*',
                '**/server/*',
                '**/bench/*',
                '**/registry/*',
                '**/deepCheck/*',
                '**/backend/*',
                '**/ui/**',
              ],
              message: 'The core imports only the core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/commands/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', '@mui/*'], message: 'The command layer knows no UI.' },
            {
              group: ['node:*', 'child_process'],
              message: 'The command layer runs commands only through the ExecPort.',
            },
            {
              group: ['../adapters/*', '../cli/*', '../server/*'],
              message: 'Adapters depend on commands, not the other way round.',
            },
          ],
        },
      ],
    },
  },
  // The backend (Docker Desktop's VM) only reads registries: it runs no commands and knows no UI.
  {
    files: ['src/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:child_process', 'child_process', 'node:worker_threads'],
              message: 'The backend runs no commands: it only reads registries.',
            },
            {
              group: ['../commands/*', '../adapters/*'],
              message: 'The backend has no docker CLI: no command layer, no ExecPort.',
            },
            {
              group: ['react', 'react-dom', '@mui/*', '@docker/*', '**/ui/**'],
              message: 'The backend knows no UI and no ddClient.',
            },
          ],
        },
      ],
    },
  },
  // The deep check orchestration runs in the CLI and in the backend: it is given its platform check and reader.
  // It owns those ports (ports.ts); the registry reader implements them, so the registry may import the port
  // types and the deep check never imports the registry.
  {
    files: ['src/deepCheck/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'child_process', 'fs', 'http'],
              message: 'The deep check is given its reader and platform check (ports.ts); it does no I/O itself.',
            },
            {
              group: ['../commands/*', '../adapters/*', '../cli/*', '../server/*', '../backend/*', '../bench/*'],
              message: 'The deep check sits above the core only: the CLI and the backend hand it commands and readers.',
            },
            {
              group: ['../registry/*'],
              message:
                'The registry reader implements the deep check ports (ports.ts); the deep check never imports it.',
            },
            {
              group: ['react', 'react-dom', '@mui/*', '@docker/*'],
              message: 'The deep check knows no UI and no ddClient.',
            },
          ],
        },
      ],
    },
  },
  // The registry reader imports the core, itself, and the deep check's port types it implements (ports.ts).
  {
    files: ['src/registry/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@mui/*', '@docker/*'],
              message: 'The registry reader knows no UI and no ddClient.',
            },
            {
              group: ['node:child_process', 'child_process'],
              message: 'The registry reader runs no commands (credential helpers live in src/adapters).',
            },
            {
              group: ['../commands/*', '../adapters/*', '../cli/*', '../server/*', '../bench/*', '../backend/*'],
              message: 'The registry reader imports only the core, itself and the deep check ports.',
            },
            {
              group: ['../deepCheck/*', '!../deepCheck/ports.js'],
              message: 'Of the deep check, the registry reader imports only the ports it implements (ports.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['ui/src/**/components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/commands/*', '**/src/adapters/*', '@commands/*', '@adapters/*'],
              message: 'Components render state; hooks call the command layer.',
            },
          ],
        },
      ],
    },
  },
  // No import circles, anywhere (src, the tab, the tests). import-x/no-cycle follows every value import through
  // the tree; it skips type-only imports, so archmatrix/no-type-import-cycle (eslint/noTypeImportCycle.js) reports
  // a type-only import that closes a circle. The TypeScript resolver reads tsconfig.json, so `./x.js` finds `./x.ts`
  // and the aliases (@core/*, @ui/*, ...) resolve as tsc resolves them. Packages are not followed (ignoreExternal):
  // no circle of the project's files can pass through them.
  {
    files: ['src/**/*.{ts,tsx}', 'ui/src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, archmatrix },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/external-module-folders': ['node_modules'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'archmatrix/no-type-import-cycle': 'error',
    },
  },
);
