/**
 * The command layer against the REAL engine, buildx and registries of the project's test environment
 * (test/env/testenv up). Every registry reference is built from the environment's host:port values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeExec } from '@adapters/nodeExec.js';
import { isReadOnlyCommand } from '@commands/allowlist.js';
import { checkEnvironment } from '@commands/environment.js';
import { inspectImage } from '@commands/inspectImage.js';
import { inspectMany } from '@commands/inspectMany.js';
import { listInstalledExtensions } from '@commands/listExtensions.js';
import type { ExecPort } from '@commands/execPort.js';
import type { Platform, Verdict } from '@core/index.js';
import { loadTestEnv } from '../env/testEnv.js';
import { CORPUS_TAG, ENGINE_CORPUS, OPEN_CORPUS } from '../support/corpus.js';
import { loggedInConfig } from '../support/loggedInConfig.js';
import type { LoggedInConfig } from '../support/loggedInConfig.js';

const env = loadTestEnv();
const AMD64: Platform = { os: 'linux', architecture: 'amd64' };
const ARM64: Platform = { os: 'linux', architecture: 'arm64' };
const corpus = (name: string): string => `${env.openRegistry}/corpus/${name}:${CORPUS_TAG}`;
const PRIVATE = `${env.authRegistry}/private/good:${CORPUS_TAG}`;
const CLOSED = `${env.closedRegistry}/corpus/good:${CORPUS_TAG}`;
const LOCAL = env.localOnly;

/** Every argv any port in this file received, to check they were all read-only. */
const seen: (readonly string[])[] = [];
function recording(port: ExecPort): ExecPort {
  return (request) => {
    seen.push([...request.args]);
    return port(request);
  };
}
const exec = recording(createNodeExec({ docker: env.dockerBin, env: env.env }));

/** What each corpus image's construction implies, per host; a single manifest names no platform, so its config is read too. */
const EXPECTED: Record<string, { amd64: Verdict; arm64: Verdict; commands: number }> = Object.fromEntries(
  OPEN_CORPUS.map((image) => [image.name, { ...image.verdict, commands: image.kind === 'docker-manifest' ? 2 : 1 }]),
);

