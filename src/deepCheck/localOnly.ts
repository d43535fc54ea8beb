/**
 * A never-pushed image (its platform check's source is the local store) has one variant, and only this
 * machine's engine holds its files. When the reader can read there (readLocalImage), that variant is read
 * from the store like any other; else undefined, and the image stays not checked inside ("Never pushed").
 */
import type { InspectResult } from '../core/index.js';
import type { VariantFileReader } from './ports.js';
import type { Variant } from './variants.js';

/** The variant's digest as the deep check knows it: no registry gave one; the read returns the engine's. */
export const LOCAL_ONLY_DIGEST = 'local-store';

export interface LocalOnlyReads {
  readonly reader: VariantFileReader;
  readonly variants: readonly Variant[];
}

export function localOnlyReads(
  reference: string,
  platform: InspectResult,
  reader: VariantFileReader,
): LocalOnlyReads | undefined {
  const linux = platform.platforms.filter((key) => key.startsWith('linux/'));
  const only = linux[0];
  if (platform.source !== 'local-store' || reader.readLocalImage === undefined) return undefined;
  if (only === undefined || linux.length !== 1) return undefined;
  const readLocal = reader.readLocalImage.bind(reader);
  return {
    reader: { readVariantFiles: (_repo, _digest, wanted, options) => readLocal(reference, wanted, options) },
    variants: [{ platform: only, digest: LOCAL_ONLY_DIGEST }],
  };
}
