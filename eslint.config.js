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
  // --validate (docker extension validate's rules without Docker Desktop): given its readers, like the deep check.
  {
    files: ['src/validate/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'child_process', 'fs', 'http'],
              message:
                'The validation is given its readers (the labels reader, the registry reader); it does no I/O itself.',
            },
            {
              group: ['../commands/*', '../adapters/*', '../cli/*', '../server/*', '../backend/*', '../bench/*'],
              message: 'The validation sits above the core and the deep check only.',
            },
            {
              group: ['react', 'react-dom', '@mui/*', '@docker/*'],
              message: 'The validation knows no UI and no ddClient.',
            },
          ],
        },
      ],
    },
  },
);
