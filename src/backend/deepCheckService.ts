/**
 * The backend's DeepCheck (deepCheckPort.ts) on the real orchestration (src/deepCheck): the index from the registry
 * (registry/platformCheck.ts, no docker CLI here), the files through the registry reader, no credentials
 * (the host's credential store is out of reach: a private image answers unauthorized with the
 * `archmatrix --deep REF` command to run on the host). Each result is the core's JSON row, the same
 * shape as `archmatrix --deep --json`.
 */
import { toJsonRow, type ImageReference } from '../core/index.js';
import { deepCheck, type DeepCheckOptions } from '../deepCheck/deepCheck.js';
import type { PlatformCheck, VariantFileReader } from '../deepCheck/ports.js';
import type { JsonValue } from '../wire/backendApi.js';
import type { DeepCheck } from './deepCheckPort.js';
import { jsonCopy } from './jsonCopy.js';

export interface DeepCheckServiceOptions {
  readonly platformCheck: PlatformCheck;
  readonly reader: VariantFileReader;
  /** Per-image deadline and byte cap; defaults: the orchestration's. */
  readonly limits?: Pick<DeepCheckOptions, 'deadlineMs' | 'maxBytes'>;
}

export function createDeepCheckService(options: DeepCheckServiceOptions): DeepCheck {
  return async (reference: ImageReference, context): Promise<JsonValue> => {
    const result = await deepCheck(
      reference.familiar,
      { platformCheck: options.platformCheck, reader: options.reader, site: 'backend' },
      {
        ...options.limits,
        signal: context.signal,
        onProgress: (p) => context.onProgress({ phase: p.phase, bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }),
      },
    );
    const row = jsonCopy(toJsonRow(result));
    if (row === undefined) throw new Error('the deep check result is not JSON');
    return row;
  };
}
