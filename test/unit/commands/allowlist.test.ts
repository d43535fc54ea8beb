import { describe, expect, it } from 'vitest';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { describeCommand } from '@core/index.js';
import {
  buildxVersion,
  engineVersion,
  imageInspect,
  imagetoolsConfig,
  imagetoolsRaw,
  listExtensionImages,
  manifestInspect,
  parseImageId,
} from '@commands/dockerCommands.js';
import { parseReference } from '@core/index.js';
import type { ImageReference } from '@core/index.js';

function ref(text: string): ImageReference {
  const parsed = parseReference(text);
  if (!parsed.ok) throw new Error(`test setup: ${text} should parse (${parsed.error.reason})`);
  return parsed.value;
}

const GOOD = '127.0.0.1:5000/corpus/good:1.0.0';

describe('isReadOnlyCommand accepts exactly the read-only forms', () => {
  it.each([
    [['buildx', 'version']],
    [['buildx', 'imagetools', 'inspect', GOOD, '--raw']],
    [['buildx', 'imagetools', 'inspect', GOOD, '--format={{.Image|json}}']],
    [['image', 'ls', '--filter=label=com.docker.desktop.extension.api.version', '--format=json']],
    [
      [
        'image',
        'inspect',
        GOOD,
        'c3fa25e2c87d',
        'sha256:c3fa25e2c87ddfd9aa69dab0299546327ebf341483e2dfc1e997137c968d45cf',
      ],
    ],
    [['manifest', 'inspect', GOOD]],
    [['manifest', 'inspect', '--insecure', GOOD]],
    [['manifest', 'inspect', '--insecure', '--verbose', GOOD]],
    [['version', '--format=json']],
    [['extension', 'ls']],
  ])('%j', (args) => {
    expect(isReadOnlyCommand(args)).toBe(true);
  });
});

describe('isReadOnlyCommand refuses everything else', () => {
  it.each([
    [[]],
    [['push', GOOD]],
    [['pull', GOOD]],
    [['rmi', GOOD]],
    [['image', 'rm', GOOD]],
    [['login', '127.0.0.1:5001', '-u', 'testuser']],
    [['run', '--rm', GOOD]],
    [['build', '.']],
    [['tag', GOOD, 'x:y']],
    [['container', 'create', GOOD]],
    [['buildx', 'build', '--push', '.']],
    [['buildx', 'imagetools', 'create', '-t', GOOD, GOOD]],
    [['-H', 'tcp://evil:2375', 'version', '--format=json']],
    [['--config', '/tmp/x', 'buildx', 'version']],
    [['buildx', 'imagetools', 'inspect', GOOD]],
    [['buildx', 'imagetools', 'inspect', GOOD, '--raw', '--format={{.Image|json}}']],
    [['buildx', 'imagetools', 'inspect', GOOD, '--format', '{{json .}}']],
    [['buildx', 'imagetools', 'inspect', GOOD, '--format={{.Manifest|json}}']],
    [['buildx', 'imagetools', 'inspect', '--raw', GOOD]],
    [['image', 'ls']],
    [['image', 'ls', '--filter=label=com.docker.desktop.extension.api.version', '--format={{.ID}}']],
    [['image', 'inspect']],
    [['image', 'inspect', '--format={{.Id}}', GOOD]],
    [['manifest', 'inspect', '--verbose', '--insecure', GOOD]],
    [['manifest', 'push', GOOD]],
    [['version', '--format', '{{json .}}']],
    [['extension', 'install', GOOD]],
    [['extension', 'rm', GOOD]],
    // The fixed commands are exact argv: one word more or less is refused.
    [['buildx']],
    [['buildx', 'version', '--format=json']],
    [['buildx', 'version', 'extra']],
    [['buildx', 'version', '--builder=evil']],
    [['version']],
    [['version', '--format=json', '--context=evil']],
    [['version', '--format=json', 'extra']],
    [['version', '--format={{.Server}}']],
    [['extension']],
    [['extension', 'ls', '--format=json']],
    [['extension', 'ls', 'extra']],
    [['image', 'ls', '--filter=label=com.docker.desktop.extension.api.version', '--format=json', '--all']],
    [['image', 'ls', '--format=json']],
  ])('%j', (args) => {
    expect(isReadOnlyCommand(args)).toBe(false);
  });

  it.each([
    'a;rm -rf /',
    '$(id)',
    '`id`',
    '--output=x',
    '-H',
    'foo bar',
    "it's",
    'a"b',
    'Bad/Name:tag',
    'alpine\n',
    'alpine\u0000',
    '',
  ])('a hostile or invalid reference %j in any reference slot', (hostile) => {
    expect(isReadOnlyCommand(['buildx', 'imagetools', 'inspect', hostile, '--raw'])).toBe(false);
    expect(isReadOnlyCommand(['image', 'inspect', GOOD, hostile])).toBe(false);
    expect(isReadOnlyCommand(['manifest', 'inspect', '--insecure', hostile])).toBe(false);
  });

  it('--insecure only for a registry on this machine (loopback), as manifestInspect builds it', () => {
    for (const loopback of ['127.0.0.1:5000/a/b:1', 'localhost:5000/a/b:1', '[::1]:5000/a/b:1']) {
      expect(isReadOnlyCommand(['manifest', 'inspect', '--insecure', ref(loopback).canonical]), loopback).toBe(true);
      expect(
        isReadOnlyCommand(['manifest', 'inspect', '--insecure', '--verbose', ref(loopback).canonical]),
        loopback,
      ).toBe(true);
    }
    for (const remote of ['ghcr.io/acme/ext:1', 'alpine', '127.0.0.1.example.com/a:1', '10.0.0.5:5000/a/b:1']) {
      const canonical = ref(remote).canonical;
      expect(isReadOnlyCommand(['manifest', 'inspect', '--insecure', canonical]), remote).toBe(false);
      expect(isReadOnlyCommand(['manifest', 'inspect', '--insecure', '--verbose', canonical]), remote).toBe(false);
      expect(isReadOnlyCommand(['manifest', 'inspect', '--verbose', canonical]), remote).toBe(true);
    }
  });

  it('a reference that is valid but not canonical (builders always pass the canonical form)', () => {
    expect(isReadOnlyCommand(['buildx', 'imagetools', 'inspect', 'alpine', '--raw'])).toBe(false);
    expect(isReadOnlyCommand(['buildx', 'imagetools', 'inspect', ref('alpine').canonical, '--raw'])).toBe(true);
  });
});

