/**
 * Where `archmatrix --deep` reads each variant (src/cli/deepSources.ts): the installed extensions'
 * variant of this machine from the local image store, the others from registries only with
 * --all-variants, typed references from registries; the fall-backs and what is said about them.
 */
import { describe, expect, it } from 'vitest';
import { err, ok, type ImageReference, type PlatformKey, type Result, type VariantFiles } from '@core/index.js';
import { parseCliArgs, type InspectCommand } from '@cli/args.js';
import { deepSources } from '@cli/deepSources.js';
import type { LocalFailure, LocalRequest, LocalSource } from '@localStore/index.js';
import { AMD, ARM, REF, fakePlatformCheck, fakeReader, inspectResult, textFile } from '../../support/fakeReader.js';

const AMD64 = { os: 'linux', architecture: 'amd64' } as const;
const INDEX = `sha256:${'c'.repeat(64)}`;
const REPO = { domain: '127.0.0.1:5100', path: 'deep/x' };
const LOCAL_ID = `sha256:${'e'.repeat(64)}`;

function command(argv: readonly string[]): InspectCommand {
  const parsed = parseCliArgs(argv, AMD64);
  if (!parsed.ok || parsed.value.kind !== 'inspect') throw new Error('test setup: not an inspect command');
  return parsed.value;
}

/** A local source answering from `answer`, recording what it was asked. */
function fakeLocal(
  answer: (r: LocalRequest) => Result<VariantFiles, LocalFailure>,
): LocalSource & { asked: LocalRequest[]; closed: number } {
  const asked: LocalRequest[] = [];
  const fake = {
    asked,
    closed: 0,
    stats: { exports: 0, bytesExported: 0, reused: 0 },
    readVariant: (r: LocalRequest) => (asked.push(r), Promise.resolve(answer(r))),
    // A never-pushed image, asked by name: answered as the engine's image ID would be.
    readImage: (ref: ImageReference, platform: PlatformKey) => {
      const r: LocalRequest = { repo: { domain: ref.domain, path: ref.path }, variantDigest: LOCAL_ID, platform };
      asked.push(r);
      return Promise.resolve(answer(r));
    },
    close: async () => {
      fake.closed += 1;
    },
  };
  return fake;
}

const files = (r: LocalRequest): VariantFiles => ({
  platform: r.platform,
  digest: r.variantDigest,
  files: new Map([['/metadata.json', textFile('/metadata.json', '{}')]]),
  bytesRead: 0,
  bytesTotal: 10,
});

const BOTH = inspectResult(REF, { 'linux/amd64': AMD, 'linux/arm64': ARM });
const check = fakePlatformCheck({
  [REF]: BOTH.manifest === undefined ? BOTH : { ...BOTH, manifest: { ...BOTH.manifest, digest: INDEX } },
});

function sources(argv: readonly string[], local?: () => Result<LocalSource, LocalFailure>) {
  const notices: string[] = [];
  const registry = fakeReader({
    [AMD]: { files: { '/metadata.json': textFile('/metadata.json', '{}') } },
    [ARM]: { files: {} },
  });
  const made = deepSources({
    command: command(argv),
    platformCheck: check,
    registry: () => registry,
    ...(local ? { local } : {}),
    notice: (t) => notices.push(t),
  });
  return { made, registry, notices };
}

const read = (s: ReturnType<typeof sources>, platform: string, digest: string) =>
  s.made.reader.readVariantFiles(REPO, digest, ['/metadata.json'], { platform });

