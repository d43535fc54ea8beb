import { describe, expect, it } from 'vitest';
import { counterpartKey, normalisedVariant, variantCpu } from '@core/inside/variantCpu.js';

describe('variantCpu', () => {
  it.each([
    ['linux/amd64', 'x86_64'],
    ['linux/arm64', 'arm64'],
    ['linux/arm64/v8', 'arm64'],
    ['linux/arm/v7', 'arm'],
    ['linux/arm/v6', 'arm'],
    ['linux/386', 'i386'],
    ['linux/s390x', undefined],
    ['linux/riscv64', undefined],
    ['windows/amd64', undefined],
    ['not a platform', undefined],
  ] as const)('%s -> %s', (platform, cpu) => {
    expect(variantCpu(platform)).toBe(cpu);
  });

  it('normalises keys and keeps text that does not parse', () => {
    expect(normalisedVariant('linux/aarch64')).toBe('linux/arm64');
    expect(normalisedVariant('??')).toBe('??');
  });
});

describe('counterpartKey', () => {
  it.each([
    ['/darwin/kubectl-arm64', '/darwin/kubectl'],
    ['/darwin/kubectl-amd64', '/darwin/kubectl'],
    ['/darwin/kubectl_x86_64', '/darwin/kubectl'],
    ['/darwin/kubectl.aarch64', '/darwin/kubectl'],
    ['/bin/x64/tool', '/bin//tool'],
    ['/bin/ARM64/tool', '/bin//tool'],
    ['/host/darwin-amd64/client', '/host/darwin/client'],
    ['/darwin/harmony', '/darwin/harmony'],
    ['/darwin/armada-x64', '/darwin/armada'],
    ['/darwin/tool-armv7l', '/darwin/tool'],
    ['/darwin/amdtool', '/darwin/amdtool'],
    ['/darwin/tool-amd', '/darwin/tool'],
    // A CPU word at the end of a longer word stays: swarm is not sw + arm, cmdx64 not cmd + x64.
    ['/darwin/swarm', '/darwin/swarm'],
    ['/darwin/cmdx64', '/darwin/cmdx64'],
    ['/darwin/cmd-x64', '/darwin/cmd'],
  ])('%s -> %s', (path, key) => {
    expect(counterpartKey(path)).toBe(key);
  });
});
