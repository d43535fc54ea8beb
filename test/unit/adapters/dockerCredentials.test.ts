import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dockerConfigCredentials,
  execFileHelper,
  validHelperName,
  type HelperRunner,
} from '@adapters/dockerCredentials.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function configDir(config: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'archmatrix-dockercfg-'));
  dirs.push(dir);
  await writeFile(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('docker config credentials', () => {
  it('reads auths[host].auth as user:password, the password may hold colons', async () => {
    const dir = await configDir({ auths: { '127.0.0.1:5101': { auth: b64('testuser:test:pass') } } });
    const creds = dockerConfigCredentials({ configDir: dir, runHelper: () => Promise.resolve(undefined) });
    expect(await creds.get('127.0.0.1:5101')).toEqual({ kind: 'basic', username: 'testuser', password: 'test:pass' });
    expect(await creds.get('127.0.0.1:5100')).toBeUndefined();
  });

  it('finds Docker Hub under https://index.docker.io/v1/ and keys written with a scheme', async () => {
    const dir = await configDir({
      auths: {
        'https://index.docker.io/v1/': { auth: b64('me:hub') },
        'https://ghcr.io': { identitytoken: 'refresh-1' },
      },
    });
    const creds = dockerConfigCredentials({ configDir: dir, runHelper: () => Promise.resolve(undefined) });
    expect(await creds.get('docker.io')).toEqual({ kind: 'basic', username: 'me', password: 'hub' });
    expect(await creds.get('ghcr.io')).toEqual({ kind: 'identity-token', token: 'refresh-1' });
  });

  it('asks credHelpers[host] first, then credsStore, then falls back to auths', async () => {
    const calls: [string, string][] = [];
    const runHelper: HelperRunner = (name, url) => {
      calls.push([name, url]);
      if (name === 'per-host') return Promise.resolve({ Username: 'u', Secret: 's' });
      if (name === 'desktop' && url === 'https://index.docker.io/v1/')
        return Promise.resolve({ Username: '<token>', Secret: 'idt' });
      return Promise.resolve(undefined);
    };
    const dir = await configDir({
      credsStore: 'desktop',
      credHelpers: { 'example.com': 'per-host' },
      auths: { 'other.io': { auth: b64('a:b') } },
    });
    const creds = dockerConfigCredentials({ configDir: dir, runHelper });
    expect(await creds.get('example.com')).toEqual({ kind: 'basic', username: 'u', password: 's' });
    expect(await creds.get('docker.io')).toEqual({ kind: 'identity-token', token: 'idt' });
    expect(await creds.get('other.io')).toEqual({ kind: 'basic', username: 'a', password: 'b' });
    expect(calls).toEqual([
      ['per-host', 'example.com'],
      ['desktop', 'https://index.docker.io/v1/'],
      ['desktop', 'other.io'],
    ]);
  });

  it('never runs a helper whose name is not a plain name', async () => {
    const calls: string[] = [];
    const dir = await configDir({ credsStore: '../../bin/sh', credHelpers: { 'x.io': 'a b' } });
    const creds = dockerConfigCredentials({
      configDir: dir,
      runHelper: (name) => (calls.push(name), Promise.resolve({ Username: 'u', Secret: 's' })),
    });
    expect(await creds.get('x.io')).toBeUndefined();
    expect(await creds.get('y.io')).toBeUndefined();
    expect(calls).toEqual([]);
    expect(validHelperName('desktop')).toBe(true);
    expect(validHelperName('osxkeychain')).toBe(true);
    expect(validHelperName('-rf')).toBe(false);
  });

  it('a missing, broken or odd config means no credential, never a throw', async () => {
    const none = dockerConfigCredentials({
      configDir: join(tmpdir(), 'archmatrix-no-such-dir'),
      runHelper: () => Promise.reject(new Error('x')),
    });
    expect(await none.get('x.io')).toBeUndefined();
    const broken = dockerConfigCredentials({
      configDir: await configDir('{not json'),
      runHelper: () => Promise.resolve(undefined),
    });
    expect(await broken.get('x.io')).toBeUndefined();
    const odd = dockerConfigCredentials({
      configDir: await configDir({
        auths: { 'x.io': { auth: '%%%' }, 'y.io': { auth: b64('nocolon') } },
        credsStore: 7,
      }),
      runHelper: () => Promise.resolve(undefined),
    });
    expect(await odd.get('x.io')).toBeUndefined();
    expect(await odd.get('y.io')).toBeUndefined();
  });

  it('runs docker-credential-<name> get without a shell, the server URL on stdin', async () => {
    const bin = await mkdtemp(join(tmpdir(), 'archmatrix-helper-'));
    dirs.push(bin);
    const script = join(bin, 'docker-credential-fake');
    await writeFile(
      script,
      '#!/bin/sh\n[ "$1" = get ] || exit 3\nread url\nprintf \'{"ServerURL":"%s","Username":"user-for-%s","Secret":"s3cret"}\' "$url" "$url"\n',
    );
    await chmod(script, 0o755);
    const run = execFileHelper(5000, { PATH: `${bin}:/usr/bin:/bin` });
    expect(await run('fake', '127.0.0.1:5101')).toMatchObject({
      Username: 'user-for-127.0.0.1:5101',
      Secret: 's3cret',
    });
    expect(await run('missing-helper', 'x')).toBeUndefined();
    const dir = await configDir({ credsStore: 'fake' });
    const creds = dockerConfigCredentials({ configDir: dir, env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(await creds.get('127.0.0.1:5101')).toEqual({
      kind: 'basic',
      username: 'user-for-127.0.0.1:5101',
      password: 's3cret',
    });
  });
});
