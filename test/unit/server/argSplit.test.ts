import { describe, expect, it } from 'vitest';
import { effectiveArgs, splitCommandLine } from '@server/argSplit.js';

describe('effectiveArgs (Docker Desktop argument splitting)', () => {
  it('passes stream-form arguments unchanged, spaces and quotes included', () => {
    const args = ['image', 'ls', '--format', '{{json .}}', "it's"];
    expect(effectiveArgs(args, 'stream')).toEqual({ ok: true, value: args });
  });

  it('re-splits promise-form arguments at whitespace', () => {
    expect(effectiveArgs(['image', 'ls', '--format', '{{json .}}'], 'exec')).toEqual({
      ok: true,
      value: ['image', 'ls', '--format', '{{json', '.}}'],
    });
  });

  it('removes quotes in the promise form, as Docker documents ("{{json .}}" with inner quotes)', () => {
    expect(effectiveArgs(['image', 'ls', '--format', '"{{json .}}"'], 'exec')).toEqual({
      ok: true,
      value: ['image', 'ls', '--format', '{{json .}}'],
    });
  });

  it('turns one argument with a space into two words in the promise form', () => {
    expect(effectiveArgs(['image', 'inspect', 'alpine rm'], 'exec')).toEqual({
      ok: true,
      value: ['image', 'inspect', 'alpine', 'rm'],
    });
  });

  it('keeps the allowlisted space-free templates intact in both forms', () => {
    const args = ['image', 'ls', '--filter=label=com.docker.desktop.extension.api.version', '--format={{.|json}}'];
    expect(effectiveArgs(args, 'exec')).toEqual({ ok: true, value: args });
    expect(effectiveArgs(args, 'stream')).toEqual({ ok: true, value: args });
  });

  it('keeps shell syntax literal, as Docker Desktop on Linux does (docker/extensions-sdk#212)', () => {
    expect(effectiveArgs(['stop', '$(docker ps -qf "network=alfresco")'], 'exec')).toEqual({
      ok: true,
      value: ['stop', '$(docker', 'ps', '-qf', 'network=alfresco)'],
    });
    expect(effectiveArgs(['version', '|', 'sh;', 'rm', '*', '#x', '$HOME'], 'exec')).toEqual({
      ok: true,
      value: ['version', '|', 'sh;', 'rm', '*', '#x', '$HOME'],
    });
  });

  it('refuses an unterminated quote in the promise form', () => {
    expect(effectiveArgs(['image', 'inspect', '"alpine'], 'exec')).toEqual({
      ok: false,
      error: 'unterminated " quote',
    });
  });
});

describe('splitCommandLine', () => {
  it.each([
    ['a  b\tc\n', ['a', 'b', 'c']],
    ['\'a b\' "c d"', ['a b', 'c d']],
    ["it'\"'s", ['it"s']],
    ['"say \\"hi\\"" \\\\x', ['say "hi"', '\\x']],
    ['a\\ b', ['a b']],
    ["'' x", ['', 'x']],
    ["'a\\b'", ['a\\b']],
    ['', []],
  ])('splits %j', (line, words) => {
    expect(splitCommandLine(line)).toEqual({ ok: true, value: words });
  });
});
