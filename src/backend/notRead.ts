/**
 * The linux variants a deep check did not read (another machine's, or not asked for), each with the sum
 * of its compressed layers: at most what reading it from the registry would download ("Check linux/arm64
 * too: 9.7 MB"). The size comes from the variant's manifest alone (the reader asked for no path reads
 * no layer), a few KB; when it cannot be had, it is null.
 */
import { parseReference, type InspectResult, type PlatformKey } from '../core/index.js';
import type { VariantFileReader } from '../deepCheck/ports.js';
import { linuxVariants } from '../deepCheck/variants.js';
import type { NotReadVariant } from '../wire/backendApi.js';

export async function variantsNotRead(
  reference: string,
  index: InspectResult | undefined,
  chosen: readonly PlatformKey[] | undefined,
  registry: VariantFileReader,
  signal: AbortSignal,
): Promise<NotReadVariant[]> {
  if (index === undefined || chosen === undefined) return [];
  const parsed = parseReference(reference);
  const others = linuxVariants(index).filter((v) => !chosen.includes(v.platform));
  return Promise.all(
    others.map(async (v): Promise<NotReadVariant> => {
      if (!parsed.ok) return { platform: v.platform, digest: v.digest, bytesTotal: null };
      const repo = { domain: parsed.value.domain, path: parsed.value.path };
      const got = await registry.readVariantFiles(repo, v.digest, [], { platform: v.platform, signal });
      return { platform: v.platform, digest: v.digest, bytesTotal: got.ok ? got.value.bytesTotal : null };
    }),
  );
}
