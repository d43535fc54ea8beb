/** Hand-built InspectResults for render tests (the rendering is under test, not the verdicts). */
import type { InspectResult } from '@core/index.js';

export function result(
  overrides: Partial<InspectResult> & Pick<InspectResult, 'reference' | 'verdict'>,
): InspectResult {
  return { explanation: `explanation of ${overrides.reference}`, platforms: [], commands: [], ...overrides };
}

export const READY = result({
  reference: '127.0.0.1:5000/corpus/good:1.0.0',
  canonical: '127.0.0.1:5000/corpus/good:1.0.0',
  verdict: 'ready',
  platforms: ['linux/amd64', 'linux/arm64'],
  source: 'registry',
  explanation: 'Published for linux/amd64 and linux/arm64',
  commands: [
    {
      argv: ['buildx', 'imagetools', 'inspect', '127.0.0.1:5000/corpus/good:1.0.0', '--raw'],
      exitCode: 0,
      stdout: '{}',
      stderr: '',
    },
  ],
});

export const MANY = result({
  reference: '127.0.0.1:5000/corpus/many-platforms:1.0.0',
  verdict: 'ready',
  platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386'],
  source: 'registry',
});

export const AMD64_ONLY = result({
  reference: '127.0.0.1:5000/corpus/amd64-only:1.0.0',
  verdict: 'missing-platforms',
  platforms: ['linux/amd64'],
  source: 'registry',
  explanation: 'Published for linux/amd64 only: lacks linux/arm64',
  fix: 'docker buildx build --platform=linux/amd64,linux/arm64 --tag=127.0.0.1:5000/corpus/amd64-only:1.0.0 --push .',
});

export const UNREACHABLE = result({
  reference: '127.0.0.1:5999/nothing/here:1.0.0',
  verdict: 'unreachable',
  explanation: 'The registry 127.0.0.1:5999 did not answer',
  failure: {
    kind: 'unreachable',
    message:
      'failed to do request: Head "http://127.0.0.1:5999/v2/nothing/here/manifests/1.0.0": dial tcp 127.0.0.1:5999: connect: connection refused',
  },
});

export const HOSTILE_NAME = result({
  reference: 'evil\u001b[2J\u202ename:latest',
  verdict: 'invalid-reference',
  explanation: 'contains control characters',
});
