/**
 * Real results for the this-machine rule's tests: the platform results of the recorded corpus (test/data/fixtures
 * replayed through the command layer), and each deep corpus image (test/support/deepCorpusEntries.ts) put through
 * the real deep check: its real metadata.json and compose file (test/env/corpus/deep-<folder>/), each listed path
 * holding the real executable head (test/data/deep/heads) the corpus table says it holds, on the recorded index of
 * corpus/good (both variants). The tests check that these reproduce the corpus table before using them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DeepCheckResult, FoundFile, InspectResult, Platform } from '@core/index.js';
import { inspectImage, type InspectTarget } from '@commands/inspectImage.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import { fixturePort } from './fixturePort.js';
import { fileOf, type HeadName } from './deepData.js';
import type { DeepCorpusEntry, DeepExpectedBinary } from './deepCorpusShape.js';
import { deps, fakePlatformCheck, fakeReader, textFile, type FakeVariant } from './fakeReader.js';
import { recorded } from './corpus.js';
import { resultFor } from './recordedResults.js';

const CORPUS_DIR = fileURLToPath(new URL('../env/corpus/', import.meta.url));
/** The registry the recorded fixtures name (127.0.0.1:5000), standing in for the test environment's open one. */
const RECORDED_REGISTRY = '127.0.0.1:5000';

/** The platform result of a recorded reference (or an engine's local image), as the command layer makes it. */
export async function recordedResult(target: InspectTarget, host: Platform | undefined): Promise<InspectResult> {
  return inspectImage(fixturePort().exec, target, host === undefined ? {} : { host });
}

/** The real head an expected cell holds: by OS, and the CPU (or kind) the corpus says was found. */
function headFor(b: DeepExpectedBinary): HeadName {
  const found = b.found ?? '';
  if (found.startsWith('universal')) return 'universal';
  if (found === 'script') return b.path.endsWith('.cmd') ? 'cmd' : b.path.endsWith('.ps1') ? 'ps1' : 'sh';
  const arm = found === 'arm64';
  if (b.os === 'darwin') return arm ? 'darwinArm64' : 'darwinX64';
  if (b.os === 'windows') return arm ? 'winArm64' : 'winX64';
  return arm ? 'linuxArm64' : 'linuxX64';
}

/** What the reader finds at one listed path of one variant, as the corpus table describes it. */
function foundFile(b: DeepExpectedBinary, entries: readonly DeepExpectedBinary[]): FoundFile | undefined {
  if (b.state === 'missing') return { kind: 'missing', path: b.path, whitedOut: b.whitedOut === true };
  if (b.state === 'unreadable')
    return b.found === 'symlink' ? { kind: 'symlink', path: b.path, target: 'esbuild' } : undefined;
  if (b.found === 'directory') {
    const inside = entries.filter((e) => e.platform === b.platform && e.path.startsWith(`${b.path}/`));
    return { kind: 'directory', path: b.path, entries: inside.map((e) => fileOf(e.path, headFor(e))) };
  }
  return fileOf(b.path, headFor(b));
}

function corpusText(folder: string, file: string): string {
  return readFileSync(`${CORPUS_DIR}deep-${folder}/${file}`, 'utf8');
}

/**
 * The deep check's result for one deep corpus image, on a machine of platform `host`: its platform result is the
 * recorded corpus/good index (both variants), its files those the table describes.
 */
export async function deepCorpusResult(entry: DeepCorpusEntry, host: Platform | undefined): Promise<DeepCheckResult> {
  const reference = `${RECORDED_REGISTRY}/deep/${entry.name}:1.0.0`;
  const platform: InspectResult = { ...resultFor('good', host), reference, canonical: reference };
  const digests = new Map((platform.manifest?.platforms ?? []).map((p) => [p.key, p.digest]));
  const worker = recorded('amd64-only');
  const metadata =
    entry.metadata === 'absent' ? undefined : textFile('/metadata.json', corpusText(entry.folder, 'metadata.json'));
  const compose =
    entry.name === 'compose-backend'
      ? textFile(
          '/docker-compose.yaml',
          corpusText(entry.folder, 'docker-compose.yaml').replace('@REGISTRY@', RECORDED_REGISTRY),
        )
      : undefined;
  const variants: Record<string, FakeVariant> = {};
  for (const [key, digest] of digests) {
    const files: Record<string, FoundFile> = {};
    if (metadata !== undefined) files['/metadata.json'] = metadata;
    if (compose !== undefined) files['/docker-compose.yaml'] = compose;
    const cells = entry.hostBinaries.filter((b) => b.platform === key);
    for (const b of cells) {
      const found = foundFile(b, cells);
      if (found !== undefined) files[b.path] = found;
    }
    variants[digest] = { files };
  }
  const check = fakePlatformCheck({
    [reference]: platform,
    [worker]: { ...resultFor('amd64-only', host), reference: worker },
  });
  return deepCheck(reference, deps(fakeReader(variants), check));
}
