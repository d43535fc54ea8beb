/**
 * This machine's variant first: an installed row asks the backend for source "local" (nothing
 * downloaded), a typed reference for source "registry" (every variant); the other variants are read
 * from the registry only when asked, with their size said first, and folded into the verdict; a local
 * copy that cannot be read says so and offers the registry; remembered results keep what was read and
 * from where; every host binary in the details says its source.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '@wire/backendApi.js';
import type { BackendAnswer, BackendPort, DeepRequestOptions } from '@ui/features/deepCheck/backendClient/backendPort';
import { requestBody } from '@ui/features/deepCheck/backendClient/vmServicePort';
import { DeepDetails } from '@ui/features/deepCheck/components/DeepDetails';
import { DeepCheckProvider } from '@ui/features/deepCheck/hooks/DeepCheckContext';
import { parseDeepFindings, type DeepFindings } from '@ui/features/deepCheck/model/deepFindings';
import { createDeepQueue } from '@ui/features/deepCheck/model/deepQueue';
import { deepLine, type DeepRowState } from '@ui/features/deepCheck/model/deepRow';
import { foldOtherVariants, otherVariantsOffer } from '@ui/features/deepCheck/model/otherVariants';
import { parseRememberedDeep, serialiseRememberedDeep } from '@ui/features/deepCheck/model/rememberedDeep';
import { rowKey, type MatrixRow } from '@ui/shared/matrixRow';
import { DIGEST, doneRow, platformResult, snapshot } from '../../../support/deepRows.js';

const REF = '127.0.0.1:5100/deep/wrong-host-binary:1.0.0';
const ARM64_BYTES = 10_171_187;

const binary = (os: string, platform: string, state: string, found: string, source: string): JsonValue => ({
  os,
  platform,
  path: `/${os}/tool`,
  state,
  found,
  wanted: platform === 'linux/arm64' ? 'arm64' : 'x86_64',
  message: state === 'ok' ? 'right' : `${found} in ${platform}`,
  fix: state === 'ok' ? null : 'Select the binary with ${TARGETARCH}',
  warningOnly: false,
  listedAs: null,
  source,
});

/** The backend's answer for source local on linux/amd64: its own variant right, linux/arm64 not read. */
const localRow: JsonValue = {
  reference: REF,
  verdict: 'ready',
  deep: {
    status: 'checked',
    verdict: null,
    platformVerdict: 'ready',
    message: 'Host binaries and backend images are right for this machine (linux/amd64).',
    fix: null,
    warnings: 0,
    variants: ['linux/amd64'],
    notes: ["Not read: linux/arm64 (only this machine's variant was read)."],
    bytesRead: 0,
    bytesTotal: 0,
  },
  hostBinaries: [binary('darwin', 'linux/amd64', 'ok', 'x86_64', 'local')],
  backend: [],
  notRead: [{ platform: 'linux/arm64', digest: `sha256:${'b'.repeat(64)}`, bytesTotal: ARM64_BYTES }],
};

/** The backend's answer for source registry, platforms linux/arm64: the darwin binary is x86_64 there. */
const arm64Row: JsonValue = {
  reference: REF,
  verdict: 'wrong-host-binary',
  deep: {
    status: 'checked',
    verdict: 'wrong-host-binary',
    platformVerdict: 'ready',
    message: 'x86_64 Mach-O at /darwin/tool in the linux/arm64 variant',
    fix: 'Select the binary with ${TARGETARCH} in the download step',
    warnings: 0,
    variants: ['linux/arm64'],
    notes: ["Not read: linux/amd64 (only this machine's variant was read)."],
    bytesRead: 4096,
    bytesTotal: ARM64_BYTES,
  },
  hostBinaries: [binary('darwin', 'linux/arm64', 'wrong-cpu', 'x86_64', 'registry')],
  backend: [],
  notRead: [{ platform: 'linux/amd64', digest: `sha256:${'c'.repeat(64)}`, bytesTotal: 9_000_000 }],
};

