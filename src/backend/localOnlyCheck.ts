/**
 * The platform check of POST /deep's source "local": the registry's, and when the registry has no such
 * image or cannot be asked while this machine's engine holds it by that name, a local-store result (verdict
 * 'local-only'), as the CLI's platform check says for a never-pushed image (commands/inspectImage.ts). The
 * deep check then reads that image's one variant from the engine's store (deepCheck/localOnly.ts).
 * Read-only: the engine is only asked GET /images/{name}/json, by the reference's validated canonical name.
 */
import {
  decideVerdict,
  parseReference,
  platformKey,
  sortedPlatformKeys,
  type CommandFailure,
  type InspectResult,
} from '../core/index.js';
import type { PlatformCheck } from '../deepCheck/ports.js';
import type { ReadyEngine } from './backendEngine.js';

/** Registry failures after which the engine's store is asked, as the CLI's platform check does. */
const LOCAL_FALLBACK: ReadonlySet<CommandFailure['kind']> = new Set(['not-found', 'unauthorized', 'unreachable']);

export function withLocalStore(check: PlatformCheck, engine: Pick<ReadyEngine, 'findImage'>): PlatformCheck {
  return async (reference, signal): Promise<InspectResult> => {
    const result = await check(reference, signal);
    const failure = result.failure;
    if (result.source === 'local-store' || failure === undefined || !LOCAL_FALLBACK.has(failure.kind)) return result;
    const parsed = parseReference(reference);
    if (!parsed.ok) return result;
    const held = await engine.findImage(parsed.value, signal);
    if (held === undefined) return result;
    const platforms = held.platform === undefined ? [] : [held.platform];
    const detail = decideVerdict({
      reference: parsed.value.familiar,
      platforms,
      source: 'local-store',
      registryFailure: failure,
    });
    return {
      ...detail,
      reference,
      canonical: parsed.value.canonical,
      platforms: sortedPlatformKeys(platforms.map(platformKey)),
      source: 'local-store',
      failure,
      commands: [],
    };
  };
}
