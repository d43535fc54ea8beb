/** inspectImage without buildx: docker manifest inspect --verbose instead, with the same platforms. */
import { describe, expect, it } from 'vitest';
import { inspectImage } from '@commands/inspectImage.js';
import { OPEN_CORPUS, recorded } from '../../support/corpus.js';
import { fixturePort, recordedAnswer } from '../../support/fixturePort.js';
import { AMD64, clean, rawArgv } from '../../support/inspectFixtures.js';

describe('inspectImage without buildx', () => {
  const noBuildx = (args: readonly string[]) =>
    args[0] === 'buildx' ? recordedAnswer('buildx-missing.imagetools-raw') : undefined;

  it('detects the missing plugin from the real CLI answer and falls back to docker manifest inspect', async () => {
    const port = fixturePort([noBuildx]);
    const result = await inspectImage(port.exec, { reference: recorded('good') }, { host: AMD64 });
    expect(result.verdict).toBe('ready');
    expect(port.calls).toEqual([
      rawArgv(recorded('good')),
      ['manifest', 'inspect', '--insecure', '--verbose', recorded('good')],
    ]);
    clean(port);
  });

  it('with buildx known missing, a single manifest takes one manifest inspect --verbose, and no buildx call', async () => {
    const port = fixturePort([noBuildx]);
    const result = await inspectImage(
      port.exec,
      { reference: recorded('amd64-only') },
      { host: AMD64, buildx: 'missing' },
    );
    expect(result.verdict).toBe('missing-platforms');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(port.calls).toEqual([['manifest', 'inspect', '--insecure', '--verbose', recorded('amd64-only')]]);
    clean(port);
  });

  it.each(OPEN_CORPUS.map((image) => image.name))(
    '%s: docker manifest inspect --verbose gives the same platforms as buildx --raw',
    async (name) => {
      const viaBuildx = await inspectImage(fixturePort().exec, { reference: recorded(name) }, { host: AMD64 });
      const port = fixturePort([noBuildx]);
      const viaManifest = await inspectImage(
        port.exec,
        { reference: recorded(name) },
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
    const result = await inspectImage(port.exec, { reference: recorded('good') }, { buildx: 'available' });
    expect(result.verdict).toBe('error');
    expect(port.calls).toHaveLength(1);
  });
});
