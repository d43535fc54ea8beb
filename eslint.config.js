import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import archmatrix from './eslint/noTypeImportCycle.js';

/** The no-restricted-imports pattern of a layer that knows no UI and no ddClient (React, MUI, Docker's packages). */
const noUi = (who) => ({
  group: ['react', 'react-dom', '@mui/*', '@docker/*'],
  message: `${who} knows no UI and no ddClient.`,
});

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
            noUi('The core'),
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
                '**/wire/*',
                '**/http/*',
                '**/runtime/*',
                '**/engine/*',
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
              group: ['node:*', '!node:events', 'child_process', 'fs', 'http'],
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
            noUi('The deep check'),
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
            noUi('The registry reader'),
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

  // ---- Neutral modules (wire / http / runtime / stand-in) ----
  // src/wire is shared by the backend, the browser-mode server, the stand-in (browser code) and the
  // tab: pure types and constants, no Node, no DOM, no React, and imports only the core.
  {
    files: ['src/wire/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!core/)',
              caseSensitive: true,
              message: 'src/wire imports only src/core and itself.',
            },
            {
              group: ['node:*', 'fs', 'http', 'https', 'net', 'os', 'path', 'url', 'crypto', 'child_process', 'buffer'],
              message: 'src/wire is pure: it runs in Node and in the browser alike.',
            },
            noUi('src/wire'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'fetch'].map((name) => ({
          name,
          message: 'src/wire is pure: no DOM.',
        })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'src/wire is pure: no Node.',
        })),
      ],
    },
  },
  // src/http (Node HTTP helpers) and src/runtime (Node process helpers) serve the backend, the server
  // and the CLI alike, so they depend on none of them.
  {
    files: ['src/http/**/*.ts', 'src/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../server',
                '../server/**',
                '../cli',
                '../cli/**',
                '../backend',
                '../backend/**',
                '../commands',
                '../commands/**',
                '../adapters',
                '../adapters/**',
                '../bench',
                '../bench/**',
                '**/ui/**',
              ],
              message:
                'src/http and src/runtime are neutral: no src/server, src/cli, src/backend, src/commands, src/adapters, src/bench or ui.',
            },
            {
              group: ['react', 'react-dom', '@mui/*', '@docker/*'],
              message: 'src/http and src/runtime know no UI and no ddClient.',
            },
          ],
        },
      ],
    },
  },
  // The stand-in (src/server/standin) is browser code bundled by Vite: its own folder, src/wire and
  // src/core only (type-only imports, e.g. ddClient's types, vanish when built).
  {
    files: ['src/server/standin/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./(core|wire)/)',
              caseSensitive: true,
              message: 'The stand-in imports only its own folder, src/wire and src/core.',
            },
            {
              group: ['node:*', 'fs', 'http', 'os', 'path', 'child_process', 'react', 'react-dom', '@mui/*'],
              message: 'The stand-in is browser code: no Node, no React.',
            },
            {
              group: ['@docker/*'],
              allowTypeImports: true,
              message: "The stand-in IS the ddClient: it may use ddClient's types only.",
            },
          ],
        },
      ],
    },
  },
  // The tab's feature boundaries (as bulletproof-react draws them): the matrix composes the deep check,
  // never the other way round; what both need (the row, FixLine) lives in ui/src/shared, which imports
  // no feature and not the app shell; no feature imports the app shell. Paths are resolved (relative
  // imports and the @ui, @core, ... aliases alike) by the TypeScript resolver reading tsconfig.json.
  {
    files: ['ui/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: './ui/src/features/deepCheck',
              from: './ui/src/features',
              except: ['./deepCheck'],
              message:
                'The deep check imports no other feature: the matrix composes it; shared needs go to ui/src/shared.',
            },
            {
              target: './ui/src/features/matrix',
              from: './ui/src/features',
              except: ['./matrix', './deepCheck'],
              message: 'The matrix imports only itself and the deep check (which it composes).',
            },
            {
              target: './ui/src/features',
              from: './ui/src/app',
              message: 'Features never import the app shell: the app composes the features.',
            },
            {
              target: './ui/src/shared',
              from: ['./ui/src/features', './ui/src/app'],
              message: 'ui/src/shared serves the features and the app shell, and imports neither.',
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
              group: [
                '../commands/*',
                '../adapters/*',
                '../cli/*',
                '../server/*',
                '../backend/*',
                '../bench/*',
                '../engine/*',
                '../localStore/*',
              ],
              message: 'The validation sits above the core and the deep check only.',
            },
            noUi('The validation'),
          ],
        },
      ],
    },
  },
  // ---- The backend as a leaf ----
  // The backend (Docker Desktop's VM) depends only on the core, the deep check, the registry reader, the
  // read-only Engine API client (src/engine), the deep check's local source (src/localStore) and the neutral
  // modules src/wire (what crosses the wire), src/http (Node HTTP helpers) and src/runtime: never on the
  // browser-mode server, the CLI, the command layer, the adapters, the benchmark or the UI. It runs no
  // commands. This is the one block for src/backend (ESLint lets a later block for the same files replace
  // an earlier one's no-restricted-imports, so there must be only one).
  {
    files: ['src/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!(core|deepCheck|registry|engine|localStore|wire|http|runtime)/)',
              caseSensitive: true,
              message:
                'The backend is a leaf: it imports only src/core, src/deepCheck, src/registry, src/engine, src/localStore, src/wire, src/http, src/runtime and itself (never src/server, src/cli, src/commands, src/adapters, src/bench or ui).',
            },
            {
              group: ['node:child_process', 'child_process', 'node:worker_threads'],
              message: 'The backend runs no commands: it only reads registries and the engine (allowlisted GETs).',
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
);