/** A backend that logs each POST's options and answers each job done with the given results in turn. */
function fakeBackend(results: readonly (BackendAnswer | ((id: string) => BackendAnswer))[]) {
  const posts: (DeepRequestOptions | undefined)[] = [];
  const port: BackendPort = {
    startDeep: (_references, options) => {
      posts.push(options);
      const next = results[posts.length - 1];
      const id = `job-${posts.length}`;
      return Promise.resolve(
        typeof next === 'function' ? next(id) : (next ?? { ok: true, value: snapshot(id, REF, {}) }),
      );
    },
    pollDeep: (id) => Promise.resolve({ ok: true, value: snapshot(id, REF, {}) }),
    cancelDeep: (id) => Promise.resolve({ ok: true, value: snapshot(id, REF, { state: 'cancelled' }, 'cancelled') }),
  };
  return { port, posts };
}

const doneWith =
  (result: JsonValue) =>
  (id: string): BackendAnswer => ({ ok: true, value: snapshot(id, REF, { state: 'done', result }, 'done') });

function queueOn(port: BackendPort) {
  const remembered = new Map<string, DeepFindings>();
  const queue = createDeepQueue({
    port,
    memory: {
      recall: (key) => {
        const findings = remembered.get(key);
        return findings === undefined ? undefined : { savedAt: 'now', findings };
      },
      remember: (key, findings) => remembered.set(key, findings),
    },
    onChange: () => undefined,
  });
  return { queue, remembered };
}

