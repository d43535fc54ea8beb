/**
 * The this-machine answer over the verdict table × deep findings × machines, on real results: the recorded corpus
 * (test/data/fixtures through the command layer) and the deep corpus put through the real deep check with real
 * executable heads (test/support/machineCorpus.ts). Every verdict of the table is reached and its answer asserted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  THIS_MACHINE_ANSWERS,
  VERDICTS,
  answerForThisMachine,
  decideVerdict,
  hostOsOf,
  thisMachineOf,
  withDeepParts,
  type DeepCheckResult,
  type InspectResult,
  type Platform,
  type ThisMachine,
  type ThisMachineAnswer,
  type Verdict,
} from '@core/index.js';
import { inspectImage } from '@commands/inspectImage.js';
import { DEEP_CORPUS_ENTRIES } from '../../support/deepCorpusEntries.js';
import { answer, fixturePort } from '../../support/fixturePort.js';
import { recorded } from '../../support/corpus.js';
import { deepCorpusResult, recordedResult } from '../../support/machineCorpus.js';
import { resultFor } from '../../support/recordedResults.js';

const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64' };

/** The three machines of the rule: a Linux PC, an Apple-silicon Mac, a Windows PC (and Windows on Arm). */
const LINUX: ThisMachine = { platform: 'linux/amd64', os: 'linux' };
const MAC: ThisMachine = { platform: 'linux/arm64', os: 'darwin' };
const WINDOWS: ThisMachine = { platform: 'linux/amd64', os: 'windows' };
const WINDOWS_ARM: ThisMachine = { platform: 'linux/arm64', os: 'windows' };
const MACHINES = { LINUX, MAC, WINDOWS } as const;
const platformOf = (m: ThisMachine): Platform => (m.platform === 'linux/arm64' ? ARM64 : AMD64);

/** Every verdict an asserted case had: the last test checks the table is covered. */
const reached = new Set<Verdict>();
function expectAnswer(result: InspectResult, machine: ThisMachine, expected: ThisMachineAnswer, reason?: RegExp): void {
  reached.add(result.verdict);
  const got = answerForThisMachine(result, machine);
  expect(got.answer, `${result.reference} (${result.verdict}) on ${JSON.stringify(machine)}: ${got.reason}`).toBe(
    expected,
  );
  expect(got.reason).toMatch(/^[A-Z].*\.$/);
  expect(got.reason).not.toContain('`');
  if (reason !== undefined) expect(got.reason).toMatch(reason);
}

describe('this machine, from Node names', () => {
  it('reads the VM platform from the CPU and the host OS from the platform name', () => {
    expect(thisMachineOf('x64', 'linux')).toEqual(LINUX);
    expect(thisMachineOf('arm64', 'darwin')).toEqual(MAC);
    expect(thisMachineOf('x64', 'win32')).toEqual(WINDOWS);
    expect(thisMachineOf('arm64', 'win32')).toEqual(WINDOWS_ARM);
    expect(thisMachineOf('mips', 'sunos')).toEqual({});
    expect(hostOsOf(undefined)).toBeUndefined();
  });
});

