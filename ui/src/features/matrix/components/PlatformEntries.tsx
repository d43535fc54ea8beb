import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatBytes, mediaTypeName } from '@core/index.js';
import type { ManifestSummary } from '@core/index.js';
import { usePlatformSizes } from '../hooks/usePlatformSizes';
import { sizeText } from '../model/platformSizes';
import type { PlatformSizeState, SizeTool } from '../model/platformSizes';
import { ShortDigest } from './ShortDigest';

interface Props {
  /** The row's reference: each platform's size is read at its digest in the same repository. */
  readonly reference: string;
  readonly sizeTool: SizeTool;
  readonly manifest: ManifestSummary;
  readonly onCopy: (text: string) => void;
  /** The platforms of the result (for a single manifest: read from its config). */
  readonly platforms: readonly string[];
}

const mono = { fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' } as const;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** A digest, short, with its copy button. */
function DigestCell({
  digest,
  onCopy,
}: {
  readonly digest: string;
  readonly onCopy: (text: string) => void;
}): ReactNode {
  return (
    <TableCell sx={mono}>
      <ShortDigest digest={digest} onCopy={onCopy} />
    </TableCell>
  );
}

/** The manifest document's own size (not the image's). */
function ManifestSizeCell({ size }: { readonly size: number }): ReactNode {
  return (
    <TableCell align="right" sx={nowrap}>
      {formatBytes(size)}
    </TableCell>
  );
}

/** One platform's compressed size: "…" while its manifest is read, "—" (why, on hover) when that failed. */
function SizeCell({ state }: { readonly state: PlatformSizeState | undefined }): ReactNode {
  const shown = sizeText(state);
  return (
    <TableCell
      align="right"
      data-testid="compressed-size"
      data-state={state?.kind ?? 'loading'}
      title={shown.title}
      sx={nowrap}
    >
      {shown.text}
    </TableCell>
  );
}

/**
 * Each platform's digest, media type, compressed image size (read when the details open) and the
 * manifest's own size; Windows entries with their OS version; attestations apart.
 */
export function PlatformEntries({ reference, sizeTool, manifest, platforms, onCopy }: Props): ReactNode {
  const platformByDigest = new Map(manifest.platforms.map((entry) => [entry.digest, entry.key]));
  const sizes = usePlatformSizes(
    reference,
    manifest.platforms.map((entry) => entry.digest),
    sizeTool,
  );
  const single = manifest.size === undefined ? undefined : sizeText({ kind: 'ready', size: manifest.size });
  return (
    <>
      <Typography variant="subtitle2" component="h2" sx={{ mt: 1 }}>
        {manifest.needsConfig ? 'Single manifest' : `Platforms (${manifest.platforms.length})`} ·{' '}
        <span title={manifest.mediaType}>{mediaTypeName(manifest.mediaType)}</span>
      </Typography>
      {manifest.needsConfig ? (
        <Typography variant="body2" color="text.secondary">
          {`No index: the platform (${platforms.length === 0 ? 'unknown' : platforms.join(', ')}) comes from the image config`}
          {manifest.configDigest === undefined ? '.' : ` ${manifest.configDigest}.`}
          {single !== undefined && (
            <span data-testid="compressed-size" title={single.title}>{` Compressed size: ${single.text}.`}</span>
          )}
        </Typography>
      ) : (
        <Table size="small" aria-label="Platforms">
          <TableHead>
            <TableRow>
              <TableCell>Platform</TableCell>
              <TableCell>OS version</TableCell>
              <TableCell>Digest</TableCell>
              <TableCell>Media type</TableCell>
              <TableCell align="right">Compressed size</TableCell>
              <TableCell align="right">Manifest size</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {manifest.platforms.map((entry) => (
              <TableRow key={`${entry.digest}-${entry.key}`} data-entry-platform={entry.key}>
                <TableCell sx={{ ...mono, ...nowrap }}>{entry.key}</TableCell>
                <TableCell sx={mono}>{entry.platform.osVersion ?? ''}</TableCell>
                <DigestCell digest={entry.digest} onCopy={onCopy} />
                <TableCell title={entry.mediaType}>{mediaTypeName(entry.mediaType)}</TableCell>
                <SizeCell state={sizes.get(entry.digest)} />
                <ManifestSizeCell size={entry.size} />
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
                  <TableCell sx={mono}>
                    {entry.describes === undefined ? '' : (platformByDigest.get(entry.describes) ?? entry.describes)}
                  </TableCell>
                  <DigestCell digest={entry.digest} onCopy={onCopy} />
                  <ManifestSizeCell size={entry.size} />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
