/**
 * One platform's compressed size, read when a row's details open: one read-only manifest GET for
 * that platform's digest, asked the way the row itself was asked (buildx `--raw`, or
 * `docker manifest inspect` where buildx is missing). Never rejects.
 */
import { atDigest, parseImageSize, parseReference } from '../core/index.js';
import type { CommandFailure, ImageSize } from '../core/index.js';
import { imagetoolsRaw, manifestInspect } from './dockerCommands.js';
import { newContext, runAndParse } from './inspectContext.js';
import { DEFAULT_TIMEOUT_MS } from './inspectImage.js';
import type { ExecPort } from './execPort.js';

export type SizeTool = 'buildx' | 'manifest';

export type SizeLookup =
  { readonly ok: true; readonly size: ImageSize } | { readonly ok: false; readonly failure: CommandFailure };

/** `reference` (untrusted, e.g. a row's) and `digest` (from its parsed index) are validated before any command. */
export async function platformSize(
  exec: ExecPort,
  reference: string,
  digest: string,
  tool: SizeTool,
  signal?: AbortSignal,
): Promise<SizeLookup> {
  const parsed = parseReference(reference);
  const pinned = parsed.ok ? atDigest(parsed.value, digest) : parsed;
  if (!pinned.ok)
    return { ok: false, failure: { kind: 'error', message: `not a valid reference: ${pinned.error.reason}` } };
  const args = tool === 'buildx' ? imagetoolsRaw(pinned.value) : manifestInspect(pinned.value, false);
  const found = await runAndParse(newContext(exec, DEFAULT_TIMEOUT_MS, signal), args, parseImageSize);
  return found.ok ? { ok: true, size: found.value } : { ok: false, failure: found.failure };
}
