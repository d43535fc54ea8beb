/**
 * The local source as the deep check's VariantFileReader port (the same place as the registry
 * reader), and made from DOCKER_HOST. A classic image store keys images by config, so the reader is
 * told which index each variant is listed in (noteIndex, from the platform check); a containerd store
 * needs no such note.
 */
import { err, parseReference, type Result, type VariantFiles } from '../core/index.js';
import type { PlatformCheck, VariantFileReader } from '../deepCheck/ports.js';
import { createEngineClient, engineHostFrom, type EngineClientOptions } from '../engine/index.js';
import { asCommandFailure, type LocalFailure } from './localFailure.js';
import { createLocalSource, type LocalSource, type LocalSourceOptions } from './localSource.js';

type ReadArgs = Parameters<VariantFileReader['readVariantFiles']>;
type RepoArg = ReadArgs[0];

export interface LocalVariantReader extends VariantFileReader {
  /** The index `indexDigest` of `repo` lists `variantDigests`. */
  noteIndex(repo: RepoArg, indexDigest: string, variantDigests: readonly string[]): void;
  /** As readVariantFiles, keeping the local failure: its kind tells whether the store had no answer. */
  readLocal(...args: ReadArgs): Promise<Result<VariantFiles, LocalFailure>>;
  /** The deep check's readLocalImage: a never-pushed image's one variant, by the name the engine holds it under. */
  readNamed(reference: string, wanted: ReadArgs[2], options: ReadArgs[3]): Promise<Result<VariantFiles, LocalFailure>>;
  readonly source: LocalSource;
}

/** `check`, noting for `reader` which index lists each variant it finds (what a classic store needs). */
export function notingIndexes(check: PlatformCheck, reader: Pick<LocalVariantReader, 'noteIndex'>): PlatformCheck {
  return async (reference, signal) => {
    const result = await check(reference, signal);
    const parsed = parseReference(reference);
    const index = result.manifest?.digest;
    if (parsed.ok && index !== undefined)
      reader.noteIndex(parsed.value, index, [index, ...(result.manifest?.platforms.map((p) => p.digest) ?? [])]);
    return result;
  };
}

export function localVariantReader(source: LocalSource): LocalVariantReader {
  const indexOf = new Map<string, string>();
  const key = (repo: RepoArg, digest: string): string => `${repo.domain}/${repo.path}@${digest}`;
  const readLocal: LocalVariantReader['readLocal'] = (repo, variantDigest, wanted, options) => {
    const indexDigest = indexOf.get(key(repo, variantDigest));
    return source.readVariant(
      {
        repo: { domain: repo.domain, path: repo.path },
        variantDigest,
        ...(indexDigest !== undefined ? { indexDigest } : {}),
        platform: options.platform,
      },
      wanted,
      {
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      },
    );
  };
  const readNamed: LocalVariantReader['readNamed'] = async (reference, wanted, options) => {
    const parsed = parseReference(reference);
    if (!parsed.ok) return err({ kind: 'not-in-engine', message: `"${reference.slice(0, 80)}" is not a reference` });
    return source.readImage(parsed.value, options.platform, wanted, {
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    });
  };
  return {
    source,
    readNamed,
    noteIndex: (repo, indexDigest, variantDigests) => {
      for (const d of variantDigests) indexOf.set(key(repo, d), indexDigest);
    },
    readLocal,
    readVariantFiles: async (...args) => {
      const got = await readLocal(...args);
      return got.ok ? got : err(asCommandFailure(got.error));
    },
  };
}

/**
 * The local source of the engine DOCKER_HOST names (unset: the default socket); a tcp:// or ssh://
 * engine gives 'unavailable' with the sentence to say once (every variant then comes from its registry).
 */
export function localSourceFromEnv(
  dockerHost: string | undefined,
  options: Omit<LocalSourceOptions, 'engine'> & { readonly engine?: Omit<EngineClientOptions, 'socketPath'> } = {},
): Result<LocalSource, LocalFailure> {
  const host = engineHostFrom(dockerHost);
  if (host.kind === 'unsupported') return err({ kind: 'unavailable', message: host.message });
  const { engine, ...rest } = options;
  return {
    ok: true,
    value: createLocalSource({ ...rest, engine: createEngineClient({ ...engine, socketPath: host.socketPath }) }),
  };
}
