/**
 * runCli with references, end to end over the recorded outputs (fixturePort): JSON and table output,
 * the order of rows, --require, registry errors, invalid references, progress and --host-platform.
 */
import { describe, expect, it } from 'vitest';
import { cli, rows } from '../../support/cliRun.js';
import { OPEN_CORPUS, recorded, sorted } from '../../support/corpus.js';
import { fixturePort } from '../../support/fixturePort.js';

describe('runCli with references', () => {
  it('prints the verdict of every corpus image as JSON', async () => {
    const port = fixturePort();
    const out = await cli(['--json', ...OPEN_CORPUS.map((image) => recorded(image.name))], port.exec);
    expect(port.violations).toEqual([]);
    expect(port.misses).toEqual([]);
    expect(out.code).toBe(0);
    const result = rows(out.stdout);
    expect(result.map((r) => [r.reference, r.verdict])).toEqual(
      OPEN_CORPUS.map((image) => [recorded(image.name), image.verdict.amd64]),
    );
    expect(result.map((r) => sorted(r.platforms))).toEqual(OPEN_CORPUS.map((image) => sorted(image.platforms)));
    expect(result[2]?.platforms).toEqual(['linux/arm64']);
    expect(result[6]?.platforms).toContain('windows/amd64');
    expect(result[1]?.message).toContain('linux/arm64');
  });

  it("the table lists the worst first, then by name, as the tab does (the core's order); --json keeps input order", async () => {
    const refs = [
      recorded('good'),
      '127.0.0.1:5999/corpus/good:1.0.0',
      recorded('amd64-only'),
      recorded('arm64-only-attested'),
    ];
    const table = await cli(['--no-color', ...refs], fixturePort().exec);
    const imageRows = table.stdout
      .split('\n')
      .slice(1, 5)
      .map((line) => line.split(/\s+/)[0]);
    // On linux/amd64: arm64-only is incompatible (10), amd64-only missing platforms (60), unreachable (80), good ready (100).
    expect(imageRows).toEqual([
      recorded('arm64-only-attested'),
      recorded('amd64-only'),
      '127.0.0.1:5999/corpus/good:1.0.0',
      recorded('good'),
    ]);
    const json = await cli(['--json', ...refs], fixturePort().exec);
    expect(rows(json.stdout).map((r) => r.reference)).toEqual(refs);
  });

  it("--require takes docker's short forms (amd64,arm64) and gates the same way", async () => {
    expect((await cli(['--require', 'amd64,arm64', '--json', recorded('good')], fixturePort().exec)).code).toBe(0);
    expect((await cli(['--require', 'amd64,arm64', '--json', recorded('amd64-only')], fixturePort().exec)).code).toBe(
      1,
    );
    expect((await cli(['--require', 'arm/v7', recorded('good')], fixturePort().exec)).code).toBe(2);
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
    expect((await cli([...both, recorded('good'), recorded('legacy-list')], fixturePort().exec)).code).toBe(0);
    expect((await cli([...both, recorded('good'), recorded('amd64-only')], fixturePort().exec)).code).toBe(1);
    expect((await cli(['--require', 'linux/amd64', recorded('amd64-only')], fixturePort().exec)).code).toBe(0);
    expect((await cli([...both, '127.0.0.1:5999/corpus/good:1.0.0'], fixturePort().exec)).code).toBe(1);
    expect((await cli([...both, '127.0.0.1:5001/private/good:1.0.0'], fixturePort().exec)).code).toBe(1);
    // Without --require the same images are a report: exit 0.
    expect((await cli(['127.0.0.1:5999/corpus/good:1.0.0', recorded('amd64-only')], fixturePort().exec)).code).toBe(0);
  });

  it('an invalid reference exits 2 before any command runs', async () => {
    const port = fixturePort();
    const out = await cli([recorded('good'), 'a;rm -rf /', '$(id)'], port.exec);
    expect(out.code).toBe(2);
    expect(port.calls).toEqual([]);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('invalid reference "a;rm -rf /"');
    expect(out.stderr).toContain('invalid reference "$(id)"');
  });

  it('--json rows say the answer for the machine the CLI runs on', async () => {
    const out = await cli(['--json', recorded('good'), recorded('arm64-only-attested')], fixturePort().exec);
    const rows = JSON.parse(out.stdout) as { thisMachine: unknown }[];
    expect(rows.map((r) => r.thisMachine)).toEqual([
      { answer: 'works', reason: 'Published for this machine (linux/amd64).' },
      {
        answer: 'will-not-install',
        reason: 'Not published for this machine (linux/amd64): Docker Desktop will not install it.',
      },
    ]);
  });

  it('prints a table for people, without colour when stdout is not a terminal', async () => {
    const out = await cli([recorded('good'), recorded('amd64-only')], fixturePort().exec);
    expect(out.stdout).toMatch(/^IMAGE\s+THIS MACHINE\s+VERDICT/);
    expect(out.stdout).toContain('Missing platforms');
    expect(out.stdout).not.toContain('\u001b[');
    expect(out.stderr).toBe('');
  });

  it('shows progress on a terminal, on stderr only', async () => {
    const out = await cli(['--json', recorded('good'), recorded('legacy-list')], fixturePort().exec, true);
    expect(out.stderr).toContain('[2/2]');
    expect(rows(out.stdout)).toHaveLength(2);
  });

  it('judges installs against --host-platform', async () => {
    const out = await cli(
      ['--json', '--host-platform', 'linux/arm64', recorded('arm64-only-attested'), recorded('amd64-only')],
      fixturePort().exec,
    );
    expect(rows(out.stdout).map((r) => r.verdict)).toEqual(['missing-platforms', 'incompatible']);
  });
});
