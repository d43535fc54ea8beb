/** The findings split by whom they concern (this machine, other machines, the publisher), on real deep corpus results. */
import { describe, expect, it } from 'vitest';
import { machineFindings, toJsonRow, type Platform, type ThisMachine } from '@core/index.js';
import { recorded } from '../../support/corpus.js';
import { DEEP_CORPUS_ENTRIES } from '../../support/deepCorpusEntries.js';
import { deepCorpusResult, recordedResult } from '../../support/machineCorpus.js';

const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64' };
const LINUX: ThisMachine = { platform: 'linux/amd64', os: 'linux' };
const MAC: ThisMachine = { platform: 'linux/arm64', os: 'darwin' };

async function deep(name: string, host: Platform) {
  const entry = DEEP_CORPUS_ENTRIES.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`${name} is in the deep corpus`);
  return deepCorpusResult(entry, host);
}

describe('machineFindings', () => {
  it('a macOS binary wrong in linux/arm64: about a Mac, for other machines on Linux', async () => {
    const onLinux = machineFindings(await deep('darwin-x64-both', AMD64), LINUX);
    expect(onLinux.thisMachine).toEqual([]);
    expect(onLinux.otherMachines).toEqual([
      'Apple-silicon Macs: its macOS helper /darwin/esbuild is built for x86_64, not arm64.',
      "Windows on Arm: its Windows helper /windows/esbuild.exe is missing from the linux/arm64 build (only a warning: Docker's own pattern ships Windows helpers for amd64 only).",
    ]);
    const onMac = machineFindings(await deep('darwin-x64-both', ARM64), MAC);
    expect(onMac.thisMachine).toEqual([
      'Its macOS helper /darwin/esbuild is built for x86_64; this machine needs arm64.',
    ]);
    expect(onMac.otherMachines).toHaveLength(1);
    // The publisher's part: the fix (a command block), where it was read; nothing said twice.
    expect(onMac.publisher.fixes.join('\n')).toMatch(/TARGETARCH/);
    expect(onMac.publisher.notes).toContain('Platforms read from the registry.');
    expect(onMac.publisher.notes).toContain('Inside read for linux/amd64 and linux/arm64 from the registry.');
    for (const text of [...onMac.thisMachine, ...onMac.otherMachines, ...onMac.publisher.notes])
      expect(text).not.toContain('`');
  });

  it('a backend without linux/arm64: this machine on a Mac, other machines on Linux', async () => {
    expect(machineFindings(await deep('compose-backend', ARM64), MAC).thisMachine).toEqual([
      'Its backend image 127.0.0.1:5000/corpus/amd64-only:1.0.0 is not published for this machine (linux/arm64).',
    ]);
    expect(machineFindings(await deep('compose-backend', AMD64), LINUX)).toMatchObject({
      thisMachine: [],
      otherMachines: [
        'Its backend image 127.0.0.1:5000/corpus/amd64-only:1.0.0 lacks linux/arm64: Docker Desktop cannot start it on those machines.',
      ],
    });
  });

  it('nothing but metadata.json: said once, for the publisher', async () => {
    const split = machineFindings(await deep('vm-self', AMD64), LINUX);
    expect(split.thisMachine).toEqual([]);
    expect(split.otherMachines).toEqual([]);
    const none = machineFindings(await deep('no-metadata', AMD64), LINUX);
    expect(none.thisMachine).toEqual([
      'There is no /metadata.json, so no host binaries or backend were checked in this variant.',
    ]);
  });

  it('a platform this machine does not need: for other machines, singular', async () => {
    const amdOnly = await recordedResult({ reference: recorded('amd64-only') }, AMD64);
    const split = machineFindings(amdOnly, LINUX);
    expect(split.otherMachines).toEqual([
      'Not published for linux/arm64: Docker Desktop will not install it on those machines.',
    ]);
    expect(split.publisher.fixes).toEqual([amdOnly.fix]);
  });

  it('the JSON row carries the answer for the machine that wrote it, null when it does not know one', async () => {
    const result = await deep('wrong-elf', AMD64);
    expect(toJsonRow(result, [], LINUX).thisMachine).toEqual({
      answer: 'broken',
      reason: 'Its Linux helper /linux/esbuild is built for arm64; this machine needs x86_64.',
    });
    expect(toJsonRow(result).thisMachine).toBeNull();
  });
});
