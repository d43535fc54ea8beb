/**
 * import-x/no-cycle follows value imports only: it skips every type-only import (`import type`, `export type
 * ... from`), so a circle closed by one passes it. This rule closes that gap: it reports a type-only import whose
 * module leads back, through imports of any kind, to the importing file. With import-x/no-cycle beside it, no
 * circle passes. Imports are resolved by the same resolvers as import-x's (settings 'import-x/resolver-next'), and
 * each file's imports are read with TypeScript's own import scanner, once per change of the file.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';

/** @typedef {{ resolve(source: string, file: string): { found: boolean, path?: string | null } }} Resolver */

/** @type {Map<string, { mtimeMs: number, imports: string[] }>} the files a source file imports, by its path */
const importsByFile = new Map();

/** @returns {string | undefined} the source file that `source`, imported by `file`, stands for (no package) */
function resolveSource(resolvers, source, file) {
  for (const resolver of resolvers) {
    const resolved = resolver.resolve(source, file);
    if (resolved.found) {
      const path = resolved.path ?? undefined;
      return path !== undefined && /\.[cm]?tsx?$/.test(path) && !path.includes('/node_modules/') ? path : undefined;
    }
  }
  return undefined;
}

/** @returns {string[]} the source files `file` imports, type-only imports included */
function importsOf(resolvers, file) {
  let mtimeMs;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const known = importsByFile.get(file);
  if (known?.mtimeMs === mtimeMs) return known.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const imports = new Set();
  for (const { fileName } of importedFiles) {
    const path = resolveSource(resolvers, fileName, file);
    if (path !== undefined) imports.add(path);
  }
  importsByFile.set(file, { mtimeMs, imports: [...imports] });
  return [...imports];
}

/**
 * The way from `start` back to `goal` (start first, goal last), or undefined. `dead` holds the files already
 * known not to lead to `goal` and grows with every search of the same file.
 */
function wayBack(resolvers, start, goal, dead) {
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(resolvers, file)) {
      if (next === goal) {
        const way = [goal];
        for (let at = file; at !== undefined; at = cameFrom.get(at)) way.unshift(at);
        return way;
      }
      if (!cameFrom.has(next) && !dead.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  for (const file of cameFrom.keys()) dead.add(file);
  return undefined;
}

/** True for `import type {...}`, `import { type A, type B }`, `export type {...} from` and `export type * from`. */
function typeOnly(node) {
  if (node.type === 'ImportDeclaration') {
    return (
      node.importKind === 'type' ||
      (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'))
    );
  }
  return (
    node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.exportKind === 'type'))
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const noTypeImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid a type-only import that closes an import circle (import-x/no-cycle skips them).' },
    schema: [],
    messages: { cycle: 'Import circle through a type-only import: {{way}}.' },
  },
  create(context) {
    const resolvers = context.settings['import-x/resolver-next'] ?? [];
    const file = context.physicalFilename;
    const dead = new Set();
    const check = (node) => {
      if (node.source === null || node.source === undefined || !typeOnly(node)) return;
      const target = resolveSource(resolvers, node.source.value, file);
      if (target === undefined || target === file) return;
      const way = wayBack(resolvers, target, file, dead);
      if (way !== undefined)
        context.report({
          node,
          messageId: 'cycle',
          data: { way: [file, ...way].map((path) => relative(context.cwd, path)).join(' -> ') },
        });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

/** The project's own lint rules, as an ESLint plugin. */
export default { rules: { 'no-type-import-cycle': noTypeImportCycle } };
