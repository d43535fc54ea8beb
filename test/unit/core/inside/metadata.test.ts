import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PATH_CHARS, normaliseImagePath } from '@core/inside/imagePath.js';
import {
  MAX_HOST_BINARIES,
  MAX_IGNORED_NOTES,
  MAX_METADATA_BYTES,
  MAX_METADATA_DEPTH,
  leavesUnjudged,
  parseExtensionMetadata,
} from '@core/inside/metadata.js';
import type { ExtensionMetadata } from '@core/inside/types.js';
import { dataText } from '../../../support/deepData.js';

function parsed(text: string): ExtensionMetadata {
  const result = parseExtensionMetadata(text);
  if (!result.ok) throw new Error(`expected metadata, got ${result.error.message}`);
  return result.value;
}

describe('parseExtensionMetadata on real extensions', () => {
  it('reads the SDK kubernetes sample: one kubectl per OS, no backend', () => {
    const m = parsed(dataText('metadata/extensions-sdk-kubernetes-sample.json'));
    expect(m.hostBinaries).toEqual([
      { os: 'darwin', path: '/darwin/kubectl' },
      { os: 'windows', path: '/windows/kubectl.exe' },
      { os: 'linux', path: '/linux/kubectl' },
    ]);
    expect(m.badPaths).toEqual([]);
    expect(m.vm).toBeUndefined();
    expect(m.ignored).toEqual([]);
  });

  it('reads the volumes-backup extension: amd64-named host paths, a compose backend and a socket', () => {
    const m = parsed(dataText('metadata/volumes-backup-extension.json'));
    expect(m.hostBinaries.map((b) => b.path)).toEqual([
      '/host/darwin-amd64/volumes-share-client',
      '/host/linux-amd64/volumes-share-client',
      '/host/windows-amd64/volumes-share-client.exe',
    ]);
    expect(m.vm).toEqual({ composefile: '/docker-compose.yaml', socket: 'ext.sock' });
  });

  it('reads the minimal backend sample: vm.image is the extension itself', () => {
    expect(parsed(dataText('metadata/extensions-sdk-minimal-backend.json')).vm).toEqual({
      image: '${DESKTOP_PLUGIN_IMAGE}',
    });
  });

  it('reads tailscale (scripts for every OS), localstack (Windows only), portainer (no host), labs-ai-tools', () => {
    expect(parsed(dataText('metadata/tailscale-docker-extension.json')).hostBinaries).toHaveLength(6);
    expect(parsed(dataText('metadata/localstack-docker-extension.json')).hostBinaries).toEqual([
      { os: 'windows', path: '/windows/checkwsl.cmd' },
    ]);
    const portainer = parsed(dataText('metadata/portainer-docker-extension.json'));
    expect(portainer.hostBinaries).toEqual([]);
    expect(portainer.vm).toEqual({ composefile: '/docker-compose.yml', socket: 'docker.sock' });
    expect(parsed(dataText('metadata/labs-ai-tools-for-devs.json')).hostBinaries).toHaveLength(3);
  });

  it('reports, not rejects, host.binaries entries that name no OS (a real script wrote {"name","cmd"})', () => {
    const m = parsed(dataText('metadata/openwebui-model-runner-script.json'));
    expect(m.hostBinaries).toEqual([]);
    expect(m.ignored).toEqual([
      'host.binaries[0] has "name", not an OS (darwin, windows, linux): ignored',
      'host.binaries[0] has "cmd", not an OS (darwin, windows, linux): ignored',
    ]);
  });
});

