/**
 * The platform check in the backend, which has no docker CLI: the index (or single manifest) read
 * from the registry over its HTTP API, one GET (plus the config blob for a single manifest), then the
 * same core rules as the CLI's imagetools path (parseRawManifest, parseImageConfig, decideVerdict).
 */
import {
  decideVerdict,
  parseImageConfig,
  parseRawManifest,
  parseReference,
  platformKey,
  sha256Digest,
  sortedPlatformKeys,
  type CommandFailure,
  type InspectResult,
  type ManifestSummary,
  type Platform,
} from '../core/index.js';
import type { CredentialsPort } from './credentials.js';
import { RegistryFailure } from './httpFailure.js';
import { RegistryClient } from './registryClient.js';
import { requestSignals, type FetchLike } from './request.js';
import { readCapped } from './responseBody.js';
import type { PlatformCheck } from '../deepCheck/ports.js';

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface RegistryPlatformCheckOptions {
  readonly credentials: CredentialsPort;
  readonly fetch?: FetchLike;
  /** Deadline of one platform check (default 30 s). */
  readonly timeoutMs?: number;
  /** The platform installs are judged against (the VM's); undefined: not judged. */
  readonly host?: Platform;
}

function failureOf(error: unknown, signal: AbortSignal): CommandFailure {
  if (error instanceof RegistryFailure) return error.failure;
  if (signal.aborted) return { kind: 'cancelled', message: 'cancelled' };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

export function registryPlatformCheck(options: RegistryPlatformCheckOptions): PlatformCheck {
  const client = new RegistryClient({
    credentials: options.credentials,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return async (reference, signal): Promise<InspectResult> => {
    const parsed = parseReference(reference);
    if (!parsed.ok) {
      const detail = decideVerdict({
        reference,
        platforms: [],
        source: 'registry',
        invalidReason: parsed.error.reason,
      });
      return { ...detail, reference, platforms: [], commands: [] };
    }
    const ref = parsed.value;
    const repo = { domain: ref.domain, path: ref.path };
    const signals = requestSignals(options.timeoutMs ?? 30_000, signal);
    let platforms: readonly Platform[];
    let manifest: ManifestSummary | undefined;
    let failure: CommandFailure | undefined;
    try {
      const got = await client.manifest(repo, ref.digest ?? ref.tag ?? 'latest', signals);
      const summary = parseRawManifest(new TextDecoder().decode(got.bytes));
      if (!summary.ok) throw new Error(`the registry's manifest cannot be read: ${summary.error.message}`);
      manifest = { ...summary.value, digest: summary.value.digest ?? (await sha256Digest(got.bytes)) };
      platforms = manifest.platforms.map((p) => p.platform);
      if (manifest.needsConfig && manifest.configDigest !== undefined) {
        const blob = await client.blob(repo, manifest.configDigest, signals);
        const config = parseImageConfig(
          new TextDecoder().decode(await readCapped(new Response(blob.body), MAX_CONFIG_BYTES, 'the image config')),
        );
        if (!config.ok) throw new Error(`the image config cannot be read: ${config.error.message}`);
        platforms = config.value.platforms;
      }
    } catch (error) {
      failure = failureOf(error, signals.signal);
      manifest = undefined;
      platforms = [];
    } finally {
      signals.dispose();
    }
    const detail = decideVerdict({
      reference: ref.familiar,
      platforms,
      source: 'registry',
      ...(options.host ? { host: options.host } : {}),
      ...(failure ? { failure } : {}),
    });
    return {
      ...detail,
      reference,
      canonical: ref.canonical,
      platforms: sortedPlatformKeys(platforms.map(platformKey)),
      ...(manifest ? { manifest } : {}),
      source: 'registry',
      ...(failure ? { failure } : {}),
      commands: [],
    };
  };
}
