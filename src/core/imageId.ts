/**
 * Engine image IDs: what `docker image ls/inspect` and the Engine API print as an image's ID.
 * 12 or 64 lowercase hex digits, optionally prefixed "sha256:". Anything else is not an ID, so it
 * can be passed to the engine (as a command argument or in an Engine API path) only as a validated
 * reference (reference.ts).
 */

const IMAGE_ID = /^(?:sha256:)?(?:[a-f0-9]{12}|[a-f0-9]{64})$/;

declare const imageIdBrand: unique symbol;
/** A text that passed isImageId. */
export type ImageIdText = string & { readonly [imageIdBrand]: true };

export function isImageId(text: unknown): text is ImageIdText {
  return typeof text === 'string' && IMAGE_ID.test(text);
}

/** The text as an image ID, or undefined when it is not one. */
export function parseImageId(text: unknown): ImageIdText | undefined {
  return isImageId(text) ? text : undefined;
}

/** "sha256:<64 hex>": a full image ID or content digest (what the engine's Id and the manifests' digests are). */
export const FULL_SHA256 = /^sha256:[a-f0-9]{64}$/;
