/**
 * A never-pushed image (its platform check's source is the local store): read from this machine's engine
 * when the reader can (readLocalImage), its findings combined like every other read's; not checked ("Never pushed")
 * when it cannot.
 */
import { describe, expect, it } from 'vitest';
import type { FoundFile } from '@core/index.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import { LOCAL_ONLY_DIGEST } from '@deepCheck/localOnly.js';
import type { VariantFileReader } from '@deepCheck/ports.js';
import { fileOf } from '../../support/deepData.js';
import { AMD, REF, deps, fakePlatformCheck, fakeReader, inspectResult, metadata } from '../../support/fakeReader.js';

const LOCAL_ONLY = inspectResult(
  REF,
  { 'linux/amd64': AMD },
  { verdict: 'local-only', source: 'local-store', manifest: undefined, explanation: 'Only in the local image store' },
);
const META = metadata({ host: { binaries: [{ linux: [{ path: '/linux/tool' }] }] } });

/** A fake reader of the local store: the never-pushed image's files, asked by name, recorded. */
function localReader(tool: FoundFile): VariantFileReader & { readonly named: string[] } {
  const fake = fakeReader({ [LOCAL_ONLY_DIGEST]: { files: { '/metadata.json': META, '/linux/tool': tool } } });
  const named: string[] = [];
  return {
    named,
    readVariantFiles: fake.readVariantFiles.bind(fake),
    readLocalImage: async (reference, wanted, options) => {
      named.push(`${reference} ${options.platform}`);
      const got = await fake.readVariantFiles({ domain: '', path: '' }, LOCAL_ONLY_DIGEST, wanted, options);
      return got.ok ? { ok: true, value: { ...got.value, bytesRead: 0, source: 'local' } } : got;
    },
  };
}

describe('deepCheck: a never-pushed image', () => {
  it('is read from the local store when the reader can: checked, source local, the verdict stays local-only', async () => {
    const reader = localReader(fileOf('/linux/tool', 'linuxX64'));
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: LOCAL_ONLY })));
    expect(reader.named).toEqual([`${REF} linux/amd64`, `${REF} linux/amd64`]);
    expect(result).toMatchObject({ verdict: 'local-only', platformVerdict: 'local-only' });
    expect(result.deep).toMatchObject({ status: 'checked', variants: ['linux/amd64'], bytesRead: 0 });
    expect(result.deep.verdict).not.toBe('not-checked-inside');
    expect(result.deep.explanation).not.toMatch(/Never pushed/);
    expect(result.deep.hostBinaries).toMatchObject([{ platform: 'linux/amd64', path: '/linux/tool', source: 'local' }]);
  });

  it("a wrong host binary for this machine's variant makes it wrong-host-binary", async () => {
    const reader = localReader(fileOf('/linux/tool', 'linuxArm64'));
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: LOCAL_ONLY })));
    expect(result.deep).toMatchObject({ status: 'checked', verdict: 'wrong-host-binary' });
    expect(result.verdict).toBe('wrong-host-binary');
    expect(result.deep.hostBinaries).toMatchObject([{ platform: 'linux/amd64', source: 'local' }]);
  });

  it('without a local reader it is not checked, "Never pushed", as before, and nothing is read', async () => {
    const reader = fakeReader({ [LOCAL_ONLY_DIGEST]: { files: { '/metadata.json': META } } });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: LOCAL_ONLY })));
    expect(reader.calls).toEqual([]);
    expect(result).toMatchObject({
      verdict: 'local-only',
      deep: { status: 'not-checked', verdict: 'not-checked-inside' },
    });
    expect(result.deep.explanation).toMatch(/^Never pushed: .* not checked/);
  });

  it('an image from a registry is read by digest as before, never by name', async () => {
    const reader = localReader(fileOf('/linux/tool', 'linuxX64'));
    const pushed = fakeReader({
      [AMD]: { files: { '/metadata.json': META, '/linux/tool': fileOf('/linux/tool', 'linuxX64') } },
    });
    const both = { ...reader, readVariantFiles: pushed.readVariantFiles.bind(pushed) };
    const result = await deepCheck(
      REF,
      deps(both, fakePlatformCheck({ [REF]: inspectResult(REF, { 'linux/amd64': AMD }) })),
    );
    expect(reader.named).toEqual([]);
    expect(pushed.calls.map((c) => c.digest)).toEqual([AMD, AMD]);
    expect(result.deep).toMatchObject({ status: 'checked' });
  });
});
