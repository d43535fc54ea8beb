/**
 * The GitHub Action (action.yml) run the way a runner runs a composite action (test/support/actionRunner.ts:
 * `act` needs Docker Hub, which the test environment does not reach), against the test registries: a
 * wrong-host-binary image fails with annotations and a job summary; a ready one passes with its outputs;
 * a private image passes after the action's own login; a password full of shell characters reaches no
 * log, no output file and no command line; bad inputs exit 2 naming the valid values.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '@core/index.js';
import { REPO_ROOT } from '../env/extensionImage.js';
import { loadTestEnv } from '../env/testEnv.js';
import { loadAction, runAction, type ActionRun } from '../support/actionRunner.js';
import { ensureCliBuilt } from '../support/cliProcess.js';
import { sarifErrors } from '../support/sarifSchema.js';

const env = loadTestEnv();
const WRONG = `${env.openRegistry}/deep/darwin-x64-both:1.0.0`;
const READY = `${env.openRegistry}/corpus/good:1.0.0`;
const PRIVATE = `${env.authRegistry}/private/good:1.0.0`;
const runs: ActionRun[] = [];

function action(inputs: Record<string, string>): ActionRun {
  const run = runAction(inputs, { env: env.env, actionPath: REPO_ROOT });
  runs.push(run);
  return run;
}

beforeAll(() => ensureCliBuilt(), 300_000);
afterAll(() => {
  for (const run of runs) rmSync(run.temp, { recursive: true, force: true });
});

describe('action.yml', () => {
  it('passes every input to its scripts through env, never as ${{ }} inside run:', () => {
    const file = loadAction(join(REPO_ROOT, 'action.yml'));
    expect(file.runs.using).toBe('composite');
    for (const step of file.runs.steps) if (step.run !== undefined) expect(step.run).not.toContain('${{');
    expect(Object.keys(file.inputs)).toEqual(
      expect.arrayContaining(['references', 'require', 'deep', 'fail-on', 'format', 'output', 'username', 'password']),
    );
    expect(file.inputs.require?.default).toBe('linux/amd64,linux/arm64');
    expect(file.inputs.deep?.default).toBe('true');
    expect(Object.keys(file.outputs)).toEqual(expect.arrayContaining(['verdict', 'report']));
  });
});

describe('the action on the test registries', () => {
  it('fails on a wrong host binary: error annotations at the metadata.json line, a job summary, the outputs', () => {
    const sarif = join(mkdtempSync(join(tmpdir(), 'archmatrix-action-sarif-')), 'archmatrix.sarif');
    const run = action({ references: WRONG, output: sarif });
    expect(run.status).toBe(1);
    expect(run.skipped).toEqual(['actions/setup-node@v4']);
    expect(run.outputs.verdict).toBe('wrong-host-binary');
    const wrong = run.annotations.find((a) => a.level === 'error' && a.message.includes('/darwin/esbuild'));
    expect(wrong?.properties).toContain('file=metadata.json,line=15,');
    expect(
      readFileSync(join(REPO_ROOT, 'test/env/corpus/deep-darwin-x64-both/metadata.json'), 'utf8').split('\n')[14],
    ).toContain('"/darwin/esbuild"');
    expect(run.summary).toContain('### Arch Matrix');
    expect(run.summary).toContain('❌ Wrong host binary');
    const rows = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as JsonRow[];
    expect(rows.map((r) => r.verdict)).toEqual(['wrong-host-binary']);
    expect(run.outputs.output).toBe(sarif);
    expect(sarifErrors(JSON.parse(readFileSync(sarif, 'utf8')))).toEqual([]);
    // The table went to the log, its lines never acting as workflow commands.
    expect(run.log).toContain('Wrong host binary');
  });

  it('passes a ready image (exit 0) with its verdict and report', () => {
    const run = action({ references: READY });
    expect(run.status, run.log).toBe(0);
    expect(run.outputs.verdict).toBe('ready');
    expect(existsSync(run.outputs.report ?? '')).toBe(true);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.summary).toContain('✅ Ready');
  });

  it('reads a private image after its own login (username and password inputs)', () => {
    const without = action({ references: PRIVATE, deep: 'false', validate: 'false' });
    expect(without.status).toBe(1);
    expect(without.outputs.verdict).toBe('unauthorized');
    const run = action({
      references: PRIVATE,
      username: env.authUser,
      password: env.authPassword,
      deep: 'false',
      validate: 'false',
    });
    expect(run.status, run.log).toBe(0);
    expect(run.outputs.verdict).toBe('ready');
    expect(run.log).not.toContain(env.authPassword);
  });

  it('a password with shell characters reaches no log, file, output or argv, and runs nothing', () => {
    const canary = join(run0Temp(), 'pwned');
    const password = `p'a"s$(touch ${canary})\`touch ${canary}\`;|&*?<>\\ %0A::error::x`;
    const run = action({
      references: PRIVATE,
      username: env.authUser,
      password,
      deep: 'false',
      validate: 'false',
    });
    // A wrong login: the check fails (what the registry answers a wrong password is its business).
    expect(run.status).toBe(1);
    expect(run.outputs.verdict).not.toBe('ready');
    expect(existsSync(canary)).toBe(false);
    expect(run.log).not.toContain(password);
    expect(run.summary).not.toContain(password);
    expect(JSON.stringify(run.outputs)).not.toContain(password);
    expect(readFileSync(run.outputs.report ?? '', 'utf8')).not.toContain(password);
    expect(run.argv.length).toBeGreaterThan(0);
    for (const argv of run.argv) expect(argv.join(' ')).not.toContain(password);
    // The only place it is printed is the runner's own add-mask command, which the runner consumes.
    const printed = run.raw.split('\n').filter((line) => line.includes(password));
    expect(printed).toEqual([`::add-mask::${password}`]);
  });

  it.each([
    [{ references: '' }, 'references input is empty'],
    [{ references: ' , \n ' }, 'references input is empty'],
    [{ references: READY, deep: 'yes' }, 'valid: true, false'],
    [{ references: READY, 'fail-on': 'fatal' }, 'valid: error, warning, info, never'],
    [{ references: READY, format: 'xml', output: 'x.xml' }, 'valid: table, json, markdown, sarif, github'],
    [{ references: READY, require: 'linux/' }, '--require'],
    [{ references: READY, username: 'u' }, 'username and password go together'],
  ])('bad input %j exits 2 and says what is valid', (inputs, words) => {
    const run = action(inputs);
    expect(run.status).toBe(2);
    expect(`${run.log}\n${run.annotations.map((a) => a.message).join('\n')}`).toContain(words);
  });
});

function run0Temp(): string {
  return runs[0]?.temp ?? REPO_ROOT;
}
