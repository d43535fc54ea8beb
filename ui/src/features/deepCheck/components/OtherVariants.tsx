import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { MatrixRow } from '../../../shared/matrixRow';
import type { DeepRowHandle } from '../hooks/DeepCheckContext';
import type { DeepFindings } from '../model/deepFindings';
import { progressText, type OtherVariantsState } from '../model/deepRow';
import { otherVariantsOffer, registryFallbackText } from '../model/otherVariants';

const small = { mt: 0.5, fontSize: 12, textTransform: 'none' } as const;

/** Progress and Stop while the other variants are read from the registry. */
function Reading({ state, row, deep }: { state: OtherVariantsState; row: MatrixRow; deep: DeepRowHandle }): ReactNode {
  if (state.kind !== 'waiting' && state.kind !== 'running') return null;
  const bytesRead = state.kind === 'running' ? state.bytesRead : undefined;
  const bytesTotal = state.kind === 'running' ? state.bytesTotal : undefined;
  const ratio =
    bytesRead !== undefined && bytesTotal !== undefined ? Math.min(100, (100 * bytesRead) / bytesTotal) : undefined;
  return (
    <Box data-testid="deep-other-variants-progress" data-image={row.reference}>
      <Typography variant="caption" component="div" color="text.secondary">
        {state.kind === 'waiting' ? 'Other variants waiting…' : progressText(bytesRead, bytesTotal)}
      </Typography>
      <LinearProgress
        aria-label={`Reading the other variants of ${row.reference}`}
        variant={ratio === undefined ? 'indeterminate' : 'determinate'}
        value={ratio}
        sx={{ mt: 0.5, height: 3, maxWidth: 360 }}
      />
      <Button size="small" sx={{ ...small, minWidth: 0, p: 0 }} onClick={deep.stop}>
        Stop
      </Button>
    </Box>
  );
}

/**
 * The variants this machine's check did not read, offered with what reading them downloads
 * ("Check linux/arm64 too: 9.7 MiB from the registry"); progress and Stop while they are read.
 * `[data-testid="deep-other-variants"]` with `data-image` is a DOM hook outside checks rely on.
 */
export function OtherVariants({
  findings,
  others,
  row,
  deep,
}: {
  readonly findings: DeepFindings;
  readonly others: OtherVariantsState | undefined;
  readonly row: MatrixRow;
  readonly deep: DeepRowHandle;
}): ReactNode {
  const offer = otherVariantsOffer(findings);
  if (offer === undefined) return null;
  if (others?.kind === 'waiting' || others?.kind === 'running') return <Reading state={others} row={row} deep={deep} />;
  return (
    <Box sx={{ mt: 1 }}>
      <Button
        variant="outlined"
        size="small"
        sx={small}
        data-testid="deep-other-variants"
        data-image={row.reference}
        data-bytes={offer.bytes ?? ''}
        onClick={deep.readOthers}
      >
        {offer.text}
      </Button>
      {others?.kind === 'failed' && (
        <Typography variant="caption" component="div" color="warning.main">
          {`The other variants could not be read: ${others.message}`}
        </Typography>
      )}
      {others?.kind === 'stopped' && (
        <Typography variant="caption" component="div" color="text.secondary">
          Reading the other variants stopped.
        </Typography>
      )}
    </Box>
  );
}

/** This machine's copy could not be read: nothing was downloaded; the registry is offered, its size first. */
export function RegistryFallback({ row, deep }: { readonly row: MatrixRow; readonly deep: DeepRowHandle }): ReactNode {
  return (
    <Button
      variant="outlined"
      size="small"
      sx={small}
      data-testid="deep-read-registry"
      data-image={row.reference}
      onClick={deep.readFromRegistry}
    >
      {registryFallbackText(row.result)}
    </Button>
  );
}
