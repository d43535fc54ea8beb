import { describe, expect, it } from 'vitest';
import { createLayerFiles, normaliseTarPath, type LayerFiles, type TarHeaderLike } from '@core/inside/layerFiles.js';

type Entry = TarHeaderLike & { readonly data?: string };

/** Feeds layers top first the way the reader does; returns how many layers were consumed. */
function feed(files: LayerFiles, layers: readonly (readonly Entry[])[]): number {
  let used = 0;
  for (const layer of layers) {
    if (files.settled()) break;
    used += 1;
    let stopped = false;
    for (const e of layer) {
      const d = files.entry(e);
      if (d.read) files.content(d.path, new TextEncoder().encode(e.data ?? '').slice(0, d.maxBytes));
      if (files.settled()) {
        stopped = true;
        break;
      }
    }
    if (!stopped) files.endLayer();
  }
  return used;
}

const file = (name: string, data = 'x'): Entry => ({ name, type: 'file', size: data.length, mode: 0o755, data });
const dir = (name: string): Entry => ({ name, type: 'directory' });
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('layerFiles', () => {
  it('normalises tar names and refuses ..', () => {
    expect(normaliseTarPath('./darwin/esbuild')).toBe('/darwin/esbuild');
    expect(normaliseTarPath('darwin/')).toBe('/darwin');
    expect(normaliseTarPath('a/../etc/passwd')).toBeUndefined();
    expect(normaliseTarPath('./')).toBeUndefined();
  });

  it('top-most layer wins and lower layers are not needed once settled', () => {
    const files = createLayerFiles([{ path: '/darwin/tool' }]);
    const used = feed(files, [[file('darwin/tool', 'TOP')], [file('darwin/tool', 'BOTTOM')]]);
    expect(used).toBe(1);
    const found = files.finish().get('/darwin/tool');
    expect(found?.kind).toBe('file');
    if (found?.kind === 'file') {
      expect(text(found.head)).toBe('TOP');
      expect(found.mode).toBe(0o755);
    }
  });

  it('settles mid-layer: the rest of the layer is not read', () => {
    const files = createLayerFiles([{ path: '/metadata.json', maxBytes: 1024 }]);
    const d1 = files.entry(file('metadata.json', '{}'));
    expect(d1).toEqual({ read: true, path: '/metadata.json', maxBytes: 1024 });
    files.content('/metadata.json', new TextEncoder().encode('{}'));
    expect(files.settled()).toBe(true);
    expect(files.pending()).toEqual([]);
  });

  it('a .wh. whiteout in an upper layer deletes the file below', () => {
    const files = createLayerFiles([{ path: '/darwin/tool' }]);
    const used = feed(files, [
      [dir('darwin/'), file('darwin/.wh.tool', '')],
      [file('darwin/tool')],
      [file('darwin/tool')],
    ]);
    expect(used).toBe(1);
    expect(files.finish().get('/darwin/tool')).toEqual({ kind: 'missing', path: '/darwin/tool', whitedOut: true });
  });

  it('a whiteout acts only on lower layers: a file in the same layer stays', () => {
    const files = createLayerFiles([{ path: '/darwin/tool' }]);
    feed(files, [[file('darwin/.wh.tool', ''), file('darwin/tool', 'NEW')], [file('darwin/tool', 'OLD')]]);
    const found = files.finish().get('/darwin/tool');
    expect(found?.kind === 'file' ? text(found.head) : found?.kind).toBe('NEW');
  });

  it('a whiteout of a parent directory deletes what is under it', () => {
    const files = createLayerFiles([{ path: '/darwin/tool' }]);
    feed(files, [[file('.wh.darwin', '')], [file('darwin/tool')]]);
    expect(files.finish().get('/darwin/tool')).toEqual({ kind: 'missing', path: '/darwin/tool', whitedOut: true });
  });

  it('an opaque directory hides lower contents but keeps its own layer', () => {
    const files = createLayerFiles([{ path: '/darwin/a' }, { path: '/darwin/b' }]);
    const used = feed(files, [
      [dir('darwin/'), file('darwin/.wh..wh..opq', ''), file('darwin/a', 'A')],
      [file('darwin/b')],
      [file('darwin/b')],
    ]);
    expect(used).toBe(1);
    const result = files.finish();
    expect(result.get('/darwin/a')?.kind).toBe('file');
    expect(result.get('/darwin/b')).toEqual({ kind: 'missing', path: '/darwin/b', whitedOut: true });
  });

  it('a name that only starts like a wanted path is not under it: /darwin/kubectl-arm64 before /darwin/kubectl', () => {
    const files = createLayerFiles([{ path: '/darwin/kubectl' }, { path: '/darwin/kubectl-arm64' }]);
    feed(files, [[file('darwin/kubectl-arm64', 'ARM'), file('darwin/kubectl', 'PLAIN')]]);
    const r = files.finish();
    const kubectl = r.get('/darwin/kubectl');
    expect(kubectl?.kind === 'file' ? text(kubectl.head) : kubectl?.kind).toBe('PLAIN');
    const arm = r.get('/darwin/kubectl-arm64');
    expect(arm?.kind === 'file' ? text(arm.head) : arm?.kind).toBe('ARM');
    // Wanted alone, the prefix sibling is no entry of it either.
    const alone = createLayerFiles([{ path: '/darwin/kubectl' }]);
    feed(alone, [[file('darwin/kubectl-arm64', 'ARM'), file('darwin/kubectl', 'PLAIN')]]);
    expect(alone.finish().get('/darwin/kubectl')?.kind).toBe('file');
  });

  it('a subfolder deleted above (a .wh. whiteout, or made opaque) hides its lower files from a listed directory', () => {
    const whitedOut = createLayerFiles([{ path: '/host' }]);
    feed(whitedOut, [
      [dir('host/'), file('host/.wh.sub', '')],
      [file('host/sub/tool'), file('host/keep')],
    ]);
    const opaque = createLayerFiles([{ path: '/host' }]);
    feed(opaque, [
      [dir('host/sub/'), file('host/sub/.wh..wh..opq', ''), file('host/sub/new')],
      [file('host/sub/tool'), file('host/keep')],
    ]);
    const paths = (files: LayerFiles): string[] => {
      const found = files.finish().get('/host');
      return found?.kind === 'directory' ? found.entries.map((e) => e.path) : [];
    };
    expect(paths(whitedOut)).toEqual(['/host/keep']);
    expect(paths(opaque)).toEqual(['/host/keep', '/host/sub/new']);
  });

  it('a file over a directory hides what was under it', () => {
    const files = createLayerFiles([{ path: '/darwin/tool' }]);
    feed(files, [[file('darwin', 'not a dir')], [file('darwin/tool')]]);
    expect(files.finish().get('/darwin/tool')).toEqual({ kind: 'missing', path: '/darwin/tool', whitedOut: false });
  });

  it('a path in no layer is missing, not whited out', () => {
    const files = createLayerFiles([{ path: '/darwin/tool' }]);
    expect(feed(files, [[file('other')], [file('more')]])).toBe(2);
    expect(files.settled()).toBe(false);
    expect(files.finish().get('/darwin/tool')).toEqual({ kind: 'missing', path: '/darwin/tool', whitedOut: false });
  });

  it('symlinks, hard links and devices are reported as what they are', () => {
    const files = createLayerFiles([{ path: '/bin/a' }, { path: '/bin/b' }, { path: '/bin/c' }]);
    feed(files, [
      [
        { name: 'bin/a', type: 'symlink', linkname: '../x' },
        { name: 'bin/b', type: 'link', linkname: 'bin/real' },
        { name: 'bin/c', type: 'character-device' },
      ],
    ]);
    const r = files.finish();
    expect(r.get('/bin/a')).toEqual({ kind: 'symlink', path: '/bin/a', target: '../x' });
    expect(r.get('/bin/b')).toEqual({ kind: 'other', path: '/bin/b', type: 'hard link to /bin/real' });
    expect(r.get('/bin/c')).toEqual({ kind: 'other', path: '/bin/c', type: 'character-device' });
  });

  it('a listed directory gathers its files over layers, honouring whiteouts, top-most first', () => {
    const files = createLayerFiles([{ path: '/host' }]);
    feed(files, [
      [dir('host/'), file('host/a', 'A-top'), file('host/.wh.c', '')],
      [file('host/a', 'A-low'), file('host/b', 'B'), file('host/c', 'C')],
    ]);
    const found = files.finish().get('/host');
    expect(found?.kind).toBe('directory');
    if (found?.kind !== 'directory') return;
    expect(found.entries.map((e) => e.path)).toEqual(['/host/a', '/host/b']);
    const a = found.entries[0];
    expect(a?.kind === 'file' ? text(a.head) : '').toBe('A-top');
  });

  it('a directory known only from the files under it is a directory', () => {
    const files = createLayerFiles([{ path: '/host' }]);
    feed(files, [[file('host/x', 'X')]]);
    expect(files.finish().get('/host')?.kind).toBe('directory');
  });

  it('bounds the entries of a listed directory', () => {
    const files = createLayerFiles([{ path: '/host' }], { maxDirEntries: 2 });
    const used = feed(files, [[file('host/a'), file('host/b'), file('host/c')], [file('host/d')]]);
    expect(used).toBe(1);
    const found = files.finish().get('/host');
    expect(found?.kind === 'directory' ? found.entries.length : -1).toBe(2);
  });

  it('keeps at most the head of a file, whatever the reader hands it', () => {
    // The reader may hand a whole chunk: content() gets all ten bytes here, not the four asked for.
    const bytes = new TextEncoder().encode('0123456789');
    const files = createLayerFiles([{ path: '/big' }, { path: '/whole', maxBytes: 6 }, { path: '/dir' }], {
      headBytes: 4,
    });
    for (const name of ['big', 'whole', 'dir/inner']) {
      const decision = files.entry(file(name, '0123456789'));
      if (decision.read) files.content(decision.path, bytes);
    }
    const r = files.finish();
    const big = r.get('/big');
    expect(big?.kind === 'file' ? [text(big.head), big.size] : []).toEqual(['0123', 10]);
    const whole = r.get('/whole');
    expect(whole?.kind === 'file' ? text(whole.head) : '').toBe('012345');
    const dir = r.get('/dir');
    const inner = dir?.kind === 'directory' ? dir.entries[0] : undefined;
    expect(inner?.kind === 'file' ? [inner.path, text(inner.head)] : []).toEqual(['/dir/inner', '0123']);
  });

  it('a wanted path that is not normalised is unreadable, never matched', () => {
    const files = createLayerFiles([{ path: 'darwin/tool' }, { path: '/a/../etc/passwd' }, { path: '/darwin//tool' }]);
    expect(files.settled()).toBe(true);
    const r = files.finish();
    expect(r.get('darwin/tool')?.kind).toBe('unreadable');
    expect(r.get('/a/../etc/passwd')?.kind).toBe('unreadable');
    expect(r.get('/darwin//tool')).toEqual({
      kind: 'unreadable',
      path: '/darwin//tool',
      reason: 'wanted path not normalised (use /darwin/tool)',
    });
  });

  it('pending lists what a failed read leaves open', () => {
    const files = createLayerFiles([{ path: '/a' }, { path: '/b' }]);
    feed(files, [[file('a')]]);
    expect(files.pending()).toEqual(['/b']);
  });
});
