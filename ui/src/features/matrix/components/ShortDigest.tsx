import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { ReactNode } from 'react';

interface Props {
  readonly digest: string;
  readonly onCopy: (text: string) => void;
}

/** "sha256:0123456789ab" (the full digest on hover) and a button that copies the full digest. */
export function ShortDigest({ digest, onCopy }: Props): ReactNode {
  const short = digest.slice(0, 'sha256:'.length + 12);
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}
      data-digest={digest}
    >
      <span title={digest}>{short}</span>
      <Tooltip title="Copy the digest" describeChild>
        <IconButton size="small" aria-label={`Copy the digest ${short}`} onClick={() => onCopy(digest)}>
          <ContentCopyIcon sx={{ fontSize: 14 }} />
        </IconButton>
      </Tooltip>
    </Box>
  );
}
