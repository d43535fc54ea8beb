import { useCallback } from 'react';
import { useDocker } from '../../../shared/docker/DockerContext';
import { useNotifier } from '../../../shared/notifications/NotificationProvider';
import { saveFile } from '../../../shared/saveFile';
import { useCopyText } from '../../../shared/useCopyText';
import type { DeepRowState } from '../../deepCheck/model/deepRow';
import { EXPORT_FILES, exportMessages, exportName, exportStamp, exportText } from '../model/exports';
import type { ExportAction, ExportFormat, ExportScope } from '../model/exports';
import type { MatrixRow } from '../../../shared/matrixRow';

const systemNow = (): Date => new Date();

export interface ExportOptions {
  /** The filter in effect and the rows shown of all: in the export's header and its file name. */
  readonly scope?: ExportScope;
  /** The rows' deep checks (by row key): a row still being checked exports as the screen shows it. */
  readonly states?: ReadonlyMap<string, DeepRowState>;
  /** The clock (tests fix it). */
  readonly now?: () => Date;
}

/**
 * Export the rows shown (with a result): copy them to the clipboard or save them as a file, and say so.
 * Every export is stamped with the time, this machine's platform and OS, the filter in effect and the version.
 */
export function useExport(
  rows: readonly MatrixRow[],
  options: ExportOptions = {},
): (format: ExportFormat, action: ExportAction) => Promise<void> {
  const { toast } = useNotifier();
  const { host, hostOs } = useDocker();
  const copy = useCopyText();
  const { scope, states, now = systemNow } = options;
  return useCallback(
    async (format: ExportFormat, action: ExportAction) => {
      const stamp = exportStamp(now(), host, hostOs, scope);
      const text = exportText(rows, format, stamp, states);
      const name = exportName(format, stamp);
      const messages = exportMessages(format, action, name);
      if (action === 'copy') {
        await copy(text, { copied: messages.done, failed: messages.failed });
        return;
      }
      try {
        saveFile(text, { name, type: EXPORT_FILES[format].type });
        toast('success', messages.done);
      } catch {
        toast('error', messages.failed);
      }
    },
    [rows, copy, toast, host, hostOs, now, scope, states],
  );
}
