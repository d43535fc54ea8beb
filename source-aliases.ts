/**
 * Path aliases for code outside src/ (ui/ and test/): `@core/index.js` instead of
 * `../../../../../src/core/index.js`. One list, read by vite.config.ts and vitest.config.ts;
 * tsconfig.json's "paths" mirrors it (TypeScript cannot read this file). src/ itself keeps
 * relative imports, so its NodeNext build (tsconfig.node.json) needs no alias.
 */
import { fileURLToPath } from 'node:url';

export const SOURCE_LAYERS = ['core', 'commands', 'adapters', 'cli', 'server', 'bench'] as const;

/** `@core` -> <repo>/src/core, and so on for every layer. */
export const sourceAliases: Record<string, string> = Object.fromEntries(
  SOURCE_LAYERS.map((layer) => [`@${layer}`, fileURLToPath(new URL(`./src/${layer}`, import.meta.url))]),
);
