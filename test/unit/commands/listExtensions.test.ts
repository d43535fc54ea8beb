import { describe, expect, it } from 'vitest';
import { inspectMany } from '@commands/inspectMany.js';
import { listInstalledExtensions } from '@commands/listExtensions.js';
import { answer, fixturePort, recordedAnswer } from '../../support/fixturePort.js';

describe('listInstalledExtensions', () => {
  it('lists the engine extension images with ONE image inspect for all of them', async () => {
    const port = fixturePort();
    const listed = await listInstalledExtensions(port.exec);
    if (!listed.ok) throw new Error(`expected a list, got ${listed.error.kind}: ${listed.error.message}`);
    expect(listed.value.map((e) => e.reference)).toEqual([
      'local/dev-extension:latest',
      '127.0.0.1:5000/corpus/many-platforms:1.0.0',
      '127.0.0.1:5000/corpus/wrong-host-binary:1.0.0',
      '127.0.0.1:5000/corpus/legacy-list:1.0.0',
      '127.0.0.1:5000/corpus/arm64-only-attested:1.0.0',
      '127.0.0.1:5000/corpus/amd64-only:1.0.0',
      '127.0.0.1:5000/corpus/good:1.0.0',
    ]);
    expect(port.calls).toHaveLength(2);
    expect(port.calls[0]).toEqual([
      'image',
      'ls',
      '--filter=label=com.docker.desktop.extension.api.version',
      '--format=json',
    ]);
    expect(port.calls[1]?.slice(0, 2)).toEqual(['image', 'inspect']);
    expect(port.calls[1]).toHaveLength(2 + 7);
    const arm = listed.value.find((e) => e.reference.includes('arm64-only'));
    expect(arm?.image.platform).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(listed.value.every((e) => e.image.labels['com.docker.desktop.extension.api.version'] !== undefined)).toBe(
      true,
    );
    expect(port.violations).toEqual([]);
    expect(port.misses).toEqual([]);
  });

  it('its entries are inspect targets that carry the local image: no config call, local-only without image inspect', async () => {
    const listed = await listInstalledExtensions(fixturePort().exec);
    if (!listed.ok) throw new Error('expected a list');
    const port = fixturePort();
    const results = await inspectMany(port.exec, listed.value, { host: { os: 'linux', architecture: 'amd64' } });
    expect(results.map((r) => r.verdict)).toEqual([
      'local-only',
      'ready',
      'ready',
      'ready',
      'incompatible',
      'missing-platforms',
      'ready',
    ]);
    expect(port.calls.every((args) => args.at(-1) === '--raw')).toBe(true);
    expect(port.calls).toHaveLength(7);
    expect(port.misses).toEqual([]);
  });

  it('keeps a name the engine lists that is not a valid reference, and never puts it on a command line (row renamed from the real one)', async () => {
    const real = answer('engine.image-ls-extensions.docker-26.1.5');
    const hostile = real.stdout.replace(
      '"Repository":"local/dev-extension"',
      '"Repository":"local/dev-extension;rm -rf ~"',
    );
    const port = fixturePort([(args) => (args[1] === 'ls' ? { ...real, stdout: hostile } : undefined)]);
    const listed = await listInstalledExtensions(port.exec);
    if (!listed.ok) throw new Error('expected a list');
    expect(listed.value[0]?.reference).toBe('local/dev-extension;rm -rf ~:latest');
    expect(port.calls.flat().some((a) => a.includes('rm -rf'))).toBe(false);
  });

  it('an empty store runs no image inspect (the real listing, emptied)', async () => {
    const port = fixturePort([(args) => (args[1] === 'ls' ? { stdout: '', stderr: '', exitCode: 0 } : undefined)]);
    const listed = await listInstalledExtensions(port.exec);
    expect(listed).toEqual({ ok: true, value: [] });
    expect(port.calls).toHaveLength(1);
  });

  it('an unreachable engine is a typed failure', async () => {
    const port = fixturePort([(args) => (args[1] === 'ls' ? recordedAnswer('engine-unreachable.version') : undefined)]);
    const listed = await listInstalledExtensions(port.exec);
    expect(listed.ok).toBe(false);
    if (!listed.ok) expect(listed.error.kind).toBe('unreachable');
  });
});
