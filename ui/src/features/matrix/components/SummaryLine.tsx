import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { SummaryCounts } from '../model/summaryCounts';
import { showingText } from '../model/summaryLine';
import type { VerdictFilter } from '../model/view';

interface Props {
  /** The counts over every row (settled rows only); undefined before there are rows. */
  readonly counts?: SummaryCounts;
  /** What the links do not say (model/summaryLine), or what the run is doing when there are no rows. */
  readonly text: string;
  /** The verdict filter in force: its count is marked as the current one. */
  readonly active: VerdictFilter;
  readonly onFilter: (filter: VerdictFilter) => void;
  /** Rows the filters keep of all rows, when a filter is on. */
  readonly showing?: { readonly shown: number; readonly total: number };
  readonly onShowAll: () => void;
  /** e.g. "Showing results from 10:42, refreshing…" */
  readonly note?: string;
}

/** From 600 px on, text that does not fit is cut with "…". */
const SHRINK = {
  whiteSpace: { xs: 'normal', sm: 'nowrap' },
  overflow: { xs: 'visible', sm: 'hidden' },
  textOverflow: 'ellipsis',
} as const;

function CountLink({
  filter,
  active,
  onFilter,
  children,
}: {
  readonly filter: VerdictFilter;
  readonly active: VerdictFilter;
  readonly onFilter: (filter: VerdictFilter) => void;
  readonly children: string;
}): ReactNode {
  const current = filter === active;
  return (
    <Link
      component="button"
      type="button"
      variant="inherit"
      data-summary-filter={filter}
      aria-pressed={current}
      underline={current ? 'none' : 'always'}
      onClick={() => onFilter(current ? 'all' : filter)}
      sx={{ fontWeight: current ? 700 : 'inherit', verticalAlign: 'baseline' }}
    >
      {children}
    </Link>
  );
}

/**
 * One line over every row: "N of M ready" and what needs attention (each a filter; again: back to
 * all), the other counts in words (`data-testid="summary"`), then, under a filter, how many rows it
 * shows, with "Show all".
 */
export function SummaryLine({ counts, text, active, onFilter, showing, onShowAll, note }: Props): ReactNode {
  const links = { active, onFilter };
  return (
    <Stack
      direction="row"
      useFlexGap
      data-testid="summary-counts"
      // One line from 600 px on (the words give way with "…", whole in their title), so the page below
      // never moves when they change; narrower, the line wraps.
      sx={{
        flexWrap: { xs: 'wrap', sm: 'nowrap' },
        alignItems: 'baseline',
        columnGap: 1.5,
        rowGap: 0.25,
        minHeight: 28,
        '& > *': { flex: 'none' },
        '& > [data-shrinks]': { flex: '0 1 auto', minWidth: 0, ...SHRINK },
      }}
    >
      {counts !== undefined && (
        <Typography variant="body1" component="p" sx={{ fontWeight: 600 }}>
          <CountLink filter="ready" {...links}>{`${counts.ready} of ${counts.installed} ready`}</CountLink>
        </Typography>
      )}
      {counts !== undefined && counts.attention > 0 && (
        <Typography variant="body1" component="p">
          <CountLink
            filter="attention"
            {...links}
          >{`${counts.attention} need${counts.attention === 1 ? 's' : ''} attention`}</CountLink>
        </Typography>
      )}
      <Typography variant="body2" component="p" data-testid="summary" data-shrinks title={text} aria-live="polite">
        {text}
      </Typography>
      {showing !== undefined && (
        <>
          <Typography variant="body2" component="p" color="text.secondary" data-testid="showing" aria-live="polite">
            {showingText(showing.shown, showing.total)}
          </Typography>
          <Button size="small" data-testid="clear-filters" onClick={onShowAll} sx={{ py: 0, minWidth: 0 }}>
            Show all
          </Button>
        </>
      )}
      {note !== undefined && (
        <Typography
          variant="body2"
          component="p"
          color="text.secondary"
          data-testid="remembered-note"
          data-shrinks
          title={note}
        >
          {note}
        </Typography>
      )}
    </Stack>
  );
}
