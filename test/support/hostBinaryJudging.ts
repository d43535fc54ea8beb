/** Builders for the host-binary rule tests: listed paths as metadata, real heads per variant, the judged cells. */
import { judgeHostBinaries } from '@core/inside/hostBinaries.js';
import { parseExtensionMetadata } from '@core/inside/metadata.js';
import type { ExtensionMetadata, FoundFile, HostBinaryFinding, VariantFiles } from '@core/inside/types.js';
import { fileOf, type HeadName } from './deepData.js';

export function metadataOf(text: string): ExtensionMetadata {
  const result = parseExtensionMetadata(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export const listing = (binaries: Record<string, string[]>): ExtensionMetadata =>
  metadataOf(
    JSON.stringify({
      host: {
        binaries: [
          Object.fromEntries(Object.entries(binaries).map(([os, paths]) => [os, paths.map((path) => ({ path }))])),
        ],
      },
    }),
  );

export function variant(platform: string, entries: readonly FoundFile[]): VariantFiles {
  return {
    platform,
    digest: `sha256:${'0'.repeat(64)}`,
    files: new Map(entries.map((f) => [f.path, f])),
    bytesRead: 0,
    bytesTotal: 0,
  };
}

/** The same metadata in every variant, and each variant's files as path -> real head (or a FoundFile). */
export function judge(
  metadata: ExtensionMetadata,
  variants: Record<string, Record<string, HeadName | FoundFile>>,
): HostBinaryFinding[] {
  const files = new Map<string, VariantFiles>();
  const meta = new Map<string, ExtensionMetadata>();
  for (const [platform, byPath] of Object.entries(variants)) {
    meta.set(platform, metadata);
    files.set(
      platform,
      variant(
        platform,
        Object.entries(byPath).map(([path, f]) => (typeof f === 'string' ? fileOf(path, f) : f)),
      ),
    );
  }
  return judgeHostBinaries(meta, files);
}

export const cells = (findings: readonly HostBinaryFinding[]) =>
  findings.map((f) => [f.platform, f.os, f.path, f.state, f.found, f.warningOnly]);
export const missing = (path: string, whitedOut = false): FoundFile => ({ kind: 'missing', path, whitedOut });
