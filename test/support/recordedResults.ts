/** Builds InspectResults the way the command layer does (core functions on recorded outputs), for summary/export tests. */
import {
  decideVerdict,
  hostPlatform,
  parseRawManifest,
  platformKey,
  comparePlatformKeys,
  type InspectResult,
  type Platform,
} from '@core/index.js';
import { loadFixture } from './recordings.js';

export function resultFor(name: string, host: Platform | undefined = hostPlatform('arm64')): InspectResult {
  const f = loadFixture(`${name}.imagetools-raw`);
  const reference = f.argv[3] ?? name;
  const m = parseRawManifest(f.stdout);
  if (!m.ok) throw new Error(m.error.message);
  // A single manifest names no platform: the recorded config says linux/amd64 (amd64-only).
  const platforms = m.value.needsConfig
    ? [{ os: 'linux', architecture: 'amd64' }]
    : m.value.platforms.map((p) => p.platform);
  const detail = decideVerdict({ reference, platforms, source: 'registry', host });
  return {
    ...detail,
    reference,
    canonical: reference,
    platforms: [...new Set(platforms.map(platformKey))].sort(comparePlatformKeys),
    manifest: m.value,
    source: 'registry',
    commands: [{ argv: f.argv, exitCode: f.exitCode, stdout: f.stdout, stderr: f.stderr }],
  };
}
