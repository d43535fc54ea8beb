/**
 * Bad input for the stand-in, derived from recorded outputs (and named so): many installed
 * extensions whose registry refuses the connection, with very long names and references and a
 * right-to-left title. Each image is the recorded `docker image inspect` of the good corpus image
 * with its ID, tag and title changed; the listing is the recorded `docker image ls` line repeated;
 * the registry's answer is the recorded "connection refused".
 */
import { createHash } from 'node:crypto';
import { loadFixture, type Recording } from '../recordings.js';
import { aliases, derived, imageRecord, reply } from './corpusConfig.js';
import type { ImageRecord, Reply, StandinConfig } from './standinTypes.js';

/** An installed extension to make up: its reference and, when it has one, its title label. */
export interface BadImage {
  readonly reference: string;
  readonly title?: string;
}

/** A registry nobody listens on (the recorded "connection refused" was taken against it). */
export const REFUSED = '127.0.0.1:5999';
/** 200 characters, no space. */
export const LONG_WORD = `ArchMatrix${'Extension'.repeat(21)}`.slice(0, 200);
export const LONG_REFERENCE = `${REFUSED}/${'x'.repeat(200)}:1.0.0`;
/** Arabic and Hebrew, with an English word in the middle. */
export const RTL_TITLE = 'إضافة تجريبية Arch Matrix תוסף בדיקה';

/** `count` images on the refused registry: the first with a long title, the second a long reference, the third right to left. */
export function badImages(count: number): BadImage[] {
  return Array.from({ length: count }, (_, i): BadImage => {
    if (i === 0) return { reference: `${REFUSED}/bad/long-title:1.0.0`, title: LONG_WORD };
    if (i === 1) return { reference: LONG_REFERENCE };
    if (i === 2) return { reference: `${REFUSED}/bad/rtl:1.0.0`, title: RTL_TITLE };
    return { reference: `${REFUSED}/bad/extension-${String(i).padStart(2, '0')}:1.0.0`, title: `Unreachable ${i}` };
  });
}

const idOf = (reference: string): string => createHash('sha256').update(reference).digest('hex');

function split(reference: string): { repository: string; tag: string } {
  const colon = reference.lastIndexOf(':');
  return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

/** The recorded `docker image inspect` of the good image, as this image (ID, tag, digest and title changed). */
function inspectRecord(image: BadImage): ImageRecord {
  const rec = loadFixture('engine.image-inspect.good.docker-26.1.5');
  const [element] = JSON.parse(rec.stdout) as Record<string, unknown>[];
  if (element === undefined) throw new Error('empty recording');
  const config = element['Config'] as { Labels: Record<string, string> };
  const labels = { ...config.Labels };
  if (image.title === undefined) delete labels['org.opencontainers.image.title'];
  else labels['org.opencontainers.image.title'] = image.title;
  const id = idOf(image.reference);
  const changed = {
    ...element,
    Id: `sha256:${id}`,
    RepoTags: [image.reference],
    RepoDigests: [`${split(image.reference).repository}@sha256:${id}`],
    Config: { ...config, Labels: labels },
  };
  const derivedRec: Recording = {
    ...rec,
    name: `${rec.name} (as ${image.reference})`,
    stdout: JSON.stringify([changed], null, 4),
  };
  return imageRecord(derivedRec);
}

/** The recorded `docker image ls` of extension images, one line per image (its first line with ID, repository and tag changed). */
function listReply(images: readonly BadImage[]): Reply {
  const rec = loadFixture('engine.image-ls-extensions.docker-26.1.5');
  const first = JSON.parse(rec.stdout.split('\n')[0] ?? '{}') as Record<string, string>;
  const lines = images.map((image) => {
    const { repository, tag } = split(image.reference);
    return JSON.stringify({ ...first, ID: idOf(image.reference).slice(0, 12), Repository: repository, Tag: tag });
  });
  return derived(reply('image-ls', rec), `${images.length} made-up extension images`, {
    stdout: `${lines.join('\n')}\n`,
  });
}

/** The recorded "connection refused" of the registry, for every one of the images. */
function refusedReplies(images: readonly BadImage[]): Reply[] {
  const refs = images.flatMap((image) => aliases(image.reference));
  return [
    derived(reply('imagetools-raw', loadFixture('error-connection-refused.imagetools-raw')), 'for the made-up images', {
      refs,
    }),
    derived(
      reply('manifest-inspect', loadFixture('error-connection-refused.manifest-inspect')),
      'for the made-up images',
      {
        refs,
      },
    ),
  ];
}

/** Docker Desktop (arm64 Mac) with only the bad images installed, none of them reachable. */
export function badInputConfig(images: readonly BadImage[]): StandinConfig {
  return {
    host: { platform: 'darwin', arch: 'arm64', hostname: 'standin' },
    extensionImage: images[0]?.reference ?? '',
    replies: [
      reply('buildx-version', loadFixture('buildx-version.buildx-0.13.1')),
      reply('engine-version', loadFixture('engine.version.docker-26.1.5')),
      listReply(images),
      ...refusedReplies(images),
    ],
    images: images.map(inspectRecord),
    delayMs: 5,
  };
}
