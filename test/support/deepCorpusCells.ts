/** Building blocks of the deep corpus table: a path's expected cell in each variant, by the CPU it holds. */
import type { HostOs } from '@core/inside/types.js';
import { DEEP_VARIANTS, type DeepExpectedBinary, type DeepVariant } from './deepCorpusShape.js';

const CPU_OF: Record<DeepVariant, 'x86_64' | 'arm64'> = { 'linux/amd64': 'x86_64', 'linux/arm64': 'arm64' };
const OTHER_CPU: Record<DeepVariant, 'x86_64' | 'arm64'> = { 'linux/amd64': 'arm64', 'linux/arm64': 'x86_64' };

/** One expected cell: its state, the CPU found, whether a whiteout deleted it. */
export type Cell = Pick<DeepExpectedBinary, 'state' | 'found' | 'whitedOut'>;
/** A path of one OS in both variants, each cell given by `cell(variant)`. */
export function both(os: HostOs, path: string, cell: (variant: DeepVariant) => Cell): DeepExpectedBinary[] {
  return DEEP_VARIANTS.map((platform) => {
    const c = cell(platform);
    return {
      os,
      path,
      platform,
      warningOnly: c.state !== 'ok' && os === 'windows' && platform === 'linux/arm64',
      ...c,
    };
  });
}
export const ok = (found: string): Cell => ({ state: 'ok', found });
export const wrong = (found: string): Cell => ({ state: 'wrong-cpu', found });
export const missing = (whitedOut = false): Cell => ({ state: 'missing', whitedOut });
export const unreadable = (found?: string): Cell =>
  found === undefined ? { state: 'unreadable' } : { state: 'unreadable', found };
/** The variant's own CPU. */
export const right = (v: DeepVariant): Cell => ok(CPU_OF[v]);
/** The other variant's CPU. */
export const other = (v: DeepVariant): Cell => wrong(OTHER_CPU[v]);

/** The right CPU in every variant for darwin, windows and linux. */
export const RIGHT_ALL = [
  ...both('darwin', '/darwin/esbuild', right),
  ...both('windows', '/windows/esbuild.exe', right),
  ...both('linux', '/linux/esbuild', right),
];
/** Windows only in linux/amd64 (Docker's page pattern): missing in arm64, a warning only. */
export const WINDOWS_AMD64_ONLY = both('windows', '/windows/esbuild.exe', (v) =>
  v === 'linux/amd64' ? right(v) : missing(),
);
