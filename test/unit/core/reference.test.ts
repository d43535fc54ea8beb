import { describe, expect, it } from 'vitest';
import { parseReference, pushTarget } from '@core/index.js';
import { fixtureNames, loadFixture } from '../../support/recordings.js';

const SAFE_ARG = /^[a-z0-9[][a-zA-Z0-9._:/@\-[\]]*$/;
const SHA = `sha256:${'0123456789abcdef'.repeat(4)}`;

function reasonFor(input: string): string {
  const r = parseReference(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  expect(r.error.kind).toBe('invalid-reference');
  expect(r.error.input).toBe(input);
  return r.error.reason;
}

describe('parseReference: valid references, normalised', () => {
  it.each([
    ['alpine', 'docker.io/library/alpine:latest', 'alpine:latest'],
    ['library/alpine:3.19', 'docker.io/library/alpine:3.19', 'alpine:3.19'],
    ['docker.io/library/alpine', 'docker.io/library/alpine:latest', 'alpine:latest'],
    [
      'index.docker.io/docker/labs-debug-tools-extension:0.0.46',
      'docker.io/docker/labs-debug-tools-extension:0.0.46',
      'docker/labs-debug-tools-extension:0.0.46',
    ],
    [
      'docker/disk-usage-extension',
      'docker.io/docker/disk-usage-extension:latest',
      'docker/disk-usage-extension:latest',
    ],
    ['127.0.0.1:5000/corpus/good:1.0.0', '127.0.0.1:5000/corpus/good:1.0.0', '127.0.0.1:5000/corpus/good:1.0.0'],
    ['localhost/dev', 'localhost/dev:latest', 'localhost/dev:latest'],
    [
      'localhost:5000/a/b/c_d__e-f---g.h:v1.2-rc_3',
      'localhost:5000/a/b/c_d__e-f---g.h:v1.2-rc_3',
      'localhost:5000/a/b/c_d__e-f---g.h:v1.2-rc_3',
    ],
    [`ghcr.io/org/x@${SHA}`, `ghcr.io/org/x@${SHA}`, `ghcr.io/org/x@${SHA}`],
    [`alpine:3@${SHA}`, `docker.io/library/alpine:3@${SHA}`, `alpine:3@${SHA}`],
    ['[::1]:5000/foo:1', '[::1]:5000/foo:1', '[::1]:5000/foo:1'],
    [
      'my-registry.example.com:443/team/ext:Tag_With.Upper-1',
      'my-registry.example.com:443/team/ext:Tag_With.Upper-1',
      'my-registry.example.com:443/team/ext:Tag_With.Upper-1',
    ],
  ])('%s -> %s', (input, canonical, familiar) => {
    const r = parseReference(input);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.canonical).toBe(canonical);
    expect(r.value.familiar).toBe(familiar);
    expect(r.value.canonical).toMatch(SAFE_ARG);
  });

  it('splits domain, path, tag and digest', () => {
    const r = parseReference(`127.0.0.1:5001/private/good:1.0.0@${SHA}`);
    expect(r.ok && r.value).toMatchObject({
      domain: '127.0.0.1:5001',
      path: 'private/good',
      tag: '1.0.0',
      digest: SHA,
    });
  });

  it('a digest-only reference has no default tag; its push target does', () => {
    const r = parseReference(`example.com/a@${SHA}`);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.value.tag).toBeUndefined();
    expect(pushTarget(r.value)).toBe('example.com/a:latest');
  });

  it('accepts every reference the engine listed in the recorded image ls output', () => {
    for (const name of fixtureNames(/^engine\.image-inspect\./)) {
      const tags = (JSON.parse(loadFixture(name).stdout) as { RepoTags: string[] }[])[0]?.RepoTags ?? [];
      for (const tag of tags) expect(parseReference(tag).ok).toBe(true);
    }
  });

  it('accepts a 255-character name', () => {
    const name = `example.com/${'a'.repeat(255 - 'example.com/'.length)}`;
    expect(parseReference(name).ok).toBe(true);
  });
});

describe('parseReference: refuses with a reason, never throws', () => {
  it.each([
    ['', /empty/],
    ['a;rm -rf /', /shell character ";"/],
    ['$(id)', /shell character "\$"/],
    ['`id`', /quotes/],
    ['--output=x', /starts with "-"/],
    ['-alpine', /starts with "-"/],
    ['foo bar', /whitespace/],
    ['foo\tbar', /control characters/],
    ['alpine\n--output=/tmp/x', /control characters/],
    ['alpine\u0000', /control characters/],
    ["alpine'", /quotes/],
    ['"alpine"', /quotes/],
    ['Bad/Name:tag', /must be lowercase/],
    ['ALPINE', /must be lowercase/],
    ['alpine|cat', /shell character "\|"/],
    ['alpine&&x', /shell character "&"/],
    ['alpine>x', /shell character ">"/],
    ['a/../b', /path component/],
    ['a//b', /empty path component/],
    ['a/b/', /empty path component/],
    ['a:', /tag "" is not valid/],
    [`a:${'t'.repeat(129)}`, /tag/],
    ['a:.tag', /tag/],
    ['a@sha256:abc', /algorithm:hex/],
    [`a@sha256:${'a'.repeat(40)}`, /64 hex digits, not 40/],
    [`a@sha256:${'A'.repeat(64)}`, /algorithm:hex/],
    [`a@${SHA}@${SHA}`, /more than one "@"/],
    ['example.com:99999/a', /port 99999/],
    ['exa_mple.com/a', /registry host/],
    ['-.com/a', /starts with "-"/],
    ['a-/b', /path component "a-"/],
    ['_a', /path component/],
    [`example.com/${'a'.repeat(300)}`, /longer than 255/],
    ['a'.repeat(513), /longer than 512/],
    ['alpine:1.0 ', /whitespace/],
    ['ünïcode', /character "ü"/],
  ])('%j: %s', (input, reason) => {
    expect(reasonFor(input)).toMatch(reason);
  });

  it('property: no accepted reference is unsafe as one argument', () => {
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed;
    };
    const alphabet = 'abcAB019._-:/@[] ;$`\'"\\|&<>(){}*?!~#^%,=+\n\t';
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + (next() % 24);
      let input = '';
      for (let j = 0; j < length; j++) input += alphabet[next() % alphabet.length] ?? '';
      const r = parseReference(input);
      if (r.ok) {
        accepted++;
        expect(r.value.canonical).toMatch(SAFE_ARG);
        expect(r.value.canonical.startsWith('-')).toBe(false);
        expect(parseReference(r.value.canonical)).toEqual(r);
      } else {
        expect(r.error.reason.length).toBeGreaterThan(0);
      }
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
