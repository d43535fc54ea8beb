/**
 * Inspect many references: bounded concurrency (p-limit), a timeout per image, cancellation through
 * one AbortSignal (queued images never start, running commands are stopped), and each canonical
 * reference inspected once however often it is listed. One failing or slow image never blocks the
 * rest: inspectImage never rejects, and each image has its own deadline.
 */
import pLimit from 'p-limit';
import { decideVerdict, parseReference } from '../core/index.js';
import type { InspectResult } from '../core/index.js';
import { inspectImage } from './inspectImage.js';
import type { InspectOptions, InspectTarget } from './inspectImage.js';
import type { ExecPort } from './execPort.js';

export const DEFAULT_CONCURRENCY = 6;

export interface InspectManyOptions extends InspectOptions {
  readonly concurrency?: number;
  /** Called as soon as each image is done, with its index in `targets` (once per index). */
  readonly onResult?: (result: InspectResult, index: number) => void;
}

/** Group targets by canonical reference; invalid ones stay alone (they run no command anyway). */
function groupTargets(
  targets: readonly InspectTarget[],
): { readonly target: InspectTarget; readonly indexes: number[] }[] {
  const groups = new Map<string, { target: InspectTarget; indexes: number[] }>();
  targets.forEach((target, index) => {
    const parsed = parseReference(target.reference);
    const key = parsed.ok ? parsed.value.canonical : `invalid#${index}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { target, indexes: [index] });
    } else {
      group.indexes.push(index);
      // Prefer a target that carries the engine's image: it can save a registry round trip.
      if (group.target.local === undefined && target.local !== undefined)
        group.target = { ...group.target, local: target.local };
    }
  });
  return [...groups.values()];
}

function cancelledResult(target: InspectTarget): InspectResult {
  const failure = { kind: 'cancelled', message: 'cancelled before it started' } as const;
  const detail = decideVerdict({ reference: target.reference, platforms: [], source: 'registry', failure });
  return { ...detail, reference: target.reference, platforms: [], failure, commands: [] };
}

export async function inspectMany(
  exec: ExecPort,
  targets: readonly InspectTarget[],
  options: InspectManyOptions = {},
): Promise<InspectResult[]> {
  const { concurrency = DEFAULT_CONCURRENCY, onResult, ...inspectOptions } = options;
  const limit = pLimit(Math.max(1, Math.floor(concurrency)));
  const results: InspectResult[] = new Array<InspectResult>(targets.length);

  const deliver = (result: InspectResult, indexes: readonly number[]): void => {
    for (const index of indexes) {
      const own = targets[index]?.reference ?? result.reference;
      const forIndex = own === result.reference ? result : { ...result, reference: own };
      results[index] = forIndex;
      try {
        onResult?.(forIndex, index);
      } catch {
        // A listener's error must not stop the other images.
      }
    }
  };

  await Promise.all(
    groupTargets(targets).map(({ target, indexes }) =>
      limit(async () => {
        const result =
          options.signal?.aborted === true ? cancelledResult(target) : await inspectImage(exec, target, inspectOptions);
        deliver(result, indexes);
      }),
    ),
  );
  return results;
}
