import { describe, expect, it } from 'vitest';
import { inspectImage } from '@commands/inspectImage.js';
import type { InspectTarget } from '@commands/inspectImage.js';
import { parseImageInspect } from '@core/index.js';
import type { LocalImage, Platform } from '@core/index.js';
import { answer, fixturePort, recordedAnswer } from '../../support/fixturePort.js';
import { loadFixture } from '../../support/recordings.js';
import { OPEN_CORPUS } from '../../support/corpus.js';
import type { FixturePort } from '../../support/fixturePort.js';

const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64' };
const corpus = (name: string): string => `127.0.0.1:5000/corpus/${name}:1.0.0`;
const rawArgv = (ref: string): string[] => ['buildx', 'imagetools', 'inspect', ref, '--raw'];

function clean(port: FixturePort): void {
  expect(port.violations).toEqual([]);
  expect(port.misses).toEqual([]);
}

function localImage(fixture: string): LocalImage {
  const parsed = parseImageInspect(loadFixture(fixture).stdout);
  if (!parsed.ok || parsed.value[0] === undefined) throw new Error(`test setup: ${fixture} should parse`);
  return parsed.value[0];
}

describe('inspectImage on the recorded corpus', () => {
  it.each(
    OPEN_CORPUS.filter((image) => image.verdict.amd64 === 'ready' && image.verdict.arm64 === 'ready').map(
      (image) => image.name,
    ),
  )('%s is ready on both hosts with one registry call (--raw)', async (name) => {
    for (const host of [AMD64, ARM64]) {
      const port = fixturePort();
      const result = await inspectImage(port.exec, { reference: corpus(name) }, { host });
      expect(result.verdict).toBe('ready');
      expect(result.source).toBe('registry');
      expect(result.platforms).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm64']));
      expect(port.calls).toEqual([rawArgv(corpus(name))]);
      expect(result.commands.map((c) => c.argv)).toEqual(port.calls);
      clean(port);
    }
  });

  it('many-platforms lists all eight platforms, attestations left out', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: corpus('many-platforms') });
    expect(result.platforms).toHaveLength(8);
    expect(result.platforms.slice(0, 2)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(result.platforms).not.toContain('unknown/unknown');
  });

  it('windows-entry shows windows/amd64 besides the linux platforms', async () => {
    const result = await inspectImage(fixturePort().exec, { reference: corpus('windows-entry') });
    expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64', 'windows/amd64']);
  });

  it('amd64-only (a single manifest) reads the config: 2 registry calls', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: corpus('amd64-only') }, { host: AMD64 });
    expect(result.verdict).toBe('missing-platforms');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(port.calls).toEqual([
      rawArgv(corpus('amd64-only')),
      ['buildx', 'imagetools', 'inspect', corpus('amd64-only'), '--format={{.Image|json}}'],
    ]);
    clean(port);
  });

  it('amd64-only is incompatible on an arm64 host', async () => {
    const result = await inspectImage(fixturePort().exec, { reference: corpus('amd64-only') }, { host: ARM64 });
    expect(result.verdict).toBe('incompatible');
  });

  it('amd64-only listed from the engine (same manifest digest) takes the local platform: 1 registry call', async () => {
    const port = fixturePort();
    const local = localImage('engine.image-inspect.amd64-only.docker-26.1.5');
    const result = await inspectImage(port.exec, { reference: corpus('amd64-only'), local }, { host: AMD64 });
    expect(result.verdict).toBe('missing-platforms');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(result.manifest?.digest).toBe('sha256:c3fa25e2c87ddfd9aa69dab0299546327ebf341483e2dfc1e997137c968d45cf');
    expect(port.calls).toEqual([rawArgv(corpus('amd64-only'))]);
    clean(port);
  });

  it('a local image whose ID differs from the registry manifest does not stand in for the config (id changed from the real one)', async () => {
    const port = fixturePort();
    const real = localImage('engine.image-inspect.amd64-only.docker-26.1.5');
    const local: LocalImage = { ...real, id: `sha256:${'0'.repeat(64)}`, repoDigests: [], platform: ARM64 };
    const result = await inspectImage(port.exec, { reference: corpus('amd64-only'), local }, { host: AMD64 });
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(port.calls).toHaveLength(2);
  });

  it('arm64-only-attested mirrors amd64-only: incompatible on amd64, missing-platforms on arm64', async () => {
    const onAmd = await inspectImage(fixturePort().exec, { reference: corpus('arm64-only-attested') }, { host: AMD64 });
    const onArm = await inspectImage(fixturePort().exec, { reference: corpus('arm64-only-attested') }, { host: ARM64 });
    expect(onAmd.verdict).toBe('incompatible');
    expect(onArm.verdict).toBe('missing-platforms');
    expect(onArm.platforms).toEqual(['linux/arm64']);
  });
});

