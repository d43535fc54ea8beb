import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { RowDetailsModel } from '../model/details';
import type { RowDisplay } from '../model/display';
import type { MatrixRow } from '../../../shared/matrixRow';
import { DeepDetails } from '../../deepCheck/components/DeepDetails';
import { FixLine } from '../../../shared/FixLine';
import { LabelAudit } from './LabelAudit';
import { PlatformEntries } from './PlatformEntries';
import { RawOutput } from './RawOutput';
import { UserAdvice } from './UserAdvice';

interface Props {
  readonly id: string;
  readonly row: MatrixRow;
  readonly display: RowDisplay;
  readonly details: RowDetailsModel;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
}

/** The detail panel of one row: verdict explanation and fix, platforms, attestations, labels, raw output. */
export function RowDetails({ id, row, display, details, onOpenLink, onCopy }: Props): ReactNode {
  const [showRaw, setShowRaw] = useState(false);
  const result = row.result;
  return (
    <Box id={id} data-testid="row-details" sx={{ py: 1.5, px: 1 }}>
      {result === undefined ? (
        <Typography variant="body2">Inspecting…</Typography>
      ) : (
        <>
          <Typography variant="body2" sx={{ fontWeight: 500 }} data-testid="explanation">
            {result.explanation}
          </Typography>
          {result.fix !== undefined && row.origin === 'installed' && !row.isSelf && (
            <UserAdvice userFix={result.userFix} display={display} onOpenLink={onOpenLink} />
          )}
          {result.fix !== undefined && (
            <FixLine
              fix={row.origin === 'installed' && !row.isSelf ? (result.publisherFix ?? result.fix) : result.fix}
              onCopy={onCopy}
              caption={
                row.origin === 'installed' && !row.isSelf && result.publisherFix !== undefined
                  ? "The publisher's fix:"
                  : undefined
              }
            />
          )}
          {details.source !== undefined && (
            <Typography variant="body2" color="text.secondary">
              {details.source}
            </Typography>
          )}
          {details.failure !== undefined && (
            <Box sx={{ mt: 1 }}>
              <Typography variant="body2">{details.failure.advice}</Typography>
              <Typography
                variant="body2"
                color="text.secondary"
                sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}
              >
                {details.failure.message}
              </Typography>
            </Box>
          )}
          {result.manifest !== undefined && (
            <PlatformEntries
              reference={row.reference}
              sizeTool={details.sizeTool}
              manifest={result.manifest}
              platforms={result.platforms}
              onCopy={onCopy}
            />
          )}
          <DeepDetails row={row} onCopy={onCopy} />
        </>
      )}
      <Divider sx={{ my: 1.5 }} />
      <LabelAudit findings={details.findings} display={display} onOpenLink={onOpenLink} />
      {result !== undefined && (
        <>
          <Divider sx={{ my: 1.5 }} />
          <Button size="small" onClick={() => setShowRaw((shown) => !shown)} aria-expanded={showRaw}>
            {showRaw ? 'Hide raw command output' : 'Show raw command output'}
          </Button>
          {showRaw && <RawOutput commands={result.commands} />}
        </>
      )}
    </Box>
  );
}
