/** The deep check on backend images: a compose service lacking a platform, and a compose file that is not YAML (see also deepCheckCompose.test.ts). */
import { describe, expect, it } from 'vitest';
import { deepCheck } from '@deepCheck/deepCheck.js';
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
} from '../../support/fakeReader.js';

describe('deepCheck: backend images', () => {
  const composeMeta = metadata({ vm: { composefile: 'docker-compose.yaml' } });
  const compose = textFile(
    '/docker-compose.yaml',
    'services:\n  backend:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n  worker:\n    image: 127.0.0.1:5100/corpus/amd64-only:1.0.0\n',
  );
  const WORKER = '127.0.0.1:5100/corpus/amd64-only:1.0.0';

  it('a compose service lacking linux/arm64: backend-missing-platforms; the extension itself is not checked again', async () => {
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': compose } },
      [ARM]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': compose } },
    });
    const checked: string[] = [];
    const check = fakePlatformCheck(
      { [REF]: inspectResult(REF, BOTH), [WORKER]: inspectResult(WORKER, { 'linux/amd64': AMD }) },
      checked,
    );
    const result = await deepCheck(REF, deps(reader, check));
    expect(checked).toEqual([REF, WORKER]);
    expect(result.verdict).toBe('backend-missing-platforms');
    expect(result.deep.backend).toEqual([
      {
        reference: REF,
        source: 'compose:backend',
        self: true,
        platforms: ['linux/amd64', 'linux/arm64'],
        verdict: 'ready',
        message: expect.stringContaining('the extension image itself') as string,
      },
      {
        reference: WORKER,
        source: 'compose:worker',
        self: false,
        platforms: ['linux/amd64'],
        verdict: 'missing-platforms',
        message: 'Published for linux/amd64',
      },
    ]);
  });

  it('compose image: and vm.image references are validated before any check: an invalid one is a finding, never read', async () => {
    const meta = metadata({ vm: { image: 'http://evil.example/x', composefile: 'docker-compose.yaml' } });
    const file = textFile(
      '/docker-compose.yaml',
      `services:\n  upper:\n    image: Me/Upper:1\n  dollar:\n    image: me/x:1$$LATEST\n  worker:\n    image: ${WORKER}\n`,
    );
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': meta, '/docker-compose.yaml': file } },
      [ARM]: { files: { '/metadata.json': meta, '/docker-compose.yaml': file } },
    });
    const checked: string[] = [];
    const check = fakePlatformCheck(
      { [REF]: inspectResult(REF, BOTH), [WORKER]: inspectResult(WORKER, BOTH) },
      checked,
    );
    const result = await deepCheck(REF, deps(reader, check));
    expect(checked).toEqual([REF, WORKER]);
    expect(result.deep.backend.map((b) => [b.source, b.reference, b.verdict])).toEqual([
      ['vm.image', 'http://evil.example/x', 'invalid-reference'],
      ['compose:upper', 'Me/Upper:1', 'invalid-reference'],
      ['compose:dollar', 'me/x:1$LATEST', 'invalid-reference'],
      ['compose:worker', WORKER, 'ready'],
    ]);
    for (const b of result.deep.backend.slice(0, 3)) {
      expect(b.platforms).toEqual([]);
      expect(b.message).toMatch(/^Not a valid image reference, so not checked: ./);
    }
    // Named as not checked; never counted as lacking a platform.
    expect(result.deep.verdict).toBeUndefined();
    expect(result.deep.explanation).toMatch(/backend http:\/\/evil\.example\/x \(invalid-reference\)/);
  });

  it('checks at most 50 backend images and says how many were named', async () => {
    const names = Array.from({ length: 51 }, (_, i) => `127.0.0.1:5100/corpus/b${i}:1.0.0`);
    const file = textFile(
      '/docker-compose.yaml',
      `services:\n${names.map((n, i) => `  s${i}:\n    image: ${n}\n`).join('')}`,
    );
    const files = { '/metadata.json': composeMeta, '/docker-compose.yaml': file };
    const checked: string[] = [];
    const results = Object.fromEntries([REF, ...names].map((n) => [n, inspectResult(n, BOTH)]));
    const result = await deepCheck(
      REF,
      deps(fakeReader({ [AMD]: { files }, [ARM]: { files } }), fakePlatformCheck(results, checked)),
    );
    expect(result.deep.backend).toHaveLength(50);
    expect(checked).toEqual([REF, ...names.slice(0, 50)]);
    expect(result.deep.notes).toContain('51 backend images are named; only the first 50 were checked');
  });

  it('a compose file that is not YAML is a note, and leaves the image not checked (its services are unknown)', async () => {
    const bad = textFile('/docker-compose.yaml', 'services: [unclosed');
    const reader = fakeReader({
      [AMD]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': bad } },
      [ARM]: { files: { '/metadata.json': composeMeta, '/docker-compose.yaml': bad } },
    });
    const result = await deepCheck(REF, deps(reader, fakePlatformCheck({ [REF]: inspectResult(REF, BOTH) })));
    expect(result.verdict).toBe('not-checked-inside');
    expect(result.deep.status).toBe('not-checked');
    expect(result.deep.notes.some((n) => /compose file is not YAML/.test(n))).toBe(true);
  });
});
