import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { SummaryCounts } from '../model/summaryCounts';
import type { VerdictFilter } from '../model/view';

interface Props {
  readonly counts: SummaryCounts;
  /** The verdict filter in force: its count is marked as the current one. */
  readonly active: VerdictFilter;
  readonly onFilter: (filter: VerdictFilter) => void;
}

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

/** "N of M ready" first, then what needs attention; each count filters the matrix (again: back to all). */
export function SummaryLinks({ counts, active, onFilter }: Props): ReactNode {
  const links = { active, onFilter };
  return (
    <Stack
      direction="row"
      spacing={2}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'baseline' }}
      data-testid="summary-counts"
    >
      <Typography variant="h2" component="p">
        <CountLink filter="ready" {...links}>{`${counts.ready} of ${counts.installed} ready`}</CountLink>
      </Typography>
      {counts.attention > 0 && (
        <Typography variant="body1" component="p">
          <CountLink
            filter="attention"
            {...links}
          >{`${counts.attention} need${counts.attention === 1 ? 's' : ''} attention`}</CountLink>
        </Typography>
      )}
      {active !== 'all' && (
        <Typography variant="body1" component="p">
          <CountLink filter="all" {...links}>{`all ${counts.installed + counts.typed}`}</CountLink>
        </Typography>
      )}
      {counts.pending > 0 && (
        <Typography variant="body1" component="p" color="text.secondary">
          {`${counts.pending} being inspected`}
        </Typography>
      )}
      {counts.typed > 0 && (
        <Typography variant="body1" component="p" color="text.secondary">
          {`${counts.typed} typed image${counts.typed === 1 ? '' : 's'} (not counted above)`}
        </Typography>
      )}
    </Stack>
  );
}
