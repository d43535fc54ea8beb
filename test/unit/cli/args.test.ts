import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseConcurrency, parsePlatformList, parseTimeout, validateReferences } from '@cli/args.js';
import type { CliCommand, InspectCommand } from '@cli/args.js';
import type { Platform } from '@core/index.js';

const AMD64: Platform = { os: 'linux', architecture: 'amd64' };

function inspectCommand(argv: string[]): InspectCommand {
  const parsed = parseCliArgs(argv, AMD64);
  if (!parsed.ok) throw new Error(`usage error: ${parsed.error.messages.join('; ')}`);
  const command: CliCommand = parsed.value;
  if (command.kind !== 'inspect') throw new Error(`expected inspect, got ${command.kind}`);
  return command;
}

function usageMessages(argv: string[]): readonly string[] {
  const parsed = parseCliArgs(argv, AMD64);
  if (parsed.ok) throw new Error(`expected a usage error for ${JSON.stringify(argv)}`);
  return parsed.error.messages;
}

describe('parseCliArgs', () => {
  it('no arguments: inspect the installed extensions with the default host, nothing required', () => {
    const c = inspectCommand([]);
    expect(c.references).toEqual([]);
    expect(c.require).toEqual([]);
    expect(c.host).toEqual(AMD64);
    expect(c.json).toBe(false);
    expect(c.progress).toBe('auto');
    expect(c.color).toBe('auto');
    expect(c.concurrency).toBeUndefined();
    expect(c.timeoutMs).toBeUndefined();
  });

  it('keeps references as typed, in order', () => {
    const refs = ['127.0.0.1:5000/corpus/good:1.0.0', 'alpine', 'docker/disk-usage-extension@sha256:' + 'a'.repeat(64)];
    expect(inspectCommand(refs).references).toEqual(refs);
  });

  it('reads every option', () => {
    const c = inspectCommand([
      '--require',
      'linux/amd64,linux/arm64',
      '--json',
      '--progress',
      '--no-color',
      '--concurrency',
      '12',
      '--timeout',
      '500ms',
      '--host-platform',
      'linux/arm64/v8',
      'alpine',
    ]);
    expect(c).toMatchObject({
      require: ['linux/amd64', 'linux/arm64'],
      json: true,
      progress: 'always',
      color: 'never',
      concurrency: 12,
      timeoutMs: 500,
      verbose: false,
    });
    expect(inspectCommand(['--verbose']).verbose).toBe(true);
    expect(inspectCommand(['-v']).verbose).toBe(true);
    expect(c.host).toMatchObject({ os: 'linux', architecture: 'arm64' });
    expect(inspectCommand(['--no-progress']).progress).toBe('never');
    expect(inspectCommand(['-r', 'linux/amd64', '-c', '2', '-t', '3']).timeoutMs).toBe(3000);
  });

  it('without a known host architecture there is no host platform', () => {
    const parsed = parseCliArgs([], undefined);
    expect(parsed.ok && parsed.value.kind === 'inspect' && parsed.value.host === undefined).toBe(true);
  });

  it('--help and --version win over everything else', () => {
    expect(parseCliArgs(['--help', 'a;b'], AMD64)).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseCliArgs(['-V'], AMD64)).toEqual({ ok: true, value: { kind: 'version' } });
  });

  it.each([
    ['a;rm -rf /'],
    ['$(id)'],
    ['`id`'],
    ['name with spaces'],
    ['"quoted"'],
    ["it's"],
    ['UPPER/case:1'],
    ['x\u001b[31m'],
    [''],
  ])('rejects the hostile or invalid reference %j with a reason', (ref) => {
    const messages = usageMessages(['127.0.0.1:5000/corpus/good:1.0.0', ref]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('invalid reference');
    expect(messages[0]).toContain(JSON.stringify(ref));
  });

  it('an option-looking reference is an unknown option, and after -- an invalid reference', () => {
    // (--output is an option of its own now: --out-file stands for any option that does not exist.)
    expect(usageMessages(['--out-file=x'])[0]).toMatch(/Unknown option '--out-file'/);
    expect(usageMessages(['--', '--out-file=x'])[0]).toMatch(/invalid reference "--out-file=x"/);
  });

  it('reports every problem at once', () => {
    const messages = usageMessages(['--concurrency', '0', '--timeout', 'soon', '--require', 'linux/', 'a b', '$(id)']);
    expect(messages).toHaveLength(5);
  });

  it.each([
    [['--require', '']],
    [['--require', ',']],
    [['--host-platform', 'nonsense']],
    [['--progress', '--no-progress']],
    [['--json=yes']],
    [['--concurrency']],
  ])('rejects bad usage %j', (argv) => {
    expect(usageMessages(argv).length).toBeGreaterThan(0);
  });
});

