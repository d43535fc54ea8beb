import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { hasDeepParts, machineFindings } from '@core/index.js';
import type { RowDetailsModel } from '../model/details';
import type { RowDisplay } from '../model/display';
import { whatToDo } from '../model/userWords';
import { useRowAnswer } from '../hooks/useRowAnswer';
import type { MatrixRow } from '../../../shared/matrixRow';
import { useThisMachine } from '../../../shared/docker/DockerContext';
import { DeepDetails } from '../../deepCheck/components/DeepDetails';
import { useDeepRow } from '../../deepCheck/hooks/DeepCheckContext';
import { judgedResult } from '../../deepCheck/model/judgedRows';
import { LabelLinks } from './LabelAudit';
import { OtherMachinesSection, ThisMachineSection } from './MachineSections';
import { PlatformEntries } from './PlatformEntries';
import { PublisherFold } from './PublisherFold';

interface Props {
  readonly id: string;
  readonly row: MatrixRow;
  readonly display: RowDisplay;
  readonly details: RowDetailsModel;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
}

/**
 * The detail panel of one row, in three parts: this machine (the answer, what touches it, what to do, the
 * verdict), other machines (what does not touch this one), and, folded, the publisher's (build command, label
 * audit, sources, raw output); between them the platforms, what is inside, and what the extension says of itself.
 */
export function RowDetails({ id, row, display, details, onOpenLink, onCopy }: Props): ReactNode {
  const machine = useThisMachine();
  const answer = useRowAnswer(row);
  const state = useDeepRow(row)?.state;
  const result = row.result === undefined || hasDeepParts(row.result) ? row.result : judgedResult(row.result, state);
  const split = useMemo(() => (result === undefined ? undefined : machineFindings(result, machine)), [result, machine]);
  return (
    <Box id={id} data-testid="row-details" sx={{ py: 1.5, px: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
      {result === undefined || split === undefined ? (
        <Typography variant="body2">Inspecting…</Typography>
      ) : (
        <>
          <ThisMachineSection
            result={result}
            answer={answer}
            machine={machine}
            findings={split.thisMachine}
            advice={answer.checking ? undefined : whatToDo(result, answer, machine)}
            display={display}
            installed={row.origin === 'installed' && !row.isSelf}
            onOpenLink={onOpenLink}
            onCopy={onCopy}
          />
          <OtherMachinesSection findings={split.otherMachines} />
          {result.manifest !== undefined && (
            <PlatformEntries
              reference={row.reference}
              sizeTool={details.sizeTool}
              manifest={result.manifest}
              platforms={result.platforms}
              onCopy={onCopy}
            />
          )}
          <DeepDetails row={row} />
        </>
      )}
      <Divider sx={{ my: 1.5 }} />
      <LabelLinks display={display} onOpenLink={onOpenLink} />
      <PublisherFold
        result={result}
        publisher={split?.publisher ?? { fixes: [], notes: [] }}
        details={details}
        remembered={state?.kind === 'done' && state.remembered}
        defaultOpen={row.origin === 'typed'}
        onCopy={onCopy}
      />
    </Box>
  );
}
