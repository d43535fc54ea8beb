import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { InspectResult, PublisherPart } from '@core/index.js';
import { FixLine } from '../../../shared/FixLine';
import type { RowDetailsModel } from '../model/details';
import { LabelAudit } from './LabelAudit';
import { RawOutput } from './RawOutput';

interface Props {
  readonly result: InspectResult | undefined;
  readonly publisher: PublisherPart;
  readonly details: RowDetailsModel;
  /** The inside was remembered from an earlier check of this image. */
  readonly remembered: boolean;
  /** Open at first: a typed reference is usually the author's own image. */
  readonly defaultOpen: boolean;
  readonly onCopy: (text: string) => void;
}

const caption = (fix: string): string =>
  fix.startsWith('docker buildx build') ? 'The build command (only the publisher can run it):' : 'The fix:';

/**
 * "For the publisher", folded: what only the image's publisher can act on or needs to know: the build command and
 * the deep check's fix (command blocks), where the results came from, what was read, the label audit, docker's own
 * words and the raw command output. A native disclosure (details/summary): keyboard and screen readers know it.
 * `data-testid="publisher-fold"` is a stable test hook.
 */
export function PublisherFold({ result, publisher, details, remembered, defaultOpen, onCopy }: Props): ReactNode {
  const [open, setOpen] = useState(defaultOpen);
  const [showRaw, setShowRaw] = useState(false);
  return (
    <Box
      component="details"
      data-testid="publisher-fold"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
      sx={{ mt: 1.5, '& > summary': { cursor: 'pointer', typography: 'subtitle2', py: 0.5 } }}
    >
      <summary>For the publisher</summary>
      {publisher.fixes.map((fix) => (
        <FixLine key={fix} fix={fix} onCopy={onCopy} caption={caption(fix)} />
      ))}
      {publisher.notes.map((note) => (
        <Typography key={note} variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {note}
        </Typography>
      ))}
      {remembered && (
        <Typography variant="body2" color="text.secondary" data-testid="deep-remembered">
          What is inside was remembered from an earlier check of this same image.
        </Typography>
      )}
      {details.failure !== undefined && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ mt: 1, fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}
          data-testid="docker-said"
        >
          {`Docker said: ${details.failure.message}`}
        </Typography>
      )}
      <LabelAudit findings={details.findings} />
      {result !== undefined && (
        <>
          <Button size="small" sx={{ mt: 1 }} onClick={() => setShowRaw((shown) => !shown)} aria-expanded={showRaw}>
            {showRaw ? 'Hide raw command output' : 'Show raw command output'}
          </Button>
          {showRaw && <RawOutput commands={result.commands} />}
        </>
      )}
    </Box>
  );
}
