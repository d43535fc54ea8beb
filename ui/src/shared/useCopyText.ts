import { useCallback } from 'react';
import { useNotifier } from './notifications/NotificationProvider';

/** What the toast says after a copy. Without `unavailable`, a missing clipboard says `failed`. */
export interface CopyMessages {
  readonly copied: string;
  readonly failed: string;
  readonly unavailable?: string;
}

export const COPY_MESSAGES: CopyMessages = {
  copied: 'Copied to the clipboard.',
  failed: 'Could not copy to the clipboard.',
  unavailable: 'The clipboard is not available here.',
};

/** Copies text and says so; resolves to whether it was copied. */
export type CopyText = (text: string, messages?: CopyMessages) => Promise<boolean>;

/** The one clipboard helper of the tab: copy text to the clipboard and say so (or say why not). */
export function useCopyText(): CopyText {
  const { toast } = useNotifier();
  return useCallback(
    async (text: string, messages: CopyMessages = COPY_MESSAGES) => {
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
      if (clipboard === undefined) {
        toast('error', messages.unavailable ?? messages.failed);
        return false;
      }
      try {
        await clipboard.writeText(text);
      } catch {
        toast('error', messages.failed);
        return false;
      }
      toast('success', messages.copied);
      return true;
    },
    [toast],
  );
}
