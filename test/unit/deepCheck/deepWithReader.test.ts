/** The deep check over the real registry reader and the fake registry: what the orchestration and the reader do together. */
import { describe, expect, it } from 'vitest';
import { deepCheck } from '@deepCheck/deepCheck.js';
import { createRegistryReader, noCredentials } from '@registry/index.js';
import { randomBytes } from 'node:crypto';
import { gzip, LAYER_GZIP, tarOf } from '../../support/fakeRegistry.js';
import { fakeServersPerTest } from '../../support/fakeServersPerTest.js';
import { AMD, ARM, deps, fakePlatformCheck, inspectResult } from '../../support/fakeReader.js';

const { registry } = fakeServersPerTest();

describe('deepCheck with the registry reader', () => {
  it('a registry that never answers ends at the per-image deadline as a timeout, with a fix (not "cancelled")', async () => {
    const reg = await registry();
    reg.handler = () => true;
    const ref = `${reg.host}/corpus/x:1.0.0`;
    const reader = createRegistryReader({ credentials: noCredentials });
    const result = await deepCheck(
      ref,
      deps(reader, fakePlatformCheck({ [ref]: inspectResult(ref, { 'linux/amd64': AMD, 'linux/arm64': ARM }) })),
      {
        deadlineMs: 200,
        signal: new AbortController().signal,
      },
    );
    expect(result.deep.status).toBe('not-checked');
    expect(result.deep.explanation).toMatch(/per-image deadline/);
    expect(result.deep.fix).toMatch(/retry/i);
  });

  it('the byte cap holds for the image as a whole while its variants are read at once', async () => {
    const reg = await registry();
    // Each variant's metadata.json sits after 600 kB of incompressible bytes: reading it means downloading them.
    const variant = async (): Promise<string> =>
      reg.addImage([
        {
          mediaType: LAYER_GZIP,
          bytes: gzip(
            await tarOf([
              { name: 'noise', data: randomBytes(600_000) },
              { name: 'metadata.json', data: '{}' },
            ]),
          ),
        },
      ]);
    const [amd, arm] = [await variant(), await variant()];
    const ref = `${reg.host}/corpus/x:1.0.0`;
    const reader = createRegistryReader({ credentials: noCredentials });
    const cap = 400_000;
    const result = await deepCheck(
      ref,
      deps(reader, fakePlatformCheck({ [ref]: inspectResult(ref, { 'linux/amd64': amd, 'linux/arm64': arm }) })),
      { maxBytes: cap },
    );
    // Past the cap each running read stops at its next chunk: at most one chunk (64 KiB) over it per read at once.
    expect(reader.stats.bytesDownloaded).toBeLessThanOrEqual(cap + 2 * 64 * 1024);
    expect(result.deep.bytesRead).toBe(reader.stats.bytesDownloaded);
    expect(result.deep.notes.join('\n')).toMatch(/byte cap/);
  });

  it("a refused login: the registry's message keeps to facts, and the fix fits where the check runs", async () => {
    const reg = await registry();
    reg.auth = { kind: 'basic', user: 'u', pass: 'p' };
    const ref = `${reg.host}/corpus/x:1.0.0`;
    const check = fakePlatformCheck({ [ref]: inspectResult(ref, { 'linux/amd64': AMD, 'linux/arm64': ARM }) });
    const backend = await deepCheck(ref, deps(createRegistryReader({ credentials: noCredentials }), check, 'backend'));
    expect(backend.deep.explanation).toMatch(/^unauthorized: .*no stored login/);
    expect(backend.deep.explanation).not.toMatch(/docker login/);
    expect(backend.deep.fix).toBe(
      `Run \`archmatrix --deep ${ref}\` on the host: it uses your docker login, which the extension's backend cannot see.`,
    );
    const wrong = { get: () => Promise.resolve({ kind: 'basic' as const, username: 'u', password: 'wrong' }) };
    const cli = await deepCheck(ref, deps(createRegistryReader({ credentials: wrong }), check, 'cli'));
    expect(cli.deep.fix).toBe(`Run \`docker login ${reg.host}\`, then \`archmatrix --deep ${ref}\` again.`);
  });

  it('a read that finds no such manifest says what to do about it', async () => {
    const reg = await registry();
    const ref = `${reg.host}/corpus/x:1.0.0`;
    const reader = createRegistryReader({ credentials: noCredentials });
    const result = await deepCheck(
      ref,
      deps(reader, fakePlatformCheck({ [ref]: inspectResult(ref, { 'linux/amd64': AMD, 'linux/arm64': ARM }) })),
    );
    expect(result.deep.explanation).toMatch(/^Its files could not be read: .*not found/);
    expect(result.deep.fix).toBe('The registry has no such repository or tag: check the name, or push the image.');
  });
});
