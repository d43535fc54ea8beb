/**
 * Hand-built results for the report renderers (markdown, SARIF, annotations): a deep result with a wrong
 * host binary, a Windows warning, a backend lacking arm64 and a note, with the metadata.json text the
 * findings point into. The rendering is under test, not the rules: the verdicts come from withDeepParts.
 */
import { withDeepParts, type DeepCheckResult, type HostBinaryFinding, type Report } from '@core/index.js';
import { AMD64_ONLY, READY, result } from './handBuiltResults.js';

export const DEEP_REF = '127.0.0.1:5100/deep/darwin-x64-both:1.0.0';

/** Line 1 `{`, the darwin path on line 6, the windows path on line 9, vm.image on line 14. */
export const DEEP_METADATA = [
  '{',
  '  "icon": "docker.svg",',
  '  "host": {',
  '    "binaries": [',
  '      {',
  '        "darwin": [{ "path": "/darwin/esbuild" }],',
  '        "linux": [{ "path": "/linux/esbuild" }],',
  '        "windows": [',
  '          { "path": "/windows/esbuild.exe" }',
  '        ]',
  '      }',
  '    ]',
  '  },',
  '  "vm": { "image": "127.0.0.1:5100/corpus/amd64-only:1.0.0" }',
  '}',
  '',
].join('\n');

const wrongCpu: HostBinaryFinding = {
  os: 'darwin',
  platform: 'linux/arm64',
  path: '/darwin/esbuild',
  state: 'wrong-cpu',
  found: 'x86_64',
  wanted: 'arm64',
  format: 'macho',
  message: 'macOS on arm64 (Apple silicon) gets an x86_64 binary: "Bad CPU type in executable"',
  warningOnly: false,
  fix: 'Build /darwin/esbuild per TARGETARCH (arm64 in the linux/arm64 variant)',
};

const windowsWarning: HostBinaryFinding = {
  os: 'windows',
  platform: 'linux/arm64',
  path: '/windows/esbuild.exe',
  state: 'missing',
  message: 'no Windows binary in linux/arm64',
  warningOnly: true,
};

export const DEEP_WRONG: DeepCheckResult = withDeepParts(
  result({
    reference: DEEP_REF,
    canonical: DEEP_REF,
    verdict: 'ready',
    platforms: ['linux/amd64', 'linux/arm64'],
    source: 'registry',
    explanation: 'Published for linux/amd64 and linux/arm64',
  }),
  {
    status: 'checked',
    verdict: 'wrong-host-binary',
    explanation: wrongCpu.message,
    fix: wrongCpu.fix,
    warnings: 1,
    variants: ['linux/amd64', 'linux/arm64'],
    hostBinaries: [
      { ...wrongCpu, platform: 'linux/amd64', state: 'ok', found: 'x86_64', wanted: 'x86_64', message: 'ok' },
      wrongCpu,
      windowsWarning,
    ],
    backend: [
      {
        reference: '127.0.0.1:5100/corpus/amd64-only:1.0.0',
        source: 'vm.image',
        self: false,
        platforms: ['linux/amd64'],
        verdict: 'missing-platforms',
        message: 'Published for linux/amd64 only',
      },
    ],
    notes: ['linux/arm64: host.binaries[0] has "freebsd", not an OS (darwin, windows, linux): ignored'],
    bytesRead: 1000,
    bytesTotal: 5000,
  },
);

export function report(overrides: Partial<Report> = {}): Report {
  return {
    images: [{ result: DEEP_WRONG, metadataText: DEEP_METADATA }, { result: AMD64_ONLY }, { result: READY }],
    required: ['linux/amd64', 'linux/arm64'],
    host: { os: 'linux', architecture: 'amd64' },
    platformSource: 'buildx',
    version: '9.9.9',
    ...overrides,
  };
}
