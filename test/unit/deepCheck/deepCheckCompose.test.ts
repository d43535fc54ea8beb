/**
 * Honest results for the compose file metadata.json names: one the check could not read (a link, too large, cut
 * short, past the depth or alias limits, not YAML to its parser) leaves its services unknown, so the variant is not
 * checked, the row is never ready and --require fails; one that is absent or runs nothing is a note on a checked row.
 */
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REQUIREMENT_FAILED, exitCodeFor } from '@cli/exitCode.js';
import { checkRequirement, MAX_COMPOSE_ALIAS_USES, toJsonRow, type FoundFile } from '@core/index.js';
import { unreadFileCases, type UnreadCase } from '../../support/unreadFiles.js';
import { deepCheck } from '@deepCheck/deepCheck.js';
import { fileOf } from '../../support/deepData.js';
import {
  AMD,
  ARM,
  BOTH,
  REF,
  deps,
  fakePlatformCheck,
  fakeReader,
  inspectResult,
  metadata,
  textFile,
  type FakeVariant,
} from '../../support/fakeReader.js';

const COMPOSE = '/docker-compose.yaml';
const REQUIRED = ['linux/amd64', 'linux/arm64'];
const composeMeta = metadata({ vm: { composefile: 'docker-compose.yaml' } });
const GOOD = textFile(COMPOSE, 'services:\n  backend:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n');

/** A compose file of nested aliases: each level nine uses of the one below, then many uses of the top. */
function aliasBomb(): string {
  const levels = 'abcdefg'.split('');
  const lines = levels.map((name, i) =>
    i === 0
      ? `x-${name}: &${name} [lol, lol]`
      : `x-${name}: &${name} [${Array(9)
          .fill(`*${levels[i - 1]}`)
          .join(', ')}]`,
  );
  return `${lines.join('\n')}\nx-many: [${Array(MAX_COMPOSE_ALIAS_USES).fill('*g').join(', ')}]\nservices:\n  app:\n    image: alpine\n`;
}

/** Every way a compose file can be there without the check learning its services, and the words saying so. */
const UNREAD: readonly UnreadCase[] = [
  ...unreadFileCases(
    COMPOSE,
    'services:\n',
    `services:\n  app:\n    image: alpine\n    x: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    /compose file nests deeper than 64 levels/,
  ),
  ['an alias bomb', textFile(COMPOSE, aliasBomb()), /compose file uses more than 1000 YAML aliases/],
  ['not YAML to its parser', textFile(COMPOSE, 'services: [unclosed'), /compose file is not YAML/],
  [
    'naming more than 200 services',
    textFile(COMPOSE, `services:\n${Array.from({ length: 201 }, (_, i) => `  s${i}:\n    image: alpine\n`).join('')}`),
    /compose file has 201 services \(at most 200\)/,
  ],
];

const run = (amd: FakeVariant, arm: FakeVariant) =>
  deepCheck(REF, deps(fakeReader({ [AMD]: amd, [ARM]: arm }), fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
const withCompose = (compose: FoundFile | undefined): FakeVariant => ({
  files:
    compose === undefined ? { '/metadata.json': composeMeta } : { '/metadata.json': composeMeta, [COMPOSE]: compose },
});

describe('deepCheck: a compose file that could not be read leaves its variant not checked', () => {
  it.each(UNREAD)(
    '%s in one variant: the image is not checked, never ready, and --require fails',
    async (_n, found, words) => {
      const result = await run(withCompose(GOOD), withCompose(found));
      expect(result.deep.status).toBe('not-checked');
      expect(result.deep.verdict).toBe('not-checked-inside');
      expect(result.verdict).toBe('not-checked-inside');
      expect(result.platformVerdict).toBe('ready');
      expect(result.deep.explanation).toMatch(/^Not every variant was checked: linux\/arm64: /);
      expect(result.deep.explanation).toMatch(words);
      expect(result.deep.explanation).toMatch(/Nothing wrong was found in linux\/amd64\.$/);
      expect(result.explanation).toBe(result.deep.explanation);
      expect(result.deep.notes).toContainEqual(
        expect.stringMatching(/^linux\/arm64: .*its services were not checked$/),
      );
      expect(checkRequirement(result, REQUIRED)).toEqual({ status: 'deep-not-checked', missing: [] });
      expect(exitCodeFor([result], REQUIRED)).toBe(EXIT_REQUIREMENT_FAILED);
      expect(toJsonRow(result, REQUIRED)).toMatchObject({
        verdict: 'not-checked-inside',
        deep: { status: 'not-checked', verdict: 'not-checked-inside' },
        requirement: { status: 'deep-not-checked' },
      });
    },
  );

  it.each(UNREAD)('%s in every variant: "Not checked", and the gate fails', async (_n, found, words) => {
    const result = await run(withCompose(found), withCompose(found));
    expect(result.verdict).toBe('not-checked-inside');
    expect(result.deep.explanation).toMatch(/^Not checked: linux\/amd64: /);
    expect(result.deep.explanation).toMatch(words);
    expect(exitCodeFor([result], REQUIRED)).toBe(EXIT_REQUIREMENT_FAILED);
  });

  it('absent, a directory, no services: nothing runs from it, so a note on a checked, ready row', async () => {
    for (const found of [
      undefined,
      { kind: 'directory', path: COMPOSE, entries: [] } as const,
      textFile(COMPOSE, 'version: "3"\n'),
      textFile(COMPOSE, 'services: {}\n'),
    ]) {
      const result = await run(withCompose(GOOD), withCompose(found));
      expect(result.deep.status, JSON.stringify(found)).toBe('checked');
      expect(result.verdict).toBe('ready');
      expect(result.deep.notes.some((n) => n.startsWith('linux/arm64: '))).toBe(true);
      expect(exitCodeFor([result], REQUIRED)).toBe(EXIT_OK);
    }
  });

  it('a wrong host binary in the other variant is still the verdict', async () => {
    const wrong = metadata({
      host: { binaries: [{ darwin: [{ path: '/darwin/tool' }] }] },
      vm: { composefile: 'docker-compose.yaml' },
    });
    const result = await run(withCompose(textFile(COMPOSE, 'services: [unclosed')), {
      files: { '/metadata.json': wrong, [COMPOSE]: GOOD, '/darwin/tool': fileOf('/darwin/tool', 'darwinX64') },
    });
    expect(result.verdict).toBe('wrong-host-binary');
    expect(result.deep.status).toBe('checked');
    expect(result.deep.notes.some((n) => /^linux\/amd64: compose file is not YAML/.test(n))).toBe(true);
  });
});
