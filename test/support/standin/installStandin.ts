/**
 * A typed v1.DockerDesktopClient stand-in that replays recorded docker outputs: the `exec` of the
 * shared fake client (../fakeClient.ts), answering from a StandinConfig.
 *
 * The e2e harness sends the SOURCE TEXT of `installStandin` and of `fakeDesktopClient` to the page
 * (Playwright's addInitScript): it must not use imports or anything from this module's scope at run
 * time (type-only imports are erased); the client is built by the `makeClient` it is handed.
 * The same function runs in jsdom for component tests, handed the imported fakeDesktopClient.
 *
 * It records every command the page ran (argv, form), every close(), toast and openExternal call
 * in `window.__archmatrixStandin`, so tests can assert that only read-only commands ran.
 */
import type { v1 } from '@docker/extension-api-client-types';
import type { MakeClient } from '../fakeClient.js';
import type { CommandKind, ImageRecord, Reply, StandinConfig, StandinRecord } from './standinTypes.js';

export function installStandin(config: StandinConfig, makeClient: MakeClient): void {
  const record: StandinRecord = { commands: [], closed: [], toasts: [], opened: [], unmatched: [] };
  window.__archmatrixStandin = record;

  /** Flags of docker commands that take a separate value (`--format X` as well as `--format=X`). */
  const valueFlags = ['--format', '--filter', '-f', '--platform'];

  function split(args: readonly string[]): { flags: Map<string, string>; operands: string[] } {
    const flags = new Map<string, string>();
    const operands: string[] = [];
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i] ?? '';
      if (arg.startsWith('-')) {
        const eq = arg.indexOf('=');
        if (eq > 0) flags.set(arg.slice(0, eq), arg.slice(eq + 1));
        else if (valueFlags.includes(arg)) {
          flags.set(arg, args[i + 1] ?? '');
          i += 1;
        } else flags.set(arg, '');
      } else operands.push(arg);
    }
    return { flags, operands };
  }

  function classify(argv: readonly string[]): { kind: CommandKind; subjects: string[] } {
    const [a, b, c] = argv;
    if (a === 'buildx' && b === 'version') return { kind: 'buildx-version', subjects: [] };
    if (a === 'buildx' && b === 'imagetools' && c === 'inspect') {
      const { flags, operands } = split(argv.slice(3));
      const format = flags.get('--format') ?? '';
      const kind: CommandKind = flags.has('--raw')
        ? 'imagetools-raw'
        : format.includes('Image')
          ? 'imagetools-config'
          : 'imagetools-other';
      return { kind, subjects: operands };
    }
    if (a === 'manifest' && b === 'inspect') {
      const { flags, operands } = split(argv.slice(2));
      return {
        kind: flags.has('--verbose') || flags.has('-v') ? 'manifest-inspect-verbose' : 'manifest-inspect',
        subjects: operands,
      };
    }
    if ((a === 'image' && b === 'ls') || (a === 'image' && b === 'list') || a === 'images')
      return { kind: 'image-ls', subjects: [] };
    if (a === 'image' && b === 'inspect') return { kind: 'image-inspect', subjects: split(argv.slice(2)).operands };
    if (a === 'version') return { kind: 'engine-version', subjects: [] };
    if (a === 'extension' && b === 'ls') return { kind: 'extension-ls', subjects: [] };
    return { kind: 'other', subjects: [] };
  }

  function findImage(subject: string): ImageRecord | undefined {
    const id = subject.startsWith('sha256:') ? subject.slice('sha256:'.length) : subject;
    return config.images.find(
      (image) =>
        image.names.includes(subject) ||
        (/^[0-9a-f]{12,64}$/.test(id) && image.ids.some((full) => full.startsWith(id))),
    );
  }

  interface Answer {
    readonly exitCode: number;
    readonly stdout: string;
    readonly stderr: string;
    readonly neverAnswers: boolean;
    readonly origin: string;
  }

  function answer(argv: readonly string[]): Answer | undefined {
    const { kind, subjects } = classify(argv);
    if (kind === 'image-inspect') {
      const found = subjects.map(findImage);
      if (found.length === 0 || found.some((image) => image === undefined)) return undefined;
      const images = found.filter((image): image is ImageRecord => image !== undefined);
      // One image: the recorded bytes. Several: the recorded array elements joined into one array
      // (docker prints one array for all the images it was asked about).
      const stdout =
        images.length === 1 ? (images[0]?.stdout ?? '') : `[\n${images.map((image) => image.element).join(',\n')}\n]\n`;
      return { exitCode: 0, stdout, stderr: '', neverAnswers: false, origin: 'recorded image inspect' };
    }
    const reply: Reply | undefined = config.replies.find(
      (candidate) =>
        candidate.kind === kind &&
        (candidate.refs.length === 0 || subjects.some((subject) => candidate.refs.includes(subject))),
    );
    if (reply === undefined) return undefined;
    return {
      exitCode: reply.exitCode,
      stdout: reply.stdout,
      stderr: reply.stderr,
      neverAnswers: reply.behaviour === 'never-answer',
      origin: reply.origin,
    };
  }

  function run(cmd: string, args: string[], form: 'exec' | 'stream'): Answer {
    const argv = [cmd, ...args];
    const found = answer(argv);
    record.commands.push({ argv, form, answeredWith: found?.origin ?? 'unmatched' });
    if (found !== undefined) return found;
    record.unmatched.push(argv);
    return {
      exitCode: 1,
      stdout: '',
      stderr: `stand-in: no recorded output for: docker ${argv.join(' ')}`,
      neverAnswers: false,
      origin: 'unmatched',
    };
  }

  function exec(cmd: string, args: string[], options?: v1.ExecOptions): Promise<v1.ExecResult>;
  function exec(cmd: string, args: string[], options: v1.SpawnOptions): v1.ExecProcess;
  function exec(
    cmd: string,
    args: string[],
    options?: v1.ExecOptions | v1.SpawnOptions,
  ): Promise<v1.ExecResult> | v1.ExecProcess {
    const stream = options !== undefined && 'stream' in options ? options.stream : undefined;
    if (stream !== undefined) {
      const result = run(cmd, args, 'stream');
      let closed = false;
      if (!result.neverAnswers) {
        setTimeout(() => {
          if (closed) return;
          if (result.stdout !== '') stream.onOutput?.({ stdout: result.stdout });
          if (result.stderr !== '') stream.onOutput?.({ stderr: result.stderr });
          stream.onClose?.(result.exitCode);
        }, config.delayMs);
      }
      return {
        close() {
          closed = true;
          record.closed.push([cmd, ...args]);
        },
      };
    }
    // Promise form: Docker Desktop joins the arguments and splits them again on whitespace.
    const joined = [cmd, ...args]
      .join(' ')
      .split(/\s+/)
      .filter((word) => word !== '');
    const result = run(joined[0] ?? cmd, joined.slice(1), 'exec');
    const raw: v1.ExecResult = {
      stdout: result.stdout,
      stderr: result.stderr,
      code: result.exitCode,
      lines: () => result.stdout.split('\n').filter((line) => line !== ''),
      parseJsonLines: () =>
        result.stdout
          .split('\n')
          .filter((line) => line !== '')
          .map((line): unknown => JSON.parse(line)),
      parseJsonObject: (): unknown => JSON.parse(result.stdout),
    };
    return new Promise<v1.ExecResult>((resolve, reject) => {
      if (result.neverAnswers) return;
      setTimeout(() => (result.exitCode === 0 ? resolve(raw) : reject(raw)), config.delayMs);
    });
  }

  window.ddClient = makeClient({ host: config.host, extensionImage: config.extensionImage, exec, record });
}
