import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
              group: ['../commands/*', '../adapters/*', '../cli/*', '../server/*', '../bench/*'],
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
              group: ['react', 'react-dom', '@mui/*', '@docker/*'],
              message: 'The deep check knows no UI and no ddClient.',
            },
          ],
        },
      ],
    },
  },
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
              group: ['../commands/*', '../adapters/*', '../cli/*', '../server/*', '../bench/*'],
              message: 'The registry reader imports only the core and itself.',
            },
          ],
        },
      ],
    },
  },
  // The Engine API client (src/engine): read-only by construction, it talks to the engine's socket with
  // node:http and knows only the core. Nothing else: no commands, no registry, no front end.
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                '!node:http',
                '!node:fs',
                '!node:fs/promises',
                '!node:os',
                '!node:path',
                '!node:stream',
              ],
              message: 'The engine client uses only node:http, fs, os, path and stream.',
            },
            {
              group: ['child_process', 'http', 'https', 'net', 'fs', 'os', 'path', 'stream'],
              message: 'Use the node: form.',
            },
            {
              group: [
                '../commands/*',
                '../adapters/*',
                '../cli/*',
                '../server/*',
                '../backend/*',
                '../bench/*',
                '../registry/*',
                '../deepCheck/*',
                '../localStore/*',
                '**/ui/**',
              ],
              message: 'The engine client imports only the core.',
            },
            { group: ['react', 'react-dom', '@mui/*', '@docker/*'], message: 'The engine client knows no UI.' },
          ],
        },
      ],
    },
  },
  // The deep check's local source (src/localStore): the engine client, the core's layer rules and the
  // registry reader's layer walk; it spools to disk. No commands, no raw sockets, no front end.
  {
    files: ['src/localStore/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:child_process',
                'child_process',
                'node:http',
                'http',
                'node:net',
                'net',
                'node:worker_threads',
              ],
              message: 'The local source reads the engine only through src/engine (its allowlist).',
            },
            {
              group: [
                '../commands/*',
                '../adapters/*',
                '../cli/*',
                '../server/*',
                '../backend/*',
                '../bench/*',
                '**/ui/**',
              ],
              message:
                'The local source imports only the core, src/engine, the registry reader and the deep check port.',
            },
            { group: ['react', 'react-dom', '@mui/*', '@docker/*'], message: 'The local source knows no UI.' },
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
);
