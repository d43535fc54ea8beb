/**
 * Each platform's compressed size in a row's details: what is known, and how to ask. Pure.
 * Sizes are keyed by manifest digest (content-addressed: a digest's size never changes).
 */
import { describeFailure, formatBytes } from '@core/index.js';
import type { CommandFailure, ImageSize, InspectResult } from '@core/index.js';
import type { SizeTool } from '@commands/index.js';

export type { SizeTool };

/**
 * - loading: the platform's manifest is being read;
 * - ready:   its layers added up;
 * - failed:  the read failed (the reason, for the cell's title).
 */
export type PlatformSizeState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly size: ImageSize }
  | { readonly kind: 'failed'; readonly reason: string };

/** Ask the way the row was asked: `docker manifest inspect` where buildx was missing, else buildx. */
export function sizeToolOf(result: Pick<InspectResult, 'commands'>): SizeTool {
  return result.commands.some((command) => command.argv[0] === 'manifest') ? 'manifest' : 'buildx';
}

export function sizeFailed(failure: CommandFailure): PlatformSizeState {
  return { kind: 'failed', reason: `Size not read: ${describeFailure(failure)}` };
}

/** What the cell shows and, on hover, says. */
export function sizeText(state: PlatformSizeState | undefined): { readonly text: string; readonly title?: string } {
  if (state === undefined || state.kind === 'loading') return { text: '…', title: "Reading this platform's manifest" };
  if (state.kind === 'failed') return { text: '—', title: state.reason };
  const { layerBytes, layers } = state.size;
  return {
    text: formatBytes(layerBytes),
    title: `${layers} ${layers === 1 ? 'layer' : 'layers'}, compressed (what a pull downloads)`,
  };
}
