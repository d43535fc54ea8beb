import { useCallback } from 'react';
import { useDocker } from '../../../shared/docker/DockerContext';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { saveFile } from '../../../shared/saveFile';
import { useCopyText } from '../../../shared/useCopyText';
import { EXPORT_FILES, exportMessages, exportStamp, exportText } from '../model/exports';
import type { ExportAction, ExportFormat } from '../model/exports';
import type { MatrixRow } from '../../../shared/matrixRow';

const systemNow = (): Date => new Date();

/**
 * Export the rows shown (with a result): copy them to the clipboard or save them as a file, and say so.
 * Every export is stamped with the time (`now`, for tests), this machine's platform and the version.
 */
export function useExport(
  rows: readonly MatrixRow[],
  now: () => Date = systemNow,
): (format: ExportFormat, action: ExportAction) => Promise<void> {
  const { toast } = useNotifier();
  const { host } = useDocker();
  const copy = useCopyText();
  return useCallback(
    async (format: ExportFormat, action: ExportAction) => {
      const text = exportText(rows, format, exportStamp(now(), host));
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
    [rows, copy, toast, host, now],
  );
}
