import { useCallback } from 'react';
import { useNotifier } from './notifications/NotificationProvider';

/** Copy text to the clipboard and say so (or say why not). */
export function useCopyText(): (text: string) => void {
  const { toast } = useNotifier();
  return useCallback(
    (text: string) => {
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
      if (clipboard === undefined) {
        toast('error', 'The clipboard is not available here.');
        return;
      }
      clipboard.writeText(text).then(
        () => toast('success', 'Copied to the clipboard.'),
        () => toast('error', 'Could not copy to the clipboard.'),
      );
    },
    [toast],
  );
}
