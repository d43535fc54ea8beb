/**
 * The compressed size of one platform's image: the sum of its layers as its image manifest lists
 * them (what a pull downloads for that platform, before decompression), read from
 * `imagetools inspect REF@DIGEST --raw` or `manifest inspect REF@DIGEST`. Never throws.
 */
import { isRecord, malformed, parseJson, type JsonRecord } from './json.js';
import { isIndexKind } from './mediaTypes.js';
import { readDescriptor } from './descriptor.js';
import { documentKind } from './documentKind.js';
import { err, ok, readEach, type ParseError, type Result } from './result.js';
import type { Descriptor, ImageSize } from './types.js';

/** Real images have tens of layers (the overlay limit is 127); more is refused as hostile. */
export const MAX_LAYERS = 1000;

/**
 * The layers of one parsed single image manifest, bottom first as it lists them (at most MAX_LAYERS, each
 * a checked descriptor); an index or list (with or without its mediaType) has no layers of its own.
 */
export function imageLayers(doc: JsonRecord): Result<readonly Descriptor[], ParseError> {
  const kind = documentKind(doc);
  if (!kind.ok) return kind;
  if (isIndexKind(kind.value)) return err(malformed("an index of platforms, not one platform's image manifest"));
  if (!Array.isArray(doc.layers)) return err(malformed('image manifest has no layers array'));
  const layers = doc.layers as unknown[];
  if (layers.length > MAX_LAYERS)
    return err(malformed(`image manifest has ${layers.length} layers, more than the ${MAX_LAYERS} accepted`));
  return readEach(layers, (layer, position) => readDescriptor(layer, `layer ${position}`));
}

/** The size of one parsed single image manifest; an index or list has no size of its own. */
export function imageSizeOf(doc: JsonRecord): Result<ImageSize, ParseError> {
  const layers = imageLayers(doc);
  if (!layers.ok) return layers;
  const config = readDescriptor(doc.config, 'manifest config');
  if (!config.ok) return config;
  let layerBytes = 0;
  for (const layer of layers.value) {
    layerBytes += layer.size;
    if (!Number.isSafeInteger(layerBytes))
      return err(malformed("the layers' sizes add up to more than a number can hold"));
  }
  return ok({ layerBytes, layers: layers.value.length, configBytes: config.value.size });
}

/** One platform's image manifest as printed by buildx `--raw` or `docker manifest inspect` (no --verbose). */
export function parseImageSize(stdout: string): Result<ImageSize, ParseError> {
  const json = parseJson(stdout, 'image manifest');
  if (!json.ok) return json;
  if (!isRecord(json.value)) return err(malformed('image manifest is not a JSON object'));
  return imageSizeOf(json.value);
}
