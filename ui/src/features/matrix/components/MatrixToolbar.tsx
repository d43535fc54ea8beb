import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import StopIcon from '@mui/icons-material/Stop';
import type { ReactNode } from 'react';
import { VERDICTS, verdictLabel } from '@core/index.js';
import type { PlatformKey } from '@core/index.js';
import type { ExportAction, ExportFormat } from '../model/exports';
import { isFiltered } from '../model/view';
import type { PlatformFilter, VerdictFilter, ViewOptions } from '../model/view';
import { ExportMenu } from './ExportMenu';

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
export function MatrixToolbar({ view, columns, running, canExport, count, onView, onRefresh, onCancel, onExport }: Props): ReactNode {
  return (
    <Stack direction="row" spacing={1.5} alignItems="center" useFlexGap sx={{ flexWrap: 'wrap' }}>
      <FormControl size="small" sx={{ minWidth: 190 }}>
        <InputLabel id="verdict-filter-label">Verdict</InputLabel>
        <Select
          labelId="verdict-filter-label"
          label="Verdict"
          value={view.verdict}
          onChange={(event) => onView({ ...view, verdict: event.target.value as VerdictFilter })}
          inputProps={{ 'data-testid': 'verdict-filter' }}
        >
          <MenuItem value="all">All verdicts</MenuItem>
          <MenuItem value="attention">Needs attention</MenuItem>
          {VERDICTS.map((verdict) => (
            <MenuItem key={verdict} value={verdict}>
              {verdictLabel(verdict)}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 210 }}>
        <InputLabel id="platform-filter-label">Platform</InputLabel>
        <Select
          labelId="platform-filter-label"
          label="Platform"
          value={view.platform}
          onChange={(event) => onView({ ...view, platform: event.target.value as PlatformFilter })}
          inputProps={{ 'data-testid': 'platform-filter' }}
        >
          <MenuItem value="any">Any platform</MenuItem>
          <ListSubheader>Published for</ListSubheader>
          {columns.map((key) => (
            <MenuItem key={`has:${key}`} value={`has:${key}`}>
              {key}
            </MenuItem>
          ))}
          <ListSubheader>Not published for</ListSubheader>
          {columns.map((key) => (
            <MenuItem key={`lacks:${key}`} value={`lacks:${key}`}>
              {`lacks ${key}`}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {isFiltered(view) && (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="showing" aria-live="polite">
            {`Showing ${count.shown} of ${count.total}`}
          </Typography>
          <Button size="small" data-testid="clear-filters" onClick={() => onView({ ...view, verdict: 'all', platform: 'any' })}>
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
