/**
 * Where `archmatrix --deep` reads each variant. Without references (the installed extensions): this
 * machine's variant from the engine's local image store (0 bytes from registries), and with
 * --all-variants the other variants from their registries. With references: every variant from its
 * registry, as before. When the store cannot answer (no engine socket, DOCKER_HOST tcp:// or ssh://, an
 * engine API out of range, a variant the engine does not hold), that variant is read from its registry.
 */
import { err, ok, platformKey, type PlatformKey, type Result } from '../core/index.js';
import type { PlatformCheck, VariantFileReader } from '../deepCheck/ports.js';
import {
  asCommandFailure,
  localVariantReader,
  notingIndexes,
  type LocalFailure,
  type LocalFailureKind,
  type LocalSource,
} from '../localStore/index.js';
import type { InspectCommand } from './args.js';

export interface DeepSources {
  readonly platformCheck: PlatformCheck;
  readonly reader: VariantFileReader;
  /** The variants to read (undefined: every linux variant). */
  readonly platforms?: readonly PlatformKey[];
  /** Removes what the local source still keeps. */
  close(): Promise<void>;
}

export interface DeepSourceInputs {
  readonly command: InspectCommand;
  readonly platformCheck: PlatformCheck;
  readonly registry: () => VariantFileReader;
  /** The local source of this machine's engine, or why there is none; undefined: never local. */
  readonly local?: () => Result<LocalSource, LocalFailure>;
  /** One sentence for people, each distinct one said once. */
  readonly notice: (text: string) => void;
}

/** Failures after which the registry is asked instead: the store has no answer, rather than a wrong one. */
const FALL_BACK: ReadonlySet<LocalFailureKind> = new Set(['unavailable', 'engine-api', 'not-in-engine']);
/** Of those, the ones about the engine as a whole, worth saying. */
const SAY: ReadonlySet<LocalFailureKind> = new Set(['unavailable', 'engine-api']);

export function deepSources(inputs: DeepSourceInputs): DeepSources {
  const registryOnly: DeepSources = {
    platformCheck: inputs.platformCheck,
    reader: inputs.registry(),
    close: async () => undefined,
  };
  const host = inputs.command.host === undefined ? undefined : platformKey(inputs.command.host);
  if (inputs.command.references.length > 0 || inputs.local === undefined || host === undefined) return registryOnly;
  const made = inputs.local();
  if (!made.ok) {
    inputs.notice(`the local image store cannot be read: ${made.error.message}`);
    return registryOnly;
  }
  return localFirst(made.value, registryOnly.reader, inputs, host);
}

function localFirst(
  local: LocalSource,
  registry: VariantFileReader,
  inputs: DeepSourceInputs,
  host: PlatformKey,
): DeepSources {
  const localReader = localVariantReader(local);
  const fromRegistry: VariantFileReader['readVariantFiles'] = async (repo, digest, wanted, options) => {
    const got = await registry.readVariantFiles(repo, digest, wanted, options);
    return got.ok ? ok({ ...got.value, source: 'registry' }) : got;
  };
  const reader: VariantFileReader = {
    // A never-pushed image is only in the store: no registry to fall back to.
    readLocalImage: async (reference, wanted, options) => {
      const got = await localReader.readNamed(reference, wanted, options);
      return got.ok ? ok({ ...got.value, source: 'local' }) : err(asCommandFailure(got.error));
    },
    readVariantFiles: async (repo, digest, wanted, options) => {
      if (options.platform !== host) return fromRegistry(repo, digest, wanted, options);
      const got = await localReader.readLocal(repo, digest, wanted, options);
      if (got.ok) return ok({ ...got.value, source: 'local' });
      if (!FALL_BACK.has(got.error.kind)) return err(asCommandFailure(got.error));
      if (SAY.has(got.error.kind))
        inputs.notice(`the local image store cannot be read (${got.error.message}); reading the registry instead`);
      return fromRegistry(repo, digest, wanted, options);
    },
  };
  return {
    platformCheck: notingIndexes(inputs.platformCheck, localReader),
    reader,
    ...(inputs.command.allVariants === true ? {} : { platforms: [host] }),
    close: () => local.close(),
  };
}
