import { describe, expect, it } from 'vitest';
import type { InspectResult } from '@core/index.js';
import { cellState } from '@ui/features/matrix/model/cells';
import { initialMatrixState, matrixReducer } from '@ui/features/matrix/model/matrixState';
import type { MatrixRow, RowSeed } from '@ui/shared/matrixRow';
import { rowDetails } from '@ui/features/matrix/model/details';
import { rowFixes } from '@ui/features/matrix/model/fixes';
import { runOverview } from '@ui/features/matrix/model/progress';
import { DEFAULT_VIEW, viewRows } from '@ui/features/matrix/model/view';

const result = (
  reference: string,
  verdict: InspectResult['verdict'],
  platforms: string[],
  failure?: InspectResult['failure'],
): InspectResult => ({
  reference,
  verdict,
  explanation: `${verdict} for ${reference}`,
  platforms,
  commands: [],
  ...(failure === undefined ? {} : { failure }),
});

const seed = (reference: string, origin: RowSeed['origin'] = 'installed'): RowSeed => ({
  reference,
  origin,
  isSelf: false,
});
const done = (reference: string, r: InspectResult): MatrixRow => ({ ...seed(reference), status: 'done', result: r });

describe('cellState', () => {
  it('is pending until a result arrives', () => {
    expect(cellState({ ...seed('a'), status: 'pending' }, 'linux/amd64')).toBe('pending');
  });
  it('says no only when the registry gave the complete list', () => {
    const row = done('a', result('a', 'missing-platforms', ['linux/amd64']));
    expect(cellState(row, 'linux/amd64')).toBe('yes');
    expect(cellState(row, 'linux/arm64')).toBe('no');
  });
  it('says unknown when the registry could not tell, and for local-only beyond the local copy', () => {
    expect(cellState(done('a', result('a', 'unreachable', [])), 'linux/amd64')).toBe('unknown');
    const local = done('b', result('b', 'local-only', ['linux/amd64']));
    expect(cellState(local, 'linux/amd64')).toBe('yes');
    expect(cellState(local, 'linux/arm64')).toBe('unknown');
  });
});

describe('matrixReducer', () => {
  it('keeps remembered results while refreshing, and drops rows no longer listed', () => {
    const remembered = {
      savedAt: '2026-01-01T00:00:00.000Z',
      rows: [
        done('a', result('a', 'ready', ['linux/amd64', 'linux/arm64'])),
        done('gone', result('gone', 'ready', [])),
      ],
    };
    let state = initialMatrixState(remembered);
    state = matrixReducer(state, { type: 'run-started' });
    state = matrixReducer(state, { type: 'listed', seeds: [seed('a'), seed('b')] });
    expect(state.rows.map((r) => [r.reference, r.status, r.result?.verdict])).toEqual([
      ['a', 'refreshing', 'ready'],
      ['b', 'pending', undefined],
    ]);
    state = matrixReducer(state, {
      type: 'result',
      reference: 'b',
      origin: 'installed',
      result: result('b', 'incompatible', ['linux/amd64']),
    });
    state = matrixReducer(state, { type: 'run-ended', phase: 'done' });
    expect(state.rows.every((r) => r.status === 'done')).toBe(true);
    expect(state.rememberedAt).toBeUndefined();
  });

  it('does not let a cancelled inspection replace a result already shown', () => {
    let state = initialMatrixState({ savedAt: 'x', rows: [done('a', result('a', 'ready', ['linux/amd64']))] });
    state = matrixReducer(state, { type: 'listed', seeds: [seed('a')] });
    state = matrixReducer(state, {
      type: 'result',
      reference: 'a',
      origin: 'installed',
      result: result('a', 'error', [], { kind: 'cancelled', message: 'cancelled' }),
    });
    expect(state.rows[0]?.result?.verdict).toBe('ready');
    expect(state.rows[0]?.status).toBe('done');
  });

  it('keeps typed rows across a new listing and removes them on request', () => {
    let state = matrixReducer(initialMatrixState(), { type: 'typed-added', seed: seed('t', 'typed') });
    state = matrixReducer(state, { type: 'listed', seeds: [seed('a')] });
    expect(state.rows.map((r) => `${r.origin}:${r.reference}`)).toEqual(['installed:a', 'typed:t']);
    state = matrixReducer(state, { type: 'typed-removed', reference: 't' });
    expect(state.rows.map((r) => r.reference)).toEqual(['a']);
  });
});

