import { describe, expect, it } from 'vitest';
import { renderJson } from '@cli/renderJson.js';
import {
  exportRow,
  toJson,
  toJsonRow,
  type DeepCheckResult,
  type BackendImageFinding,
  type DeepParts,
  type HostBinaryFinding,
} from '@core/index.js';
import { AMD64_ONLY, READY, UNREACHABLE } from '../../support/handBuiltResults.js';

describe('toJsonRow / renderJson', () => {
  it('prints an array with the documented keys, in input order', () => {
    const parsed: unknown = JSON.parse(renderJson([READY, AMD64_ONLY, UNREACHABLE], []));
    expect(Array.isArray(parsed)).toBe(true);
    const rows = parsed as Record<string, unknown>[];
    expect(rows.map((r) => r.reference)).toEqual([READY.reference, AMD64_ONLY.reference, UNREACHABLE.reference]);
    expect(rows.map((r) => r.verdict)).toEqual(['ready', 'missing-platforms', 'unreachable']);
    for (const r of rows) {
      expect(Object.keys(r).sort()).toEqual([
        'backend',
        'canonical',
        'commands',
        'deep',
        'failure',
        'fix',
        'hostBinaries',
        'label',
        'manifest',
        'message',
        'platformList',
        'platforms',
        'publisherFix',
        'reference',
        'requirement',
        'severity',
        'source',
        'thisMachine',
        'userFix',
        'verdict',
      ]);
    }
  });

  it('maps explanation to message, absent values to null, and commands to display strings', () => {
    const ready = toJsonRow(READY, []);
    expect(ready).toMatchObject({
      message: 'Published for linux/amd64 and linux/arm64',
      fix: null,
      failure: null,
      requirement: null,
      source: 'registry',
    });
    expect(ready.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(ready.commands).toEqual(['docker buildx imagetools inspect 127.0.0.1:5000/corpus/good:1.0.0 --raw']);
    expect(toJsonRow(UNREACHABLE, []).failure).toEqual({ kind: 'unreachable', message: UNREACHABLE.failure?.message });
    expect(toJsonRow(AMD64_ONLY, []).fix).toContain('--platform=linux/amd64,linux/arm64');
  });

  it('with --require, every row says whether it meets it', () => {
    const required = ['linux/amd64', 'linux/arm64'];
    expect(toJsonRow(READY, required).requirement).toEqual({ required, status: 'met', missing: [] });
    expect(toJsonRow(AMD64_ONLY, required).requirement).toEqual({
      required,
      status: 'missing-platforms',
      missing: ['linux/arm64'],
    });
    expect(toJsonRow(UNREACHABLE, required).requirement).toEqual({
      required,
      status: 'not-inspected',
      missing: required,
    });
  });

  it('an empty list is an empty array', () => {
    expect(JSON.parse(renderJson([], []))).toEqual([]);
  });
});

const WRONG: HostBinaryFinding = {
  os: 'darwin',
  platform: 'linux/arm64',
  path: '/darwin/esbuild',
  state: 'wrong-cpu',
  found: 'x86_64',
  wanted: 'arm64',
  format: 'macho',
  message:
    'x86_64 Mach-O at /darwin/esbuild in the linux/arm64 variant: Apple-silicon Macs run it only under Rosetta 2.',
  warningOnly: false,
  fix: 'Pick the macOS binary by CPU.',
};

function deepResult(deep: Partial<DeepParts>): DeepCheckResult {
  return {
    ...READY,
    verdict: 'ready',
    platformVerdict: 'ready',
    deep: {
      status: 'checked',
      explanation: 'x',
      warnings: 0,
      variants: ['linux/amd64', 'linux/arm64'],
      hostBinaries: [],
      backend: [],
      notes: [],
      bytesRead: 10,
      bytesTotal: 100,
      ...deep,
    },
  };
}

describe('toJsonRow: the deep check keys', () => {
  it('deep, hostBinaries and backend are null without a deep check', () => {
    expect(toJsonRow(READY)).toMatchObject({ deep: null, hostBinaries: null, backend: null });
  });

  it('a checked extension with neither host binaries nor backend has empty arrays', () => {
    const row = toJsonRow(deepResult({ explanation: 'No host binaries or backend images to check.' }));
    expect(row.hostBinaries).toEqual([]);
    expect(row.backend).toEqual([]);
    expect(row.deep).toEqual({
      status: 'checked',
      verdict: null,
      platformVerdict: 'ready',
      message: 'No host binaries or backend images to check.',
      fix: null,
      warnings: 0,
      variants: ['linux/amd64', 'linux/arm64'],
      notes: [],
      bytesRead: 10,
      bytesTotal: 100,
    });
  });

  it('host binary entries carry os, platform (the variant), path, state, found, message and fix', () => {
    const backend: BackendImageFinding = {
      reference: 'x/worker:1',
      source: 'compose:worker',
      self: false,
      platforms: ['linux/amd64'],
      verdict: 'missing-platforms',
      message: 'm',
    };
    const row = toJsonRow(
      deepResult({
        verdict: 'wrong-host-binary',
        fix: 'Pick the macOS binary by CPU.',
        hostBinaries: [WRONG],
        backend: [backend],
      }),
    );
    expect(row.hostBinaries).toEqual([
      {
        os: 'darwin',
        platform: 'linux/arm64',
        path: '/darwin/esbuild',
        state: 'wrong-cpu',
        found: 'x86_64',
        wanted: 'arm64',
        message: WRONG.message,
        fix: WRONG.fix,
        warningOnly: false,
        listedAs: null,
        source: 'registry',
      },
    ]);
    expect(row.backend).toEqual([backend]);
    expect(row.deep?.verdict).toBe('wrong-host-binary');
  });

  it("host binary entries say where their variant's files were read: local (the engine) or registry", () => {
    const local = { ...WRONG, platform: 'linux/amd64', source: 'local' as const };
    const row = toJsonRow(deepResult({ hostBinaries: [WRONG, local] }));
    expect(row.hostBinaries?.map((b) => [b.platform, b.source])).toEqual([
      ['linux/arm64', 'registry'],
      ['linux/amd64', 'local'],
    ]);
  });

  it('a not-checked image has a deep object saying why, and null lists', () => {
    const row = toJsonRow(
      deepResult({ status: 'not-checked', explanation: 'never pushed', fix: 'docker push x', variants: [] }),
    );
    expect(row).toMatchObject({
      hostBinaries: null,
      backend: null,
      deep: { status: 'not-checked', message: 'never pushed', fix: 'docker push x' },
    });
  });

  it("the tab's JSON export writes the same rows as --json without --require, after the stamp", () => {
    const results = [READY, deepResult({ hostBinaries: [WRONG] })];
    const stamp = { date: '2026-12-01T15:30:00.000Z', host: 'linux/arm64', version: '0.1.0' };
    const machine = { platform: 'linux/arm64', os: 'darwin' } as const;
    const exported = JSON.parse(
      toJson(
        results.map((r) => exportRow(r, r.reference, machine)),
        stamp,
      ),
    ) as {
      archmatrixVersion: string;
      exportedAt: string;
      thisMachine: string | null;
      rows: unknown[];
    };
    expect(exported).toMatchObject({
      archmatrixVersion: '0.1.0',
      exportedAt: '2026-12-01T15:30:00.000Z',
      thisMachine: 'linux/arm64',
    });
    // The same rows as --json on the same machine, each with the extension's name.
    const cli = JSON.parse(renderJson(results, [], machine)) as Record<string, unknown>[];
    expect(exported.rows).toEqual(cli.map((row, i) => ({ ...row, name: results[i]?.reference })));
    expect(exported.rows).toEqual(
      results.map((r) => ({ ...(JSON.parse(JSON.stringify(toJsonRow(r, [], machine))) as object), name: r.reference })),
    );
  });

  it("carries the user's fix and the publisher's fix beside fix, null when absent", () => {
    const row = toJsonRow({ ...AMD64_ONLY, userFix: 'update it', publisherFix: AMD64_ONLY.fix });
    expect(row).toMatchObject({ fix: AMD64_ONLY.fix, userFix: 'update it', publisherFix: AMD64_ONLY.fix });
    expect(toJsonRow(READY)).toMatchObject({ fix: null, userFix: null, publisherFix: null });
  });

  it('platformList says whether a platform missing from the list is not published or unknown', () => {
    expect([READY, AMD64_ONLY, UNREACHABLE].map((r) => toJsonRow(r).platformList)).toEqual([
      'complete',
      'complete',
      'none',
    ]);
  });
});