describe('the platforms (no deep check): recorded results', () => {
  it('good: published for both, works everywhere', async () => {
    for (const machine of Object.values(MACHINES)) {
      const result = await recordedResult({ reference: recorded('good') }, platformOf(machine));
      expect(result.verdict).toBe('ready');
      expectAnswer(result, machine, 'works', new RegExp(`Published for this machine \\(${machine.platform ?? ''}\\)`));
    }
  });

  it('amd64-only and arm64-only: works where published, will not install elsewhere', async () => {
    const amdOnLinux = await recordedResult({ reference: recorded('amd64-only') }, AMD64);
    expect(amdOnLinux.verdict).toBe('missing-platforms');
    expectAnswer(amdOnLinux, LINUX, 'works');
    const amdOnMac = await recordedResult({ reference: recorded('amd64-only') }, ARM64);
    expect(amdOnMac.verdict).toBe('incompatible');
    expectAnswer(amdOnMac, MAC, 'will-not-install', /Not published for this machine \(linux\/arm64\)/);
    const armOnWindows = await recordedResult({ reference: recorded('arm64-only-attested') }, AMD64);
    expect(armOnWindows.verdict).toBe('incompatible');
    expectAnswer(armOnWindows, WINDOWS, 'will-not-install');
    const armOnMac = await recordedResult({ reference: recorded('arm64-only-attested') }, ARM64);
    expectAnswer(armOnMac, MAC, 'works');
  });

  it('no linux platform (the recorded windows-entry index, its Windows entry alone): will not install', () => {
    const windows = resultFor('windows-entry').manifest?.platforms.filter((p) => p.platform.os === 'windows') ?? [];
    expect(windows.length).toBe(1);
    const detail = decideVerdict({
      reference: recorded('windows-entry'),
      platforms: windows.map((p) => p.platform),
      source: 'registry',
      host: AMD64,
    });
    const result: InspectResult = {
      ...detail,
      reference: recorded('windows-entry'),
      platforms: ['windows/amd64'],
      commands: [],
    };
    expect(result.verdict).toBe('unsupported-os');
    for (const machine of Object.values(MACHINES)) expectAnswer(result, machine, 'will-not-install', /no Linux build/);
  });

  it('never pushed: runs here when its local copy is this machine’s platform, unknown otherwise', async () => {
    const local = await recordedResult({ reference: 'local/dev-extension:latest' }, AMD64);
    expect(local.verdict).toBe('local-only');
    expectAnswer(local, LINUX, 'works', /never published/);
    expectAnswer(local, WINDOWS, 'works');
    expectAnswer(local, MAC, 'unknown', /built for linux\/amd64/);
  });

  it.each([
    ['unauthorized', '127.0.0.1:5001/private/good:1.0.0', /refused access/],
    ['not-found', '127.0.0.1:5000/corpus/does-not-exist:1.0.0', /no such repository/],
    ['unreachable', '127.0.0.1:5999/corpus/good:1.0.0', /could not be reached/],
    ['invalid-reference', '127.0.0.1:5000/Corpus/Good:1.0.0', /Not a valid image reference/],
  ] as const)('%s: unknown, with the reason', async (verdict, reference, reason) => {
    const result = await recordedResult({ reference }, AMD64);
    expect(result.verdict).toBe(verdict);
    for (const machine of Object.values(MACHINES)) expectAnswer(result, machine, 'unknown', reason);
  });

  it('error (the real good --raw, truncated): unknown', async () => {
    const truncated = answer('good.imagetools-raw');
    const port = fixturePort([
      (args) => (args[4] === '--raw' ? { ...truncated, stdout: truncated.stdout.slice(0, 200) } : undefined),
    ]);
    const result = await inspectImage(port.exec, { reference: recorded('good') }, { host: AMD64 });
    expect(result.verdict).toBe('error');
    expectAnswer(result, LINUX, 'unknown');
  });

  it('an unknown machine: ready works (Docker Desktop runs on one of the pair), a lacking image is unknown', async () => {
    expectAnswer(await recordedResult({ reference: recorded('good') }, undefined), {}, 'works');
    expectAnswer(await recordedResult({ reference: recorded('amd64-only') }, undefined), {}, 'unknown');
  });
});

/** The answer each deep corpus image must get on each machine, by what the corpus table says is inside. */
/** Images whose metadata.json is absent or not JSON: nothing inside was checked, on any machine. */
const UNKNOWN = ['bad-metadata', 'no-metadata'];
const BROKEN: Readonly<Record<keyof typeof MACHINES, readonly string[]>> = {
  // Linux PC: only Linux helpers in linux/amd64 count.
  LINUX: ['whiteout', 'wrong-elf'],
  // Apple-silicon Mac: macOS helpers in linux/arm64, and backends without linux/arm64.
  MAC: ['darwin-x64-both', 'missing-in-arm64', 'whiteout', 'compose-backend'],
  // Windows PC: Windows helpers in linux/amd64.
  WINDOWS: ['wrong-pe'],
};