describe('deepSources', () => {
  it('references: every variant from the registry, no local source made', async () => {
    let made = 0;
    const s = sources(['--deep', REF], () => (made++, ok(fakeLocal((r) => ok(files(r))))));
    expect(made).toBe(0);
    expect(s.made.platforms).toBeUndefined();
    expect(s.made.reader).toBe(s.registry);
  });

  it("installed extensions: this machine's variant from the local store, told its index; only that variant", async () => {
    const local = fakeLocal((r) => ok(files(r)));
    const s = sources(['--deep'], () => ok(local));
    expect(s.made.platforms).toEqual(['linux/amd64']);
    await s.made.platformCheck(REF, new AbortController().signal);
    const got = await read(s, 'linux/amd64', AMD);
    expect(got.ok && got.value.source).toBe('local');
    expect(local.asked).toEqual([{ repo: REPO, variantDigest: AMD, indexDigest: INDEX, platform: 'linux/amd64' }]);
    expect(s.registry.calls).toEqual([]);
    await s.made.close();
    expect(local.closed).toBe(1);
  });

  it('a never-pushed installed image: read by name from the local store, source local, no registry', async () => {
    const local = fakeLocal((r) => ok(files(r)));
    const s = sources(['--deep'], () => ok(local));
    const got = await s.made.reader.readLocalImage?.(REF, ['/metadata.json'], { platform: 'linux/amd64' });
    expect(got?.ok && got.value.source).toBe('local');
    expect(local.asked).toEqual([{ repo: REPO, variantDigest: LOCAL_ID, platform: 'linux/amd64' }]);
    expect(s.registry.calls).toEqual([]);
  });

  it('a never-pushed image the store cannot read: its failure, never a registry read', async () => {
    const s = sources(['--deep'], () => ok(fakeLocal(() => err({ kind: 'not-in-engine', message: 'gone' }))));
    const got = await s.made.reader.readLocalImage?.(REF, ['/metadata.json'], { platform: 'linux/amd64' });
    expect(got?.ok).toBe(false);
    expect(s.registry.calls).toEqual([]);
  });

  it('references: no local reader, so a never-pushed image stays not checked', () => {
    const s = sources(['--deep', REF], () => ok(fakeLocal((r) => ok(files(r)))));
    expect(s.made.reader.readLocalImage).toBeUndefined();
  });

  it('--all-variants: the other variants from their registries, stamped so', async () => {
    const local = fakeLocal((r) => ok(files(r)));
    const s = sources(['--deep', '--all-variants'], () => ok(local));
    expect(s.made.platforms).toBeUndefined();
    const other = await read(s, 'linux/arm64', ARM);
    expect(other.ok && other.value.source).toBe('registry');
    expect(local.asked).toEqual([]);
  });

  it('a variant the engine does not hold is read from the registry, quietly', async () => {
    const s = sources(['--deep'], () => ok(fakeLocal(() => err({ kind: 'not-in-engine', message: 'gone' }))));
    const got = await read(s, 'linux/amd64', AMD);
    expect(got.ok && got.value.source).toBe('registry');
    expect(s.notices).toEqual([]);
  });

  it('an engine that cannot be read: the registry, and it is said', async () => {
    const s = sources(['--deep'], () =>
      ok(fakeLocal(() => err({ kind: 'engine-api', message: 'the engine speaks Engine API 1.40' }))),
    );
    expect((await read(s, 'linux/amd64', AMD)).ok).toBe(true);
    expect(s.notices).toEqual([
      'the local image store cannot be read (the engine speaks Engine API 1.40); reading the registry instead',
    ]);
  });

  it('a bad export is a failure of that variant, not a silent fall-back', async () => {
    const s = sources(['--deep'], () =>
      ok(fakeLocal(() => err({ kind: 'digest-mismatch', message: 'layer 2 does not match' }))),
    );
    const got = await read(s, 'linux/amd64', AMD);
    expect(got.ok ? 'ok' : got.error).toEqual({ kind: 'error', message: 'local image store: layer 2 does not match' });
    expect(s.registry.calls).toEqual([]);
  });

  it('DOCKER_HOST tcp:// or ssh://: said once, registries only', () => {
    const s = sources(['--deep'], () =>
      err({ kind: 'unavailable', message: 'DOCKER_HOST=tcp://x is a tcp:// engine' }),
    );
    expect(s.notices).toEqual(['the local image store cannot be read: DOCKER_HOST=tcp://x is a tcp:// engine']);
    expect(s.made.reader).toBe(s.registry);
    expect(s.made.platforms).toBeUndefined();
  });
});

describe('--all-variants', () => {
  it('is set only when given, and needs --deep', () => {
    expect(command(['--deep', '--all-variants']).allVariants).toBe(true);
    expect('allVariants' in command(['--deep'])).toBe(false);
    const alone = parseCliArgs(['--all-variants'], AMD64);
    expect(alone.ok ? 'ok' : alone.error.messages).toEqual([
      '--all-variants needs --deep (it says which variants the deep check reads)',
    ]);
  });
});