describe('argv builders', () => {
  const good = ref(GOOD);
  const all: (readonly string[])[] = [
    imagetoolsRaw(good),
    imagetoolsConfig(good),
    manifestInspect(good, false),
    manifestInspect(good, true),
    manifestInspect(ref('ghcr.io/acme/ext:1'), true),
    imageInspect([good, ref('local/dev-extension:latest')]),
    listExtensionImages(),
    buildxVersion(),
    engineVersion(),
  ];

  it.each(all.map((args) => [args]))(
    '%j is on the allowlist and means the same when joined and re-split on whitespace',
    (args) => {
      expect(isReadOnlyCommand(args)).toBe(true);
      expect(args.join(' ').split(/\s+/)).toEqual([...args]);
      expect(args.some((a) => /["'\\]/.test(a))).toBe(false);
    },
  );

  it('the raw and manifest forms are exactly the recorded fixture commands', () => {
    expect(imagetoolsRaw(good)).toEqual(['buildx', 'imagetools', 'inspect', GOOD, '--raw']);
    expect(manifestInspect(good, true)).toEqual(['manifest', 'inspect', '--insecure', '--verbose', GOOD]);
  });

  it('adds --insecure only for loopback registries', () => {
    expect(manifestInspect(ref('localhost:5000/a/b:1'), false)).toContain('--insecure');
    expect(manifestInspect(ref('[::1]:5000/a/b:1'), false)).toContain('--insecure');
    expect(manifestInspect(ref('ghcr.io/acme/ext:1'), false)).not.toContain('--insecure');
    expect(manifestInspect(ref('127.0.0.1.example.com/a:1'), false)).not.toContain('--insecure');
    expect(manifestInspect(ref('alpine'), false)).not.toContain('--insecure');
  });

  it('accepts only engine-shaped image IDs', () => {
    expect(parseImageId('c3fa25e2c87d')).toBe('c3fa25e2c87d');
    expect(parseImageId('sha256:c3fa25e2c87ddfd9aa69dab0299546327ebf341483e2dfc1e997137c968d45cf')).toBeDefined();
    expect(parseImageId('c3fa25e2c87')).toBeUndefined();
    expect(parseImageId('C3FA25E2C87D')).toBeUndefined();
    expect(parseImageId('c3fa25e2c87d;id')).toBeUndefined();
  });
});

describe('describeCommand', () => {
  it('shows the command line, quoting what a shell would need quoted', () => {
    expect(describeCommand(['buildx', 'imagetools', 'inspect', GOOD, '--raw'])).toBe(
      `docker buildx imagetools inspect ${GOOD} --raw`,
    );
    expect(describeCommand(['image', 'inspect', 'a b'])).toBe("docker image inspect 'a b'");
    expect(describeCommand(['buildx', 'imagetools', 'inspect', GOOD, '--format={{.Image|json}}'])).toBe(
      `docker buildx imagetools inspect ${GOOD} '--format={{.Image|json}}'`,
    );
    expect(describeCommand(['x', "it's"])).toBe(`docker x 'it'\\''s'`);
  });
});
