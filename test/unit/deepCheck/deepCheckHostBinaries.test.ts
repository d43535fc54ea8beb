/** The deep check on host binaries: wrong CPUs, nothing to check, hostile or absent metadata.json. */
import { describe, expect, it } from 'vitest';
import { toJsonRow } from '@core/index.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import { fileOf } from '../../support/deepData.js';
import {
  AMD,
  ARM,
  BOTH,
  DARWIN,
  REF,
  deps,
  fakePlatformCheck,
  fakeReader,
  inspectResult,
  metadata,
  textFile,
} from '../../support/fakeReader.js';

describe('deepCheck: host binaries', () => {
  it('an x86_64 macOS binary in both variants: wrong-host-binary, the platform verdict kept beside it', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'darwinX64') } },
      [ARM]: { files: { '/metadata.json': DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'darwinX64') } },
    });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result).toMatchObject({
      verdict: 'wrong-host-binary',
      platformVerdict: 'ready',
      deep: { status: 'checked', verdict: 'wrong-host-binary', variants: ['linux/amd64', 'linux/arm64'] },
    });
    expect(result.deep.hostBinaries.map((f) => [f.platform, f.state, f.found])).toEqual([
      ['linux/amd64', 'ok', 'x86_64'],
      ['linux/arm64', 'wrong-cpu', 'x86_64'],
    ]);
    expect(result.explanation).toMatch(/x86_64 Mach-O at \/darwin\/tool in the linux\/arm64 variant/);
    expect(result.fix).toMatch(/TARGETARCH/);
    // The fixes go with the deep verdict: the publisher's is its fix, the user's says to update or tell them.
    expect(result.publisherFix).toBe(result.fix);
    expect(result.userFix).toMatch(/^Check for an update of this extension; if there is none, tell its publisher/);
    // metadata.json first, then the listed binary: two reads per variant.
    expect(reader.calls.map((c) => c.wanted)).toEqual([
      ['/metadata.json'],
      ['/metadata.json'],
      ['/darwin/tool'],
      ['/darwin/tool'],
    ]);
    expect(result.deep).toMatchObject({ bytesRead: 400, bytesTotal: 2000 });
  });

  it('an extension with no host binaries and no backend says so after reading only its metadata.json', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': metadata({ ui: {} }) } },
      [ARM]: { files: { '/metadata.json': metadata({ ui: {} }) } },
    });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(reader.calls.map((c) => c.wanted)).toEqual([['/metadata.json'], ['/metadata.json']]);
    expect(result).toMatchObject({
      verdict: 'ready',
      deep: { status: 'checked', explanation: 'No host binaries or backend images to check.' },
    });
    expect(toJsonRow(result)).toMatchObject({ hostBinaries: [], backend: [] });
  });

  it('hostile metadata.json (not JSON, a list, huge) is a note on the row, never a throw', async () => {
    const huge = {
      kind: 'file',
      path: '/metadata.json',
      size: 5_000_000,
      mode: 0o644,
      head: new Uint8Array(10),
    } as const;
    for (const bad of [textFile('/metadata.json', '{"host": '), textFile('/metadata.json', '[1,2]'), huge]) {
      const reader = fakeReader({
        [AMD]: { files: { '/metadata.json': bad } },
        [ARM]: { files: { '/metadata.json': bad } },
      });
      const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
      expect(result.platformVerdict).toBe('ready');
      expect(result.deep.notes.length).toBe(2);
      if (bad === huge) {
        // Too large to read: Docker Desktop may still read it, so the image is not called checked, nor ready.
        expect(result.verdict).toBe('not-checked-inside');
        expect(result.deep.status).toBe('not-checked');
        expect(result.deep.explanation).toMatch(/^Not checked: linux\/amd64: \/metadata\.json is 5000000 bytes/);
      } else {
        expect(result.verdict).toBe('ready');
        expect(result.deep.status).toBe('checked');
        expect(result.deep.explanation).toMatch(
          /^linux\/amd64: .*metadata\.json.* No host binaries or backend images were checked\.$/,
        );
      }
    }
  });

  it('no metadata.json at all says so', async () => {
    const reader = fakeReader({ [AMD]: { files: {} }, [ARM]: { files: {} } });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result.deep.notes[0]).toMatch(/^linux\/amd64: there is no \/metadata\.json/);
  });
});
