import { describe, expect, it } from 'vitest';
import { effectiveArgs } from '../../../src/server/argSplit.js';

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
    const result = effectiveArgs(['image', 'inspect', 'alpine rm'], 'exec');
    expect(result).toEqual({ ok: true, value: ['image', 'inspect', 'alpine', 'rm'] });
  });

  it('keeps $VARIABLES literal: no shell expands them', () => {
    expect(effectiveArgs(['image', 'inspect', '$HOME'], 'exec')).toEqual({ ok: true, value: ['image', 'inspect', '$HOME'] });
  });

  it.each([
    ['a pipe', ['version', '|', 'sh']],
    ['a semicolon', ['version;rm', 'x']],
    ['a redirection', ['version', '>', '/tmp/x']],
    ['a command substitution', ['image', 'inspect', '$(id)']],
    ['a glob', ['image', 'inspect', '*']],
    ['a comment', ['version', '#', 'x']],
    ['an and-list', ['version', '&&', 'rm']],
  ])('refuses %s in the promise form', (_name, args) => {
    const result = effectiveArgs(args, 'exec');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/shell syntax/);
  });

  it('does not interpret shell syntax in the stream form (each argument stays one word)', () => {
    expect(effectiveArgs(['image', 'inspect', '$(id)'], 'stream')).toEqual({ ok: true, value: ['image', 'inspect', '$(id)'] });
  });
});