describe('viewRows', () => {
  const rows: MatrixRow[] = [
    done('z-ready', result('z-ready', 'ready', ['linux/amd64', 'linux/arm64'])),
    done('amd', result('amd', 'incompatible', ['linux/amd64'])),
    done('arm', result('arm', 'missing-platforms', ['linux/arm64'])),
    { ...seed('typed', 'typed'), status: 'pending' },
  ];
  it('filters by verdict and by a platform the image lacks', () => {
    expect(
      viewRows(rows, { verdict: 'ready', platform: 'any', sort: 'name', direction: 'asc', columns: 'required' }).map(
        (r) => r.reference,
      ),
    ).toEqual(['z-ready']);
    expect(
      viewRows(rows, {
        verdict: 'all',
        platform: 'lacks:linux/arm64',
        sort: 'name',
        direction: 'asc',
        columns: 'required',
      }).map((r) => r.reference),
    ).toEqual(['amd']);
    expect(
      viewRows(rows, {
        verdict: 'attention',
        platform: 'any',
        sort: 'name',
        direction: 'asc',
        columns: 'required',
      }).map((r) => r.reference),
    ).toEqual(['amd', 'arm']);
  });
  it('sorts by verdict severity, by platform, either way, typed rows last', () => {
    expect(
      viewRows(rows, { verdict: 'all', platform: 'any', sort: 'verdict', direction: 'asc', columns: 'required' }).map(
        (r) => r.reference,
      ),
    ).toEqual(['amd', 'arm', 'z-ready', 'typed']);
    expect(
      viewRows(rows, {
        verdict: 'all',
        platform: 'any',
        sort: 'platform:linux/amd64',
        direction: 'asc',
        columns: 'required',
      }).map((r) => r.reference),
    ).toEqual(['arm', 'amd', 'z-ready', 'typed']);
    expect(
      viewRows(rows, { verdict: 'all', platform: 'any', sort: 'name', direction: 'desc', columns: 'required' }).map(
        (r) => r.reference,
      ),
    ).toEqual(['z-ready', 'arm', 'amd', 'typed']);
  });
});

describe('runOverview', () => {
  it('summarises the rows the filter shows, installed and typed apart, each image once', () => {
    const rows: MatrixRow[] = [
      done('a/ready:1', result('a/ready:1', 'ready', ['linux/amd64', 'linux/arm64'])),
      done('docker.io/a/ready:1', result('docker.io/a/ready:1', 'ready', ['linux/amd64', 'linux/arm64'])),
      done('a/old:1', result('a/old:1', 'missing-platforms', ['linux/amd64'])),
      { ...seed('t/typed:1', 'typed'), status: 'done', result: result('t/typed:1', 'not-found', []) },
    ];
    const state = { phase: 'done' as const, rows };
    const all = runOverview(state, undefined);
    expect(all.summary).toBe(
      '1 of 2 ready; 1 missing platform · typed images (counted apart): 0 of 1 ready; 1 not found',
    );
    expect(all.counts.installed.counts.map((c) => c.verdict)).toEqual(['missing-platforms', 'ready']);
    const shown = viewRows(rows, { ...DEFAULT_VIEW, verdict: 'missing-platforms' });
    expect(runOverview(state, undefined, shown).summary).toBe('0 of 1 ready; 1 missing platform');
  });
});

describe('rowFixes', () => {
  const incompatible: InspectResult = {
    ...result('me/ext:1', 'incompatible', ['linux/amd64']),
    fix: 'docker buildx build --platform=linux/amd64,linux/arm64 --tag=me/ext:1 --push .',
    publisherFix: 'docker buildx build --platform=linux/amd64,linux/arm64 --tag=me/ext:1 --push .',
    userFix: 'Check for an update of this extension; if there is none, tell its publisher that it lacks linux/arm64',
  };
  const local = (labels: Record<string, string>) => ({
    id: 'sha256:1',
    repoTags: ['me/ext:1'],
    repoDigests: [],
    labels,
  });

  it('an installed extension: what its user can do, with the publisher link, and the build command as the publisher fix', () => {
    const row: MatrixRow = {
      ...done('me/ext:1', incompatible),
      local: local({ 'com.docker.extension.publisher-url': 'https://example.com/me' }),
    };
    expect(rowFixes(row)).toEqual({
      user: { text: incompatible.userFix, publisherUrl: 'https://example.com/me' },
      publisher: incompatible.publisherFix,
    });
    // A publisher link that is not a plain http(s) URL is never offered.
    const unsafe: MatrixRow = { ...row, local: local({ 'com.docker.extension.publisher-url': 'javascript:alert(1)' }) };
    expect(rowFixes(unsafe).user?.publisherUrl).toBeUndefined();
  });

  it("a typed reference (the author's own image): the build command only; a login fix is the user's", () => {
    expect(rowFixes({ ...seed('me/ext:1', 'typed'), status: 'done', result: incompatible })).toEqual({
      user: undefined,
      publisher: incompatible.publisherFix,
    });
    const login = {
      ...result('r/x:1', 'unauthorized', []),
      fix: 'docker login r, then refresh',
      userFix: 'docker login r, then refresh',
    };
    expect(rowFixes({ ...seed('r/x:1', 'typed'), status: 'done', result: login })).toEqual({
      user: { text: login.userFix, publisherUrl: undefined },
      publisher: undefined,
    });
  });

  it('a result remembered from an older version (only `fix`) still shows it, and a pending row shows none', () => {
    expect(rowFixes(done('a', { ...result('a', 'unreachable', []), fix: 'retry' })).user?.text).toBe('retry');
    expect(rowFixes({ ...seed('a'), status: 'pending' })).toEqual({});
  });
});

describe('rowDetails', () => {
  it('tells a failure once: the advice is left out when the fix already says it; the raw text stays', () => {
    const failure = { kind: 'unreachable' as const, message: 'dial tcp 127.0.0.1:5999: connect: connection refused' };
    const advice =
      'Could not reach the registry or the Docker engine: check the network, proxy and that it is running, then retry.';
    const same = done('a', { ...result('a', 'unreachable', [], failure), fix: advice, userFix: advice });
    expect(rowDetails(same).failure).toEqual({ message: failure.message, advice: undefined });
    const other = done('a', { ...result('a', 'unreachable', [], failure), fix: 'something else' });
    expect(rowDetails(other).failure).toEqual({ message: failure.message, advice });
  });
});
