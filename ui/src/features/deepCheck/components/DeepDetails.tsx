import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { verdictLabel, type HostBinaryState, type ThisMachine } from '@core/index.js';
import { useThisMachine } from '../../../shared/docker/DockerContext';
import type { MatrixRow } from '../../../shared/matrixRow';
import { useDeepRow } from '../hooks/DeepCheckContext';
import type { DeepFindings, DeepHostBinary } from '../model/deepFindings';
import type { DeepSource } from '@wire/backendApi.js';
import { deepLine, deepToldAbove, hostGrid, hostsOf, osName, touchesMachine } from '../model/deepRow';
import { OtherVariants, RegistryFallback } from './OtherVariants';

const STATE_COLOR = { ok: 'success', 'wrong-cpu': 'error', missing: 'error', unreadable: 'default' } as const;
/** A host binary's state in words, as the badges say theirs; the code stays in data-state. */
export const STATE_WORDS: Readonly<Record<HostBinaryState, string>> = {
  ok: 'OK',
  'wrong-cpu': 'Wrong CPU',
  missing: 'Missing',
  unreadable: 'Unreadable',
};

/**
 * The chip's colour: a problem of this machine in red (a warning-only one in amber); one that does not touch this
 * machine stays neutral, so that a row that works here shows no alarm for other machines. Unknown machine: as found.
 */
function chipColor(binary: DeepHostBinary, machine: ThisMachine) {
  const known = machine.os !== undefined && machine.platform !== undefined;
  if (binary.state !== 'ok' && known && !touchesMachine(binary, machine)) return 'default';
  return binary.warningOnly && binary.state !== 'ok' ? 'warning' : STATE_COLOR[binary.state];
}
const mono = { fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' } as const;

/**
 * One host binary in one variant. The data-* attributes are the DOM hooks tests and outside checks rely on;
 * data-source says where its variant was read: this machine's engine ("local") or the registry.
 */
function HostBinary({
  binary,
  image,
  source,
  machine,
}: {
  readonly binary: DeepHostBinary;
  readonly image: string;
  readonly source: DeepSource;
  readonly machine: ThisMachine;
}): ReactNode {
  const color = chipColor(binary, machine);
  return (
    <Box
      data-host-binary={binary.path}
      data-image={image}
      data-os={binary.os}
      data-platform={binary.platform}
      data-state={binary.state}
      data-source={binary.source ?? source}
      title={binary.message}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.75, py: 0.25 }}
    >
      <Chip
        size="small"
        color={color}
        label={`${STATE_WORDS[binary.state]}${binary.warningOnly && binary.state !== 'ok' ? ' (warning)' : ''}`}
        sx={{ height: 20, fontSize: 11 }}
      />
      <Box component="span" sx={mono}>
        {binary.path}
      </Box>
      {binary.found !== null && (
        <Typography variant="caption" color="text.secondary">
          {`found ${binary.found}${binary.wanted !== null && binary.state !== 'ok' ? `, needs ${binary.wanted}` : ''}`}
        </Typography>
      )}
    </Box>
  );
}

function HostBinaryGrid({ findings, image }: { readonly findings: DeepFindings; readonly image: string }): ReactNode {
  const grid = hostGrid(findings);
  const machine = useThisMachine();
  if (grid.oses.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No host binaries listed in metadata.json.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Host binaries by OS and variant" data-testid="host-binary-grid">
      <TableHead>
        <TableRow>
          <TableCell>Host OS</TableCell>
          {grid.variants.map((platform) => (
            <TableCell key={platform} sx={mono}>
              {platform} variant
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {grid.oses.map((os) => (
          <TableRow key={os}>
            <TableCell component="th" scope="row">
              {osName(os)}
            </TableCell>
            {grid.variants.map((platform) => {
              const binaries = grid.cells.find((c) => c.os === os && c.platform === platform)?.binaries ?? [];
              return (
                <TableCell key={platform} sx={{ verticalAlign: 'top' }} aria-label={hostsOf(os, platform)}>
                  {binaries.length === 0 ? (
                    <Typography variant="caption" color="text.secondary">
                      none listed
                    </Typography>
                  ) : (
                    binaries.map((binary) => (
                      <HostBinary
                        key={`${binary.path}|${binary.listedAs ?? ''}`}
                        binary={binary}
                        image={image}
                        source={findings.source}
                        machine={machine}
                      />
                    ))
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Backends({ findings }: { readonly findings: DeepFindings }): ReactNode {
  if (findings.backend.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No backend (no vm section in metadata.json).
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="deep-backends">
      {findings.backend.map((b) => (
        <li key={`${b.source}|${b.reference}`} data-backend-image={b.reference} data-verdict={b.verdict}>
          <Box component="span" sx={mono}>
            {b.reference}
          </Box>
          <Typography variant="caption" color="text.secondary">
            {` (${b.source}${b.self ? ', the extension itself' : ''}): ${b.platforms.length === 0 ? 'platforms unknown' : b.platforms.join(', ')} · ${verdictLabel(b.verdict)}`}
          </Typography>
        </li>
      ))}
    </Box>
  );
}

/**
 * The deep check in a row's details: what it found, the host-binary grid (OS × variant), the backend images and the
 * variants still to read. Its fix and notes are the publisher's: the details' "For the publisher" part has them.
 */
export function DeepDetails({ row }: { readonly row: MatrixRow }): ReactNode {
  const deep = useDeepRow(row);
  const machine = useThisMachine();
  const state = deep?.state;
  if (state === undefined) return null;
  return (
    <Box data-testid="deep-details" sx={{ mt: 1 }}>
      <Divider sx={{ my: 1.5 }} />
      <Typography variant="subtitle2" component="h4">
        {state.kind === 'done' && state.findings.source === 'local' && state.findings.notRead.length > 0
          ? `Inside this machine's variant (${state.findings.variants.join(', ')})`
          : 'Inside each variant'}
      </Typography>
      {state.kind !== 'done' ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {deepLine(state, machine)?.text}
          </Typography>
          {state.kind === 'local-missing' && deep !== undefined && <RegistryFallback row={row} deep={deep} />}
        </>
      ) : (
        <>
          {deepToldAbove(row.result, state.findings) ? (
            <Typography
              variant="body2"
              color="text.secondary"
              sx={{ my: 0.5 }}
              data-testid="deep-message"
              data-told-above="true"
            >
              The verdict above is this check's finding.
            </Typography>
          ) : state.findings.status === 'checked' ? (
            <Typography variant="body2" sx={{ my: 0.5 }} data-testid="deep-message">
              {state.findings.message}
            </Typography>
          ) : (
            // Not checked: the details' "This machine" part says why, once.
            <Typography variant="body2" color="text.secondary" sx={{ my: 0.5 }} data-testid="deep-message">
              Nothing inside was checked.
            </Typography>
          )}
          {state.findings.status === 'checked' && (
            <>
              <HostBinaryGrid findings={state.findings} image={row.reference} />
              <Typography variant="subtitle2" component="h5" sx={{ mt: 1 }}>
                Backend images
              </Typography>
              <Backends findings={state.findings} />
            </>
          )}
          {deep !== undefined && (
            <OtherVariants findings={state.findings} others={state.others} row={row} deep={deep} />
          )}
        </>
      )}
    </Box>
  );
}
