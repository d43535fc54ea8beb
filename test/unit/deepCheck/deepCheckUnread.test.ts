/**
 * Honest results: a variant whose metadata.json the check could not read to its end is not checked, the image is
 * never called checked for it, and --require fails; a variant that failed never hides what the others hold.
 */
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REQUIREMENT_FAILED, exitCodeFor } from '@cli/exitCode.js';
import { checkRequirement, toJsonRow } from '@core/index.js';
import { unreadFileCases, type UnreadCase } from '../../support/unreadFiles.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import { fileOf } from '../../support/deepData.js';
import {
  AMD,
  ARM,
  BOTH,
  DARWIN,
  REF,
  deps,
  fakePlatformCheck,
  fakeReader,
  inspectResult,
  metadata,
  textFile,
  type FakeVariant,
} from '../../support/fakeReader.js';

const PATH = '/metadata.json';
const REQUIRED = ['linux/amd64', 'linux/arm64'];

/** Every way a metadata.json can be there without the check getting its text, and the words saying so. */
const UNREAD: readonly UnreadCase[] = [
  ...unreadFileCases(
    PATH,
    '{"host": ',
    `{"x": ${'['.repeat(100)}${']'.repeat(100)}}`,
    /metadata\.json nests deeper than 64 levels/,
  ),
  [
    'listing more than 1000 host binaries',
    metadata({ host: { binaries: [{ linux: Array.from({ length: 1001 }, (_, i) => ({ path: `/l/${i}` })) }] } }),
    /metadata\.json lists more than 1000 host binaries/,
  ],
];

const run = (amd: FakeVariant, arm: FakeVariant) =>
  deepCheck(REF, deps(fakeReader({ [AMD]: amd, [ARM]: arm }), fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));

describe('deepCheck: a metadata.json that could not be read leaves its variant not checked', () => {
  it.each(UNREAD)('%s: the image is not checked and --require fails', async (_name, found, words) => {
    const result = await run(
      { files: { [PATH]: DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'universal') } },
      {
        files: { [PATH]: found },
      },
    );
    expect(result.deep.status).toBe('not-checked');
    expect(result.deep.verdict).toBe('not-checked-inside');
    expect(result.deep.explanation).toMatch(/^Not every variant was checked: linux\/arm64: /);
    expect(result.deep.explanation).toMatch(words);
    expect(result.deep.explanation).toMatch(/Nothing wrong was found in linux\/amd64\.$/);
    expect(result.deep.notes).toContainEqual(
      expect.stringMatching(/^linux\/arm64: .*, so this variant was not checked$/),
    );
    // The platform verdict is kept apart; the row is never ready, says why, and the gate does not pass.
    expect(result.platformVerdict).toBe('ready');
    expect(result.verdict).toBe('not-checked-inside');
    expect(result.explanation).toBe(result.deep.explanation);
    expect(result.userFix).toMatch(/again.*tell its publisher/);
    expect(result.publisherFix).toMatch(/metadata\.json/);
    expect(checkRequirement(result, REQUIRED)).toEqual({ status: 'deep-not-checked', missing: [] });
    expect(exitCodeFor([result], REQUIRED)).toBe(EXIT_REQUIREMENT_FAILED);
    expect(toJsonRow(result, REQUIRED)).toMatchObject({
      verdict: 'not-checked-inside',
      label: 'Inside not checked',
      severity: 'warning',
      deep: { status: 'not-checked', verdict: 'not-checked-inside', platformVerdict: 'ready' },
      requirement: { status: 'deep-not-checked' },
    });
  });

  it.each(UNREAD)('%s in every variant: nothing is checked', async (_name, found, words) => {
    const result = await run({ files: { [PATH]: found } }, { files: { [PATH]: found } });
    expect(result.deep.status).toBe('not-checked');
    expect(result.deep.explanation).toMatch(/^Not checked: linux\/amd64: /);
    expect(result.deep.explanation).toMatch(words);
    expect(result.deep.notes).toHaveLength(2);
    expect(exitCodeFor([result], REQUIRED)).toBe(EXIT_REQUIREMENT_FAILED);
  });

  it('a variant whose files could not be read at all (the deadline) leaves the image not checked too', async () => {
    const timeout = { kind: 'timeout', message: 'the registry did not answer before the deadline' } as const;
    const result = await run({ files: { [PATH]: metadata({}) } }, { files: {}, failure: timeout });
    expect(result.deep).toMatchObject({ status: 'not-checked', variants: ['linux/amd64'] });
    expect(result.deep.explanation).toMatch(
      /^Not every variant was checked: linux\/arm64: its files could not be read \(the registry did not answer/,
    );
    expect(exitCodeFor([result], REQUIRED)).toBe(EXIT_REQUIREMENT_FAILED);
  });

  it('no metadata.json, a directory, not JSON, a list: nothing in the variant can run, so it counts as checked', async () => {
    for (const found of [
      undefined,
      { kind: 'directory', path: PATH, entries: [] } as const,
      textFile(PATH, '{"host": '),
      textFile(PATH, '[1,2]'),
    ]) {
      const arm: FakeVariant = { files: found === undefined ? {} : { [PATH]: found } };
      const result = await run({ files: { [PATH]: metadata({}) } }, arm);
      expect(result.deep.status).toBe('checked');
      expect(checkRequirement(result, REQUIRED).status).toBe('met');
      expect(exitCodeFor([result], REQUIRED)).toBe(EXIT_OK);
    }
  });
});

describe('deepCheck: one variant that failed never hides what the others hold', () => {
  const wrongArm: FakeVariant = { files: { [PATH]: DARWIN, '/darwin/tool': fileOf('/darwin/tool', 'darwinX64') } };

  it.each([
    ['its read failed', { files: {}, failure: { kind: 'unreachable', message: 'connection reset' } }],
    ['its metadata.json is a link', { files: { [PATH]: { kind: 'symlink', path: PATH, target: '/x' } } }],
  ] as const)('%s: the wrong binary in the other variant is still the verdict', async (_name, amd) => {
    const result = await run(amd, wrongArm);
    expect(result.verdict).toBe('wrong-host-binary');
    expect(result.deep).toMatchObject({ status: 'checked', verdict: 'wrong-host-binary', variants: ['linux/arm64'] });
    expect(result.deep.hostBinaries.map((f) => [f.platform, f.state])).toEqual([['linux/arm64', 'wrong-cpu']]);
    expect(result.deep.notes[0]).toMatch(/^linux\/amd64: /);
    expect(checkRequirement(result, REQUIRED).status).toBe('deep-finding');
  });
});
