import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { ANSWER_SEVERITY } from '@core/index.js';
import type { RowAnswer } from '../model/thisMachine';

const CHIP_COLOR = { ok: 'success', warning: 'warning', error: 'error', info: 'info' } as const;

interface Props {
  readonly answer: RowAnswer;
  /**
   * The reason under the chip: `clamped` to one line (title holds it whole), `full`, or `none` (the row shows the
   * chip alone and says the reason in its reason cell).
   */
  readonly reason?: 'clamped' | 'full' | 'none';
}

/**
 * The answer for this machine in words and colour ("Works here", "Won't install here", "Broken here", "Unknown",
 * or "Checking…" while a check may still change it), with its reason. `data-testid="this-machine-answer"` with
 * `data-answer`, `data-checking` and `data-label` (the answer's full words) are stable test hooks.
 */
export function ThisMachineAnswer({ answer, reason = 'clamped' }: Props): ReactNode {
  const compact = reason === 'clamped';
  return (
    <Box
      data-testid="this-machine-answer"
      data-answer={answer.answer}
      data-checking={answer.checking ? 'true' : 'false'}
      data-label={answer.label}
      sx={reason === 'none' ? { display: 'flex', flex: 'none' } : { minWidth: 0 }}
    >
      <Chip
        // In the row, under the column headed "This machine", the short words; its accessible name says it whole.
        label={reason === 'none' ? answer.chip : answer.label}
        aria-label={reason === 'none' ? `This machine: ${answer.label}` : undefined}
        title={reason === 'none' ? answer.label : undefined}
        size="small"
        color={answer.checking ? 'default' : CHIP_COLOR[ANSWER_SEVERITY[answer.answer]]}
        variant={answer.checking ? 'outlined' : 'filled'}
        sx={{ fontWeight: 500, maxWidth: '100%' }}
      />
      {reason !== 'none' && (
        <Typography
          variant="caption"
          component="div"
          color="text.secondary"
          title={compact ? answer.reason : undefined}
          data-testid="this-machine-reason"
          sx={{
            mt: 0.25,
            lineHeight: 1.35,
            overflowWrap: 'anywhere',
            ...(compact
              ? { display: '-webkit-box', WebkitLineClamp: 1, WebkitBoxOrient: 'vertical', overflow: 'hidden' }
              : {}),
          }}
        >
          {answer.reason}
        </Typography>
      )}
    </Box>
  );
}
