import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ManifestSummary } from '@core/index.js';
import { ShortDigest } from './ShortDigest';

interface Props {
  readonly manifest: ManifestSummary;
  readonly onCopy: (text: string) => void;
  /** The platforms of the result (for a single manifest: read from its config). */
  readonly platforms: readonly string[];
}

const mono = { fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' } as const;

function bytes(size: number): string {
  return size < 1024 ? `${size} B` : `${(size / 1024).toFixed(1)} KiB`;
}

/** Each platform's digest, media type and size; Windows entries with their OS version; attestations apart. */
export function PlatformEntries({ manifest, platforms, onCopy }: Props): ReactNode {
  const platformByDigest = new Map(manifest.platforms.map((entry) => [entry.digest, entry.key]));
  return (
    <>
      <Typography variant="subtitle2" component="h2" sx={{ mt: 1 }}>
        {manifest.needsConfig ? 'Single manifest' : `Platforms (${manifest.platforms.length})`} · {manifest.mediaType}
      </Typography>
      {manifest.needsConfig ? (
        <Typography variant="body2" color="text.secondary">
          {`No index: the platform (${platforms.length === 0 ? 'unknown' : platforms.join(', ')}) comes from the image config`}
          {manifest.configDigest === undefined ? '.' : ` ${manifest.configDigest}.`}
        </Typography>
      ) : (
        <Table size="small" aria-label="Platforms">
          <TableHead>
            <TableRow>
              <TableCell>Platform</TableCell>
              <TableCell>OS version</TableCell>
              <TableCell>Digest</TableCell>
              <TableCell>Media type</TableCell>
              <TableCell align="right">Manifest size</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {manifest.platforms.map((entry) => (
              <TableRow key={`${entry.digest}-${entry.key}`} data-entry-platform={entry.key}>
                <TableCell sx={mono}>{entry.key}</TableCell>
                <TableCell sx={mono}>{entry.platform.osVersion ?? ''}</TableCell>
                <TableCell sx={mono}>
                  <ShortDigest digest={entry.digest} onCopy={onCopy} />
                </TableCell>
                <TableCell sx={mono}>{entry.mediaType}</TableCell>
                <TableCell align="right">{bytes(entry.size)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {manifest.attestations.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h2" sx={{ mt: 2 }}>
            Attestations ({manifest.attestations.length}): not platforms
          </Typography>
          <Table size="small" aria-label="Attestations">
            <TableHead>
              <TableRow>
                <TableCell>Type</TableCell>
                <TableCell>Describes</TableCell>
                <TableCell>Digest</TableCell>
                <TableCell align="right">Manifest size</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {manifest.attestations.map((entry) => (
                <TableRow key={entry.digest} data-attestation={entry.referenceType}>
                  <TableCell sx={mono}>{entry.referenceType}</TableCell>
                  <TableCell sx={mono}>{entry.describes === undefined ? '' : (platformByDigest.get(entry.describes) ?? entry.describes)}</TableCell>
                  <TableCell sx={mono}>
                    <ShortDigest digest={entry.digest} onCopy={onCopy} />
                  </TableCell>
                  <TableCell align="right">{bytes(entry.size)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