describe('the deep corpus through the real deep check', () => {
  const results = new Map<string, Map<string, DeepCheckResult>>();
  beforeAll(async () => {
    for (const [name, machine] of Object.entries(MACHINES)) {
      const byImage = new Map<string, DeepCheckResult>();
      for (const entry of DEEP_CORPUS_ENTRIES)
        byImage.set(entry.name, await deepCorpusResult(entry, platformOf(machine)));
      results.set(name, byImage);
    }
  });

  it('reproduces the corpus table: every host binary state and the deep verdict', () => {
    for (const entry of DEEP_CORPUS_ENTRIES) {
      const result = results.get('LINUX')?.get(entry.name);
      expect(result?.verdict, entry.name).toBe(entry.verdict);
      const seen = (result?.deep.hostBinaries ?? []).map((b) => `${b.os} ${b.platform} ${b.path} ${b.state}`).sort();
      const wanted = entry.hostBinaries.map((b) => `${b.os} ${b.platform} ${b.path} ${b.state}`).sort();
      expect(seen, entry.name).toEqual(wanted);
    }
  });

  it.each(Object.keys(MACHINES) as (keyof typeof MACHINES)[])(
    'on %s: broken only where a helper for this OS in this machine’s variant, or a backend, fails; unknown without a readable metadata.json; else works',
    (name) => {
      const machine = MACHINES[name];
      for (const entry of DEEP_CORPUS_ENTRIES) {
        const result = results.get(name)?.get(entry.name);
        if (result === undefined) throw new Error(`no result for ${entry.name}`);
        const expected = BROKEN[name].includes(entry.name)
          ? 'broken'
          : UNKNOWN.includes(entry.name)
            ? 'unknown'
            : 'works';
        expectAnswer(result, machine, expected);
      }
    },
  );

  it('says what is broken in user words', () => {
    const mac = results.get('MAC');
    expect(answerForThisMachine(mac?.get('darwin-x64-both') as InspectResult, MAC).reason).toBe(
      'Its macOS helper /darwin/esbuild is built for x86_64; this machine needs arm64.',
    );
    expect(answerForThisMachine(mac?.get('missing-in-arm64') as InspectResult, MAC).reason).toBe(
      "Its macOS helper /darwin/esbuild is missing from this machine's build.",
    );
    expect(answerForThisMachine(mac?.get('compose-backend') as InspectResult, MAC).reason).toBe(
      'Its backend image 127.0.0.1:5000/corpus/amd64-only:1.0.0 is not published for this machine (linux/arm64).',
    );
    expect(answerForThisMachine(results.get('LINUX')?.get('good') as InspectResult, LINUX).reason).toBe(
      'Published for this machine (linux/amd64), and its parts for this machine are right.',
    );
  });

  it('Windows on Arm: the warning-only Windows cell of linux/arm64 is this machine’s, and a missing one breaks it', async () => {
    const pattern = DEEP_CORPUS_ENTRIES.find((e) => e.name === 'page-pattern');
    if (pattern === undefined) throw new Error('page-pattern is in the deep corpus');
    const result = await deepCorpusResult(pattern, ARM64);
    expectAnswer(result, WINDOWS_ARM, 'broken', /Windows helper \/windows\/esbuild\.exe is missing/);
    expectAnswer(result, MAC, 'works');
  });

  it('inside not checked (every read unreachable): unknown; will-not-install still wins', async () => {
    const good = results.get('LINUX')?.get('good');
    if (good === undefined) throw new Error('good was checked');
    const notChecked = withDeepParts(good, {
      ...good.deep,
      status: 'not-checked',
      verdict: undefined,
      explanation: 'Not checked: The registry 127.0.0.1:5999 could not be reached',
      hostBinaries: [],
    });
    expectAnswer(notChecked, LINUX, 'unknown', /could not be checked/);
    const amdOnly = await recordedResult({ reference: recorded('amd64-only') }, ARM64);
    expectAnswer(withDeepParts(amdOnly, notChecked.deep), MAC, 'will-not-install');
  });

  it('a deep verdict that does not name the hosts it hits is unknown (the spot for such verdicts)', () => {
    const good = results.get('LINUX')?.get('good');
    if (good === undefined) throw new Error('good was checked');
    // Stands in for a verdict the deep check adds that is not about a host: whichever verdict sits beside the platform one.
    const notAboutHost: DeepCheckResult = { ...good, verdict: 'error' };
    expect(answerForThisMachine(notAboutHost, LINUX).answer).toBe('unknown');
  });

  it('reaches every verdict of the table, and every answer', () => {
    expect([...reached].sort()).toEqual([...VERDICTS].sort());
    const answers = new Set<ThisMachineAnswer>();
    for (const [name, byImage] of results)
      for (const result of byImage.values())
        answers.add(answerForThisMachine(result, MACHINES[name as keyof typeof MACHINES]).answer);
    expect([...answers].sort()).toEqual(['broken', 'unknown', 'works']);
    expect(THIS_MACHINE_ANSWERS).toEqual(['works', 'will-not-install', 'broken', 'unknown']);
  });
});
