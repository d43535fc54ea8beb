import { describe, expect, it } from 'vitest';
import { DEEP_VERDICTS, FINDING_VERDICTS, backendLacks, decideDeepOutcome } from '@core/inside/deepOutcome.js';
import { verdictRank } from '@core/verdictTable.js';
import { judgeHostBinaries } from '@core/inside/hostBinaries.js';
import { parseExtensionMetadata } from '@core/inside/metadata.js';
import type { BackendImageFinding, HostBinaryFinding } from '@core/inside/types.js';
import { dataText, fileOf } from '../../../support/deepData.js';

const finding = (over: Partial<HostBinaryFinding>): HostBinaryFinding => ({
  os: 'darwin',
  platform: 'linux/arm64',
  path: '/darwin/k',
  state: 'ok',
  message: 'm.',
  warningOnly: false,
  ...over,
});

const backend = (over: Partial<BackendImageFinding>): BackendImageFinding => ({
  reference: 'mcp/docker:0.0.4',
  source: 'compose:mcp_docker',
  self: false,
  platforms: ['linux/amd64', 'linux/arm64'],
  verdict: 'ready',
  message: '',
  ...over,
});

describe('decideDeepOutcome', () => {
  it('exports the deep verdicts, in rank order: the two findings, then an inside not checked', () => {
    expect(FINDING_VERDICTS).toEqual(['wrong-host-binary', 'backend-missing-platforms']);
    expect(DEEP_VERDICTS).toEqual(['wrong-host-binary', 'backend-missing-platforms', 'not-checked-inside']);
    expect([...DEEP_VERDICTS].sort((a, b) => verdictRank(a) - verdictRank(b))).toEqual(DEEP_VERDICTS);
  });

  it('no verdict when every host binary is ok and every backend has both platforms', () => {
    const outcome = decideDeepOutcome([finding({})], [backend({})]);
    expect(outcome).toEqual({
      verdict: undefined,
      explanation: 'Host binaries and backend images match every variant.',
      warnings: 0,
    });
  });

  it('wrong-host-binary for wrong-cpu or missing, carrying the first finding and its fix', () => {
    for (const state of ['wrong-cpu', 'missing'] as const) {
      const outcome = decideDeepOutcome([finding({}), finding({ state, message: `bad ${state}.`, fix: 'do x' })], []);
      expect(outcome).toEqual({ verdict: 'wrong-host-binary', explanation: `bad ${state}.`, fix: 'do x', warnings: 0 });
    }
  });

  it('Windows in linux/arm64 (warning only) never changes the verdict, but is counted and said', () => {
    const outcome = decideDeepOutcome([finding({ os: 'windows', state: 'missing', warningOnly: true })], []);
    expect(outcome.verdict).toBeUndefined();
    expect(outcome.warnings).toBe(1);
    expect(outcome.explanation).toMatch(/Also: 1 warning that does not change the verdict\./);
  });

  it('unreadable never changes the verdict', () => {
    expect(decideDeepOutcome([finding({ state: 'unreadable' })], []).verdict).toBeUndefined();
  });

  it('backend-missing-platforms when a backend other than the extension lacks linux/amd64 or linux/arm64', () => {
    const outcome = decideDeepOutcome([], [backend({ platforms: ['linux/amd64'], verdict: 'missing-platforms' })]);
    expect(outcome.verdict).toBe('backend-missing-platforms');
    expect(outcome.explanation).toBe(
      'backend image mcp/docker:0.0.4 (compose:mcp_docker) lacks linux/arm64: Docker Desktop cannot start it on those hosts.',
    );
    expect(outcome.fix).toMatch(/--platform=linux\/amd64,linux\/arm64 \(missing: linux\/arm64\)/);
  });

  it('the extension itself as backend is never a separate problem', () => {
    expect(decideDeepOutcome([], [backend({ self: true, platforms: ['linux/amd64'] })]).verdict).toBeUndefined();
  });

  it('a backend whose platforms could not be read is named, not counted', () => {
    const outcome = decideDeepOutcome([], [backend({ verdict: 'unauthorized', platforms: [] })]);
    expect(outcome.verdict).toBeUndefined();
    expect(outcome.explanation).toMatch(/backend mcp\/docker:0\.0\.4 \(unauthorized\) not checked/);
  });

  it('a backend only in the local store (local-only, one local platform) is named as not checked, not judged as lacking', () => {
    const local = backend({ reference: 'acme/backend:dev', platforms: ['linux/amd64'], verdict: 'local-only' });
    expect(backendLacks(local)).toEqual([]);
    const outcome = decideDeepOutcome([], [local]);
    expect(outcome.verdict).toBeUndefined();
    expect(outcome.explanation).toMatch(/backend acme\/backend:dev \(local-only\) not checked/);
  });

  it('normalises backend platform keys (linux/arm64/v8 counts as linux/arm64)', () => {
    expect(backendLacks(backend({ platforms: ['linux/amd64', 'linux/arm64/v8'] }))).toEqual([]);
    expect(backendLacks(backend({ platforms: ['linux/arm/v7'] }))).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it('wrong-host-binary wins over backend-missing-platforms, and the explanation names both', () => {
    const outcome = decideDeepOutcome(
      [
        finding({ state: 'wrong-cpu', message: 'x86_64 Mach-O at /darwin/k.', fix: 'f' }),
        finding({ state: 'missing', message: 'gone.' }),
      ],
      [backend({ platforms: ['linux/amd64'] })],
    );
    expect(outcome.verdict).toBe('wrong-host-binary');
    expect(outcome.explanation).toBe(
      'x86_64 Mach-O at /darwin/k. (and 1 more host binary finding) Also backend image mcp/docker:0.0.4 (compose:mcp_docker) lacks linux/arm64: Docker Desktop cannot start it on those hosts.',
    );
  });

  it('says when there was nothing to check', () => {
    expect(decideDeepOutcome([], []).explanation).toBe('No host binaries or backend images to check.');
  });

  it('end to end on real bytes: the page pattern with an x86_64 darwin binary left in linux/arm64', () => {
    const m = parseExtensionMetadata(dataText('metadata/extensions-sdk-kubernetes-sample.json'));
    if (!m.ok) throw new Error(m.error.message);
    const files = (entries: ReturnType<typeof fileOf>[]) => ({
      platform: '',
      digest: '',
      files: new Map(entries.map((f) => [f.path, f])),
      bytesRead: 0,
      bytesTotal: 0,
    });
    const host = judgeHostBinaries(
      new Map([
        ['linux/amd64', m.value],
        ['linux/arm64', m.value],
      ]),
      new Map([
        [
          'linux/amd64',
          files([
            fileOf('/darwin/kubectl', 'darwinX64'),
            fileOf('/windows/kubectl.exe', 'winX64'),
            fileOf('/linux/kubectl', 'linuxX64'),
          ]),
        ],
        [
          'linux/arm64',
          files([
            fileOf('/darwin/kubectl', 'darwinX64'),
            fileOf('/linux/kubectl', 'linuxArm64'),
            { kind: 'missing', path: '/windows/kubectl.exe', whitedOut: false },
          ]),
        ],
      ]),
    );
    const outcome = decideDeepOutcome(host, []);
    expect(outcome.verdict).toBe('wrong-host-binary');
    expect(outcome.warnings).toBe(1);
    expect(outcome.explanation).toMatch(
      /^x86_64 Mach-O at \/darwin\/kubectl in the linux\/arm64 variant: Apple-silicon Macs run it only under Rosetta 2/,
    );
  });
});
