/**
 * The labels of one platform variant of an image, read from its registry: the variant's manifest (by
 * digest, checked against it), then its config blob (capped), then the core's config parser. For
 * `archmatrix --validate`, which needs the labels without a docker CLI. GET only.
 */
import {
  err,
  ok,
  parseImageConfig,
  parseRawManifest,
  sha256Digest,
  type CommandFailure,
  type Repository,
  type Result,
} from '../core/index.js';
import type { CredentialsPort } from './credentials.js';
import { RegistryFailure } from './httpFailure.js';
import { RegistryClient } from './registryClient.js';
import { requestSignals, type FetchLike } from './request.js';
import { readCapped } from './responseBody.js';

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface ImageLabelsOptions {
  readonly credentials: CredentialsPort;
  readonly fetch?: FetchLike;
  /** Deadline of one read (default 30 s). */
  readonly timeoutMs?: number;
}

/** The labels of the variant `digest` of `repo` (undefined when its config has none), or why they could not be read. */
export type ImageLabelsReader = (
  repo: Repository,
  digest: string,
  signal?: AbortSignal,
) => Promise<Result<Record<string, string> | undefined, CommandFailure>>;

export function registryImageLabels(options: ImageLabelsOptions): ImageLabelsReader {
  const client = new RegistryClient({
    credentials: options.credentials,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return async (repo, digest, signal) => {
    const signals = requestSignals(options.timeoutMs ?? 30_000, signal);
    try {
      const got = await client.manifest(repo, digest, signals);
      if ((await sha256Digest(got.bytes)) !== digest)
        return err({ kind: 'error', message: `the registry's manifest for ${digest} does not match that digest` });
      const manifest = parseRawManifest(new TextDecoder().decode(got.bytes));
      if (!manifest.ok) return err({ kind: 'error', message: `the variant manifest: ${manifest.error.message}` });
      const configDigest = manifest.value.configDigest;
      if (configDigest === undefined) return err({ kind: 'error', message: `${digest} is not an image manifest` });
      const blob = await client.blob(repo, configDigest, signals);
      const bytes = await readCapped(new Response(blob.body), MAX_CONFIG_BYTES, 'the image config');
      if ((await sha256Digest(bytes)) !== configDigest)
        return err({ kind: 'error', message: `the image config does not match its digest ${configDigest}` });
      const config = parseImageConfig(new TextDecoder().decode(bytes));
      if (!config.ok) return err({ kind: 'error', message: `the image config: ${config.error.message}` });
      return ok(config.value.labels);
    } catch (error) {
      if (error instanceof RegistryFailure) return err(error.failure);
      if (signals.signal.aborted) return err({ kind: 'timeout', message: 'the registry did not answer in time' });
      return err({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      signals.dispose();
    }
  };
}
