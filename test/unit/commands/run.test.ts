import { describe, expect, it } from 'vitest';
import { REFUSED_MESSAGE, runCommand } from '@commands/run.js';
import type { ExecPort, ExecRequest } from '@commands/execPort.js';
import { answer } from '../../support/fixturePort.js';

describe('runCommand', () => {
  const GOOD = '127.0.0.1:5000/corpus/good:1.0.0';

  it.each([[['push', GOOD]], [['image', 'rm', GOOD]], [['buildx', 'imagetools', 'inspect', 'a;id', '--raw']]])(
    'refuses %j without calling the port',
    async (args) => {
      const seen: ExecRequest[] = [];
      const exec: ExecPort = async (request) => {
        seen.push(request);
        return { stdout: '', stderr: '', exitCode: 0 };
      };
      const outcome = await runCommand(exec, args);
      expect(seen).toEqual([]);
      expect(outcome.output.stderr).toBe(REFUSED_MESSAGE);
      expect(outcome.record).toBeUndefined();
    },
  );

  it('a port that rejects becomes a failed output, not a rejection', async () => {
    const exec: ExecPort = () => Promise.reject(new Error('boom'));
    const outcome = await runCommand(exec, ['buildx', 'version']);
    expect(outcome.output).toEqual({ stdout: '', stderr: 'boom', exitCode: null });
  });

  it('an already-aborted signal runs nothing', async () => {
    let called = false;
    const exec: ExecPort = async () => {
      called = true;
      return { stdout: '', stderr: '', exitCode: 0 };
    };
    const outcome = await runCommand(exec, ['buildx', 'version'], { signal: AbortSignal.abort() });
    expect(called).toBe(false);
    expect(outcome.output.interrupted).toBe('cancelled');
  });

  it('a deadline already past runs nothing', async () => {
    let called = false;
    const exec: ExecPort = async () => {
      called = true;
      return { stdout: '', stderr: '', exitCode: 0 };
    };
    const outcome = await runCommand(exec, ['buildx', 'version'], { deadline: Date.now() - 1 });
    expect(called).toBe(false);
    expect(outcome.output.interrupted).toBe('timeout');
  });

  it('records argv, exit code and output of what ran', async () => {
    const recorded = answer('buildx-version.buildx-0.13.1');
    const exec: ExecPort = async () => recorded;
    const outcome = await runCommand(exec, ['buildx', 'version']);
    expect(outcome.record).toEqual({
      argv: ['buildx', 'version'],
      exitCode: 0,
      stdout: recorded.stdout,
      stderr: recorded.stderr,
    });
  });
});
