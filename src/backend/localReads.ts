/**
 * The deep check's ports for POST /deep's source "local": this machine's variant read from the
 * engine's export (0 layer bytes from registries), the index still from the registry's platform check;
 * a never-pushed image the engine holds (localOnlyCheck.ts) is read from the store by its name.
 * Unlike the CLI's local-first reading, nothing falls back to the registry: when the engine cannot
 * answer or does not hold the variant, the failure is kept and the item fails with it (LocalItemFailure).
 */
import { err, ok } from '../core/index.js';
import type { PlatformCheck, VariantFileReader } from '../deepCheck/ports.js';
import { asCommandFailure, localVariantReader, notingIndexes, type LocalFailure } from '../localStore/index.js';
import type { LocalItemError } from '../wire/backendApi.js';
import type { ReadyEngine } from './backendEngine.js';
import { withLocalStore } from './localOnlyCheck.js';

/** Thrown by the backend's deep check: the item fails with this name (ItemError.name) and message. */
export class LocalItemFailure extends Error {
  override readonly name: LocalItemError;
  constructor(name: LocalItemError, message: string) {
    super(message);
    this.name = name;
  }
}

export interface LocalReads {
  readonly platformCheck: PlatformCheck;
  readonly reader: VariantFileReader;
  /** The first failure of the store as a whole (no engine, not held), if any read had one. */
  failure(): LocalFailure | undefined;
}

/** The item error a kept failure becomes; undefined: the row says it (a bad export, a timeout...). */
export function itemFailureOf(failure: LocalFailure): LocalItemFailure | undefined {
  if (failure.kind === 'unavailable' || failure.kind === 'engine-api')
    return new LocalItemFailure('local-unavailable', `This machine's engine cannot be read: ${failure.message}.`);
  if (failure.kind === 'not-in-engine')
    return new LocalItemFailure(
      'local-not-in-engine',
      `This machine's engine does not hold this image's variant: ${failure.message}. Nothing was downloaded; read it from the registry instead.`,
    );
  return undefined;
}

export function localReads(
  engine: ReadyEngine,
  platformCheck: PlatformCheck,
  onFailure: (failure: LocalFailure) => void,
): LocalReads {
  const { host } = engine;
  const localReader = localVariantReader(engine.source);
  let kept: LocalFailure | undefined;
  const keep = (failure: LocalFailure): void => {
    if (itemFailureOf(failure) !== undefined) kept ??= failure;
    onFailure(failure);
  };
  const reader: VariantFileReader = {
    // A never-pushed image is only in the store: read by the name the engine holds it under.
    readLocalImage: async (reference, wanted, options) => {
      const got = await localReader.readNamed(reference, wanted, options);
      if (got.ok) return ok({ ...got.value, source: 'local' });
      keep(got.error);
      return err(asCommandFailure(got.error));
    },
    readVariantFiles: async (repo, digest, wanted, options) => {
      if (options.platform !== host)
        return err({ kind: 'not-found', message: `${options.platform} is not this machine's variant (${host})` });
      const got = await localReader.readLocal(repo, digest, wanted, options);
      if (got.ok) return ok({ ...got.value, source: 'local' });
      keep(got.error);
      return err(asCommandFailure(got.error));
    },
  };

  return {
    platformCheck: notingIndexes(withLocalStore(platformCheck, engine), localReader),
    reader,
    failure: () => kept,
  };
}
