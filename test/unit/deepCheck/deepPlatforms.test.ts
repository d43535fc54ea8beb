/** The deep check reading only some variants (this machine's, from the local image store), and each finding's source. */
import { describe, expect, it } from 'vitest';
import { toJsonRow, type VariantFiles } from '@core/index.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import type { VariantFileReader } from '@deepCheck/ports.js';
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

const DARWIN = textFile(
  '/metadata.json',
  JSON.stringify({ host: { binaries: [{ darwin: [{ path: '/darwin/tool' }] }] } }),
);
const FILES = { '/metadata.json': DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'darwinX64') };
const BOTH = { 'linux/amd64': AMD, 'linux/arm64': ARM };

/** The fake reader's answers stamped with a source, as the CLI's local-first reader does. */
function stamped(reader: VariantFileReader, source: VariantFiles['source']): VariantFileReader {
  return {
    readVariantFiles: async (repo, digest, wanted, options) => {
      const got = await reader.readVariantFiles(repo, digest, wanted, options);
      return got.ok ? { ok: true, value: { ...got.value, source } } : got;
    },
  };
}

describe('deepCheck: platforms', () => {
  it('reads only the variants asked for, and names the others as not read', async () => {
    const reader = fakeReader({ [AMD]: { files: FILES }, [ARM]: { files: FILES } });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      platforms: ['linux/amd64'],
    });
    expect(reader.calls.map((c) => c.digest)).toEqual([AMD, AMD]);
    expect(result.deep.variants).toEqual(['linux/amd64']);
    expect(result.deep.hostBinaries.map((f) => [f.platform, f.state])).toEqual([['linux/amd64', 'ok']]);
    expect(result.deep.notes).toContain("Not read: linux/arm64 (only this machine's variant was read).");
    expect(result.deep.status).toBe('checked');
  });

  it('an index without the variant asked for: not checked, saying which variants it has', async () => {
    const reader = fakeReader({ [ARM]: { files: FILES } });
    const result = await deepCheck(
      REF,
      deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, { 'linux/arm64': ARM }) })),
      {
        platforms: ['linux/amd64'],
      },
    );
    expect(reader.calls).toEqual([]);
    expect(result.deep.status).toBe('not-checked');
    expect(result.deep.explanation).toBe(
      "Not checked: the index lists no linux/amd64 variant (this machine's), only linux/arm64.",
    );
  });

  it("each finding carries the source its variant's reader gave; the JSON row says registry when none was given", async () => {
    const reader = stamped(fakeReader({ [AMD]: { files: FILES }, [ARM]: { files: FILES } }), 'local');
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result.deep.hostBinaries.map((f) => f.source)).toEqual(['local', 'local']);
    const plain = await deepCheck(
      REF,
      deps(
        fakeReader({ [AMD]: { files: FILES } }),
        fakePlatformCheck({ [REF]: inspectResult(REF, { 'linux/amd64': AMD }) }),
      ),
    );
    expect(plain.deep.hostBinaries.map((f) => f.source)).toEqual([undefined]);
    expect(toJsonRow(plain).hostBinaries?.map((b) => b.source)).toEqual(['registry']);
  });

  it('says a clean result is about this machine when only its variant was read from the local store', async () => {
    const reader = stamped(fakeReader({ [AMD]: { files: FILES }, [ARM]: { files: FILES } }), 'local');
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      platforms: ['linux/amd64'],
    });
    expect(result.deep.verdict).toBeUndefined();
    expect(result.deep.explanation).toBe('Host binaries and backend images are right for this machine (linux/amd64).');
    expect(toJsonRow(result).deep?.message).toBe(result.deep.explanation);
  });

  it('names the variants read when others were left out, from the registry', async () => {
    const reader = fakeReader({ [AMD]: { files: FILES }, [ARM]: { files: FILES } });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })), {
      platforms: ['linux/amd64'],
    });
    expect(result.deep.explanation).toBe('Host binaries and backend images are right for linux/amd64.');
  });

  it('every variant read from the registry: "match every variant", as before', async () => {
    const universal = { '/metadata.json': DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'universal') };
    const reader = fakeReader({ [AMD]: { files: universal }, [ARM]: { files: universal } });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result.deep.variants).toEqual(['linux/amd64', 'linux/arm64']);
    expect(result.deep.verdict).toBeUndefined();
    expect(result.deep.explanation).toBe('Host binaries and backend images match every variant.');
  });

  it("--all-variants: this machine's variant local, the other from the registry, every variant read", async () => {
    const universal = { '/metadata.json': DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'universal') };
    const local = stamped(fakeReader({ [AMD]: { files: universal } }), 'local');
    const registry = stamped(fakeReader({ [ARM]: { files: universal } }), 'registry');
    const reader: VariantFileReader = {
      readVariantFiles: (repo, digest, wanted, options) =>
        (options.platform === 'linux/amd64' ? local : registry).readVariantFiles(repo, digest, wanted, options),
    };
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result.deep.hostBinaries.map((f) => [f.platform, f.source])).toEqual([
      ['linux/amd64', 'local'],
      ['linux/arm64', 'registry'],
    ]);
    expect(result.deep.explanation).toBe('Host binaries and backend images match every variant.');
  });
});
