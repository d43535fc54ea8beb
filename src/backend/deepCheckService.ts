/**
 * The backend's DeepCheck (deepCheckPort.ts) on the real orchestration (src/deepCheck): the index from the registry
 * (registry/platformCheck.ts, no docker CLI here), the files through the registry reader, no credentials
 * (the host's credential store is out of reach: a private image answers unauthorized with the
 * `archmatrix --deep REF` command to run on the host). With POST /deep's source "local", this machine's
 * variant is read from the engine's local image store instead (localReads.ts), never from a registry.
 * Each result is the core's JSON row, the same shape as `archmatrix --deep --json`, plus `notRead`: the
 * linux variants that were not read, with their platform, digest and download size (notRead.ts).
 */
import { toJsonRow, type ImageReference, type InspectResult, type PlatformKey } from '../core/index.js';
import { deepCheck, type DeepCheckOptions } from '../deepCheck/deepCheck.js';
import type { DeepCheckDeps, PlatformCheck, VariantFileReader } from '../deepCheck/ports.js';
import type { JsonValue } from '../wire/backendApi.js';
import type { BackendEngine } from './backendEngine.js';
import type { DeepCheck } from './deepCheckPort.js';
import { DEFAULT_DEEP_READ, type DeepRead } from './deepReadRequest.js';
import { jsonCopy } from './jsonCopy.js';
import { itemFailureOf, LocalItemFailure, localReads, type LocalReads } from './localReads.js';
import { variantsNotRead } from './notRead.js';

export interface DeepCheckServiceOptions {
  readonly platformCheck: PlatformCheck;
  readonly reader: VariantFileReader;
  /** This machine's engine, for source "local"; without it such items fail 'local-unavailable'. */
  readonly engine?: BackendEngine;
  /** Per-image deadline and byte cap; defaults: the orchestration's. */
  readonly limits?: Pick<DeepCheckOptions, 'deadlineMs' | 'maxBytes'>;
}

const NOTHING_READ = 'Nothing was read and nothing was downloaded; the registry can be asked instead.';

export function createDeepCheckService(options: DeepCheckServiceOptions): DeepCheck {
  /** The ports for this item: the registry's, or this machine's engine (and the one platform it holds). */
  async function portsFor(
    read: DeepRead,
  ): Promise<{ deps: Omit<DeepCheckDeps, 'site'>; platforms?: readonly PlatformKey[]; local?: LocalReads }> {
    if (read.source === 'registry')
      return {
        deps: { platformCheck: options.platformCheck, reader: options.reader },
        ...(read.platforms !== undefined ? { platforms: read.platforms } : {}),
      };
    const { engine } = options;
    if (engine === undefined)
      throw new LocalItemFailure('local-unavailable', `This backend reads no engine. ${NOTHING_READ}`);
    const ready = await engine.ready();
    if (!ready.ok)
      throw new LocalItemFailure(
        'local-unavailable',
        `This machine's engine cannot be read: ${ready.error}. ${NOTHING_READ}`,
      );
    const local = localReads(ready.value, options.platformCheck, (f) => engine.noteFailure(f));
    return { deps: local, platforms: [ready.value.host], local };
  }

  return async (reference: ImageReference, context): Promise<JsonValue> => {
    const ports = await portsFor(context.read ?? DEFAULT_DEEP_READ);
    // The image's own index (the first platform check; later ones are its backend images): what was not read.
    let index: InspectResult | undefined;
    const platformCheck: PlatformCheck = async (ref, signal) => {
      const result = await ports.deps.platformCheck(ref, signal);
      index ??= result;
      return result;
    };
    const result = await deepCheck(
      reference.familiar,
      { platformCheck, reader: ports.deps.reader, site: 'backend' },
      {
        ...options.limits,
        ...(ports.platforms !== undefined ? { platforms: ports.platforms } : {}),
        signal: context.signal,
        onProgress: (p) => context.onProgress({ phase: p.phase, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }),
      },
    );
    const failure = ports.local?.failure();
    const failed = failure === undefined ? undefined : itemFailureOf(failure);
    if (failed !== undefined) throw failed;
    const notRead = await variantsNotRead(reference.familiar, index, ports.platforms, options.reader, context.signal);
    const row = jsonCopy({ ...toJsonRow(result), notRead });
    if (row === undefined) throw new Error('the deep check result is not JSON');
    return row;
  };
}