const settle = () => vi.advanceTimersByTimeAsync(0);
const typedRow = (reference: string): MatrixRow => ({ ...doneRow(reference), origin: 'typed' });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe('where the deep check reads', () => {
  it('asks for source local for an installed row and source registry for a typed reference', async () => {
    const { port, posts } = fakeBackend([]);
    const { queue } = queueOn(port);
    queue.sync([doneRow(REF), typedRow('127.0.0.1:5100/deep/typed:1')]);
    await settle();
    expect(posts).toEqual([{ source: 'local' }, { source: 'registry' }]);
    expect(requestBody([REF], { source: 'local' })).toEqual({ references: [REF], source: 'local' });
    expect(requestBody([REF], { source: 'registry', platforms: ['linux/arm64'] })).toEqual({
      references: [REF],
      source: 'registry',
      platforms: ['linux/arm64'],
    });
    expect(requestBody([REF])).toEqual({ references: [REF] });
    queue.leave();
  });

  it('asks for source local for an installed never-pushed row (read from the store), and skips a typed one', async () => {
    const DEV = '127.0.0.1:5100/local/dev-extension:latest';
    const devRow: JsonValue = {
      reference: DEV,
      verdict: 'local-only',
      source: 'local-store',
      deep: {
        status: 'checked',
        verdict: null,
        platformVerdict: 'local-only',
        message: 'Host binaries and backend images are right for this machine (linux/amd64).',
        fix: null,
        warnings: 0,
        variants: ['linux/amd64'],
        notes: [],
        bytesRead: 0,
        bytesTotal: 0,
      },
      hostBinaries: [binary('darwin', 'linux/amd64', 'ok', 'x86_64', 'local')],
      backend: [],
      notRead: [],
    };
    const { port, posts } = fakeBackend([doneWith(devRow)]);
    const { queue } = queueOn(port);
    const installed = doneRow(DEV, platformResult(DEV, 'local-only', null));
    const typed = { ...typedRow('local/dev:1'), result: platformResult('local/dev:1', 'local-only', null) };
    queue.sync([installed, typed]);
    await settle();
    expect(posts).toEqual([{ source: 'local' }]);
    const state = queue.states().get(rowKey(installed));
    if (state?.kind !== 'done') throw new Error(`expected done, got ${state?.kind}`);
    expect(state.findings.status).toBe('checked');
    expect(state.findings.source).toBe('local');
    expect(state.findings.bytesRead).toBe(0);
    expect(queue.states().get(rowKey(typed))?.kind).toBe('skipped');
    queue.leave();
  });

  it('says the result is about this machine and offers the other variants with their size', async () => {
    const { port } = fakeBackend([doneWith(localRow)]);
    const { queue } = queueOn(port);
    queue.sync([doneRow(REF)]);
    await settle();
    const state = queue.states().get(rowKey(doneRow(REF)));
    if (state?.kind !== 'done') throw new Error(`expected done, got ${state?.kind}`);
    expect(state.findings.source).toBe('local');
    expect(deepLine(state)?.text).toBe('Checked inside: helpers right for this machine (linux/amd64)');
    // The core words it (src/core/inside/readScope.ts); the tab shows it as it came.
    expect(state.findings.message).toBe('Host binaries and backend images are right for this machine (linux/amd64).');
    expect(otherVariantsOffer(state.findings)).toEqual({
      platforms: ['linux/arm64'],
      bytes: ARM64_BYTES,
      text: 'Check linux/arm64 too: 9.7 MiB from the registry',
    });
  });

  it('reads the other variants from the registry only when asked, and folds them into the verdict', async () => {
    const { port, posts } = fakeBackend([doneWith(localRow), doneWith(arm64Row)]);
    const { queue, remembered } = queueOn(port);
    const key = rowKey(doneRow(REF));
    queue.sync([doneRow(REF)]);
    await settle();
    expect(posts).toHaveLength(1);
    queue.readOthers(key);
    expect(queue.states().get(key)).toMatchObject({ kind: 'done', others: { kind: 'running' } });
    await settle();
    expect(posts[1]).toEqual({ source: 'registry', platforms: ['linux/arm64'] });
    const state = queue.states().get(key);
    if (state?.kind !== 'done') throw new Error(`expected done, got ${state?.kind}`);
    expect(state.others).toBeUndefined();
    expect(state.findings.verdict).toBe('wrong-host-binary');
    expect(state.findings.variants).toEqual(['linux/amd64', 'linux/arm64']);
    expect(state.findings.notRead).toEqual([]);
    // Once both variants are read, no note says one was not.
    expect(state.findings.notes).toEqual([]);
    expect(state.findings.hostBinaries.map((b) => [b.platform, b.state, b.source])).toEqual([
      ['linux/amd64', 'ok', 'local'],
      ['linux/arm64', 'wrong-cpu', 'registry'],
    ]);
    expect(otherVariantsOffer(state.findings)).toBeUndefined();
    expect(remembered.get(`${REF}@${DIGEST}`)?.verdict).toBe('wrong-host-binary');
  });

  it("Stop while the other variants are read keeps this machine's findings and offers them again", async () => {
    const { port } = fakeBackend([doneWith(localRow)]);
    const { queue } = queueOn(port);
    const key = rowKey(doneRow(REF));
    queue.sync([doneRow(REF)]);
    await settle();
    queue.readOthers(key);
    await settle();
    expect(queue.states().get(key)).toMatchObject({ kind: 'done', others: { kind: 'running' } });
    queue.stop(key);
    const state = queue.states().get(key);
    expect(state).toMatchObject({ kind: 'done', others: { kind: 'stopped' } });
    if (state?.kind !== 'done') throw new Error('expected done');
    expect(state.findings.verdict).toBeNull();
    queue.leave();
  });

  it('says so in plain words when the engine cannot be read, downloads nothing, and offers the registry', async () => {
    const failed: BackendAnswer = {
      ok: true,
      value: snapshot(
        'job-1',
        REF,
        { state: 'failed', error: { name: 'local-unavailable', message: 'no engine socket' } },
        'done',
      ),
    };
    const { port, posts } = fakeBackend([failed]);
    const { queue } = queueOn(port);
    const key = rowKey(doneRow(REF));
    queue.sync([doneRow(REF)]);
    await settle();
    const state: DeepRowState | undefined = queue.states().get(key);
    expect(state).toMatchObject({ kind: 'local-missing', reason: 'local-unavailable' });
    expect(deepLine(state)?.text).toContain('Nothing was downloaded');
    expect(posts).toEqual([{ source: 'local' }]);
    queue.readFromRegistry(key);
    await settle();
    expect(posts[1]).toEqual({ source: 'registry' });
    queue.leave();
  });
});

