import { useCallback } from 'react';
import { describeFailure, sameImage } from '@core/index.js';
import { ENVIRONMENT_NOTICES, checkEnvironment, environmentNotices, listInstalledExtensions } from '@commands/index.js';
import type { BuildxState } from '@commands/index.js';
import { useDocker } from '../../../shared/docker/DockerContext';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import type { RowSeed } from '../../../shared/matrixRow';

export type { BuildxState };

export type Listing =
  | { readonly kind: 'listed'; readonly seeds: readonly RowSeed[]; readonly buildx: BuildxState }
  | { readonly kind: 'failed'; readonly buildx: BuildxState }
  | { readonly kind: 'cancelled' };

/**
 * Checks the environment (banners for no engine / no docker / no buildx) and lists the extension
 * images in the local store, plus this extension's own image, marked as itself.
 */
export function useInstalledExtensions(): (signal: AbortSignal) => Promise<Listing> {
  const { exec, selfImage } = useDocker();
  const { showBanner, clearBanner } = useNotifier();

  return useCallback(
    async (signal: AbortSignal): Promise<Listing> => {
      const environment = await checkEnvironment(exec, { signal });
      if (signal.aborted) return { kind: 'cancelled' };
      const { buildx } = environment;
      const notices = environmentNotices(environment);
      for (const problem of Object.values(ENVIRONMENT_NOTICES)) {
        const notice = notices.find((n) => n.id === problem.id);
        if (notice === undefined) clearBanner(problem.id);
        else showBanner({ id: notice.id, severity: notice.severity, title: notice.title, message: notice.message });
      }
      if (environment.engine !== 'ok') return { kind: 'failed', buildx };

      const listed = await listInstalledExtensions(exec, { signal });
      if (signal.aborted) return { kind: 'cancelled' };
      if (!listed.ok) {
        showBanner({
          id: 'listing-failed',
          severity: 'error',
          title: 'Could not list the installed extensions',
          message: describeFailure(listed.error),
        });
        return { kind: 'failed', buildx };
      }
      clearBanner('listing-failed');

      const seen = new Set<string>();
      const seeds: RowSeed[] = [];
      for (const extension of listed.value) {
        if (seen.has(extension.reference)) continue;
        seen.add(extension.reference);
        const isSelf = selfImage !== undefined && sameImage(extension.reference, selfImage);
        seeds.push({ reference: extension.reference, origin: 'installed', isSelf, local: extension.image });
      }
      if (selfImage !== undefined && !seeds.some((seed) => seed.isSelf)) {
        seeds.push({ reference: selfImage, origin: 'installed', isSelf: true });
      }
      return { kind: 'listed', seeds, buildx };
    },
    [exec, selfImage, showBanner, clearBanner],
  );
}
