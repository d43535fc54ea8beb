import { describe, expect, it } from 'vitest';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { platformSize } from '@commands/platformSize.js';
import type { ExecOutput, ExecPort } from '@commands/execPort.js';
import { loadRecording, outputOf } from '../../support/recordings.js';

/** A port that answers the recorded argv with its real output, and anything else as a miss. */
function recordedPort(names: readonly string[]): { exec: ExecPort; calls: string[][] } {
  const byArgv = new Map(
    names.map((name) => {
      const rec = loadRecording(name);
      return [rec.argv.join(' '), outputOf(rec)];
    }),
  );
  const calls: string[][] = [];
  const exec: ExecPort = async ({ args }) => {
    calls.push([...args]);
    expect(isReadOnlyCommand(args)).toBe(true);
    return (
      byArgv.get(args.join(' ')) ??
      ({ stdout: '', stderr: `no recording for ${args.join(' ')}`, exitCode: 1 } satisfies ExecOutput)
    );
  };
  return { exec, calls };
}

const manifestRec = loadRecording('platform-manifest.imagetools-raw');
const pinned = manifestRec.argv[3] ?? '';
const digest = pinned.slice(pinned.indexOf('@') + 1);
const tagged = `${pinned.slice(0, pinned.indexOf('@'))}:1.0.0`;

describe('platformSize', () => {
  it('reads a platform of a tagged reference at its digest with buildx --raw', async () => {
    const port = recordedPort(['platform-manifest.imagetools-raw']);
    const found = await platformSize(port.exec, tagged, digest, 'buildx');
    expect(port.calls).toEqual([manifestRec.argv]);
    expect(found.ok && found.size.layers).toBe(4);
  });

  it('asks docker manifest inspect (--insecure only for this loopback registry) where buildx is missing, and gets the same size', async () => {
    const port = recordedPort(['platform-manifest.manifest-inspect', 'platform-manifest.imagetools-raw']);
    const viaManifest = await platformSize(port.exec, tagged, digest, 'manifest');
    const viaBuildx = await platformSize(port.exec, tagged, digest, 'buildx');
    expect(port.calls[0]).toEqual(['manifest', 'inspect', '--insecure', pinned]);
    expect(viaManifest).toEqual(viaBuildx);
  });

  it('a digest the registry does not hold is a not-found failure', async () => {
    const rec = loadRecording('platform-manifest-unknown.imagetools-raw');
    const unknown = (rec.argv[3] ?? '').split('@')[1] ?? '';
    const found = await platformSize(recordedPort([rec.name]).exec, tagged, unknown, 'buildx');
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.failure.kind).toBe('not-found');
  });

  it.each([
    ['a hostile digest', tagged, `${digest} --push`],
    ['a digest of the wrong length', tagged, 'sha256:abc'],
    ['an invalid reference', 'UPPER/case', digest],
  ])('%s runs no command', async (_name, reference, badDigest) => {
    const port = recordedPort([]);
    const found = await platformSize(port.exec, reference, badDigest, 'buildx');
    expect(found.ok).toBe(false);
    expect(port.calls).toEqual([]);
  });

  it('output that is not a platform manifest is an error naming the command, not a crash', async () => {
    const exec: ExecPort = async () => ({ stdout: '{"manifests": []}', stderr: '', exitCode: 0 });
    const found = await platformSize(exec, tagged, digest, 'buildx');
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.failure.message).toMatch(/could not read the output of .*index of platforms/);
  });
});
