import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * Path aliases for code outside src/ (ui/ and test/): `@core/index.js` instead of
 * `../../../../../src/core/index.js`. One list for Vite and Vitest (vitest.config.ts imports it);
 * tsconfig.json's "paths" mirrors it. src/ itself keeps relative imports, so its NodeNext build
 * (tsconfig.node.json) needs no alias.
 */
export const SOURCE_LAYERS = [
  'core',
  'commands',
  'adapters',
  'registry',
  'deepCheck',
  'validate',
  'backend',
  'cli',
  'server',
  'bench',
  'wire',
  'http',
  'runtime',
  'engine',
  'localStore',
] as const;
export const sourceAliases: Record<string, string> = {
  ...Object.fromEntries(
    SOURCE_LAYERS.map((layer) => [`@${layer}`, fileURLToPath(new URL(`./src/${layer}`, import.meta.url))]),
  ),
  // The tab's own sources, for tests: `@ui/features/matrix/model/rows`.
  '@ui': fileURLToPath(new URL('./ui/src', import.meta.url)),
};

// Docker Desktop loads the tab from files inside the extension image (ui/), so every URL is relative.
const tab: UserConfig = {
  root: 'ui',
  base: './',
  plugins: [react()],
  resolve: { alias: sourceAliases },
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    // The tab is loaded from disk: one chunk size warning is noise, not a problem.
    chunkSizeWarningLimit: 2048,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
};

// `vite build --mode standin`: browser mode's stand-in ddClient (src/server/standin), browser code,
// as one ES module dist/standin/install.js that the browser-mode server serves before the tab.
// Apart from dist/ui, so the extension image (which copies dist/ui) never carries it.
const standin: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist/standin',
    emptyOutDir: true,
    minify: false,
    lib: { entry: 'src/server/standin/install.ts', formats: ['es'], fileName: () => 'install.js' },
  },
};

export default defineConfig(({ mode }) => (mode === 'standin' ? standin : tab));
