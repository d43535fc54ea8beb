import { useCallback, useMemo, useState } from 'react';
import { matrixColumns, platformKey } from '@core/index.js';
import type { InspectResult, PlatformKey } from '@core/index.js';
import { readStored, writeStored } from '../../../shared/browserStorage';
import { useDocker } from '../../../shared/docker/DockerContext';
import { columnLayout } from '../model/columns';
import type { ColumnLayout } from '../model/columns';
import type { MatrixRow } from '../../../shared/matrixRow';
import { VIEW_KEY, parseSavedView } from '../model/savedView';
import { orderedRows } from '../model/rowOrder';
import type { ViewOptions } from '../model/view';
import { useFrozenOrder } from './useFrozenOrder';

export interface MatrixView {
  readonly options: ViewOptions;
  setOptions(options: ViewOptions): void;
  /** The rows to show, filtered, in an order that holds still while checks run (model/rowOrder). */
  readonly shown: readonly MatrixRow[];
  /** linux/amd64 and linux/arm64 always, plus any platform some image has. */
  readonly columns: readonly PlatformKey[];
  /** The platform columns on screen and the optional ones folded away. */
  readonly layout: ColumnLayout;
  /** The column of the user's machine, when known. */
  readonly hostKey?: PlatformKey;
}

export function useMatrixView(rows: readonly MatrixRow[]): MatrixView {
  const { host } = useDocker();
  // Filters, sort and folded columns survive a reload.
  const [options, setShown] = useState<ViewOptions>(() => parseSavedView(readStored(VIEW_KEY)));
  const setOptions = useCallback((next: ViewOptions) => {
    setShown(next);
    writeStored(VIEW_KEY, JSON.stringify(next));
  }, []);
  const columns = useMemo(
    () => matrixColumns(rows.map((row) => row.result).filter((r): r is InspectResult => r !== undefined)),
    [rows],
  );
  const order = useFrozenOrder(rows, options);
  const shown = useMemo(() => orderedRows(order, rows, options), [order, rows, options]);
  const hostKey = host === undefined ? undefined : platformKey(host);
  const layout = useMemo(
    () => columnLayout(columns, hostKey, options.columns === 'all'),
    [columns, hostKey, options.columns],
  );
  return { options, setOptions, shown, columns, layout, hostKey };
}
