import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { ReactNode } from 'react';

interface Props {
  readonly fix: string;
  readonly onCopy: (text: string) => void;
  /** Says whose fix it is (e.g. "The publisher's fix:" for an installed third-party extension). */
  readonly caption?: string;
}

/** What to do, as text (often a command to run), with a copy button. */
export function FixLine({ fix, onCopy, caption }: Props): ReactNode {
  return (
    <>
      {caption !== undefined && (
        <Typography variant="caption" component="div" color="text.secondary" data-testid="fix-caption" sx={{ mt: 1 }}>
          {caption}
        </Typography>
      )}
      <Box
        sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1, p: 1, bgcolor: 'action.hover', borderRadius: 1 }}
      >
        <Box
          component="code"
          data-testid="fix"
          sx={{ flex: 1, fontFamily: 'monospace', fontSize: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {fix}
        </Box>
        <Tooltip title="Copy">
          <IconButton size="small" aria-label="Copy the fix" onClick={() => onCopy(fix)}>
            <ContentCopyIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </>
  );
}
