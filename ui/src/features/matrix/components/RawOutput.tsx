import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { CommandRecord } from '@core/index.js';

interface Props {
  readonly commands: readonly CommandRecord[];
}

/** The commands that ran for this row and their raw output, as text. */
export function RawOutput({ commands }: Props): ReactNode {
  if (commands.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No command ran for this row.
      </Typography>
    );
  }
  return (
    <Box data-testid="raw-output">
      {commands.map((command, index) => (
        <Box key={`${index}-${command.argv.join(' ')}`} sx={{ mb: 1.5 }}>
          <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
            {`$ docker ${command.argv.join(' ')}  (exit ${command.exitCode === null ? 'none' : command.exitCode})`}
          </Typography>
          <Box
            component="pre"
            sx={{
              m: 0,
              p: 1,
              maxHeight: 240,
              overflow: 'auto',
              bgcolor: 'action.hover',
              borderRadius: 1,
              fontSize: 12,
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
          >
            {command.stdout}
            {command.stderr === '' ? '' : `${command.stdout === '' ? '' : '\n'}${command.stderr}`}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
