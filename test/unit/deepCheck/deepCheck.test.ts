import { describe, expect, it } from 'vitest';
import { toJsonRow } from '@core/index.js';
import { deepCheck, deepCheckMany, type DeepProgress } from '@deepCheck/deepCheck.js';
import { fileOf } from '../../support/deepData.js';
import {
  AMD,
  ARM,
  REF,
  deps,
  fakePlatformCheck,
  fakeReader,
  inspectResult,
  textFile,
} from '../../support/fakeReader.js';

const BOTH = { 'linux/amd64': AMD, 'linux/arm64': ARM };
const metadata = (doc: unknown) => textFile('/metadata.json', JSON.stringify(doc));
const DARWIN = metadata({ host: { binaries: [{ darwin: [{ path: '/darwin/tool' }] }] } });

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
    for (const bad of [
      textFile('/metadata.json', '{"host": '),
      textFile('/metadata.json', '[1,2]'),
      { kind: 'file', path: '/metadata.json', size: 5_000_000, mode: 0o644, head: new Uint8Array(10) } as const,
    ]) {
      const reader = fakeReader({
        [AMD]: { files: { '/metadata.json': bad } },
        [ARM]: { files: { '/metadata.json': bad } },
      });
      const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
      expect(result.verdict).toBe('ready');
      expect(result.deep.status).toBe('checked');
      expect(result.deep.notes.length).toBe(2);
      expect(result.deep.explanation).toMatch(
        /^linux\/amd64: .*metadata\.json.* No host binaries or backend images were checked\.$/,
      );
    }
  });

  it('no metadata.json at all says so', async () => {
    const reader = fakeReader({ [AMD]: { files: {} }, [ARM]: { files: {} } });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result.deep.notes[0]).toMatch(/^linux\/amd64: there is no \/metadata\.json/);
  });
});

describe('deepCheck: backend images', () => {
  const composeMeta = metadata({ vm: { composefile: 'docker-compose.yaml' } });
  const compose = textFile(
    '/docker-compose.yaml',
    'services:\n  backend:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n  worker:\n    image: 127.0.0.1:5100/corpus/amd64-only:1.0.0\n',
  );
  const WORKER = '127.0.0.1:5100/corpus/amd64-only:1.0.0';

  it('a compose service lacking linux/arm64: backend-missing-platforms; the extension itself is not checked again', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': compose } },
      [ARM]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': compose } },
    });
    const checked: string[] = [];
    const check = fakePlatformCheck(
      { [REF]: inspectResult(REF, BOTH), [WORKER]: inspectResult(WORKER, { 'linux/amd64': AMD }) },
      checked,
    );
    const result = await deepCheck(REF, deps(reader, check));
    expect(checked).toEqual([REF, WORKER]);
    expect(result.verdict).toBe('backend-missing-platforms');
    expect(result.deep.backend).toEqual([
      {
        reference: REF,
        source: 'compose:backend',
        self: true,
        platforms: ['linux/amd64', 'linux/arm64'],
        verdict: 'ready',
        message: expect.stringContaining('the extension image itself') as string,
      },
      {
        reference: WORKER,
        source: 'compose:worker',
        self: false,
        platforms: ['linux/amd64'],
        verdict: 'missing-platforms',
        message: 'Published for linux/amd64',
      },
    ]);
  });

  it('a compose file that is not YAML is a note; the verdict stays', async () => {
    const bad = textFile('/docker-compose.yaml', 'services: [unclosed');
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': bad } },
      [ARM]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': bad } },
    });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result.verdict).toBe('ready');
    expect(result.deep.notes.some((n) => /compose file is not YAML/.test(n))).toBe(true);
  });
});

