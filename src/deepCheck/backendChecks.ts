/**
 * The backend images of an extension (vm.image, compose services), each given the normal platform
 * check; the extension image itself (`${DESKTOP_PLUGIN_IMAGE}`) is not checked again: it gets the
 * extension's own platforms and verdict.
 */
import pLimit from 'p-limit';
import {
  backendImagesOf,
  composeImages,
  composeLeavesUnjudged,
  MAX_COMPOSE_BYTES,
  parseReference,
} from '../core/index.js';
import { excerpt } from '../core/json.js';
import type {
  BackendImage,
  BackendImageFinding,
  ComposeImage,
  ExtensionMetadata,
  InspectResult,
  PlatformKey,
  VariantFiles,
} from '../core/index.js';
import type { PlatformCheck } from './ports.js';
import { fileText } from './variantReads.js';

/** Backend images checked per extension (a compose file may name many). */
export const MAX_BACKEND_IMAGES = 50;
const BACKEND_CONCURRENCY = 4;

/** A variant whose compose file could not be read: its backend images are unknown, so it is not checked. */
export interface UnreadCompose {
  readonly platform: PlatformKey;
  readonly note: string;
}

export interface BackendPlan {
  readonly images: readonly BackendImage[];
  readonly notes: readonly string[];
  /** The variants whose compose file could not be read (a link, too large, past a limit, not YAML to the parser). */
  readonly unread: readonly UnreadCompose[];
}

function composeOf(
  metadata: ExtensionMetadata,
  files: VariantFiles,
  notes: string[],
  unread: UnreadCompose[],
): ComposeImage[] {
  const path = metadata.vm?.composefile;
  if (path === undefined) return [];
  const problem = (note: string, unjudged: boolean): ComposeImage[] => {
    notes.push(note);
    if (unjudged) unread.push({ platform: files.platform, note });
    return [];
  };
  const text = fileText(files.files.get(path), path, MAX_COMPOSE_BYTES);
  if (!text.ok)
    return problem(`${files.platform}: the compose file ${text.why}; its services were not checked`, text.unread);
  const parsed = composeImages(text.text);
  if (!parsed.ok)
    return problem(
      `${files.platform}: ${parsed.error.message}; its services were not checked`,
      composeLeavesUnjudged(parsed.error),
    );
  for (const service of parsed.value) {
    if (service.kind === 'unresolved')
      notes.push(`${files.platform}: compose service ${service.service} ${service.reason}: not checked`);
  }
  return [...parsed.value];
}

/** Every variant's backend images, once each (by where they are named and what), in variant order. */
export function planBackends(
  variants: readonly { readonly metadata: ExtensionMetadata; readonly files: VariantFiles }[],
): BackendPlan {
  const notes: string[] = [];
  const unread: UnreadCompose[] = [];
  const seen = new Set<string>();
  const images: BackendImage[] = [];
  for (const { metadata, files } of variants) {
    for (const image of backendImagesOf(metadata, composeOf(metadata, files, notes, unread))) {
      const key = `${image.source}\u0000${image.self ? '' : image.reference}`;
      if (seen.has(key)) continue;
      seen.add(key);
      images.push(image);
    }
  }
  if (images.length > MAX_BACKEND_IMAGES)
    notes.push(`${images.length} backend images are named; only the first ${MAX_BACKEND_IMAGES} were checked`);
  return { images: images.slice(0, MAX_BACKEND_IMAGES), notes: [...new Set(notes)], unread };
}

/**
 * The platform check of each backend image (each reference once), the extension itself from `own`; a reference
 * that does not parse is a finding (invalid-reference) and is never handed to the check.
 */
export async function checkBackends(
  images: readonly BackendImage[],
  own: InspectResult,
  check: PlatformCheck,
  signal: AbortSignal,
): Promise<BackendImageFinding[]> {
  const limit = pLimit(BACKEND_CONCURRENCY);
  const byReference = new Map<string, Promise<InspectResult>>();
  const resultOf = (reference: string): Promise<InspectResult> => {
    let pending = byReference.get(reference);
    if (pending === undefined) {
      pending = limit(() => check(reference, signal));
      byReference.set(reference, pending);
    }
    return pending;
  };
  return Promise.all(
    images.map(async (image): Promise<BackendImageFinding> => {
      // A reference from the image's own files is validated like a typed one before anything reads it.
      const parsed = image.self ? undefined : parseReference(image.reference);
      if (parsed !== undefined && !parsed.ok) {
        return {
          reference: excerpt(image.reference, 200),
          source: image.source,
          self: false,
          platforms: [],
          verdict: 'invalid-reference',
          message: `Not a valid image reference, so not checked: ${excerpt(parsed.error.reason, 200)}`,
        };
      }
      // The extension image itself is judged by the extension's own result, never checked again.
      const result = image.self ? own : await resultOf(image.reference);
      return {
        reference: image.self ? own.reference : image.reference,
        source: image.source,
        self: image.self,
        platforms: [...result.platforms],
        verdict: result.verdict,
        message: image.self
          ? `the extension image itself (${image.reference}): its platforms are the extension's`
          : result.explanation,
      };
    }),
  );
}
