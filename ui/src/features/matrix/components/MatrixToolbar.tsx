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

interface FilterSelectProps {
  /** Also the test id of the input and the stem of the label's id. */
  readonly id: string;
  readonly label: string;
  readonly minWidth: number;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly children: ReactNode;
}

/** One labelled filter drop-down of the toolbar. */
function FilterSelect({ id, label, minWidth, value, onChange, children }: FilterSelectProps): ReactNode {
  return (
    <FormControl size="small" sx={{ minWidth }}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        inputProps={{ 'data-testid': id }}
      >
        {children}
      </Select>
    </FormControl>
  );
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
  return (
    <Stack direction="row" spacing={1.5} alignItems="center" useFlexGap sx={{ flexWrap: 'wrap' }}>
      <FilterSelect
        id="verdict-filter"
        label="Verdict"
        minWidth={190}
        value={view.verdict}
        onChange={(verdict) => onView({ ...view, verdict: verdict as VerdictFilter })}
      >
        <MenuItem value="all">All verdicts</MenuItem>
        <MenuItem value="attention">Needs attention</MenuItem>
        {VERDICTS.map((verdict) => (
          <MenuItem key={verdict} value={verdict}>
            {verdictLabel(verdict)}
          </MenuItem>
        ))}
      </FilterSelect>
      <FilterSelect
        id="platform-filter"
        label="Platform"
        minWidth={210}
        value={view.platform}
        onChange={(platform) => onView({ ...view, platform: platform as PlatformFilter })}
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
      </FilterSelect>
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
