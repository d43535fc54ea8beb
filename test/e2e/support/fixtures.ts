/**
 * Node side of the stand-in: loads recorded outputs (test/data/fixtures, and the few extra real
 * recordings in ./recordings) and builds the StandinConfig that the page replays.
 * Nothing here is made up: every stdout/stderr is a recorded one; tests that need another shape
 * derive it from a recorded one (see `derived`) and say so in their names.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Behaviour, CommandKind, ImageRecord, Reply, StandinConfig } from './standinTypes';

export interface Recording {
  readonly tool: string;
  readonly argv: readonly string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

// Plain paths, not URL objects: under jsdom the global URL is not the one node:fs accepts.
const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, '..', '..', 'data', 'fixtures');
const RECORDINGS = join(HERE, 'recordings');

function isRecording(value: unknown): value is Recording {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['tool'] === 'string' &&
    Array.isArray(v['argv']) &&
    v['argv'].every((a) => typeof a === 'string') &&
    typeof v['exitCode'] === 'number' &&
    typeof v['stdout'] === 'string' &&
    typeof v['stderr'] === 'string'
  );
}

function load(base: string, name: string): Recording {
  const data: unknown = JSON.parse(readFileSync(join(base, `${name}.json`), 'utf8'));
  if (!isRecording(data)) throw new Error(`${name}.json is not a recording`);
  return data;
}

/** A recorded fixture from test/data/fixtures. */
export const fixture = (name: string): Recording => load(FIXTURES, name);
/** An extra real recording from test/e2e/support/recordings (see record.sh there). */
export const recording = (name: string): Recording => load(RECORDINGS, name);

/** Every spelling docker accepts for the same image: familiar, docker.io/..., docker.io/library/..., with/without :latest. */
export function aliases(reference: string): string[] {
  const names = new Set<string>([reference]);
  const firstSlash = reference.indexOf('/');
  const first = firstSlash === -1 ? '' : reference.slice(0, firstSlash);
  const hasDomain = first.includes('.') || first.includes(':') || first === 'localhost';
  const withDomain = hasDomain ? reference : `docker.io/${firstSlash === -1 ? 'library/' : ''}${reference}`;
  names.add(withDomain);
  const lastPart = withDomain.slice(withDomain.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !withDomain.includes('@')) names.add(`${withDomain}:latest`);
  return [...names];
}

/** The image reference in a recorded argv: the operand after `imagetools inspect`, or manifest inspect's last operand. */
function referenceIn(argv: readonly string[]): string {
  const operands = argv.filter((arg, i) => !arg.startsWith('-') && !(argv[i - 1] === '--format'));
  const ref = argv[0] === 'manifest' ? operands[operands.length - 1] : operands[3];
  if (ref === undefined) throw new Error(`no reference in ${argv.join(' ')}`);
  return ref;
}

export function reply(kind: CommandKind, name: string, rec: Recording, behaviour: Behaviour = 'answer'): Reply {
  const refs = kind.startsWith('imagetools') || kind.startsWith('manifest') ? aliases(referenceIn(rec.argv)) : [];
  return { kind, refs, exitCode: rec.exitCode, stdout: rec.stdout, stderr: rec.stderr, behaviour, origin: name };
}

/** A reply whose output a test derived from a recorded one; `how` names the change. */
export function derived(base: Reply, how: string, change: Partial<Pick<Reply, 'stdout' | 'stderr' | 'exitCode' | 'behaviour' | 'refs'>>): Reply {
  return { ...base, ...change, origin: `${base.origin} (${how})` };
}

export function imageRecord(rec: Recording): ImageRecord {
  const parsed: unknown = JSON.parse(rec.stdout);
  if (!Array.isArray(parsed) || parsed.length !== 1) throw new Error('expected a one-image `docker image inspect` recording');
  const element = parsed[0] as { Id?: unknown; RepoTags?: unknown };
  const id = typeof element.Id === 'string' ? element.Id.replace(/^sha256:/, '') : '';
  const tags = Array.isArray(element.RepoTags) ? element.RepoTags.filter((t): t is string => typeof t === 'string') : [];
  return { ids: [id], names: tags.flatMap(aliases), element: JSON.stringify(element, null, 4), stdout: rec.stdout };
}

/** The corpus names with registry recordings (test/data/fixtures/README.md). */
export const CORPUS = ['good', 'amd64-only', 'arm64-only-attested', 'legacy-list', 'wrong-host-binary', 'many-platforms', 'windows-entry'] as const;
/** The corpus images in the recorded local store (the engine's `image ls` of extension images), plus the local-only one. */
export const INSTALLED = ['good', 'amd64-only', 'arm64-only-attested', 'legacy-list', 'wrong-host-binary', 'many-platforms', 'local-only'] as const;

export function registryReplies(): Reply[] {
  const replies: Reply[] = [];
  for (const name of CORPUS) {
    replies.push(reply('imagetools-raw', `${name}.imagetools-raw`, fixture(`${name}.imagetools-raw`)));
    replies.push(reply('imagetools-config', `${name}.imagetools-image`, fixture(`${name}.imagetools-image`)));
    replies.push(reply('manifest-inspect', `${name}.manifest-inspect`, fixture(`${name}.manifest-inspect`)));
    replies.push(reply('manifest-inspect-verbose', `${name}.manifest-inspect-verbose`, fixture(`${name}.manifest-inspect-verbose`)));
  }
  for (const name of ['error-unauthorized', 'error-tag-not-found', 'error-repo-not-found', 'error-connection-refused']) {
    replies.push(reply('imagetools-raw', `${name}.imagetools-raw`, fixture(`${name}.imagetools-raw`)));
    replies.push(reply('manifest-inspect', `${name}.manifest-inspect`, fixture(`${name}.manifest-inspect`)));
  }
  replies.push(reply('imagetools-raw', 'local-only.imagetools-raw', recording('local-only.imagetools-raw')));
  replies.push(reply('manifest-inspect', 'local-only.manifest-inspect', recording('local-only.manifest-inspect')));
  return replies;
}

export interface CorpusOptions {
  readonly arch?: string;
  readonly extensionImage?: string;
  /** Put first: they win over the recorded corpus replies for the same command. */
  readonly replies?: readonly Reply[];
  readonly images?: readonly ImageRecord[];
  readonly delayMs?: number;
}

/** Docker Desktop on an arm64 Mac with the recorded corpus installed. */
export function corpusConfig(options: CorpusOptions = {}): StandinConfig {
  return {
    host: { platform: 'darwin', arch: options.arch ?? 'arm64', hostname: 'standin' },
    extensionImage: options.extensionImage ?? 'local/dev-extension:latest',
    replies: [
      ...(options.replies ?? []),
      reply('buildx-version', 'buildx-version.buildx-0.13.1', fixture('buildx-version.buildx-0.13.1')),
      reply('engine-version', 'engine.version.docker-26.1.5', fixture('engine.version.docker-26.1.5')),
      reply('image-ls', 'engine.image-ls-extensions.docker-26.1.5', fixture('engine.image-ls-extensions.docker-26.1.5')),
      ...registryReplies(),
    ],
    images: [...(options.images ?? []), ...INSTALLED.map((name) => imageRecord(fixture(`engine.image-inspect.${name}.docker-26.1.5`)))],
    delayMs: options.delayMs ?? 20,
  };
}