describe('parseExtensionMetadata on bad input gives a typed problem', () => {
  it.each([
    ['not JSON', '{"host": ', 'not-json'],
    ['empty', '', 'not-json'],
    ['a list', '[1,2]', 'not-an-object'],
    ['null', 'null', 'not-an-object'],
    ['a string', '"x"', 'not-an-object'],
    ['host not an object', '{"host": 3}', 'host-binaries-shape'],
    ['binaries not a list', '{"host": {"binaries": {"darwin": []}}}', 'host-binaries-shape'],
    ['a group not an object', '{"host": {"binaries": ["darwin"]}}', 'host-binaries-shape'],
    ['an OS not a list', '{"host": {"binaries": [{"darwin": {"path": "/a"}}]}}', 'host-binaries-shape'],
  ] as const)('%s', (_name, text, reason) => {
    const result = parseExtensionMetadata(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.reason).toBe(reason);
      expect(result.error.message).toMatch(/^metadata\.json /);
    }
  });

  it('refuses more than 1 MiB before parsing, counting UTF-8 bytes', () => {
    const big = `{"x": "${'a'.repeat(MAX_METADATA_BYTES)}"}`;
    expect(parseExtensionMetadata(big)).toMatchObject({ ok: false, error: { reason: 'too-large' } });
    // Under 1 Mi characters but over 1 MiB of UTF-8.
    const wide = `{"x": "${'é'.repeat(MAX_METADATA_BYTES / 2 + 10)}"}`;
    expect(parseExtensionMetadata(wide)).toMatchObject({ ok: false, error: { reason: 'too-large' } });
  });

  it('refuses a huge list of host binaries', () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({ path: `/d/${i}` }));
    const result = parseExtensionMetadata(JSON.stringify({ host: { binaries: [{ darwin: entries }] } }));
    expect(result).toMatchObject({ ok: false, error: { reason: 'too-large' } });
  });

  it('counts the host binary cap over every OS list and group together, not per list', () => {
    const half = (os: string) => Array.from({ length: MAX_HOST_BINARIES / 2 + 1 }, (_, i) => ({ path: `/${os}/${i}` }));
    const oneGroup = JSON.stringify({ host: { binaries: [{ darwin: half('darwin'), linux: half('linux') }] } });
    const twoGroups = JSON.stringify({
      host: { binaries: [{ darwin: half('darwin') }, { windows: half('windows') }] },
    });
    for (const text of [oneGroup, twoGroups]) {
      expect(parseExtensionMetadata(text)).toMatchObject({
        ok: false,
        error: { reason: 'too-large', message: `metadata.json lists more than ${MAX_HOST_BINARIES} host binaries` },
      });
    }
    // Exactly the cap is fine.
    const atCap = Array.from({ length: MAX_HOST_BINARIES }, (_, i) => ({ path: `/d/${i}` }));
    expect(parsed(JSON.stringify({ host: { binaries: [{ darwin: atCap }] } })).hostBinaries).toHaveLength(
      MAX_HOST_BINARIES,
    );
  });

  it('refuses nesting past 64 levels with a clear message, before any walk could overflow the stack', () => {
    const nested = (levels: number) => `${'['.repeat(levels)}"/darwin/k"${']'.repeat(levels)}`;
    // A path that is a deeply nested list: naming it in a finding used to end in "Maximum call stack size exceeded".
    const deep = `{"host": {"binaries": [{"darwin": [{"path": ${nested(20_000)}}]}]}}`;
    expect(parseExtensionMetadata(deep)).toEqual({
      ok: false,
      error: { reason: 'too-deep', message: `metadata.json nests deeper than ${MAX_METADATA_DEPTH} levels` },
    });
    expect(MAX_METADATA_DEPTH).toBe(64);
    // The object and five levels of host.binaries leave 58 for the path's lists: 64 levels in all.
    const at = (levels: number) => `{"host": {"binaries": [{"darwin": [{"path": ${nested(levels)}}]}]}}`;
    expect(parsed(at(MAX_METADATA_DEPTH - 6)).badPaths).toHaveLength(1);
    expect(parseExtensionMetadata(at(MAX_METADATA_DEPTH - 5))).toMatchObject({
      ok: false,
      error: { reason: 'too-deep' },
    });
  });

  it('counts no brackets inside strings, escaped quotes included', () => {
    const m = parsed(`{"note": "\\"${'['.repeat(200)}", "host": {"binaries": [{"darwin": [{"path": "/d/k"}]}]}}`);
    expect(m.hostBinaries).toEqual([{ os: 'darwin', path: '/d/k' }]);
  });

  it('reads a metadata.json that starts with a UTF-8 byte-order mark', () => {
    const m = parsed(`\uFEFF${dataText('metadata/extensions-sdk-kubernetes-sample.json')}`);
    expect(m.hostBinaries.map((b) => b.path)).toEqual(['/darwin/kubectl', '/windows/kubectl.exe', '/linux/kubectl']);
  });

  it("problems past the check's own limits leave the file unjudged; the others make it unusable", () => {
    const reasonOf = (text: string) => {
      const result = parseExtensionMetadata(text);
      if (result.ok) throw new Error('expected a problem');
      return [result.error.reason, leavesUnjudged(result.error)];
    };
    expect(reasonOf(`{"x": "${'a'.repeat(MAX_METADATA_BYTES)}"}`)).toEqual(['too-large', true]);
    expect(reasonOf(`${'['.repeat(65)}${']'.repeat(65)}`)).toEqual(['too-deep', true]);
    expect(reasonOf('{"host": ')).toEqual(['not-json', false]);
    expect(reasonOf('[1]')).toEqual(['not-an-object', false]);
    expect(reasonOf('{"host": 3}')).toEqual(['host-binaries-shape', false]);
  });

  it('gives a problem for a non-string value', () => {
    expect(parseExtensionMetadata(42)).toMatchObject({ ok: false, error: { reason: 'not-json' } });
  });

  it('survives deep nesting without a throw', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseExtensionMetadata(deep).ok).toBe(false);
  });
});

