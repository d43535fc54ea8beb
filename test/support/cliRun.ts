/** runCli in process: captured stdout, stderr and exit code, over a given ExecPort and deep-check reader. */
import { runCli } from '@cli/run.js';
import type { CliIo } from '@cli/run.js';
import type { ExecPort } from '@commands/execPort.js';
import type { VariantFileReader } from '@deepCheck/ports.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The deep reader of runs that do not pass --deep: every read fails. */
export const NO_READER: VariantFileReader = {
  readVariantFiles: () =>
    Promise.resolve({ ok: false, error: { kind: 'error', message: 'no registry reader in this test' } }),
};

/** Runs the CLI with these arguments; `tty` makes stdout and stderr terminals (colour, progress). */
export async function cli(
  argv: string[],
  exec: ExecPort,
  tty = false,
  reader: VariantFileReader = NO_READER,
): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    argv,
    stdout: { write: (t: string) => (stdout += t), isTTY: tty },
    stderr: { write: (t: string) => (stderr += t), isTTY: tty, columns: 100 },
    env: {},
    nodeArch: 'x64',
    nodePlatform: 'linux',
    exec,
    version: () => '9.9.9',
    deepReader: () => reader,
  };
  const code = await runCli(io);
  return { code, stdout, stderr };
}

export interface Row {
  reference: string;
  verdict: string;
  platforms: string[];
  message: string;
}

/** The rows of --json output. */
export const rows = (out: string): Row[] => JSON.parse(out) as Row[];