describe('command layer on the real engine and registries', () => {
  it('the environment has an engine and buildx', async () => {
    const status = await checkEnvironment(exec);
    expect(status.engine).toBe('ok');
    expect(status.buildx).toBe('available');
    expect(status.buildxVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each(Object.entries(EXPECTED))('%s gets the verdict its construction implies', async (name, expected) => {
    const onAmd = await inspectImage(exec, { reference: corpus(name) }, { host: AMD64 });
    const onArm = await inspectImage(exec, { reference: corpus(name) }, { host: ARM64 });
    expect([onAmd.verdict, onArm.verdict]).toEqual([expected.amd64, expected.arm64]);
    expect(onAmd.source).toBe('registry');
    expect(onAmd.commands).toHaveLength(expected.commands);
    expect(onAmd.commands[0]?.argv).toEqual(['buildx', 'imagetools', 'inspect', corpus(name), '--raw']);
  });

  it('platforms are read exactly: attestations left out, the windows entry kept', async () => {
    const many = await inspectImage(exec, { reference: corpus('many-platforms') });
    expect(many.platforms).toEqual(
      expect.arrayContaining([
        'linux/amd64',
        'linux/arm64',
        'linux/arm/v7',
        'linux/arm/v6',
        'linux/386',
        'linux/ppc64le',
        'linux/s390x',
        'linux/riscv64',
      ]),
    );
    expect(many.platforms).toHaveLength(8);
    const windows = await inspectImage(exec, { reference: corpus('windows-entry') });
    expect(windows.platforms).toEqual(['linux/amd64', 'linux/arm64', 'windows/amd64']);
    const arm = await inspectImage(exec, { reference: corpus('arm64-only-attested') });
    expect(arm.platforms).toEqual(['linux/arm64']);
    expect(arm.manifest?.attestations).toHaveLength(1);
  });

  it('the never-pushed image is local-only, with the platform the engine reports', async () => {
    const result = await inspectImage(exec, { reference: LOCAL }, { host: AMD64 });
    expect(result.verdict).toBe('local-only');
    expect(result.source).toBe('local-store');
    expect(result.platforms).toEqual(['linux/amd64']);
  });

  it('a closed port is unreachable', async () => {
    const result = await inspectImage(exec, { reference: CLOSED }, { host: AMD64 });
    expect(result.verdict).toBe('unreachable');
    expect(result.failure?.message).toMatch(/connection refused/);
  });

  it('a tag the registry does not have is not-found', async () => {
    const result = await inspectImage(exec, { reference: `${env.openRegistry}/corpus/good:9.9.9` });
    expect(result.verdict).toBe('not-found');
  });

  describe('the login-only registry', () => {
    let login: LoggedInConfig | undefined;
    beforeAll(() => {
      login = loggedInConfig(env);
    });
    afterAll(() => login?.remove());

    it('is unauthorized without credentials', async () => {
      const result = await inspectImage(exec, { reference: PRIVATE }, { host: AMD64 });
      expect(result.verdict).toBe('unauthorized');
    });

    it('is ready after docker login (into a temporary DOCKER_CONFIG)', async () => {
      if (login === undefined) throw new Error('login setup did not run');
      const loggedIn = recording(createNodeExec({ docker: env.dockerBin, env: login.env }));
      const result = await inspectImage(loggedIn, { reference: PRIVATE }, { host: AMD64 });
      expect(result.verdict).toBe('ready');
      expect(result.commands).toHaveLength(1);
    });
  });

  it('lists the engine extension images and inspects the seeded ones, once each, with the local store helping', async () => {
    const listed = await listInstalledExtensions(exec);
    if (!listed.ok) throw new Error(`listing failed: ${listed.error.kind}: ${listed.error.message}`);
    const references = listed.value.map((e) => e.reference);
    // The environment pulls corpus images 1-6 into the engine (not windows-entry) and builds the local one.
    const installed = ENGINE_CORPUS.map((image) => image.name);
    const expectedRefs = [...installed.map(corpus), LOCAL];
    expect(references).toEqual(expect.arrayContaining(expectedRefs));
    const arm = listed.value.find((e) => e.reference === corpus('arm64-only-attested'));
    expect(arm?.image.platform).toEqual(ARM64);

    // Only what the environment seeded (other images in the engine may name any registry), and the
    // first one listed twice: a reference asked for twice is still inspected once.
    const seeded = listed.value.filter((e) => expectedRefs.includes(e.reference));
    expect(seeded.map((e) => e.reference).sort()).toEqual([...expectedRefs].sort());
    const targets = [...seeded, ...seeded.slice(0, 1)];
    const before = seen.length;
    const byIndex = new Map<number, string>();
    const results = await inspectMany(exec, targets, { host: AMD64, onResult: (r, i) => byIndex.set(i, r.verdict) });
    expect(byIndex.size).toBe(targets.length);
    expect(results.map((r) => r.reference)).toEqual(targets.map((t) => t.reference));
    expect(results[targets.length - 1]).toEqual(results[0]);
    // Once each: every reference reached the registry in exactly one `imagetools inspect --raw`.
    const rawInspects = seen.slice(before).filter((args) => args[1] === 'imagetools' && args.includes('--raw'));
    expect(rawInspects.map((args) => args[3]).sort()).toEqual([...expectedRefs].sort());
    const verdictOf = (ref: string): Verdict | undefined => results.find((r) => r.reference === ref)?.verdict;
    for (const name of installed) expect(verdictOf(corpus(name))).toBe(EXPECTED[name]?.amd64);
    expect(verdictOf(LOCAL)).toBe('local-only');
    // Listed from the engine, amd64-only needs no config call: the engine holds the very manifest.
    const amd = results.find((r) => r.reference === corpus('amd64-only'));
    expect(amd?.commands).toHaveLength(1);
    const local = results.find((r) => r.reference === LOCAL);
    expect(local?.commands).toHaveLength(1);
  });

  afterAll(() => {
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((args) => !isReadOnlyCommand(args))).toEqual([]);
  });
});