describe('inspectImage when the registry cannot answer', () => {
  it('login-only registry without credentials: unauthorized after checking the local store', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: '127.0.0.1:5001/private/good:1.0.0' }, { host: AMD64 });
    expect(result.verdict).toBe('unauthorized');
    expect(result.failure?.message).toContain('no basic auth credentials');
    expect(port.calls).toEqual([
      rawArgv('127.0.0.1:5001/private/good:1.0.0'),
      ['image', 'inspect', '127.0.0.1:5001/private/good:1.0.0'],
    ]);
    clean(port);
  });

  it('login-only registry with credentials (recorded after docker login): ready', async () => {
    const port = fixturePort([(args) => (args[4] === '--raw' ? answer('private.imagetools-raw') : undefined)]);
    const result = await inspectImage(port.exec, { reference: '127.0.0.1:5001/private/good:1.0.0' }, { host: AMD64 });
    expect(result.verdict).toBe('ready');
  });

  it('closed port: unreachable', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: '127.0.0.1:5999/corpus/good:1.0.0' });
    expect(result.verdict).toBe('unreachable');
    expect(result.failure?.kind).toBe('unreachable');
    clean(port);
  });

  it.each(['127.0.0.1:5000/corpus/good:9.9.9', '127.0.0.1:5000/corpus/does-not-exist:1.0.0'])(
    '%s: not-found',
    async (reference) => {
      const port = fixturePort();
      const result = await inspectImage(port.exec, { reference });
      expect(result.verdict).toBe('not-found');
      clean(port);
    },
  );

  it('never-pushed local image: local-only with the engine platform, found by docker image inspect', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: 'local/dev-extension:latest' }, { host: AMD64 });
    expect(result.verdict).toBe('local-only');
    expect(result.source).toBe('local-store');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(result.failure?.kind).toBe('unreachable');
    expect(port.calls).toEqual([
      rawArgv('docker.io/local/dev-extension:latest'),
      ['image', 'inspect', 'docker.io/local/dev-extension:latest'],
    ]);
    clean(port);
  });

  it('never-pushed local image listed from the engine: no image inspect needed', async () => {
    const port = fixturePort();
    const target: InspectTarget = {
      reference: 'local/dev-extension:latest',
      local: localImage('engine.image-inspect.local-only.docker-26.1.5'),
    };
    const result = await inspectImage(port.exec, target, { host: AMD64 });
    expect(result.verdict).toBe('local-only');
    expect(port.calls).toHaveLength(1);
  });

  it('a timeout or cancel is not a reason to look in the local store', async () => {
    const port = fixturePort([
      (args) => (args[4] === '--raw' ? { stdout: '', stderr: '', exitCode: null, interrupted: 'timeout' } : undefined),
    ]);
    const result = await inspectImage(port.exec, { reference: 'local/dev-extension:latest' });
    expect(result.failure?.kind).toBe('timeout');
    expect(port.calls).toHaveLength(1);
  });

  it('unreadable registry output (the real good --raw, truncated) is an error, not a throw', async () => {
    const truncated = answer('good.imagetools-raw');
    const port = fixturePort([
      (args) => (args[4] === '--raw' ? { ...truncated, stdout: truncated.stdout.slice(0, 200) } : undefined),
    ]);
    const result = await inspectImage(port.exec, { reference: corpus('good') });
    expect(result.verdict).toBe('error');
    expect(result.failure?.message).toMatch(/could not read the output of `docker buildx imagetools inspect/);
  });
});

describe('inspectImage never runs a command for a hostile or invalid reference', () => {
  it.each([
    'a;rm -rf /',
    '$(id)',
    '`id`',
    '--output=x',
    'foo bar',
    "it's",
    'a"b',
    'Bad/Name:tag',
    '',
    ' ',
    'x\ny',
    'a'.repeat(600),
  ])('%j', async (reference) => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference });
    expect(result.verdict).toBe('invalid-reference');
    expect(result.reference).toBe(reference);
    expect(port.calls).toEqual([]);
    expect(result.commands).toEqual([]);
  });
});

describe('inspectImage without buildx', () => {
  const noBuildx = (args: readonly string[]) =>
    args[0] === 'buildx' ? recordedAnswer('buildx-missing.imagetools-raw') : undefined;

  it('detects the missing plugin from the real CLI answer and falls back to docker manifest inspect', async () => {
    const port = fixturePort([noBuildx]);
    const result = await inspectImage(port.exec, { reference: corpus('good') }, { host: AMD64 });
    expect(result.verdict).toBe('ready');
    expect(port.calls).toEqual([
      rawArgv(corpus('good')),
      ['manifest', 'inspect', '--insecure', '--verbose', corpus('good')],
    ]);
    clean(port);
  });

  it('with buildx known missing, a single manifest takes one manifest inspect --verbose, and no buildx call', async () => {
    const port = fixturePort([noBuildx]);
    const result = await inspectImage(
      port.exec,
      { reference: corpus('amd64-only') },
      { host: AMD64, buildx: 'missing' },
    );
    expect(result.verdict).toBe('missing-platforms');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(port.calls).toEqual([['manifest', 'inspect', '--insecure', '--verbose', corpus('amd64-only')]]);
    clean(port);
  });

  it.each(OPEN_CORPUS.map((image) => image.name))(
    '%s: docker manifest inspect --verbose gives the same platforms as buildx --raw',
    async (name) => {
      const viaBuildx = await inspectImage(fixturePort().exec, { reference: corpus(name) }, { host: AMD64 });
      const port = fixturePort([noBuildx]);
      const viaManifest = await inspectImage(
        port.exec,
        { reference: corpus(name) },
        { host: AMD64, buildx: 'missing' },
      );
      expect(viaManifest.platforms).toEqual(viaBuildx.platforms);
      expect(viaManifest.verdict).toBe(viaBuildx.verdict);
      expect(port.calls).toHaveLength(1);
      clean(port);
    },
  );

  it('with buildx declared available, a buildx failure is reported as it is', async () => {
    const port = fixturePort([noBuildx]);
    const result = await inspectImage(port.exec, { reference: corpus('good') }, { buildx: 'available' });
    expect(result.verdict).toBe('error');
    expect(port.calls).toHaveLength(1);
  });
});

describe("inspectImage when browser mode refuses the page's key", () => {
  it('says so and what to do, with no word of docker login, the registry or the engine', async () => {
    const port = fixturePort([
      () => ({ stdout: '', stderr: 'Missing or wrong key', exitCode: null, interrupted: 'access-refused' }),
    ]);
    const result = await inspectImage(port.exec, { reference: corpus('good') }, { host: AMD64 });
    expect(result.verdict).toBe('error');
    expect(result.failure?.kind).toBe('access-refused');
    expect(result.explanation).toMatch(/browser-mode server refused this page's key/);
    expect(result.fix).toMatch(/open the URL `npm start` printed/);
    for (const text of [result.explanation, result.fix ?? '', result.userFix ?? ''])
      expect(text).not.toMatch(/docker login|engine|buildx/i);
    expect(port.calls).toHaveLength(1);
  });
});
