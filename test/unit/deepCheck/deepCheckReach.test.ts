/**
 * What the deep check hands on and what it reads: the caller's cancel and the per-image deadline reach the
 * platform check of the image and of its backend images; only the index's linux variants are read.
 */
import { describe, expect, it } from 'vitest';
import type { InspectResult } from '@core/index.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import type { PlatformCheck } from '@deepCheck/ports.js';
import { linuxVariants } from '@deepCheck/variants.js';
import {
  AMD,
  ARM,
  BOTH,
  REF,
  deps,
  fakePlatformCheck,
  fakeReader,
  inspectResult,
  metadata,
  textFile,
} from '../../support/fakeReader.js';

const WORKER = '127.0.0.1:5100/corpus/worker:1.0.0';
const WIN = `sha256:${'c'.repeat(64)}`;
const S390X = `sha256:${'d'.repeat(64)}`;

/** Both variants name a compose file whose one service runs WORKER. */
function withBackend() {
  const files = {
    '/metadata.json': metadata({ vm: { composefile: '/docker-compose.yaml' } }),
    '/docker-compose.yaml': textFile('/docker-compose.yaml', `services:\n  worker:\n    image: ${WORKER}\n`),
  };
  return fakeReader({ [AMD]: { files }, [ARM]: { files } });
}

describe('deepCheck hands the cancel and the deadline to the platform checks', () => {
  it("the caller's cancel reaches the platform check of the image and of each backend image", async () => {
    const controller = new AbortController();
    const seen = new Map<string, AbortSignal>();
    const base = fakePlatformCheck({ [REF]: inspectResult(REF, BOTH), [WORKER]: inspectResult(WORKER, BOTH) });
    const check: PlatformCheck = (reference, signal) => {
      seen.set(reference, signal);
      return base(reference, signal);
    };
    const result = await deepCheck(REF, deps(withBackend(), check), { signal: controller.signal });
    expect(result.deep.backend.map((b) => b.reference)).toEqual([WORKER]);
    expect([...seen.keys()]).toEqual([REF, WORKER]);
    expect([...seen.values()].map((s) => s.aborted)).toEqual([false, false]);
    controller.abort();
    expect([...seen.values()].map((s) => s.aborted)).toEqual([true, true]);
  });

  it('the per-image deadline ends a backend platform check that never answers', async () => {
    const own = inspectResult(REF, BOTH);
    const check: PlatformCheck = (reference, signal) =>
      reference === REF
        ? Promise.resolve(own)
        : new Promise<InspectResult>((resolve) => {
            signal.addEventListener('abort', () =>
              resolve({
                reference,
                verdict: 'unreachable',
                explanation: 'stopped at the deadline',
                platforms: [],
                failure: { kind: 'timeout', message: 'deadline' },
                commands: [],
              }),
            );
          });
    const result = await deepCheck(REF, deps(withBackend(), check), { deadlineMs: 50 });
    expect(result.deep.backend).toMatchObject([{ reference: WORKER, verdict: 'unreachable' }]);
  });
});

describe('deepCheck reads only the linux variants', () => {
  it('never reads a windows or other non-linux variant of the index', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': metadata({}) } },
      [ARM]: { files: { '/metadata.json': metadata({}) } },
      [WIN]: { files: { '/metadata.json': metadata({}) } },
    });
    const platforms = { 'linux/amd64': AMD, 'windows/amd64': WIN, 'linux/arm64': ARM };
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, platforms) })));
    expect(reader.calls.map((c) => c.digest)).toEqual([AMD, ARM]);
    expect(result.deep).toMatchObject({ status: 'checked', variants: ['linux/amd64', 'linux/arm64'] });
  });

  it('takes every linux entry once, in index order, and no attestation or other OS', () => {
    const index = inspectResult(REF, { 'linux/s390x': S390X, 'darwin/arm64': WIN, 'linux/amd64': AMD });
    expect(linuxVariants(index)).toEqual([
      { platform: 'linux/s390x', digest: S390X },
      { platform: 'linux/amd64', digest: AMD },
    ]);
    const twice = inspectResult(REF, { 'linux/amd64': AMD });
    const manifest = twice.manifest;
    if (manifest === undefined) throw new Error('expected an index');
    const doubled = { ...twice, manifest: { ...manifest, platforms: [...manifest.platforms, ...manifest.platforms] } };
    expect(linuxVariants(doubled)).toEqual([{ platform: 'linux/amd64', digest: AMD }]);
  });

  it('a single manifest is its own variant when it is linux, and none otherwise', () => {
    const single = (platform: string): InspectResult => {
      const result = inspectResult(REF, { [platform]: AMD });
      const manifest = result.manifest;
      if (manifest === undefined) throw new Error('expected a manifest');
      return { ...result, manifest: { ...manifest, kind: 'oci-manifest', platforms: [], digest: AMD } };
    };
    expect(linuxVariants(single('linux/arm64'))).toEqual([{ platform: 'linux/arm64', digest: AMD }]);
    expect(linuxVariants(single('windows/amd64'))).toEqual([]);
    // A single manifest said to hold two linux platforms is ambiguous: which one its digest is, nobody knows.
    expect(linuxVariants({ ...single('linux/arm64'), platforms: ['linux/amd64', 'linux/arm64'] })).toEqual([]);
  });
});
