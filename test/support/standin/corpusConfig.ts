/**
 * Node side of the stand-in: builds the StandinConfig that the page replays, from the recorded
 * outputs (test/data/fixtures and test/data/recordings, through the one loader) and the corpus
 * description. Nothing here is made up: every stdout/stderr is a recorded one; tests that need
 * another shape derive it from a recorded one (see `derived`) and say so in their names.
 */
import { ENGINE_CORPUS, OPEN_CORPUS } from '../corpus.js';
import { loadFixture, loadRecording, type Recording } from '../recordings.js';
import type { Behaviour, CommandKind, ImageRecord, Reply, StandinConfig } from './standinTypes.js';

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

/** A reply of the recorded output, named after the recording it came from. */
export function reply(kind: CommandKind, rec: Recording, behaviour: Behaviour = 'answer'): Reply {
  const refs = kind.startsWith('imagetools') || kind.startsWith('manifest') ? aliases(referenceIn(rec.argv)) : [];
  return { kind, refs, exitCode: rec.exitCode, stdout: rec.stdout, stderr: rec.stderr, behaviour, origin: rec.name };
}

/** A reply whose output a test derived from a recorded one; `how` names the change. */
export function derived(
  base: Reply,
  how: string,
  change: Partial<Pick<Reply, 'stdout' | 'stderr' | 'exitCode' | 'behaviour' | 'refs'>>,
): Reply {
  return { ...base, ...change, origin: `${base.origin} (${how})` };
}

export function imageRecord(rec: Recording): ImageRecord {
  const parsed: unknown = JSON.parse(rec.stdout);
  if (!Array.isArray(parsed) || parsed.length !== 1)
    throw new Error('expected a one-image `docker image inspect` recording');
  const element = parsed[0] as { Id?: unknown; RepoTags?: unknown };
  const id = typeof element.Id === 'string' ? element.Id.replace(/^sha256:/, '') : '';
  const tags = Array.isArray(element.RepoTags)
    ? element.RepoTags.filter((t): t is string => typeof t === 'string')
    : [];
  return { ids: [id], names: tags.flatMap(aliases), element: JSON.stringify(element, null, 4), stdout: rec.stdout };
}

/** The corpus images with registry recordings: those on the open registry (test/data/fixtures/README.md). */
const CORPUS = OPEN_CORPUS.map((image) => image.name);
/** The images in the recorded local store (the engine's `image ls` of extension images): the pulled corpus and the local-only one. */
const INSTALLED = [...ENGINE_CORPUS.map((image) => image.name), 'local-only'];

interface VerboseEntry {
  readonly Ref?: unknown;
  readonly Raw?: unknown;
}

/**
 * Each platform manifest of an image, as `imagetools inspect REPO@DIGEST --raw` serves it: the bytes
 * docker's `manifest inspect --verbose` recorded for that digest (its base64 `Raw`), which are
 * exactly the bytes the registry serves and --raw prints.
 */
export function platformManifestReplies(name: string): Reply[] {
  const rec = loadFixture(`${name}.manifest-inspect-verbose`);
  const parsed = JSON.parse(rec.stdout) as VerboseEntry | VerboseEntry[];
  return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((entry) => {
    if (typeof entry.Ref !== 'string' || typeof entry.Raw !== 'string') return [];
    const [tagged, digest] = entry.Ref.split('@');
    if (tagged === undefined || digest === undefined) return [];
    const repository = tagged.replace(/:[^:/]+$/, '');
    const stdout = Buffer.from(entry.Raw, 'base64').toString('utf8');
    return [
      derived(reply('imagetools-raw', rec), `the Raw bytes of ${digest.slice(0, 19)}`, {
        refs: [`${repository}@${digest}`],
        stdout,
        stderr: '',
        exitCode: 0,
      }),
    ];
  });
}

export function registryReplies(): Reply[] {
  const replies: Reply[] = [];
  for (const name of CORPUS) {
    replies.push(...platformManifestReplies(name));
    replies.push(reply('imagetools-raw', loadFixture(`${name}.imagetools-raw`)));
    replies.push(reply('imagetools-config', loadFixture(`${name}.imagetools-image`)));
    replies.push(reply('manifest-inspect', loadFixture(`${name}.manifest-inspect`)));
    replies.push(reply('manifest-inspect-verbose', loadFixture(`${name}.manifest-inspect-verbose`)));
  }
  for (const name of [
    'error-unauthorized',
    'error-tag-not-found',
    'error-repo-not-found',
    'error-connection-refused',
  ]) {
    replies.push(reply('imagetools-raw', loadFixture(`${name}.imagetools-raw`)));
    replies.push(reply('manifest-inspect', loadFixture(`${name}.manifest-inspect`)));
  }
  replies.push(reply('imagetools-raw', loadRecording('local-only.imagetools-raw')));
  replies.push(reply('manifest-inspect', loadRecording('local-only.manifest-inspect')));
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
      reply('buildx-version', loadFixture('buildx-version.buildx-0.13.1')),
      reply('engine-version', loadFixture('engine.version.docker-26.1.5')),
      reply('image-ls', loadFixture('engine.image-ls-extensions.docker-26.1.5')),
      ...registryReplies(),
    ],
    images: [
      ...(options.images ?? []),
      ...INSTALLED.map((name) => imageRecord(loadFixture(`engine.image-inspect.${name}.docker-26.1.5`))),
    ],
    delayMs: options.delayMs ?? 20,
  };
}
