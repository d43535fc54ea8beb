import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { v1 } from '@docker/extension-api-client-types';
import type { Banner, BannerId, Notifier, ToastLevel } from './types';

const NotificationContext = createContext<Notifier | undefined>(undefined);

interface Props {
  readonly toaster: v1.Toast;
  readonly children: ReactNode;
}

/**
 * One place for telling the user things: banners for what is wrong for every row (no engine,
 * no buildx), Docker Desktop's toast for transient events (one image failed, export copied).
 */
export function NotificationProvider({ toaster, children }: Props): ReactNode {
  const [banners, setBanners] = useState<readonly Banner[]>([]);

  const showBanner = useCallback((banner: Banner) => {
    setBanners((current) => [...current.filter((b) => b.id !== banner.id), banner]);
  }, []);
  const clearBanner = useCallback((id: BannerId) => {
    setBanners((current) => (current.some((b) => b.id === id) ? current.filter((b) => b.id !== id) : current));
  }, []);
  const toast = useCallback(
    (level: ToastLevel, message: string) => {
      try {
        toaster[level](message);
      } catch {
        // A toast that cannot be shown must not break the tab.
      }
    },
    [toaster],
  );

  const value = useMemo<Notifier>(
    () => ({ banners, showBanner, clearBanner, toast }),
    [banners, showBanner, clearBanner, toast],
  );
  return <NotificationContext.Provider value={value}>{children}</NotificationContext.Provider>;
}

export function useNotifier(): Notifier {
  const notifier = useContext(NotificationContext);
  if (notifier === undefined) throw new Error('useNotifier must be used inside NotificationProvider');
  return notifier;
}