describe('remembered results and the DOM', () => {
  it('remembers what was read and from where: a local result stays local with its variants not read', () => {
    const findings = parseDeepFindings(localRow, 'local');
    if (findings === undefined) throw new Error('fixture must parse');
    const text = serialiseRememberedDeep(new Map([[`${REF}@${DIGEST}`, { savedAt: 'now', findings }]]));
    const back = parseRememberedDeep(text).get(`${REF}@${DIGEST}`)?.findings;
    expect(back?.source).toBe('local');
    expect(back?.notRead).toEqual(findings.notRead);
    expect(back?.hostBinaries.map((b) => b.source)).toEqual(['local']);
    expect(back === undefined ? undefined : otherVariantsOffer(back)?.platforms).toEqual(['linux/arm64']);
    // An entry written before sources existed was read from the registry, every variant.
    const old = JSON.stringify({
      entries: { [`${REF}@${DIGEST}`]: { savedAt: 'now', row: { ...(localRow as object), notRead: undefined } } },
    });
    expect(parseRememberedDeep(old).get(`${REF}@${DIGEST}`)?.findings.source).toBe('registry');
  });

  it('marks each host binary with its source and shows the other-variants button with its size', () => {
    const findings = parseDeepFindings(localRow, 'local');
    if (findings === undefined) throw new Error('fixture must parse');
    const row = doneRow(REF);
    const readOthers = vi.fn();
    const controller = {
      states: new Map<string, DeepRowState>([[rowKey(row), { kind: 'done', findings, remembered: false }]]),
      stop: vi.fn(),
      retry: vi.fn(),
      readOthers,
      readFromRegistry: vi.fn(),
      stopAll: vi.fn(),
    };
    const { container } = render(
      <DeepCheckProvider value={controller}>
        <DeepDetails row={row} />
      </DeepCheckProvider>,
    );
    const binaries = [...container.querySelectorAll('[data-host-binary]')];
    expect(binaries.length).toBe(1);
    expect(binaries.every((b) => b.closest('[data-source="local"]') !== null)).toBe(true);
    // The sentence exists once, in the core: the details show the backend's message as it came.
    expect(screen.getByTestId('deep-message').textContent).toBe(
      'Host binaries and backend images are right for this machine (linux/amd64).',
    );
    const button = screen.getByTestId('deep-other-variants');
    expect(button.getAttribute('data-image')).toBe(REF);
    expect(button.textContent).toBe('Check linux/arm64 too: 9.7 MiB from the registry');
    fireEvent.click(button);
    expect(readOthers).toHaveBeenCalledWith(rowKey(row));
  });

  it('a fold where neither read found anything wrong: the core words it for every variant read', () => {
    const base = parseDeepFindings(localRow, 'local');
    const cleanArm64 = {
      ...(arm64Row as Record<string, JsonValue>),
      verdict: 'ready',
      deep: {
        ...((arm64Row as Record<string, JsonValue>)['deep'] as Record<string, JsonValue>),
        verdict: null,
        message: 'Host binaries and backend images are right for linux/arm64.',
        fix: null,
      },
      hostBinaries: [binary('darwin', 'linux/arm64', 'ok', 'arm64', 'registry')],
    };
    const other = parseDeepFindings(cleanArm64, 'registry');
    if (base === undefined || other === undefined) throw new Error('fixtures must parse');
    const folded = foldOtherVariants(base, other);
    expect(folded.verdict).toBeNull();
    expect(folded.notRead).toEqual([]);
    expect(folded.message).toBe('Host binaries and backend images match every variant.');
    expect(deepLine({ kind: 'done', findings: folded, remembered: false })?.text).toBe(
      'Checked inside: helpers right for linux/amd64 and linux/arm64',
    );
  });
});
