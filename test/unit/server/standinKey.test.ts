import { describe, expect, it } from 'vitest';
import type { HistoryLike, LocationLike, StorageLike } from '@server/standin/browser.js';
import { takeKey } from '@server/standin/key.js';

const KEY = 'Abc_def-0123456789abcdefghij';

function fakes(hash: string, stored?: string) {
  const store = new Map<string, string>(stored === undefined ? [] : [['archmatrix-browser-mode-key', stored]]);
  const replaced: string[] = [];
  const location: LocationLike = { hash, pathname: '/', search: '?x=1' };
  const history: HistoryLike = { replaceState: (_data, _unused, url) => void replaced.push(url) };
  const storage: StorageLike = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) };
  return { location, history, storage, store, replaced };
}

describe('takeKey', () => {
  it('takes the key from the fragment, stores it and removes it from the address bar', () => {
    const f = fakes(`#key=${KEY}`);
    expect(takeKey(f.location, f.history, f.storage)).toBe(KEY);
    expect(f.store.get('archmatrix-browser-mode-key')).toBe(KEY);
    expect(f.replaced).toEqual(['/?x=1']);
  });

  it('falls back to the stored key after a reload', () => {
    const f = fakes('', KEY);
    expect(takeKey(f.location, f.history, f.storage)).toBe(KEY);
    expect(f.replaced).toEqual([]);
  });

  it('prefers a new key in the URL over a stored one', () => {
    const f = fakes(`#key=${KEY}x`, KEY);
    expect(takeKey(f.location, f.history, f.storage)).toBe(`${KEY}x`);
  });

  it.each(['#key=short', '#key=<script>alert(1)</script>aaaaaaaaaaaa', '#other=1', ''])(
    'finds no key in %s',
    (hash) => {
      const f = fakes(hash);
      expect(takeKey(f.location, f.history, f.storage)).toBeUndefined();
    },
  );
});
