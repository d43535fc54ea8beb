import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { OS_NAMES } from '@core/index.js';
import type { InspectResult, ThisMachine } from '@core/index.js';
import type { RowDisplay } from '../model/display';
import type { RowAnswer } from '../model/thisMachine';
import type { WhatToDo } from '../model/userWords';
import { ThisMachineAnswer } from './ThisMachineAnswer';
import { UserAdvice } from './UserAdvice';
import { VerdictBadge } from './VerdictBadge';

/** "This machine (linux/arm64, macOS)". */
function machineTitle(machine: ThisMachine): string {
  const parts = [machine.platform, machine.os === undefined ? undefined : OS_NAMES[machine.os]].filter(
    (part): part is string => part !== undefined,
  );
  return parts.length === 0 ? 'This machine' : `This machine (${parts.join(', ')})`;
}

interface ThisMachineProps {
  readonly result: InspectResult;
  readonly answer: RowAnswer;
  readonly machine: ThisMachine;
  /** The findings that touch this machine, one sentence each (the answer's reason is not repeated). */
  readonly findings: readonly string[];
  readonly advice: WhatToDo | undefined;
  readonly display: RowDisplay;
  readonly installed: boolean;
  readonly onOpenLink: (url: string) => void;
  readonly onCopy: (text: string) => void;
}

/**
 * The details' first part, for the person at this machine: the answer and all of its reason, what else touches this
 * machine, what they can do, then the verdict in its badge with its explanation.
 */
export function ThisMachineSection(props: ThisMachineProps): ReactNode {
  const { result, answer, machine, findings, advice } = props;
  return (
    <Box data-testid="details-this-machine">
      <Typography variant="subtitle2" component="h4" sx={{ mb: 0.5 }}>
        {machineTitle(machine)}
      </Typography>
      <ThisMachineAnswer answer={answer} reason="full" />
      {findings
        .filter((text) => text !== answer.reason)
        .map((text) => (
          <Typography key={text} variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
            {text}
          </Typography>
        ))}
      {advice !== undefined && (
        <UserAdvice
          advice={advice}
          display={props.display}
          installed={props.installed}
          onOpenLink={props.onOpenLink}
          onCopy={props.onCopy}
        />
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 1.5 }}>
        <Typography variant="body2" component="span" color="text.secondary">
          Verdict:
        </Typography>
        <VerdictBadge verdict={result.verdict} />
      </Box>
      <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }} data-testid="explanation">
        {result.explanation}
      </Typography>
    </Box>
  );
}

/** What does not touch this machine (another OS's binary, Windows on arm64, a platform it does not need), plainly. */
export function OtherMachinesSection({ findings }: { readonly findings: readonly string[] }): ReactNode {
  if (findings.length === 0) return null;
  return (
    <Box data-testid="other-machines" sx={{ mt: 1.5 }}>
      <Typography variant="subtitle2" component="h4">
        For other machines
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {findings.map((text) => (
          <Typography key={text} component="li" variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {text}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
