import { useCallback } from 'react';
import { openExternal } from '../openExternal';
import { useDocker } from './DockerContext';
import { useNotifier } from '../notifications/NotificationProvider';

/** Open a link from a label with ddClient.host.openExternal, http(s) only; others are refused with a toast. */
export function useOpenExternal(): (url: string) => void {
  const { dd } = useDocker();
  const { toast } = useNotifier();
  return useCallback(
    (url: string) => {
      if (!openExternal(dd, url)) toast('warning', 'Only http and https links can be opened.');
    },
    [dd, toast],
  );
}
