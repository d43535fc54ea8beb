/** findBuildxPlugin against temp folders holding fake docker-buildx files. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildxRoute, findBuildxPlugin, pluginDirs } from '@adapters/buildxPlugin.js';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'archmatrix-plugins-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes <configDir>/cli-plugins/docker-buildx with the given mode and returns its path. */
function plugin(configDir: string, mode = 0o755): string {
  mkdirSync(join(configDir, 'cli-plugins'), { recursive: true });
  const path = join(configDir, 'cli-plugins', 'docker-buildx');
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, mode);
  return path;
}

describe('pluginDirs', () => {
  it('follows docker: DOCKER_CONFIG (else ~/.docker), then the four system folders', () => {
    const system = [
      '/usr/local/lib/docker/cli-plugins',
      '/usr/local/libexec/docker/cli-plugins',
      '/usr/lib/docker/cli-plugins',
      '/usr/libexec/docker/cli-plugins',
    ];
    expect(pluginDirs({ DOCKER_CONFIG: '/c', HOME: '/h' })).toEqual(['/c/cli-plugins', ...system]);
    expect(pluginDirs({ HOME: '/h' })).toEqual(['/h/.docker/cli-plugins', ...system]);
    expect(pluginDirs({})).toEqual(system);
  });
});

describe('findBuildxPlugin', () => {
  it('finds the plugin in DOCKER_CONFIG/cli-plugins', () => {
    const path = plugin(join(root, 'config'));
    expect(findBuildxPlugin({ DOCKER_CONFIG: join(root, 'config') })).toBe(path);
  });

  it('finds the plugin in ~/.docker/cli-plugins when DOCKER_CONFIG is unset', () => {
    const path = plugin(join(root, 'home', '.docker'));
    expect(findBuildxPlugin({ HOME: join(root, 'home') })).toBe(path);
  });

  it('DOCKER_CONFIG takes precedence over HOME, and HOME is then not searched (as docker does)', () => {
    const config = plugin(join(root, 'config'));
    const home = plugin(join(root, 'home', '.docker'));
    expect(findBuildxPlugin({ DOCKER_CONFIG: join(root, 'config'), HOME: join(root, 'home') })).toBe(config);
    rmSync(config);
    expect(findBuildxPlugin({ DOCKER_CONFIG: join(root, 'config'), HOME: join(root, 'home') })).not.toBe(home);
  });

  it('skips a docker-buildx that is not executable, or is a folder', () => {
    const path = plugin(join(root, 'config'), 0o644);
    const env = { DOCKER_CONFIG: join(root, 'config') };
    expect(findBuildxPlugin(env)).not.toBe(path);
    rmSync(path);
    mkdirSync(path);
    expect(findBuildxPlugin(env)).not.toBe(path);
  });
});

describe('buildxRoute', () => {
  it('ARCHMATRIX_BUILDX=docker forces via-docker; otherwise the request stands', () => {
    expect(buildxRoute('direct', { ARCHMATRIX_BUILDX: 'docker' })).toBe('via-docker');
    expect(buildxRoute('direct', {})).toBe('direct');
    expect(buildxRoute('direct', { ARCHMATRIX_BUILDX: 'other' })).toBe('direct');
    expect(buildxRoute('via-docker', {})).toBe('via-docker');
  });
});
