/**
 * runCli end to end over the recorded outputs (the commands helper's fixturePort): arguments,
 * environment check, inspection, output and exit code, with no docker at all.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '@cli/run.js';
import type { CliIo } from '@cli/run.js';
import type { ExecOutput, ExecPort } from '@commands/execPort.js';
import { fixturePort, recordedAnswer } from '../../support/fixturePort.js';
import { OPEN_CORPUS, sorted } from '../../support/corpus.js';
import type { Override } from '../../support/fixturePort.js';
import type { VariantFileReader } from '@deepCheck/ports.js';
import { fileOf } from '../../support/deepData.js';
import { textFile } from '../../support/fakeReader.js';

const corpus = (name: string): string => `127.0.0.1:5000/corpus/${name}:1.0.0`;

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const NO_READER: VariantFileReader = {
  readVariantFiles: () =>
    Promise.resolve({ ok: false, error: { kind: 'error', message: 'no registry reader in this test' } }),
};

async function cli(
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
    exec,
    version: () => '9.9.9',
    deepReader: () => reader,
  };
  const code = await runCli(io);
  return { code, stdout, stderr };
}

interface Row {
  reference: string;
  verdict: string;
  platforms: string[];
  message: string;
}

const rows = (out: string): Row[] => JSON.parse(out) as Row[];

describe('runCli with references', () => {
  it('prints the verdict of every corpus image as JSON', async () => {
    const port = fixturePort();
    const out = await cli(['--json', ...OPEN_CORPUS.map((image) => corpus(image.name))], port.exec);
    expect(port.violations).toEqual([]);
    expect(port.misses).toEqual([]);
    expect(out.code).toBe(0);
    const result = rows(out.stdout);
    expect(result.map((r) => [r.reference, r.verdict])).toEqual(
      OPEN_CORPUS.map((image) => [corpus(image.name), image.verdict.amd64]),
    );
    expect(result.map((r) => sorted(r.platforms))).toEqual(OPEN_CORPUS.map((image) => sorted(image.platforms)));
    expect(result[2]?.platforms).toEqual(['linux/arm64']);
    expect(result[6]?.platforms).toContain('windows/amd64');
    expect(result[1]?.message).toContain('linux/arm64');
  });

  it("the table lists the worst first, then by name, as the tab does (the core's order); --json keeps input order", async () => {
    const refs = [
      corpus('good'),
      '127.0.0.1:5999/corpus/good:1.0.0',
      corpus('amd64-only'),
      corpus('arm64-only-attested'),
    ];
    const table = await cli(['--no-color', ...refs], fixturePort().exec);
    const imageRows = table.stdout
      .split('\n')
      .slice(1, 5)
      .map((line) => line.split(/\s+/)[0]);
    // On linux/amd64: arm64-only is incompatible (10), amd64-only missing platforms (60), unreachable (80), good ready (100).
    expect(imageRows).toEqual([
      corpus('arm64-only-attested'),
      corpus('amd64-only'),
      '127.0.0.1:5999/corpus/good:1.0.0',
      corpus('good'),
    ]);
    const json = await cli(['--json', ...refs], fixturePort().exec);
    expect(rows(json.stdout).map((r) => r.reference)).toEqual(refs);
  });

  it("--require takes docker's short forms (amd64,arm64) and gates the same way", async () => {
    expect((await cli(['--require', 'amd64,arm64', '--json', corpus('good')], fixturePort().exec)).code).toBe(0);
    expect((await cli(['--require', 'amd64,arm64', '--json', corpus('amd64-only')], fixturePort().exec)).code).toBe(1);
    expect((await cli(['--require', 'arm/v7', corpus('good')], fixturePort().exec)).code).toBe(2);
  });

  it('a registry error is one human line and the fix; --verbose adds the raw text', async () => {
    const quiet = await cli(['--no-color', '127.0.0.1:5999/corpus/good:1.0.0'], fixturePort().exec);
    expect(quiet.stdout).toContain(
      '  The registry 127.0.0.1:5999 could not be reached\n  fix: Could not reach 127.0.0.1:5999',
    );
    expect(quiet.stdout).not.toContain('connection refused');
    const verbose = await cli(['--no-color', '--verbose', '127.0.0.1:5999/corpus/good:1.0.0'], fixturePort().exec);
    expect(verbose.stdout).toMatch(/ {2}docker said:\n {4}.*connection refused/);
  });

  it('--require gates: exit 1 when a required platform is missing or the image cannot be inspected', async () => {
    const both = ['--require', 'linux/amd64,linux/arm64', '--json'];
    expect((await cli([...both, corpus('good'), corpus('legacy-list')], fixturePort().exec)).code).toBe(0);
    expect((await cli([...both, corpus('good'), corpus('amd64-only')], fixturePort().exec)).code).toBe(1);
    expect((await cli(['--require', 'linux/amd64', corpus('amd64-only')], fixturePort().exec)).code).toBe(0);
    expect((await cli([...both, '127.0.0.1:5999/corpus/good:1.0.0'], fixturePort().exec)).code).toBe(1);
    expect((await cli([...both, '127.0.0.1:5001/private/good:1.0.0'], fixturePort().exec)).code).toBe(1);
    // Without --require the same images are a report: exit 0.
    expect((await cli(['127.0.0.1:5999/corpus/good:1.0.0', corpus('amd64-only')], fixturePort().exec)).code).toBe(0);
  });

  it('an invalid reference exits 2 before any command runs', async () => {
    const port = fixturePort();
    const out = await cli([corpus('good'), 'a;rm -rf /', '$(id)'], port.exec);
    expect(out.code).toBe(2);
    expect(port.calls).toEqual([]);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('invalid reference "a;rm -rf /"');
    expect(out.stderr).toContain('invalid reference "$(id)"');
  });

  it('prints a table for people, without colour when stdout is not a terminal', async () => {
    const out = await cli([corpus('good'), corpus('amd64-only')], fixturePort().exec);
    expect(out.stdout).toMatch(/^IMAGE\s+VERDICT/);
    expect(out.stdout).toContain('Missing platforms');
    expect(out.stdout).not.toContain('\u001b[');
    expect(out.stderr).toBe('');
  });

  it('shows progress on a terminal, on stderr only', async () => {
    const out = await cli(['--json', corpus('good'), corpus('legacy-list')], fixturePort().exec, true);
    expect(out.stderr).toContain('[2/2]');
    expect(rows(out.stdout)).toHaveLength(2);
  });

  it('judges installs against --host-platform', async () => {
    const out = await cli(
      ['--json', '--host-platform', 'linux/arm64', corpus('arm64-only-attested'), corpus('amd64-only')],
      fixturePort().exec,
    );
    expect(rows(out.stdout).map((r) => r.verdict)).toEqual(['missing-platforms', 'incompatible']);
  });
});

describe('runCli without references', () => {
  it('inspects the installed extension images', async () => {
    const port = fixturePort();
    const out = await cli(['--json'], port.exec);
    expect(port.violations).toEqual([]);
    expect(out.code).toBe(0);
    const byRef = new Map(rows(out.stdout).map((r) => [r.reference, r.verdict]));
    expect(byRef.get(corpus('good'))).toBe('ready');
    expect(byRef.get(corpus('amd64-only'))).toBe('missing-platforms');
    expect(byRef.get('local/dev-extension:latest')).toBe('local-only');
  });

  it('exits 3 with the reason when the engine cannot list them', async () => {
    const unreachable: Override = (args) =>
      args[0] === 'image' || args[0] === 'version' ? recordedAnswer('engine-unreachable.version') : undefined;
    const out = await cli([], fixturePort([unreachable]).exec);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('could not list the installed extensions');
    expect(out.stdout).toBe('');
  });
});

describe('runCli environment', () => {
  it('exits 3 with a clear message when docker is not installed', async () => {
    const calls: string[][] = [];
    const missing: ExecPort = async (request): Promise<ExecOutput> => {
      calls.push([...request.args]);
      return { stdout: '', stderr: 'docker: ENOENT: spawn docker ENOENT', exitCode: null, interrupted: 'spawn-failed' };
    };
    const out = await cli([corpus('good')], missing);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('docker CLI was not found');
    expect(calls.every((argv) => argv[0] === 'version' || argv[0] === 'buildx')).toBe(true);
  });

  it('warns and falls back when buildx is missing', async () => {
    const noBuildx: Override = (args) =>
      args[0] === 'buildx' ? recordedAnswer('buildx-missing.buildx-version') : undefined;
    const port = fixturePort([noBuildx]);
    const out = await cli(['--json', corpus('good')], port.exec);
    expect(out.stderr).toContain('buildx was not found');
    expect(port.calls.some((argv) => argv[0] === 'manifest')).toBe(true);
    expect(rows(out.stdout)[0]?.verdict).toBe('ready');
  });

  it('--help and --version print and exit 0 without running docker', async () => {
    const port = fixturePort();
    expect((await cli(['--help'], port.exec)).stdout).toContain('Usage: archmatrix');
    expect((await cli(['--version'], port.exec)).stdout).toBe('archmatrix 9.9.9\n');
    expect(port.calls).toEqual([]);
  });

  it('bad usage exits 2', async () => {
    const out = await cli(['--concurrency', 'lots'], fixturePort().exec);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('archmatrix --help');
  });
});

describe('runCli --deep (a fake registry reader; the index from the recorded imagetools output)', () => {
  const metadata = textFile(
    '/metadata.json',
    JSON.stringify({ host: { binaries: [{ darwin: [{ path: '/darwin/tool' }] }] } }),
  );
  /** Every variant holds metadata.json and an x86_64 macOS binary: wrong in linux/arm64. */
  const reader: VariantFileReader = {
    readVariantFiles: (_repo, digest, wanted, options) =>
      Promise.resolve({
        ok: true,
        value: {
          platform: options.platform,
          digest,
          files: new Map(
            wanted
              .map((w) => (typeof w === 'string' ? w : w.path))
              .map((p) => [p, p === '/metadata.json' ? metadata : fileOf(p, 'darwinX64')]),
          ),
          bytesRead: 10,
          bytesTotal: 100,
        },
      }),
  };

  it('the table shows the deep verdict and one line per problem: OS, path, variant, CPU found and wanted', async () => {
    const out = await cli(['--deep', '--no-progress', corpus('good')], fixturePort().exec, false, reader);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/corpus\/good:1\.0\.0\s+Wrong host binary\s+yes\s+yes/);
    expect(out.stdout).toContain('darwin /darwin/tool in linux/arm64: wrong-cpu, found x86_64, wanted arm64');
    expect(out.stdout).toMatch(/fix: Pick the macOS binary by CPU/);
  });

  it('--json rows carry hostBinaries and backend; --require fails on the deep verdict', async () => {
    const out = await cli(
      ['--deep', '--json', '--require', 'linux/amd64,linux/arm64', corpus('good')],
      fixturePort().exec,
      false,
      reader,
    );
    expect(out.code).toBe(1);
    const [row] = JSON.parse(out.stdout) as {
      verdict: string;
      hostBinaries: { platform: string; state: string }[];
      backend: unknown[];
      requirement: { status: string };
    }[];
    expect(row?.verdict).toBe('wrong-host-binary');
    expect(row?.hostBinaries.map((b) => [b.platform, b.state])).toEqual([
      ['linux/amd64', 'ok'],
      ['linux/arm64', 'wrong-cpu'],
    ]);
    expect(row?.backend).toEqual([]);
    expect(row?.requirement.status).toBe('deep-finding');
  });

  it('without --deep nothing is read and the deep keys are null', async () => {
    const out = await cli(['--json', corpus('good')], fixturePort().exec, false, reader);
    expect(JSON.parse(out.stdout)).toMatchObject([{ verdict: 'ready', deep: null, hostBinaries: null, backend: null }]);
  });
});