describe('deepCheck: what could not be read', () => {
  it('a never-pushed local image says plainly it was not checked, and reads nothing', async () => {
    const reader = fakeReader({});
    const local = inspectResult(
      REF,
      { 'linux/amd64': AMD },
      {
        verdict: 'local-only',
        source: 'local-store',
        manifest: undefined,
        explanation: 'Only in the local image store',
      },
    );
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: local })));
    expect(reader.calls).toEqual([]);
    expect(result).toMatchObject({ verdict: 'local-only', deep: { status: 'not-checked' } });
    expect(result.deep.explanation).toMatch(/^Never pushed: .* not checked/);
    expect(toJsonRow(result)).toMatchObject({ hostBinaries: null, backend: null, deep: { status: 'not-checked' } });
  });

  it('unauthorized: the CLI says which docker login to run; the backend names the archmatrix --deep command for the host', async () => {
    const failure = {
      kind: 'unauthorized',
      message: 'GET http://127.0.0.1:5101/v2/deep/x/manifests/sha256:b: 401',
    } as const;
    const ref = '127.0.0.1:5101/deep/x:1.0.0';
    const reader = fakeReader({ [AMD]: { files: {}, failure }, [ARM]: { files: {}, failure } });
    const check = fakePlatformCheck({ [ref]: inspectResult(ref, BOTH) });
    const cli = await deepCheck(ref, deps(reader, check, 'cli'));
    expect(cli.deep).toMatchObject({
      status: 'not-checked',
      fix: 'Run `docker login 127.0.0.1:5101`, then `archmatrix --deep 127.0.0.1:5101/deep/x:1.0.0` again.',
    });
    expect(cli.deep.explanation).toMatch(/^unauthorized/);
    const backend = await deepCheck(ref, deps(reader, check, 'backend'));
    expect(backend.deep.fix).toBe(
      "Run `archmatrix --deep 127.0.0.1:5101/deep/x:1.0.0` on the host: it uses your docker login, which the extension's backend cannot see.",
    );
    const refused = inspectResult(ref, {}, { verdict: 'unauthorized', failure, manifest: undefined, platforms: [] });
    const early = await deepCheck(ref, deps(fakeReader({}), fakePlatformCheck({ [ref]: refused }), 'backend'));
    expect(early.deep.fix).toMatch(/^Run `archmatrix --deep 127\.0\.0\.1:5101\/deep\/x:1\.0\.0` on the host/);
  });

  it('cancel: an aborted signal ends the check as not-checked (cancelled)', async () => {
    const controller = new AbortController();
    const reader = fakeReader({ [AMD]: { files: {}, hang: true }, [ARM]: { files: {}, hang: true } });
    const pending = deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const result = await pending;
    expect(result.deep).toMatchObject({ status: 'not-checked', explanation: 'Cancelled before its files were read.' });
    expect(result.verdict).toBe('ready');
  });

  it('the per-image deadline ends a read that never answers', async () => {
    const reader = fakeReader({ [AMD]: { files: {}, hang: true }, [ARM]: { files: {}, hang: true } });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      deadlineMs: 30,
    });
    expect(result.deep.status).toBe('not-checked');
    expect(result.deep.explanation).toMatch(/per-image deadline/);
  });

  it('the byte cap: once reached, no further read starts and the listed binaries are unreadable', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': DARWIN }, bytesPerRead: 600 },
      [ARM]: { files: { '/metadata.json': DARWIN }, bytesPerRead: 600 },
    });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      maxBytes: 1000,
    });
    expect(reader.calls.map((c) => c.wanted)).toEqual([['/metadata.json'], ['/metadata.json']]);
    expect(result.deep.hostBinaries.map((f) => f.state)).toEqual(['unreadable', 'unreadable']);
    expect(result.deep.hostBinaries[0]?.message).toMatch(
      /could not be read: the image's byte cap \(1000 bytes\) was reached before this was read/,
    );
    expect(result.verdict).toBe('ready');
  });

  it('progress reports bytes read against the layers total, ending with done', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'darwinX64') } },
      [ARM]: { files: { '/metadata.json': DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'darwinArm64') } },
    });
    const seen: DeepProgress[] = [];
    await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      onProgress: (p) => seen.push(p),
    });
    expect(seen[0]).toMatchObject({ phase: 'index', bytesRead: 0 });
    expect(seen.at(-1)).toEqual({ reference: REF, phase: 'done', bytesRead: 400, bytesTotal: 2000 });
    const reads = seen.map((p) => p.bytesRead);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
  });
});

describe('deepCheckMany', () => {
  it('checks at most `concurrency` images at once and delivers each result with its index', async () => {
    let running = 0;
    let most = 0;
    const refs = Array.from({ length: 7 }, (_, i) => `127.0.0.1:5100/deep/x${i}:1.0.0`);
    const results = Object.fromEntries(refs.map((r) => [r, inspectResult(r, BOTH)]));
    const base = fakePlatformCheck(results);
    const check = async (reference: string, signal: AbortSignal) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return base(reference, signal);
    };
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': metadata({}) } },
      [ARM]: { files: { '/metadata.json': metadata({}) } },
    });
    const delivered: number[] = [];
    const out = await deepCheckMany(refs, deps(reader, check), {
      concurrency: 2,
      onResult: (_r, i) => delivered.push(i),
    });
    expect(most).toBe(2);
    expect(out.map((r) => r.reference)).toEqual(refs);
    expect([...delivered].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
