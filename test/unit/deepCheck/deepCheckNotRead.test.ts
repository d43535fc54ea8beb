/**
 * What the deep check could not read: a never-pushed image, a refused login (with the command to run),
 * cancel, the per-image deadline, the byte cap, and the progress it reports meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { toJsonRow } from '@core/index.js';
import { deepCheck, type DeepProgress } from '@deepCheck/deepCheck.js';
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
} from '../../support/fakeReader.js';

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
    expect(result.platformVerdict).toBe('ready');
    expect(result.verdict).toBe('not-checked-inside');
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

  it('a reader that throws ends the check as not-checked in one line, never a stack trace', async () => {
    const check = fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) });
    const throwing = (thrown: unknown) => ({ readVariantFiles: () => Promise.reject(thrown) });
    const error = await deepCheck(REF, deps(throwing(new Error('boom')), check));
    expect(error.deep).toMatchObject({ status: 'not-checked', explanation: 'The deep check failed: boom' });
    // A thrown value of many lines is cut to one line of 200 characters.
    const wall = await deepCheck(REF, deps(throwing(`first\n${'x'.repeat(10_000)}`), check));
    expect(wall.deep.explanation).toMatch(/^The deep check failed: first x+…$/);
    expect(wall.deep.explanation.length).toBeLessThanOrEqual('The deep check failed: '.length + 201);
  });

  it('the byte cap reached exactly stops further reads too', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': DARWIN }, bytesPerRead: 500 },
      [ARM]: { files: { '/metadata.json': DARWIN }, bytesPerRead: 500 },
    });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      maxBytes: 1000,
    });
    expect(reader.calls.map((c) => c.wanted)).toEqual([['/metadata.json'], ['/metadata.json']]);
    expect(result.deep.hostBinaries.map((f) => f.state)).toEqual(['unreadable', 'unreadable']);
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
