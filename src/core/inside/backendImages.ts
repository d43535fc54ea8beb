/**
 * The backend images an extension runs, from its metadata.json `vm` section and (when it names
 * one) its compose file: what the normal platform check then looks at.
 */
import { isSelfImage, type ComposeImage } from './compose.js';
import type { ExtensionMetadata } from './types.js';

export interface BackendImage {
  /** As written (`${DESKTOP_PLUGIN_IMAGE}` for the extension itself). */
  readonly reference: string;
  /** "vm.image" or "compose:<service>". */
  readonly source: string;
  /** The extension image itself: never a separate problem. */
  readonly self: boolean;
}

/** vm.image first, then each compose service that names an image, in file order. */
export function backendImagesOf(metadata: ExtensionMetadata, compose: readonly ComposeImage[] = []): BackendImage[] {
  const out: BackendImage[] = [];
  const image = metadata.vm?.image;
  if (image !== undefined) out.push({ reference: image, source: 'vm.image', self: isSelfImage(image) });
  for (const service of compose) {
    if (service.kind === 'self' || service.kind === 'image') {
      out.push({ reference: service.image, source: `compose:${service.service}`, self: service.kind === 'self' });
    }
  }
  return out;
}
