import { describe, expect, it } from 'vitest';
import { backendImagesOf } from '@core/inside/backendImages.js';
import {
  MAX_COMPOSE_ALIAS_USES,
  MAX_COMPOSE_BYTES,
  MAX_COMPOSE_DEPTH,
  MAX_COMPOSE_TOKENS,
  composeImages,
  isSelfImage,
} from '@core/inside/compose.js';
import { parseExtensionMetadata } from '@core/inside/metadata.js';
import { dataText } from '../../../support/deepData.js';

function images(text: string) {
  const result = composeImages(text);
  if (!result.ok) throw new Error(`expected services, got ${result.error.message}`);
  return result.value;
}

describe('composeImages on real extension compose files', () => {
  it('volumes-backup: the one service runs the extension image itself', () => {
    expect(images(dataText('compose/volumes-backup-extension.yaml'))).toEqual([
      { service: 'vackup-docker-extension', kind: 'self', image: '${DESKTOP_PLUGIN_IMAGE}' },
    ]);
  });

  it('labs-ai-tools: a separate backend image', () => {
    expect(images(dataText('compose/labs-ai-tools-for-devs.yaml'))).toEqual([
      { service: 'mcp_docker', kind: 'image', image: 'mcp/docker:0.0.4' },
    ]);
  });

  it('portainer: a backend image, with $$ escapes elsewhere in the file left alone', () => {
    expect(images(dataText('compose/portainer-docker-extension.yml'))).toEqual([
      { service: 'portainer', kind: 'image', image: 'portainerci/portainer:pr6644' },
    ]);
  });

  it('openwebui script: build+image, a model provider with no image, a build-only service', () => {
    expect(images(dataText('compose/openwebui-model-runner-script.yaml'))).toEqual([
      { service: 'openwebui', kind: 'image', image: 'openwebui-model-runner:latest' },
      { service: 'llm', kind: 'no-image', reason: 'is a provider, not a container' },
      { service: 'mcp-server', kind: 'no-image', reason: 'is built from source (build: without image:)' },
    ]);
  });
});

describe('composeImages image forms', () => {
  it('recognises ${DESKTOP_PLUGIN_IMAGE} and $DESKTOP_PLUGIN_IMAGE as the extension itself', () => {
    const list = images(
      'services:\n  a:\n    image: $DESKTOP_PLUGIN_IMAGE\n  b:\n    image: "${DESKTOP_PLUGIN_IMAGE}"\n  c:\n    image: ${DESKTOP_PLUGIN_IMAGE:-x}\n',
    );
    expect(list.map((s) => s.kind)).toEqual(['self', 'self', 'self']);
    expect(isSelfImage('${DESKTOP_PLUGIN_IMAGE}suffix')).toBe(false);
    expect(isSelfImage('$DESKTOP_PLUGIN_IMAGE_2')).toBe(false);
  });

  it('marks other variables as unresolved, and un-escapes $$', () => {
    expect(images('services:\n  a:\n    image: ${REGISTRY:-docker.io}/me/x:1\n  b:\n    image: me/x:$$1\n')).toEqual([
      {
        service: 'a',
        kind: 'unresolved',
        image: '${REGISTRY:-docker.io}/me/x:1',
        reason: 'names ${REGISTRY}, which Docker Desktop does not set',
      },
      { service: 'b', kind: 'image', image: 'me/x:$1' },
    ]);
  });

  it('un-escapes $$ before looking for variables: $$NAME is a literal $NAME, not a variable', () => {
    expect(images('services:\n  a:\n    image: me/x:1$$LATEST\n')).toEqual([
      { service: 'a', kind: 'image', image: 'me/x:1$LATEST' },
    ]);
  });

  it('marks a non-string image as unresolved, and a non-mapping service as having none', () => {
    expect(images('services:\n  a:\n    image: [1, 2]\n  b: 3\n  c:\n    image: ""\n')).toEqual([
      { service: 'a', kind: 'unresolved', image: '1,2', reason: 'image is not a plain non-empty string' },
      { service: 'b', kind: 'no-image', reason: 'is not a mapping' },
      { service: 'c', kind: 'unresolved', image: '', reason: 'image is not a plain non-empty string' },
    ]);
  });

  it('follows merge keys (<<) as Compose does', () => {
    const text = 'x-base: &base\n  image: me/base:1\nservices:\n  a:\n    <<: *base\n';
    expect(images(text)).toEqual([{ service: 'a', kind: 'image', image: 'me/base:1' }]);
  });
});

