import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import RefreshIcon from '@mui/icons-material/Refresh';
import StopIcon from '@mui/icons-material/Stop';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import type { MatrixRow } from '../../../shared/matrixRow';
import type { ExportAction, ExportFormat } from '../model/exports';
import { VERDICT_MENU, platformCount, platformMenu, verdictCount, withCounts } from '../model/filterMenus';
import type { ViewOptions } from '../model/view';
import { ExportMenu } from './ExportMenu';
import { FilterSelect } from './FilterSelect';
import { InspectField } from './InspectField';

interface Props {
  readonly view: ViewOptions;
  readonly columns: readonly PlatformKey[];
  /** Every row (as judged): what the filter menus count. */
  readonly rows: readonly MatrixRow[];
  readonly running: boolean;
  readonly canExport: boolean;
  readonly onInspect: (input: string) => string | undefined;
  readonly inspectNotice?: { readonly serial: number; readonly text: string };
  readonly onView: (view: ViewOptions) => void;
  readonly onRefresh: () => void;
  readonly onCancel: () => void;
  readonly onExport: (format: ExportFormat, action: ExportAction) => void;
}

/** One row of controls: inspect any image, filter by verdict and platform (with counts), export, refresh or stop. */
export function MatrixToolbar({
  view,
  columns,
  rows,
  running,
  canExport,
  onInspect,
  inspectNotice,
  onView,
  onRefresh,
  onCancel,
  onExport,
}: Props): ReactNode {
  const verdicts = withCounts(VERDICT_MENU, verdictCount(rows, view), view.verdict);
  const platforms = withCounts(platformMenu(columns), platformCount(rows, view), view.platform);
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      <InspectField onSubmit={onInspect} notice={inspectNotice} />
      <FilterSelect menu={verdicts} value={view.verdict} onChange={(verdict) => onView({ ...view, verdict })} />
      <FilterSelect menu={platforms} value={view.platform} onChange={(platform) => onView({ ...view, platform })} />
      <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
        <ExportMenu disabled={!canExport} onExport={onExport} />
        {running ? (
          <Button variant="outlined" color="inherit" startIcon={<StopIcon />} onClick={onCancel} sx={{ minWidth: 104 }}>
            Stop
          </Button>
        ) : (
          <Button variant="contained" startIcon={<RefreshIcon />} onClick={onRefresh} sx={{ minWidth: 104 }}>
            Refresh
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
