import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { sourceAliases } from './vite.config.ts';

// The @docker/* packages declare "type": "commonjs" but ship ESM with only a `browser` field:
// point Vitest at the real file.
const ddClient = fileURLToPath(new URL('./node_modules/@docker/extension-api-client/dist/index.js', import.meta.url));

export default defineConfig({
  resolve: { alias: { ...sourceAliases, '@docker/extension-api-client': ddClient } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'ui', include: ['test/unit/**/*.test.tsx'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // One engine and two registries are shared: files run one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
