/**
 * inspectImage when the registry cannot answer (login needed, unreachable, not found, never pushed,
 * timeouts, unreadable output), and when browser mode refuses the page's key.
 */
import { describe, expect, it } from 'vitest';
import { inspectImage, type InspectTarget } from '@commands/inspectImage.js';
import { recorded } from '../../support/corpus.js';
import { answer, fixturePort } from '../../support/fixturePort.js';
import { AMD64, clean, localImage, rawArgv } from '../../support/inspectFixtures.js';

describe('inspectImage when the registry cannot answer', () => {
  it('login-only registry without credentials: unauthorized after checking the local store', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: '127.0.0.1:5001/private/good:1.0.0' }, { host: AMD64 });
    expect(result.verdict).toBe('unauthorized');
    expect(result.failure?.message).toContain('no basic auth credentials');
    expect(port.calls).toEqual([
      rawArgv('127.0.0.1:5001/private/good:1.0.0'),
      ['image', 'inspect', '127.0.0.1:5001/private/good:1.0.0'],
    ]);
    clean(port);
  });

  it('login-only registry with credentials (recorded after docker login): ready', async () => {
    const port = fixturePort([(args) => (args[4] === '--raw' ? answer('private.imagetools-raw') : undefined)]);
    const result = await inspectImage(port.exec, { reference: '127.0.0.1:5001/private/good:1.0.0' }, { host: AMD64 });
    expect(result.verdict).toBe('ready');
  });

  it('closed port: unreachable', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: '127.0.0.1:5999/corpus/good:1.0.0' });
    expect(result.verdict).toBe('unreachable');
    expect(result.failure?.kind).toBe('unreachable');
    clean(port);
  });

  it.each(['127.0.0.1:5000/corpus/good:9.9.9', '127.0.0.1:5000/corpus/does-not-exist:1.0.0'])(
    '%s: not-found',
    async (reference) => {
      const port = fixturePort();
      const result = await inspectImage(port.exec, { reference });
      expect(result.verdict).toBe('not-found');
      clean(port);
    },
  );

  it('never-pushed local image: local-only with the engine platform, found by docker image inspect', async () => {
    const port = fixturePort();
    const result = await inspectImage(port.exec, { reference: 'local/dev-extension:latest' }, { host: AMD64 });
    expect(result.verdict).toBe('local-only');
    expect(result.source).toBe('local-store');
    expect(result.platforms).toEqual(['linux/amd64']);
    expect(result.failure?.kind).toBe('unreachable');
    expect(port.calls).toEqual([
      rawArgv('docker.io/local/dev-extension:latest'),
      ['image', 'inspect', 'docker.io/local/dev-extension:latest'],
    ]);
    clean(port);
  });

  it('never-pushed local image listed from the engine: no image inspect needed', async () => {
    const port = fixturePort();
    const target: InspectTarget = {
      reference: 'local/dev-extension:latest',
      local: localImage('engine.image-inspect.local-only.docker-26.1.5'),
    };
    const result = await inspectImage(port.exec, target, { host: AMD64 });
    expect(result.verdict).toBe('local-only');
    expect(port.calls).toHaveLength(1);
  });

  it('a timeout or cancel is not a reason to look in the local store', async () => {
    const port = fixturePort([
      (args) => (args[4] === '--raw' ? { stdout: '', stderr: '', exitCode: null, interrupted: 'timeout' } : undefined),
    ]);
    const result = await inspectImage(port.exec, { reference: 'local/dev-extension:latest' });
    expect(result.failure?.kind).toBe('timeout');
    expect(port.calls).toHaveLength(1);
  });

  it('unreadable registry output (the real good --raw, truncated) is an error, not a throw', async () => {
    const truncated = answer('good.imagetools-raw');
    const port = fixturePort([
      (args) => (args[4] === '--raw' ? { ...truncated, stdout: truncated.stdout.slice(0, 200) } : undefined),
    ]);
    const result = await inspectImage(port.exec, { reference: recorded('good') });
    expect(result.verdict).toBe('error');
    expect(result.failure?.message).toMatch(/could not read the output of `docker buildx imagetools inspect/);
  });
});

describe("inspectImage when browser mode refuses the page's key", () => {
  it('says so and what to do, with no word of docker login, the registry or the engine', async () => {
    const port = fixturePort([
      () => ({ stdout: '', stderr: 'Missing or wrong key', exitCode: null, interrupted: 'access-refused' }),
    ]);
    const result = await inspectImage(port.exec, { reference: recorded('good') }, { host: AMD64 });
    expect(result.verdict).toBe('error');
    expect(result.failure?.kind).toBe('access-refused');
    expect(result.explanation).toMatch(/browser-mode server refused this page's key/);
    expect(result.fix).toMatch(/open the URL `npm start` printed/);
    for (const text of [result.explanation, result.fix ?? '', result.userFix ?? ''])
      expect(text).not.toMatch(/docker login|engine|buildx/i);
    expect(port.calls).toHaveLength(1);
  });
});
