/**
 * The extension images in the local store: `docker image ls` filtered by the label every extension
 * image carries, then ONE `docker image inspect ID...` for labels and the local platform.
 * Only engine-printed image IDs (checked hex) reach the second command; the names the engine lists
 * are kept as text and validated later by inspectImage (invalid ones become invalid-reference rows).
 */
import { err, ok, parseImageInspect, parseImageList } from '../core/index.js';
import type { CommandFailure, LocalImage, Result } from '../core/index.js';
import { imageInspect, listExtensionImages, parseImageId } from './dockerCommands.js';
import type { ImageId } from './dockerCommands.js';
import { failureOf, newContext, runIn, succeeded, unreadable } from './inspectContext.js';
import type { InspectTarget } from './inspectImage.js';
import type { ExecPort } from './execPort.js';

export interface InstalledExtension extends InspectTarget {
  /** As the engine lists it: repo:tag, repo@digest, or the image ID when untagged. Untrusted. */
  readonly reference: string;
  readonly image: LocalImage;
  /** The same image as `image`: it makes an InstalledExtension an InspectTarget, so
   *  `inspectMany(exec, installed)` uses the local store (no config call, local-only fallback). */
  readonly local: LocalImage;
}

export interface ListOptions {
  readonly signal?: AbortSignal;
  /** Default 30000 for both commands together. */
  readonly timeoutMs?: number;
}

const bareId = (id: string): string => id.replace(/^sha256:/, '');

function findImage(images: readonly LocalImage[], id: string): LocalImage | undefined {
  const want = bareId(id);
  return images.find((image) => bareId(image.id).startsWith(want));
}

export async function listInstalledExtensions(
  exec: ExecPort,
  options: ListOptions = {},
): Promise<Result<InstalledExtension[], CommandFailure>> {
  const ctx = newContext(exec, options.timeoutMs ?? 30_000, options.signal);
  const lsArgs = listExtensionImages();
  const ls = await runIn(ctx, lsArgs);
  if (!succeeded(ls)) return err(failureOf(ls));
  const rows = parseImageList(ls.stdout);
  if (!rows.ok) return err(unreadable(lsArgs, rows.error));
  if (rows.value.length === 0) return ok([]);

  const ids = [
    ...new Set(rows.value.map((row) => parseImageId(row.id)).filter((id): id is ImageId => id !== undefined)),
  ];
  let images: readonly LocalImage[] = [];
  if (ids.length > 0) {
    const inspectArgs = imageInspect(ids);
    const inspected = await runIn(ctx, inspectArgs);
    // An image removed between the two commands: inspect prints the others and exits 1.
    const parsed = parseImageInspect(inspected.stdout);
    if (parsed.ok) images = parsed.value;
    else if (!succeeded(inspected)) return err(failureOf(inspected));
    else return err(unreadable(inspectArgs, parsed.error));
  }

  return ok(
    rows.value.map((row) => {
      const image = findImage(images, row.id) ?? { id: row.id, repoTags: [], repoDigests: [], labels: {} };
      return { reference: row.reference, image, local: image };
    }),
  );
}
