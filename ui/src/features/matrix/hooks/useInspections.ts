import { useCallback } from 'react';
import type { InspectResult } from '@core/index.js';
import { inspectMany } from '@commands/index.js';
import { useDocker } from '../../../shared/docker/DockerContext';
import type { RowSeed } from '../../../shared/matrixRow';
import type { BuildxState } from './useInstalledExtensions';

export interface InspectRun {
  readonly signal: AbortSignal;
  readonly buildx: BuildxState;
  /** Called as each image ends, so its row fills in at once. */
  readonly onResult: (seed: RowSeed, result: InspectResult) => void;
}

/** Inspect the rows' images with bounded concurrency; one slow or failing image never blocks the rest. */
export function useInspections(): (seeds: readonly RowSeed[], run: InspectRun) => Promise<InspectResult[]> {
  const { exec, host } = useDocker();
  return useCallback(
    (seeds: readonly RowSeed[], run: InspectRun) =>
      inspectMany(
        exec,
        seeds.map((seed) => ({ reference: seed.reference, local: seed.local })),
        {
          signal: run.signal,
          buildx: run.buildx,
          host,
          onResult: (result, index) => {
            const seed = seeds[index];
            if (seed !== undefined) run.onResult(seed, result);
          },
        },
      ),
    [exec, host],
  );
}