describe('parseExtensionMetadata paths', () => {
  const withDarwin = (paths: unknown[]): ExtensionMetadata =>
    parsed(JSON.stringify({ host: { binaries: [{ darwin: paths.map((path) => ({ path })) }] } }));

  it('normalises // and . and trims', () => {
    expect(withDarwin(['  /darwin//./kubectl  ', '/a/b/']).hostBinaries).toEqual([
      { os: 'darwin', path: '/darwin/kubectl' },
      { os: 'darwin', path: '/a/b' },
    ]);
  });

  it('puts relative, .., empty, root, backslash and non-string paths into badPaths with a reason', () => {
    const m = withDarwin([
      'darwin/kubectl',
      '/darwin/../etc/passwd',
      '',
      '/',
      '\\windows\\k.exe',
      5,
      null,
      '/ok\u0000x',
    ]);
    expect(m.hostBinaries).toEqual([]);
    expect(m.badPaths.map((b) => [b.path, b.reason])).toEqual([
      ['darwin/kubectl', '"darwin/kubectl" is relative: paths in the image start with "/"'],
      ['/darwin/../etc/passwd', '"/darwin/../etc/passwd" contains "..": it must name a file inside the image'],
      ['', 'is empty'],
      ['/', 'names the image root, not a file'],
      ['\\windows\\k.exe', '"\\windows\\k.exe" uses backslashes: image paths use "/"'],
      ['5', 'is a number, not a path'],
      ['null', 'is null, not a path'],
      ['/ok x', 'contains control characters'],
    ]);
  });

  it('keeps an entry that is not an object as a bad path', () => {
    const m = parsed('{"host": {"binaries": [{"linux": ["/linux/tool", {"nopath": 1}]}]}}');
    expect(m.badPaths).toEqual([
      { os: 'linux', path: '/linux/tool', reason: 'is not an object with a "path"' },
      { os: 'linux', path: '(no path)', reason: 'is missing' },
    ]);
  });

  it('checks a path listed twice under one OS once, and says so', () => {
    const m = withDarwin(['/darwin/k', '/darwin//k']);
    expect(m.hostBinaries).toEqual([{ os: 'darwin', path: '/darwin/k' }]);
    expect(m.ignored).toEqual(['/darwin/k is listed twice under darwin: checked once']);
  });

  it('checks the same path listed under two OSes once under each', () => {
    const m = parsed('{"host": {"binaries": [{"darwin": [{"path": "/bin/tool"}], "linux": [{"path": "/bin/tool"}]}]}}');
    expect(m.hostBinaries).toEqual([
      { os: 'darwin', path: '/bin/tool' },
      { os: 'linux', path: '/bin/tool' },
    ]);
    expect(m.ignored).toEqual([]);
  });

  it('keeps the first ignored sentences and counts the rest in one line', () => {
    const keys = Object.fromEntries(Array.from({ length: MAX_IGNORED_NOTES + 10 }, (_, i) => [`k${i}`, 1]));
    const m = parsed(JSON.stringify({ host: { binaries: [keys] } }));
    expect(m.ignored).toHaveLength(MAX_IGNORED_NOTES + 1);
    expect(m.ignored[0]).toBe('host.binaries[0] has "k0", not an OS (darwin, windows, linux): ignored');
    expect(m.ignored.at(-1)).toBe('and 10 more ignored entries');
  });

  it('treats prototype keys as plain labels and never pollutes Object.prototype', () => {
    const text =
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}, "host": {"binaries": [{"__proto__": [{"path": "/p"}], "darwin": [{"path": "/darwin/k", "__proto__": {"path": "/evil"}}]}]}}';
    const m = parsed(text);
    expect(m.hostBinaries).toEqual([{ os: 'darwin', path: '/darwin/k' }]);
    expect(m.ignored).toEqual(['host.binaries[0] has "__proto__", not an OS (darwin, windows, linux): ignored']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseExtensionMetadata vm section', () => {
  it('reads image, composefile (relative to the root) and exposes.socket', () => {
    const m = parsed(
      '{"vm": {"image": " me/backend:1 ", "composefile": "./compose//docker-compose.yaml", "exposes": {"socket": "b.sock"}}}',
    );
    expect(m.vm).toEqual({ image: 'me/backend:1', composefile: '/compose/docker-compose.yaml', socket: 'b.sock' });
  });

  it('ignores, and reports, a vm of the wrong shape', () => {
    expect(parsed('{"vm": "image"}')).toMatchObject({ ignored: ['"vm" is not an object: no backend checked'] });
    const m = parsed('{"vm": {"image": 3, "composefile": "../x.yaml", "exposes": {"socket": []}}}');
    expect(m.vm).toEqual({});
    expect(m.ignored).toEqual([
      '"vm.image" is not a non-empty string: ignored',
      '"vm.composefile" "../x.yaml" contains "..": it must name a file inside the image: ignored',
      '"vm.exposes.socket" is not a non-empty string: ignored',
    ]);
  });
});

describe('normaliseImagePath', () => {
  it('refuses text longer than 4096 characters without scanning it', () => {
    expect(normaliseImagePath(`/${'a'.repeat(5000)}`)).toMatchObject({ ok: false });
    expect(normaliseImagePath(`/${'a'.repeat(MAX_IMAGE_PATH_CHARS)}`)).toMatchObject({
      ok: false,
      error: `is ${MAX_IMAGE_PATH_CHARS + 1} characters long (at most ${MAX_IMAGE_PATH_CHARS})`,
    });
    expect(normaliseImagePath(`/${'a'.repeat(MAX_IMAGE_PATH_CHARS - 1)}`)).toMatchObject({ ok: true });
  });
});
