/** inspectImage never runs a command for a hostile or invalid reference. */
import { describe, expect, it } from 'vitest';
import { inspectImage } from '@commands/inspectImage.js';
import { fixturePort } from '../../support/fixturePort.js';

describe('inspectImage never runs a command for a hostile or invalid reference', () => {
  it.each([
    'a;rm -rf /',
    '$(id)',
    '`id`',
    '--output=x',
    'foo bar',
    "it's",
    'a"b',
    'Bad/Name:tag',
    '',
    ' ',
    'x\ny',
    'a'.repeat(600),
  ])('%j', async (reference) => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference });
    expect(result.verdict).toBe('invalid-reference');
    expect(result.reference).toBe(reference);
    expect(port.calls).toEqual([]);
    expect(result.commands).toEqual([]);
  });
});
