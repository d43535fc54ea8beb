import type { v1 } from '@docker/extension-api-client-types';

/** Docker Desktop's ExecResult: the raw output plus its three parsing helpers. */
export function toExecResult(raw: v1.RawExecResult): v1.ExecResult {
  const lines = (): string[] => raw.stdout.split('\n').filter((line) => line.trim() !== '');
  return {
    ...raw,
    lines,
    parseJsonLines: (): unknown[] => lines().map((line): unknown => JSON.parse(line)),
    parseJsonObject: (): unknown => JSON.parse(raw.stdout),
  };
}