describe('parsePlatformList', () => {
  it('normalises and removes duplicates', () => {
    expect(parsePlatformList('linux/arm64/v8, linux/amd64,linux/arm64,')).toEqual({
      ok: true,
      value: ['linux/arm64', 'linux/amd64'],
    });
    expect(parsePlatformList('linux/arm')).toEqual({ ok: true, value: ['linux/arm/v7'] });
  });
  it("accepts docker's short forms, as --platform does: an architecture alone is linux's", () => {
    expect(parsePlatformList('arm64,amd64')).toEqual({ ok: true, value: ['linux/arm64', 'linux/amd64'] });
    expect(parsePlatformList('arm')).toEqual({ ok: true, value: ['linux/arm/v7'] });
    expect(parsePlatformList('x86_64, aarch64, AMD64, 386, s390x, ppc64le, riscv64')).toEqual({
      ok: true,
      value: ['linux/amd64', 'linux/arm64', 'linux/386', 'linux/s390x', 'linux/ppc64le', 'linux/riscv64'],
    });
    expect(parsePlatformList('amd64,linux/amd64,linux/arm64/v8,arm64')).toEqual({
      ok: true,
      value: ['linux/amd64', 'linux/arm64'],
    });
    expect(parsePlatformList('windows/amd64')).toEqual({ ok: true, value: ['windows/amd64'] });
    expect(inspectCommand(['--require', 'amd64,arm64']).require).toEqual(['linux/amd64', 'linux/arm64']);
    expect(inspectCommand(['--host-platform', 'arm64']).host).toEqual({ os: 'linux', architecture: 'arm64' });
  });
  it('refuses what docker would read silently as another platform, with a hint', () => {
    const problems = (text: string): string => {
      const r = parsePlatformList(text);
      if (r.ok) throw new Error(`expected ${text} to be refused`);
      return r.error.join('\n');
    };
    expect(problems('arm/v7')).toContain('"arm" is not an operating system; did you mean linux/arm/v7?');
    expect(problems('arm64/v8')).toContain('did you mean linux/arm64/v8?');
    expect(problems('x86_64/linux')).toContain('"x86_64" is not an operating system; did you mean linux/x86_64?');
    expect(problems('linux')).toContain('"linux" is an operating system: name its architecture too, e.g. linux/amd64');
    expect(problems('amd46')).toContain('"amd46" is not an architecture');
    expect(problems('linux/amd46')).toContain('"amd46" is not an architecture');
    expect(problems('lnux/amd64')).toMatch(/"lnux" is not an operating system\)$/);
  });
  it('names each bad entry', () => {
    const r = parsePlatformList('linux/amd64,;,linux/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.join('\n')).toContain('";"');
  });
});

describe('parseConcurrency / parseTimeout', () => {
  it.each([
    ['1', 1],
    ['64', 64],
  ])('concurrency %s', (text, value) => expect(parseConcurrency(text)).toEqual({ ok: true, value }));
  it.each(['0', '65', '1.5', '-1', 'six', ''])('rejects concurrency %j', (text) =>
    expect(parseConcurrency(text).ok).toBe(false),
  );
  it.each([
    ['30', 30_000],
    ['30s', 30_000],
    ['1.5s', 1500],
    ['500ms', 500],
    ['3600', 3_600_000],
  ])('timeout %s', (text, ms) => expect(parseTimeout(text)).toEqual({ ok: true, value: ms }));
  it.each(['0', '0ms', '3601', '-5', '5m', 'soon', ''])('rejects timeout %j', (text) =>
    expect(parseTimeout(text).ok).toBe(false),
  );
});

describe('validateReferences', () => {
  it('returns all invalid references, not just the first', () => {
    const r = validateReferences(['alpine', 'a;b', 'c d']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((e) => e.input)).toEqual(['a;b', 'c d']);
  });
});
