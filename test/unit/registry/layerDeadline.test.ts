/**
 * A layer read the deadline stopped says what it was doing at that moment: waiting for the registry (nothing
 * sent yet, or part of the layer), decompressing, or reading a plain tar; the picture is taken when the
 * deadline fires, and a deadline that had passed before the layer says so.
 */
import { describe, expect, it } from 'vitest';
import { deadlineMessage, layerProgress, registryWait, watchDeadline } from '@registry/layerDeadline.js';
import { LAYER_GZIP } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { extensionImage, readOnce, value } from '../../support/readerFixtures.js';

const { registry } = fakeServersPerTest();

const where = 'layer sha256:0123456789ab';
const gzipLayer = { where, size: 3 * 1024 * 1024, compression: 'gzip' } as const;

describe('deadlineMessage', () => {
  it('names the registry only while a wait for it is pending, with what it had sent', () => {
    const waiting = { ...layerProgress(), registryWaits: 1 };
    expect(deadlineMessage(gzipLayer, waiting)).toBe(`${where}: the registry did not answer before the deadline`);
    expect(deadlineMessage(gzipLayer, { ...waiting, blobBytes: 1536 * 1024 })).toBe(
      `${where}: the registry had sent 1.5 MiB of the layer's 3.0 MiB when the deadline passed`,
    );
  });

  it('otherwise says the layer was being decompressed, or read (a plain tar), with the amounts so far', () => {
    const working = { registryWaits: 0, blobBytes: 8 * 1024, tarBytes: 3 * 1024 ** 3, tarEntries: 1 };
    expect(deadlineMessage(gzipLayer, working)).toBe(
      `the deadline passed while decompressing ${where} (8.0 KiB of the layer in, 3.00 GiB out, 1 tar entry read so far)`,
    );
    expect(deadlineMessage({ ...gzipLayer, compression: 'zstd' }, { ...working, tarEntries: 2 })).toMatch(
      /^the deadline passed while decompressing .*, 2 tar entries read so far\)$/,
    );
    expect(deadlineMessage({ ...gzipLayer, compression: 'none' }, { ...working, tarEntries: 20_000 })).toBe(
      `the deadline passed while reading ${where} (3.00 GiB and 20000 tar entries read so far)`,
    );
  });
});

describe('watchDeadline', () => {
  it('takes the picture the moment the deadline fires, not when the read has unwound', async () => {
    const deadline = new AbortController();
    const progress = layerProgress();
    const watch = watchDeadline(deadline.signal, gzipLayer, progress);
    let answer: (() => void) | undefined;
    const pending = registryWait(progress, new Promise<void>((resolve) => (answer = resolve)));
    expect(progress.registryWaits).toBe(1);
    deadline.abort();
    answer?.();
    await pending;
    expect(progress.registryWaits).toBe(0);
    expect(watch.message()).toBe(`${where}: the registry did not answer before the deadline`);
    watch.stop();
  });

  it('a deadline that had passed before the layer says so', () => {
    const watch = watchDeadline(AbortSignal.abort(), gzipLayer, layerProgress());
    expect(watch.message()).toBe(`the deadline had passed before ${where} was read`);
  });
});

describe('the registry reader at the deadline', () => {
  it('a blob answer whose headers came but no byte says the registry did not answer', async () => {
    const reg = await registry();
    const { digest } = await extensionImage(reg);
    reg.handler = (req, res) => {
      if (!(req.url ?? '').includes('/blobs/')) return false;
      res.writeHead(200, { 'content-length': 100_000 });
      res.flushHeaders();
      return true;
    };
    const files = value(await readOnce(reg, digest, ['/darwin/tool'], { platform: 'linux/amd64', deadlineMs: 300 }));
    const found = files.files.get('/darwin/tool');
    const manifest = JSON.parse(new TextDecoder().decode(reg.manifests.get(digest))) as {
      layers: { digest: string; mediaType: string }[];
    };
    const top = manifest.layers.at(-1);
    expect(top?.mediaType).toBe(LAYER_GZIP);
    expect(found?.kind === 'unreadable' ? found.reason : found?.kind).toBe(
      `layer ${top?.digest.slice(0, 19)}: the registry did not answer before the deadline`,
    );
  });
});
