import { useEffect, useState } from 'react';
import type { ImageSize } from '@core/index.js';
import { platformSize } from '@commands/index.js';
import type { SizeTool } from '@commands/index.js';
import { useDocker } from '../../../shared/docker/DockerContext';
import { sizeFailed } from '../model/platformSizes';
import type { PlatformSizeState } from '../model/platformSizes';

/** Sizes already read in this tab, by manifest digest (immutable); bounded, oldest dropped first. */
const known = new Map<string, ImageSize>();
const KNOWN_MAX = 500;
/** Manifest reads at once per open panel: an index of many platforms never floods the registry. */
const AT_ONCE = 3;

function remember(digest: string, size: ImageSize): void {
  known.set(digest, size);
  const oldest = known.keys().next();
  if (known.size > KNOWN_MAX && oldest.done !== true) known.delete(oldest.value);
}

function stateOf(digest: string, read: ReadonlyMap<string, PlatformSizeState>): PlatformSizeState {
  const size = known.get(digest);
  return size !== undefined ? { kind: 'ready', size } : (read.get(digest) ?? { kind: 'loading' });
}

/**
 * Each platform's compressed size, read while the details showing them are open (mounted): one
 * manifest read per platform digest not read before; closing the details cancels what is left.
 */
export function usePlatformSizes(
  reference: string,
  digests: readonly string[],
  tool: SizeTool,
): ReadonlyMap<string, PlatformSizeState> {
  const { exec } = useDocker();
  const key = digests.join(',');
  // What this panel's reads answered (a failure stays until the panel opens again).
  const [read, setRead] = useState<ReadonlyMap<string, PlatformSizeState>>(() => new Map());
  useEffect(() => {
    const queue = (key === '' ? [] : key.split(',')).filter((digest) => !known.has(digest));
    const controller = new AbortController();
    const worker = async (): Promise<void> => {
      for (let digest = queue.shift(); digest !== undefined && !controller.signal.aborted; digest = queue.shift()) {
        const found = await platformSize(exec, reference, digest, tool, controller.signal);
        if (controller.signal.aborted) return;
        if (found.ok) remember(digest, found.size);
        const state: PlatformSizeState = found.ok ? { kind: 'ready', size: found.size } : sizeFailed(found.failure);
        setRead((before) => new Map(before).set(digest, state));
      }
    };
    for (let i = 0; i < Math.min(AT_ONCE, queue.length); i += 1) void worker();
    return () => controller.abort();
  }, [exec, reference, key, tool]);
  return new Map(digests.map((digest) => [digest, stateOf(digest, read)]));
}
