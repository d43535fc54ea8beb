/**
 * runCli's report options over the recorded outputs: --format, --output (written whole, checked before
 * anything runs), --fail-on, and the registry reader as the platform source when docker is missing.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, REGISTRY_SOURCE_NOTICE, type CliIo } from '@cli/run.js';
import type { ExecOutput, ExecPort } from '@commands/execPort.js';
import type { VariantFileReader } from '@deepCheck/ports.js';
import { fixturePort } from '../../support/fixturePort.js';
import { AMD, ARM, fakePlatformCheck, fakeReader, inspectResult, textFile } from '../../support/fakeReader.js';
import { dataText } from '../../support/deepData.js';
import { sarifErrors } from '../../support/sarifSchema.js';

const corpus = (name: string): string => `127.0.0.1:5000/corpus/${name}:1.0.0`;
const NO_READER: VariantFileReader = {
  readVariantFiles: () => Promise.resolve({ ok: false, error: { kind: 'error', message: 'no reader here' } }),
};
const dir = mkdtempSync(join(tmpdir(), 'archmatrix-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(
  argv: string[],
  exec: ExecPort,
  extra: Partial<CliIo> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    env: {},
    nodeArch: 'x64',
    exec,
    version: () => '9.9.9',
    deepReader: () => NO_READER,
    ...extra,
  });
  return { code, stdout, stderr };
}

describe('runCli --format and --output', () => {
  it('prints markdown or SARIF (valid against the schema) on stdout', async () => {
    const md = await cli(['--format', 'markdown', corpus('good'), corpus('amd64-only')], fixturePort().exec);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### Arch Matrix');
    expect(md.stdout).toContain('Missing platforms');
    const sarif = await cli(['--format=sarif', corpus('amd64-only')], fixturePort().exec);
    expect(sarifErrors(JSON.parse(sarif.stdout))).toEqual([]);
  });

  it('keeps the table on stdout and writes each --output whole, in its format', async () => {
    const json = join(dir, 'report.json');
    const sarif = join(dir, 'out.sarif');
    const out = await cli(
      [
        '--format',
        'json',
        '--output',
        json,
        '-o',
        `sarif=${sarif}`,
        '-o',
        `markdown=${join(dir, 'summary.md')}`,
        corpus('amd64-only'),
      ],
      fixturePort().exec,
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('IMAGE');
    expect(out.stdout).toContain('Missing platforms');
    expect((JSON.parse(readFileSync(json, 'utf8')) as { verdict: string }[])[0]?.verdict).toBe('missing-platforms');
    expect(sarifErrors(JSON.parse(readFileSync(sarif, 'utf8')))).toEqual([]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('### Arch Matrix');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an --output it cannot write before running anything (exit 2), leaving nothing behind', async () => {
    const calls: string[][] = [];
    const exec: ExecPort = (request) => {
      calls.push([...request.args]);
      return fixturePort().exec(request);
    };
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, 'x');
    for (const path of [join(dir, 'no', 'such', 'folder', 'x.sarif'), join(notAFolder, 'x.sarif'), dir]) {
      const out = await cli(['--output', path, corpus('good')], exec);
      expect(out.code, path).toBe(2);
      expect(out.stderr).toMatch(/--output .*(does not exist|is not a folder|is a folder)/);
    }
    expect(calls).toEqual([]);
  });

  it('a failed write is exit 2 with the reason', async () => {
    const out = await cli(['--output', join(dir, 'x.json'), corpus('good')], fixturePort().exec, {
      files: { check: () => Promise.resolve(undefined), write: () => Promise.reject(new Error('disk full')) },
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('disk full');
  });

  it.each([
    [['--format', 'xml'], 'valid: table, json, markdown, sarif, github'],
    [['--fail-on', 'fatal'], 'valid: error, warning, info, never'],
    [['--json', '--format', 'sarif'], 'contradicts'],
    [['--output', ''], 'no file name'],
    [['--output', 'sarf=x.sarif'], '"sarf" is not a format; valid: table, json, markdown, sarif, github'],
    [['--validate'], '--validate needs the references'],
  ])('%j is bad usage (exit 2) naming the valid values', async (argv, words) => {
    const out = await cli([...argv, ...(argv[0] === '--validate' ? [] : [corpus('good')])], fixturePort().exec);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(words);
  });
});

describe('runCli --fail-on', () => {
  it('fails (exit 1) on a finding at the threshold or above, not below', async () => {
    const refs = [corpus('good'), corpus('amd64-only')];
    expect((await cli(['--fail-on', 'error', ...refs], fixturePort().exec)).code).toBe(0);
    const warning = await cli(['--fail-on', 'warning', ...refs], fixturePort().exec);
    expect(warning.code).toBe(1);
    expect(warning.stderr).toContain('--fail-on warning: 1 finding at or above it');
    expect((await cli(['--fail-on', 'never', ...refs], fixturePort().exec)).code).toBe(0);
    expect((await cli(['--fail-on', 'never', '--require', 'linux/arm64', ...refs], fixturePort().exec)).code).toBe(1);
  });
});

describe('runCli without the docker CLI', () => {
  const missing: ExecPort = async (): Promise<ExecOutput> => ({
    stdout: '',
    stderr: 'docker: ENOENT: spawn docker ENOENT',
    exitCode: null,
    interrupted: 'spawn-failed',
  });

  it('reads platforms with the registry reader and says so on stderr, under the table and in markdown', async () => {
    const ref = '127.0.0.1:5100/corpus/amd64-only:1.0.0';
    const calls: string[] = [];
    const check = fakePlatformCheck(
      { [ref]: inspectResult(ref, { 'linux/amd64': 'sha256:' + 'a'.repeat(64) }) },
      calls,
    );
    const out = await cli(['--require', 'linux/amd64,linux/arm64', ref], missing, {
      registryPlatformCheck: () => check,
    });
    expect(calls).toEqual([ref]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(REGISTRY_SOURCE_NOTICE);
    expect(out.stderr).not.toContain('Install Docker');
    expect(out.stdout).toContain("Platforms read with the registries' HTTP API");
    const md = await cli(['--format', 'markdown', ref], missing, { registryPlatformCheck: () => check });
    expect(md.stdout).toContain("Platforms read with the registries' HTTP API");
  });

  it('still needs docker to list the installed extensions (exit 3)', async () => {
    const out = await cli([], missing, { registryPlatformCheck: () => fakePlatformCheck({}) });
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('docker CLI was not found');
  });
});

describe('runCli --validate', () => {
  const missing: ExecPort = async (): Promise<ExecOutput> => ({
    stdout: '',
    stderr: 'spawn docker ENOENT',
    exitCode: null,
    interrupted: 'spawn-failed',
  });
  const ref = '127.0.0.1:5100/deep/portainer:1.0.0';
  const text = dataText('metadata/portainer-docker-extension.json');
  const files = { '/metadata.json': textFile('/metadata.json', text) };
  const io: Partial<CliIo> = {
    registryPlatformCheck: () =>
      fakePlatformCheck({ [ref]: inspectResult(ref, { 'linux/amd64': AMD, 'linux/arm64': ARM }) }),
    deepReader: () => fakeReader({ [AMD]: { files }, [ARM]: { files } }),
    labelsReader: () => () => Promise.resolve({ ok: true, value: undefined }),
  };

  it('adds validation to the JSON rows and fails (exit 1) on its errors', async () => {
    const out = await cli(['--validate', '--json', ref], missing, io);
    expect(out.code).toBe(1);
    const rows = JSON.parse(out.stdout) as {
      verdict: string;
      validation: { passed: boolean; errors: number; findings: { rule: string; level: string; line: number | null }[] };
    }[];
    expect(rows[0]?.verdict).toBe('ready');
    expect(rows[0]?.validation.passed).toBe(false);
    expect(rows[0]?.validation.errors).toBe(10);
    const unknown = rows[0]?.validation.findings.filter((f) => f.rule === 'validate/metadata-unknown-key');
    expect(unknown?.map((f) => [f.level, f.line])).toEqual([
      ['warning', 2],
      ['warning', 3],
    ]);
  });

  it('--fail-on never reports without failing; SARIF points the warnings at metadata.json lines', async () => {
    const out = await cli(['--validate', '--fail-on', 'never', '--format', 'sarif', ref], missing, io);
    expect(out.code).toBe(0);
    const log = JSON.parse(out.stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarifErrors(log)).toEqual([]);
    const lines = log.runs[0]?.results
      .filter((r) => r.ruleId === 'validate/metadata-unknown-key')
      .map((r) => r.locations[0]?.physicalLocation.region.startLine);
    expect(lines).toEqual([2, 3]);
  });
});
