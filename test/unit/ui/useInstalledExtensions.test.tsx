import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useInstalledExtensions } from '@ui/features/matrix/hooks/useInstalledExtensions';
import type { Listing } from '@ui/features/matrix/hooks/useInstalledExtensions';
import { useNotifier } from '@ui/shared/notifications/NotificationProvider';
import { loadRecording } from '../../support/recordings.js';
import { reply } from '../../support/standin/corpusConfig.js';
import { R, SELF, corpusClient, providers } from '../../support/hookHarness';

afterEach(() => {
  cleanup();
  delete window.ddClient;
});

function render(options: Parameters<typeof corpusClient>[0] = {}) {
  const { dd, record } = corpusClient(options);
  const hook = renderHook(() => ({ list: useInstalledExtensions(), notifier: useNotifier() }), {
    wrapper: providers(dd),
  });
  const list = async (signal: AbortSignal): Promise<Listing> => {
    let listing: Listing | undefined;
    await act(async () => {
      listing = await hook.result.current.list(signal);
    });
    if (listing === undefined) throw new Error('no listing');
    return listing;
  };
  return { hook, record, list };
}

describe('useInstalledExtensions (recorded engine)', { timeout: 30_000 }, () => {
  it('lists each extension image once, with its local image, and marks this extension', async () => {
    const { hook, list } = render();
    const listing = await list(new AbortController().signal);
    if (listing.kind !== 'listed') throw new Error(`listing ${listing.kind}`);
    expect(listing.buildx).toBe('available');
    const references = listing.seeds.map((seed) => seed.reference);
    expect(new Set(references).size).toBe(references.length);
    expect(references).toEqual(expect.arrayContaining([R('good'), R('amd64-only'), SELF]));
    expect(listing.seeds.filter((seed) => seed.isSelf).map((seed) => seed.reference)).toEqual([SELF]);
    expect(listing.seeds.length).toBeGreaterThan(0);
    expect(listing.seeds.filter((seed) => seed.origin !== 'installed' || seed.local === undefined)).toEqual([]);
    expect(hook.result.current.notifier.banners).toEqual([]);
  });

  it('adds this extension as a row when the engine does not list it', async () => {
    const { list } = render({ extensionImage: '127.0.0.1:5000/corpus/not-installed:9.9.9' });
    const listing = await list(new AbortController().signal);
    if (listing.kind !== 'listed') throw new Error(`listing ${listing.kind}`);
    expect(listing.seeds.filter((seed) => seed.isSelf)).toEqual([
      { reference: '127.0.0.1:5000/corpus/not-installed:9.9.9', origin: 'installed', isSelf: true },
    ]);
  });

  it('raises the buildx banner when buildx is missing (recorded) and still lists', async () => {
    const missing = reply('buildx-version', loadRecording('buildx-missing.buildx-version'));
    const { hook, list } = render({ replies: [missing] });
    const listing = await list(new AbortController().signal);
    expect(listing).toMatchObject({ kind: 'listed', buildx: 'missing' });
    expect(hook.result.current.notifier.banners.map((banner) => banner.id)).toEqual(['buildx-missing']);
  });

  it('fails with the engine banner when the engine does not answer (recorded), and lists nothing', async () => {
    const down = reply('engine-version', loadRecording('engine-unreachable.version'));
    const { hook, record, list } = render({ replies: [down] });
    const listing = await list(new AbortController().signal);
    expect(listing.kind).toBe('failed');
    expect(hook.result.current.notifier.banners.map((banner) => banner.id)).toEqual(['engine-unreachable']);
    expect(record.commands.some((command) => command.argv[0] === 'image')).toBe(false);
  });

  it('is cancelled when the signal is aborted', async () => {
    const { list } = render();
    const controller = new AbortController();
    controller.abort();
    expect(await list(controller.signal)).toEqual({ kind: 'cancelled' });
  });
});
