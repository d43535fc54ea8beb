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

/** A fix as text and the command(s) in it: `a` spans in backticks are commands; a fix without any is one command. */
export function fixParts(fix: string): { readonly parts: readonly { text: string; code: boolean }[]; copy: string } {
  const pieces = fix.split('`');
  if (pieces.length < 3) return { parts: [{ text: fix, code: true }], copy: fix };
  const parts = pieces.map((text, i) => ({ text, code: i % 2 === 1 })).filter((p) => p.text !== '');
  return {
    parts,
    copy: parts
      .filter((p) => p.code)
      .map((p) => p.text)
      .join('\n'),
  };
}

/** What to do, as a command block with a copy button: the commands in it are what the button copies. */
export function FixLine({ fix, onCopy, caption }: Props): ReactNode {
  const { parts, copy } = fixParts(fix);
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
          {parts.length === 1
            ? fix
            : parts.map((part, i) =>
                part.code ? (
                  <strong key={`${i}-${part.text}`}>{part.text}</strong>
                ) : (
                  <span key={`${i}-${part.text}`}>{part.text}</span>
                ),
              )}
        </Box>
        <Tooltip title="Copy">
          <IconButton size="small" aria-label="Copy the fix" onClick={() => onCopy(copy)}>
            <ContentCopyIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </>
  );
}
