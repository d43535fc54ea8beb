/** The deep check over the real registry reader and the fake registry: what the orchestration and the reader do together. */
import { afterEach, describe, expect, it } from 'vitest';
import { deepCheck } from '../../../src/deep/deepCheck.js';
import { createRegistryReader, noCredentials } from '../../../src/registry/index.js';
import { startRegistry, type FakeRegistry } from '../registry/fakeRegistry.js';
import { deps, fakePlatformCheck, inspectResult } from './fakeReader.js';

const servers: FakeRegistry[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function registry(): Promise<FakeRegistry> {
  const r = await startRegistry();
  servers.push(r);
  return r;
}

const AMD = `sha256:${'a'.repeat(64)}`;
const ARM = `sha256:${'b'.repeat(64)}`;

describe('deepCheck with the registry reader', () => {
  it('a registry that never answers ends at the per-image deadline as a timeout, with a fix (not "cancelled")', async () => {
    const reg = await registry();
    reg.handler = () => true;
    const ref = `${reg.host}/corpus/x:1.0.0`;
    const reader = createRegistryReader({ credentials: noCredentials });
    const result = await deepCheck(ref, deps(reader, fakePlatformCheck({ [ref]: inspectResult(ref, { 'linux/amd64': AMD, 'linux/arm64': ARM }) })), {
      deadlineMs: 200,
      signal: new AbortController().signal,
    });
    expect(result.deep.status).toBe('not-checked');
    expect(result.deep.explanation).toMatch(/per-image deadline/);
    expect(result.deep.fix).toMatch(/retry/i);
  });
});
