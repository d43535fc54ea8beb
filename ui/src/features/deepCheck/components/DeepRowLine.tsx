import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useThisMachine } from '../../../shared/docker/DockerContext';
import type { MatrixRow } from '../../../shared/matrixRow';
import { useDeepRow } from '../hooks/DeepCheckContext';
import { deepLine } from '../model/deepRow';

const TONE_COLOR = {
  ok: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
  info: 'text.secondary',
  busy: 'text.secondary',
} as const;

/** A small text button under the line: "Stop" or "Retry" the inside check of this row's image. */
function LineAction({
  verb,
  reference,
  onClick,
}: {
  readonly verb: 'Stop' | 'Retry';
  readonly reference: string;
  readonly onClick: () => void;
}): ReactNode {
  return (
    <Button
      size="small"
      sx={{ minWidth: 0, p: 0, mt: 0.25, fontSize: 12 }}
      onClick={onClick}
      aria-label={`${verb} the inside check of ${reference}`}
    >
      {verb}
    </Button>
  );
}

/**
 * The deep check in the row, without opening anything: one line saying which OS and CPU a problem
 * hits (or what was checked), progress in bytes and Stop while it runs, Retry after a failure.
 * `data-deep-state` is a stable test hook; `data-remembered` says the findings were remembered (the details'
 * publisher part says so in words).
 */
export function DeepRowLine({ row }: { readonly row: MatrixRow }): ReactNode {
  const deep = useDeepRow(row);
  const machine = useThisMachine();
  const line = deepLine(deep?.state, machine);
  if (deep === undefined || deep.state === undefined || line === undefined) return null;
  const state = deep.state;
  const busy = state.kind === 'waiting' || state.kind === 'running';
  const canRetry =
    state.kind === 'backend-down' ||
    state.kind === 'failed' ||
    state.kind === 'stopped' ||
    state.kind === 'local-missing';
  const ratio =
    state.kind === 'running' && state.bytesRead !== undefined && state.bytesTotal !== undefined
      ? Math.min(100, (100 * state.bytesRead) / state.bytesTotal)
      : undefined;
  return (
    <Box
      data-testid="deep-line"
      data-deep-state={state.kind}
      data-remembered={state.kind === 'done' && state.remembered ? 'true' : undefined}
      sx={{ mt: 0.5 }}
    >
      <Typography
        variant="caption"
        component="div"
        sx={{ color: TONE_COLOR[line.tone], lineHeight: 1.35, overflowWrap: 'anywhere' }}
        title={line.text}
      >
        {line.text}
      </Typography>
      {busy && (
        <LinearProgress
          aria-label={`Reading inside ${row.reference}`}
          variant={ratio === undefined ? 'indeterminate' : 'determinate'}
          value={ratio}
          sx={{ mt: 0.5, height: 3 }}
        />
      )}
      {busy && <LineAction verb="Stop" reference={row.reference} onClick={deep.stop} />}
      {canRetry && <LineAction verb="Retry" reference={row.reference} onClick={deep.retry} />}
    </Box>
  );
}
