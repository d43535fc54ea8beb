/** One platform variant's image manifest: its layers, checked as untrusted input. */
import { readDescriptor, type Descriptor } from '../core/manifestDoc.js';
import { isRecord } from '../core/json.js';
import { manifestKind } from '../core/mediaTypes.js';
import { err, ok, type Result } from '../core/result.js';

export const MAX_LAYERS = 1000;

/** The layers of an image manifest, bottom first as in the manifest; or why it is not one. */
export function variantLayers(bytes: Uint8Array, headerMediaType: string): Result<readonly Descriptor[], string> {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return err(`the variant manifest is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(doc)) return err('the variant manifest is not a JSON object');
  const mediaType = typeof doc.mediaType === 'string' ? doc.mediaType : headerMediaType;
  const kind = manifestKind(mediaType);
  if (kind === 'oci-index' || kind === 'docker-manifest-list') return err('the digest names an index, not a platform variant');
  if (!Array.isArray(doc.layers)) return err('the variant manifest has no layers array');
  const layers = doc.layers as unknown[];
  if (layers.length > MAX_LAYERS) return err(`the variant manifest lists ${layers.length} layers, more than the ${MAX_LAYERS} accepted`);
  const out: Descriptor[] = [];
  for (const [i, layer] of layers.entries()) {
    const d = readDescriptor(layer, `layer ${i + 1}`);
    if (!d.ok) return err(`the variant manifest is malformed: ${d.error.message}`);
    out.push(d.value);
  }
  return ok(out);
}
