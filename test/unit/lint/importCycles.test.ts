/**
 * The lint rules that refuse import circles (eslint.config.js: import-x/no-cycle for value imports, the local
 * archmatrix/no-type-import-cycle for type-only ones) still catch one: a wrong resolver setting would make them
 * pass silently, finding no import at all. Each case lints a real file's text with one import added that closes
 * a circle through files on disk.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The cycle rules' messages when `file` (from the root) holds its own text plus `added`. */
async function cycleMessages(file: string, added: string): Promise<string[]> {
  const text = `${readFileSync(resolve(root, file), 'utf8')}${added}`;
  const [result] = await eslint.lintText(text, { filePath: resolve(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-cycle' || m.ruleId === 'archmatrix/no-type-import-cycle')
    .map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('lint refuses import circles', { timeout: 60_000 }, () => {
  it('finds none in the files the cases below start from', async () => {
    expect(await cycleMessages('src/core/result.ts', '')).toEqual([]);
    expect(await cycleMessages('src/core/verdictTable.ts', '')).toEqual([]);
  });

  it('refuses a value import that closes a circle (a .js specifier resolved to its .ts source)', async () => {
    const messages = await cycleMessages(
      'src/core/result.ts',
      "export { malformed as malformedAgain } from './json.js';\n",
    );
    expect(messages).toEqual(['import-x/no-cycle: Dependency cycle detected']);
  });

  it('resolves the tsconfig path aliases', async () => {
    const messages = await cycleMessages(
      'src/core/result.ts',
      "export { malformed as malformedAgain } from '@core/json.js';\n",
    );
    expect(messages).toEqual(['import-x/no-cycle: Dependency cycle detected']);
  });

  it('refuses a type-only import that closes a circle, which import-x/no-cycle skips', async () => {
    const added = "import type { FailureKind } from './types.js';\nexport type KindAgain = FailureKind;\n";
    expect(await cycleMessages('src/core/verdictTable.ts', added)).toEqual([
      'archmatrix/no-type-import-cycle: Import circle through a type-only import: ' +
        'src/core/verdictTable.ts -> src/core/types.ts -> src/core/verdictTable.ts.',
    ]);
  });
});
