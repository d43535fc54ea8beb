/**
 * Inspect one image reference (untrusted text) into an InspectResult. Never rejects.
 *  1. parseReference; an invalid reference runs no command.
 *  2. the registry (buildx `--raw`, or `docker manifest inspect` when buildx is missing);
 *  3. when the registry says not-found / unauthorized / unreachable and the engine holds the image
 *     (target.local, else `docker image inspect REF`), the result is the local store's (local-only).
 * Every command run is in result.commands.
 */
import { decideVerdict, parseImageInspect, parseReference, platformKey, sortedPlatformKeys } from '../core/index.js';
import type {
  CommandFailure,
  ImageReference,
  InspectResult,
  InspectSource,
  LocalImage,
  ManifestSummary,
  Platform,
  VerdictInput,
} from '../core/index.js';
import { imageInspect } from './dockerCommands.js';
import { newContext, runAndParse } from './inspectContext.js';
import type { InspectContext, Lookup } from './inspectContext.js';
import type { BuildxState } from './environment.js';
import type { ExecPort } from './execPort.js';
import { buildxLookup, manifestLookup } from './registryLookup.js';

export interface InspectTarget {
  /** The reference as listed by the engine or as typed: untrusted. */
  readonly reference: string;
  /** The engine's image, when the target came from the local store. */
  readonly local?: LocalImage;
}

export interface InspectOptions {
  /** The machine's platform; an image without it is `incompatible`. */
  readonly host?: Platform;
  readonly signal?: AbortSignal;
  /** For the whole inspection of one image. Default 30000. */
  readonly timeoutMs?: number;
  /** 'missing' skips buildx and asks `docker manifest inspect`; undefined tries buildx first. */
  readonly buildx?: BuildxState;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Registry answers after which the local store is worth asking. */
const LOCAL_FALLBACK: ReadonlySet<CommandFailure['kind']> = new Set(['not-found', 'unauthorized', 'unreachable']);

interface Findings {
  readonly platforms: readonly Platform[];
  readonly source?: InspectSource;
  readonly manifest?: ManifestSummary;
  readonly failure?: CommandFailure;
  readonly registryFailure?: CommandFailure;
}

/**
 * buildx is absent (but docker itself ran): the failure is tool-missing, or docker parsed the flags itself
 * and refused `--raw` (exit 125, "unknown flag: --raw"; see docs/verification-notes.md).
 */
function buildxAbsent(found: Lookup): boolean {
  if (found.ok || found.output === undefined || found.output.interrupted !== undefined) return false;
  return (
    found.failure.kind === 'tool-missing' ||
    (found.output.exitCode === 125 && /^unknown flag: --raw\b/.test(found.output.stderr))
  );
}

async function askRegistry(
  ctx: InspectContext,
  ref: ImageReference,
  target: InspectTarget,
  options: InspectOptions,
): Promise<Lookup> {
  if (options.buildx === 'missing') return manifestLookup(ctx, ref);
  const found = await buildxLookup(ctx, ref, target.local);
  return options.buildx === undefined && buildxAbsent(found) ? manifestLookup(ctx, ref) : found;
}

async function askLocalStore(
  ctx: InspectContext,
  ref: ImageReference,
  target: InspectTarget,
): Promise<LocalImage | undefined> {
  if (target.local !== undefined) return target.local;
  const found = await runAndParse(ctx, imageInspect([ref]), parseImageInspect);
  return found.ok ? found.value[0] : undefined;
}

async function investigate(
  ctx: InspectContext,
  ref: ImageReference,
  target: InspectTarget,
  options: InspectOptions,
): Promise<Findings> {
  const registry = await askRegistry(ctx, ref, target, options);
  if (registry.ok) {
    return { platforms: registry.platforms, source: 'registry', manifest: registry.manifest };
  }
  if (!LOCAL_FALLBACK.has(registry.failure.kind)) return { platforms: [], failure: registry.failure };
  const local = await askLocalStore(ctx, ref, target);
  if (local === undefined) return { platforms: [], failure: registry.failure };
  return {
    platforms: local.platform === undefined ? [] : [local.platform],
    source: 'local-store',
    failure: registry.failure,
    registryFailure: registry.failure,
  };
}

export async function inspectImage(
  exec: ExecPort,
  target: InspectTarget,
  options: InspectOptions = {},
): Promise<InspectResult> {
  const parsed = parseReference(target.reference);
  if (!parsed.ok) {
    const detail = decideVerdict({
      reference: target.reference,
      platforms: [],
      source: 'registry',
      invalidReason: parsed.error.reason,
    });
    return { ...detail, reference: target.reference, platforms: [], commands: [] };
  }
  const ref = parsed.value;
  const ctx = newContext(exec, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
  let found: Findings;
  try {
    found = await investigate(ctx, ref, target, options);
  } catch (error) {
    // Defensive: the core is total and runCommand never rejects, but a result must come back whatever happens.
    found = {
      platforms: [],
      failure: { kind: 'error', message: error instanceof Error ? error.message : String(error) },
    };
  }
  const input: VerdictInput = {
    reference: ref.familiar,
    platforms: found.platforms,
    source: found.source ?? 'registry',
    host: options.host,
    failure: found.source === 'local-store' ? undefined : found.failure,
    registryFailure: found.registryFailure,
  };
  return {
    ...decideVerdict(input),
    reference: target.reference,
    canonical: ref.canonical,
    platforms: sortedPlatformKeys(found.platforms.map(platformKey)),
    manifest: found.manifest,
    source: found.source,
    failure: found.failure,
    commands: ctx.records,
  };
}
