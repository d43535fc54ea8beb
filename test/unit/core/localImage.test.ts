import { describe, expect, it } from 'vitest';
import { parseImageInspect, parseImageList, parseReference, platformKey } from '@core/index.js';
import { fixtureNames, loadFixture } from '../../support/recordings.js';

describe('parseImageInspect on every recorded docker image inspect', () => {
  const names = fixtureNames(/^engine\.image-inspect\./);
  it('has both stacks for each image', () => {
    expect(names.filter((n) => n.endsWith('docker-26.1.5'))).toHaveLength(names.length / 2);
  });

  it.each(names)('%s', (name) => {
    const r = parseImageInspect(loadFixture(name).stdout);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(1);
    const [image] = r.value;
    expect(image?.id).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(image?.repoTags).toHaveLength(1);
    expect(image?.labels['com.docker.desktop.extension.api.version']).toBe('>= 0.3.4');
    // The engine holds the platform it pulled: arm64 for the arm64-only image, amd64 otherwise (amd64 host).
    expect(image?.platform && platformKey(image.platform)).toBe(
      name.includes('arm64-only') ? 'linux/arm64' : 'linux/amd64',
    );
  });

  it('several images at once, and an empty answer', () => {
    const one = JSON.parse(loadFixture('engine.image-inspect.good.docker-26.1.5').stdout) as unknown[];
    const two = JSON.parse(loadFixture('engine.image-inspect.local-only.docker-28.5.2').stdout) as unknown[];
    const r = parseImageInspect(JSON.stringify([...one, ...two]));
    expect(r.ok && r.value.map((i) => i.repoTags[0])).toEqual([
      '127.0.0.1:5000/corpus/good:1.0.0',
      'local/dev-extension:latest',
    ]);
    expect(parseImageInspect('[]\n')).toEqual({ ok: true, value: [] });
  });

  it('null RepoTags/Labels are empty; wrong types are errors (built from a real one)', () => {
    const base =
      (JSON.parse(loadFixture('engine.image-inspect.good.docker-28.5.2').stdout) as Record<string, unknown>[])[0] ?? {};
    const nulls = parseImageInspect(
      JSON.stringify([{ ...base, RepoTags: null, RepoDigests: null, Config: { Labels: null } }]),
    );
    expect(nulls.ok && nulls.value[0]).toMatchObject({ repoTags: [], repoDigests: [], labels: {} });
    for (const broken of [
      { Id: 1 },
      { RepoTags: 'x' },
      { RepoTags: [1] },
      { Config: [] },
      { Config: { Labels: 'x' } },
      { Architecture: 7 },
    ]) {
      expect(parseImageInspect(JSON.stringify([{ ...base, ...broken }])).ok).toBe(false);
    }
    expect(parseImageInspect('{}').ok).toBe(false);
  });
});

describe('parseImageList on the recorded docker image ls (both stacks)', () => {
  it.each(fixtureNames(/^engine\.image-ls-extensions\./))('%s: seven valid references', (name) => {
    const r = parseImageList(loadFixture(name).stdout);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(7);
    expect(r.value.map((row) => row.reference)).toContain('local/dev-extension:latest');
    expect(r.value.map((row) => row.reference)).toContain('127.0.0.1:5000/corpus/good:1.0.0');
    for (const row of r.value) expect(parseReference(row.reference).ok).toBe(true);
  });

  it('<none> tags fall back to repo@digest, then to the id (built from a real row)', () => {
    const line = loadFixture('engine.image-ls-extensions.docker-28.5.2').stdout.split('\n')[0] ?? '';
    const row = JSON.parse(line) as Record<string, string>;
    const digest = `sha256:${'c'.repeat(64)}`;
    const text = [
      JSON.stringify({ ...row, Tag: '<none>', Digest: digest }),
      '',
      JSON.stringify({ ...row, Repository: '<none>', Tag: '<none>' }),
    ].join('\r\n');
    const r = parseImageList(text);
    expect(r.ok && r.value.map((x) => x.reference)).toEqual([`${row.Repository}@${digest}`, row.ID]);
  });

  it('a broken line is an error naming the line', () => {
    const r = parseImageList('{"ID":"a","Repository":"x","Tag":"1"}\n{"ID":');
    expect(!r.ok && r.error.message).toMatch(/line 2/);
    expect(parseImageList('{"ID":5,"Repository":"x","Tag":"1"}').ok).toBe(false);
  });
});
