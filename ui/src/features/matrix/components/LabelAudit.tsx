import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import type { Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import type { LabelFinding } from '@core/index.js';
import type { RowDisplay } from '../model/display';

const STATUS_PALETTE = { ok: 'success', missing: 'error', empty: 'error', invalid: 'warning' } as const;

/** The status word's colour, readable on the page (4.5:1): the main shade, or the dark one on a light page (amber). */
function statusColor(status: LabelFinding['status']): (theme: Theme) => string {
  return (theme) => {
    const color = theme.palette[STATUS_PALETTE[status]];
    return theme.palette.mode === 'light' && status === 'invalid' ? color.dark : color.main;
  };
}

/** A label's audit status in words, as the badges say theirs (the code stays in data-label-status). */
const STATUS_WORDS: Readonly<Record<LabelFinding['status'], string>> = {
  ok: 'OK',
  missing: 'Missing',
  empty: 'Empty',
  invalid: 'Invalid',
};

interface LinksProps {
  readonly display: RowDisplay;
  readonly onOpenLink: (url: string) => void;
}

/**
 * What the extension says about itself, for whoever installed it: its description and the links from its labels
 * (opened outside, http(s) only). Text only: labels never become HTML.
 */
export function LabelLinks({ display, onOpenLink }: LinksProps): ReactNode {
  if (display.description === undefined && display.links.length === 0) return null;
  return (
    <Box>
      {display.description !== undefined && (
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }} data-testid="description">
          {display.description}
        </Typography>
      )}
      {display.links.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: 'wrap' }}>
          {display.links.map((link) => (
            <Button
              key={`${link.title}-${link.url}`}
              size="small"
              variant="text"
              endIcon={<OpenInNewIcon fontSize="small" />}
              onClick={() => onOpenLink(link.url)}
            >
              {link.title}
            </Button>
          ))}
        </Stack>
      )}
    </Box>
  );
}

interface AuditProps {
  readonly findings: readonly LabelFinding[] | undefined;
}

/** The label audit, for the publisher: one line when every label is OK, else one line per finding. */
export function LabelAudit({ findings }: AuditProps): ReactNode {
  return (
    <Box>
      <Typography variant="subtitle2" component="h5" sx={{ mt: 1 }}>
        Labels
      </Typography>
      {findings === undefined ? (
        <Typography variant="body2" color="text.secondary">
          Labels unknown: this image is not in the local store.
        </Typography>
      ) : findings.every((finding) => finding.status === 'ok') ? (
        // Nothing to act on: one line, not a list of "ok".
        <Typography
          variant="body2"
          data-testid="labels-ok"
        >{`${findings.length} label${findings.length === 1 ? '' : 's'} OK`}</Typography>
      ) : (
        <List dense disablePadding aria-label="Label audit">
          {findings.map((finding) => (
            <ListItem
              key={finding.label}
              disableGutters
              sx={{ py: 0, display: 'block' }}
              data-label={finding.label}
              data-label-status={finding.status}
            >
              <Typography
                component="span"
                variant="body2"
                sx={{ color: statusColor(finding.status), fontWeight: 500, mr: 1 }}
              >
                {STATUS_WORDS[finding.status]}
              </Typography>
              <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12 }}>
                {finding.label}
              </Typography>
              {finding.detail !== undefined && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {`: ${finding.detail}`}
                </Typography>
              )}
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