describe('composeImages on bad input gives a typed problem', () => {
  it.each([
    ['not YAML', 'services: [\n  a', 'not-yaml'],
    ['a scalar', 'just text', 'not-yaml'],
    ['two documents', 'services: {}\n---\nservices: {}\n', 'not-yaml'],
    ['duplicate keys', 'services:\n  a: {image: x}\n  a: {image: y}\n', 'not-yaml'],
    ['no services', 'version: "3"\n', 'no-services'],
    ['services a list', 'services:\n  - a\n', 'no-services'],
    ['empty services', 'services: {}\n', 'no-services'],
  ] as const)('%s', (_name, text, reason) => {
    expect(composeImages(text)).toMatchObject({ ok: false, error: { reason } });
  });

  it('stops an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i += 1)
      lines.push(
        `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10)
          .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
          .join(', ')}]`,
      );
    lines.push('services:\n  s:\n    image: me/x:1');
    const result = composeImages(lines.join('\n'));
    expect(result).toMatchObject({ ok: false, error: { reason: 'not-yaml' } });
  });

  it('refuses more than 1 MiB, and a non-string', () => {
    expect(composeImages(`# ${'x'.repeat(MAX_COMPOSE_BYTES)}`)).toMatchObject({
      ok: false,
      error: { reason: 'too-large' },
    });
    expect(composeImages(undefined)).toMatchObject({ ok: false, error: { reason: 'not-yaml' } });
  });

  it('refuses nesting past 64 levels before parsing, with a clear message (block, compact and flow forms)', () => {
    expect(MAX_COMPOSE_DEPTH).toBe(64);
    const deep = {
      // Each of these made the parser overflow its stack or exhaust the heap (a fatal out-of-memory for "- - -").
      compact: `services:\n  a:\n    x:\n${'- '.repeat(200_000)}y\n`,
      flow: `services:\n  a:\n    x: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`,
      indented: `services:\n${Array.from({ length: 900 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} x\n`,
      // An empty block scalar between the levels must not hide them.
      scalars: `services:\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i + 1)}s${i}: |\n${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`,
    };
    for (const text of Object.values(deep)) {
      expect(composeImages(text)).toEqual({
        ok: false,
        error: { reason: 'too-deep', message: `compose file nests deeper than ${MAX_COMPOSE_DEPTH} levels` },
      });
    }
    // Nesting within the limit is parsed as usual.
    const nested = `services:\n  a:\n    image: me/x:1\n    x: ${'['.repeat(20)}${']'.repeat(20)}\n`;
    expect(images(nested)).toEqual([{ service: 'a', kind: 'image', image: 'me/x:1' }]);
  });

  it('refuses a large flat file by its token count before the parser builds its tree', () => {
    // 400 KB: parsed, this took hundreds of MB.
    const flat = `services:\n  a:\n    image: me/x:1\nx: [${'1,'.repeat(200_000)}1]\n`;
    expect(composeImages(flat)).toEqual({
      ok: false,
      error: { reason: 'too-large', message: `compose file has more than ${MAX_COMPOSE_TOKENS} YAML tokens` },
    });
    // Two hundred services, the most looked at, stay well within the tokens.
    const many = `services:\n${Array.from({ length: 200 }, (_, i) => `  s${i}:\n    image: me/x:${i}\n`).join('')}`;
    expect(images(many)).toHaveLength(200);
  });

  it('refuses an alias bomb by its aliases, before the token limit and before the parser expands anything', () => {
    const levels = 'abcdefghi'.split('');
    const anchors = levels.map((name, i) =>
      i === 0
        ? `x-${name}: &${name} [lol, lol]`
        : `x-${name}: &${name} [${Array(9)
            .fill(`*${levels[i - 1]}`)
            .join(', ')}]`,
    );
    const bomb = `${anchors.join('\n')}\nx-many: [${Array(10_000).fill('*i').join(', ')}]\nservices:\n  a:\n    image: me/x:1\n`;
    expect(composeImages(bomb)).toEqual({
      ok: false,
      error: {
        reason: 'too-large',
        message: `compose file uses more than ${MAX_COMPOSE_ALIAS_USES} YAML aliases (the mark of an alias bomb)`,
      },
    });
    // A compose file that reuses an anchor per service, as real ones do, is parsed as usual.
    const reused = `x-common: &common\n  restart: always\nservices:\n${Array.from({ length: 50 }, (_, i) => `  s${i}:\n    <<: *common\n    image: me/x:${i}\n`).join('')}`;
    expect(images(reused)).toHaveLength(50);
  });

  it('keeps a __proto__ service as a plain name', () => {
    const list = images('services:\n  __proto__:\n    image: me/x:1\n');
    expect(list).toEqual([{ service: '__proto__', kind: 'image', image: 'me/x:1' }]);
    expect(({} as Record<string, unknown>).image).toBeUndefined();
  });
});

describe('backendImagesOf', () => {
  it('lists vm.image and each compose service image, marking the extension itself', () => {
    const metadata = parseExtensionMetadata('{"vm": {"image": "${DESKTOP_PLUGIN_IMAGE}"}}');
    if (!metadata.ok) throw new Error(metadata.error.message);
    const compose = images(dataText('compose/openwebui-model-runner-script.yaml'));
    expect(backendImagesOf(metadata.value, compose)).toEqual([
      { reference: '${DESKTOP_PLUGIN_IMAGE}', source: 'vm.image', self: true },
      { reference: 'openwebui-model-runner:latest', source: 'compose:openwebui', self: false },
    ]);
  });
});
