import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import StopIcon from '@mui/icons-material/Stop';
import type { ReactNode } from 'react';
import type { PlatformKey } from '@core/index.js';
import type { ExportAction, ExportFormat } from '../model/exports';
import { VERDICT_MENU, platformMenu } from '../model/filterMenus';
import { isFiltered } from '../model/view';
import type { ViewOptions } from '../model/view';
import { ExportMenu } from './ExportMenu';
import { FilterSelect } from './FilterSelect';

interface Props {
  readonly view: ViewOptions;
  readonly columns: readonly PlatformKey[];
  readonly running: boolean;
  readonly canExport: boolean;
  /** Rows shown (after the filters) and rows in all. */
  readonly count: { readonly shown: number; readonly total: number };
  readonly onView: (view: ViewOptions) => void;
  readonly onRefresh: () => void;
  readonly onCancel: () => void;
  readonly onExport: (format: ExportFormat, action: ExportAction) => void;
}

/** Filter by verdict and platform, export, refresh or stop. */
export function MatrixToolbar({
  view,
  columns,
  running,
  canExport,
  count,
  onView,
  onRefresh,
  onCancel,
  onExport,
}: Props): ReactNode {
  const platforms = platformMenu(columns);
  return (
    <Stack direction="row" spacing={1.5} alignItems="center" useFlexGap sx={{ flexWrap: 'wrap' }}>
      <FilterSelect menu={VERDICT_MENU} value={view.verdict} onChange={(verdict) => onView({ ...view, verdict })} />
      <FilterSelect menu={platforms} value={view.platform} onChange={(platform) => onView({ ...view, platform })} />
      {isFiltered(view) && (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="showing" aria-live="polite">
            {`Showing ${count.shown} of ${count.total}`}
          </Typography>
          <Button
            size="small"
            data-testid="clear-filters"
            onClick={() => onView({ ...view, verdict: 'all', platform: 'any' })}
          >
            Clear filters
          </Button>
        </>
      )}
      <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
        <ExportMenu disabled={!canExport} onExport={onExport} />
        {running ? (
          <Button variant="outlined" color="inherit" startIcon={<StopIcon />} onClick={onCancel}>
            Stop
          </Button>
        ) : (
          <Button variant="contained" startIcon={<RefreshIcon />} onClick={onRefresh}>
            Refresh
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
