import { useCallback } from 'react';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { saveFile } from '../../../shared/saveFile';
import { useCopyText } from '../../../shared/useCopyText';
import { EXPORT_FILES, exportMessages, exportText } from '../model/exports';
import type { ExportAction, ExportFormat } from '../model/exports';
import type { MatrixRow } from '../model/rows';

/** Export the rows shown (with a result): copy them to the clipboard or save them as a file, and say so. */
export function useExport(rows: readonly MatrixRow[]): (format: ExportFormat, action: ExportAction) => Promise<void> {
  const { toast } = useNotifier();
  const copy = useCopyText();
  return useCallback(
    async (format: ExportFormat, action: ExportAction) => {
      const text = exportText(rows, format);
      const messages = exportMessages(format, action);
      if (action === 'copy') {
        await copy(text, { copied: messages.done, failed: messages.failed });
        return;
      }
      try {
        saveFile(text, EXPORT_FILES[format]);
        toast('success', messages.done);
      } catch {
        toast('error', messages.failed);
      }
    },
    [rows, copy, toast],
  );
}
