/** inspectImage on the recorded corpus: verdicts and platforms per host, and how many registry calls each takes. */
import { describe, expect, it } from 'vitest';
import { inspectImage } from '@commands/inspectImage.js';
import type { LocalImage } from '@core/index.js';
import { OPEN_CORPUS, recorded } from '../../support/corpus.js';
import { fixturePort } from '../../support/fixturePort.js';
import { AMD64, ARM64, clean, localImage, rawArgv } from '../../support/inspectFixtures.js';

describe('inspectImage on the recorded corpus', () => {
  it.each(
    OPEN_CORPUS.filter((image) => image.verdict.amd64 === 'ready' && image.verdict.arm64 === 'ready').map(
      (image) => image.name,
    ),
  )('%s is ready on both hosts with one registry call (--raw)', async (name) => {
    for (const host of [AMD64, ARM64]) {
      const port = fixturePort();
      const result = await inspectImage(port.exec, { reference: recorded(name) }, { host });
      expect(result.verdict).toBe('ready');
      expect(result.source).toBe('registry');
      expect(result.platforms).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm64']));
      expect(port.calls).toEqual([rawArgv(recorded(name))]);
      expect(result.commands.map((c) => c.argv)).toEqual(port.calls);
      clean(port);
    }
  });

  it('many-platforms lists all eight platforms, attestations left out', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: recorded('many-platforms') });
    expect(result.platforms).toHaveLength(8);
    expect(result.platforms.slice(0, 2)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(result.platforms).not.toContain('unknown/unknown');
  });

  it('windows-entry shows windows/amd64 besides the linux platforms', async () => {
    const result = await inspectImage(fixturePort().exec, { reference: recorded('windows-entry') });
    expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64', 'windows/amd64']);
  });

  it('amd64-only (a single manifest) reads the config: 2 registry calls', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: recorded('amd64-only') }, { host: AMD64 });
    expect(result.verdict).toBe('missing-platforms');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(port.calls).toEqual([
      rawArgv(recorded('amd64-only')),
      ['buildx', 'imagetools', 'inspect', recorded('amd64-only'), '--format={{.Image|json}}'],
    ]);
    clean(port);
  });

  it('amd64-only is incompatible on an arm64 host', async () => {
    const result = await inspectImage(fixturePort().exec, { reference: recorded('amd64-only') }, { host: ARM64 });
    expect(result.verdict).toBe('incompatible');
  });

  it('amd64-only listed from the engine (same manifest digest) takes the local platform: 1 registry call', async () => {
    const port = fixturePort();
    const local = localImage('engine.image-inspect.amd64-only.docker-26.1.5');
    const result = await inspectImage(port.exec, { reference: recorded('amd64-only'), local }, { host: AMD64 });
    expect(result.verdict).toBe('missing-platforms');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(result.manifest?.digest).toBe('sha256:c3fa25e2c87ddfd9aa69dab0299546327ebf341483e2dfc1e997137c968d45cf');
    expect(port.calls).toEqual([rawArgv(recorded('amd64-only'))]);
    clean(port);
  });

  it('a local image whose ID differs from the registry manifest does not stand in for the config (id changed from the real one)', async () => {
    const port = fixturePort();
    const real = localImage('engine.image-inspect.amd64-only.docker-26.1.5');
    const local: LocalImage = { ...real, id: `sha256:${'0'.repeat(64)}`, repoDigests: [], platform: ARM64 };
    const result = await inspectImage(port.exec, { reference: recorded('amd64-only'), local }, { host: AMD64 });
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(port.calls).toHaveLength(2);
  });

  it('arm64-only-attested mirrors amd64-only: incompatible on amd64, missing-platforms on arm64', async () => {
    const onAmd = await inspectImage(
      fixturePort().exec,
      { reference: recorded('arm64-only-attested') },
      { host: AMD64 },
    );
    const onArm = await inspectImage(
      fixturePort().exec,
      { reference: recorded('arm64-only-attested') },
      { host: ARM64 },
    );
    expect(onAmd.verdict).toBe('incompatible');
    expect(onArm.verdict).toBe('missing-platforms');
    expect(onArm.platforms).toEqual(['linux/arm64']);
  });
});
