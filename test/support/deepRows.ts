/** Rows, platform results and backend answers for the deep-check tests (made up, in the backend's shapes). */
import type { DeepJobSnapshot, JsonValue } from '@wire/backendApi.js';
import type { InspectResult } from '@core/index.js';
import type { MatrixRow } from '@ui/shared/matrixRow';

export const DIGEST = `sha256:${'a'.repeat(64)}`;

export function platformResult(
  reference: string,
  verdict: InspectResult['verdict'] = 'ready',
  digest: string | null = DIGEST,
): InspectResult {
  return {
    reference,
    canonical: reference,
    verdict,
    explanation: 'Published for linux/amd64 and linux/arm64',
    platforms: ['linux/amd64', 'linux/arm64'],
    commands: [],
    ...(digest === null
      ? {}
      : {
          manifest: {
            kind: 'oci-index',
            mediaType: 'application/vnd.oci.image.index.v1+json',
            digest,
            platforms: [],
            attestations: [],
            needsConfig: false,
          },
        }),
  };
}

export const doneRow = (reference: string, result: InspectResult = platformResult(reference)): MatrixRow => ({
  reference,
  origin: 'installed',
  isSelf: false,
  status: 'done',
  result,
});

/** The JSON row the backend answers for a wrong darwin binary in linux/arm64. */
export const wrongHostBinaryRow: JsonValue = {
  reference: 'x',
  verdict: 'wrong-host-binary',
  deep: {
    status: 'checked',
    verdict: 'wrong-host-binary',
    platformVerdict: 'ready',
    message: 'x86_64 Mach-O at /darwin/tool in the linux/arm64 variant: Apple-silicon Macs run it only under Rosetta 2',
    fix: 'Select the binary with ${TARGETARCH} in the download step',
    warnings: 0,
    variants: ['linux/amd64', 'linux/arm64'],
    notes: [],
    bytesRead: 2048,
    bytesTotal: 4096,
  },
  hostBinaries: [
    {
      os: 'darwin',
      platform: 'linux/amd64',
      path: '/darwin/tool',
      state: 'ok',
      found: 'x86_64',
      wanted: 'x86_64',
      message: 'right',
      fix: null,
      warningOnly: false,
      listedAs: null,
    },
    {
      os: 'darwin',
      platform: 'linux/arm64',
      path: '/darwin/tool',
      state: 'wrong-cpu',
      found: 'x86_64',
      wanted: 'arm64',
      message: 'x86_64 Mach-O in linux/arm64',
      fix: 'Select the binary with ${TARGETARCH}',
      warningOnly: false,
      listedAs: null,
    },
    {
      os: 'linux',
      platform: 'linux/arm64',
      path: '/linux/tool',
      state: 'ok',
      found: 'arm64',
      wanted: 'arm64',
      message: 'right',
      fix: null,
      warningOnly: false,
      listedAs: null,
    },
  ],
  backend: [
    {
      reference: '127.0.0.1:5100/deep/backend:1.0.0',
      source: 'vm.image',
      self: false,
      platforms: ['linux/amd64', 'linux/arm64'],
      verdict: 'ready',
      message: '',
    },
  ],
};

export function snapshot(
  id: string,
  reference: string,
  item: Partial<DeepJobSnapshot['items'][number]>,
  state: DeepJobSnapshot['state'] = 'running',
): DeepJobSnapshot {
  return { id, state, pollAfterMs: 1, items: [{ reference, canonical: reference, state: 'running', ...item }] };
}

/**
 * The JSON row of an image whose only problem is a Windows binary built for x86_64 in the linux/arm64
 * variant: the core makes that a warning (warningOnly), never a red error, and the image stays ready.
 */
export const windowsWarningRow: JsonValue = {
  reference: 'w',
  verdict: 'ready',
  deep: {
    status: 'checked',
    verdict: null,
    platformVerdict: 'ready',
    message: 'Host binaries fit every variant',
    fix: null,
    warnings: 1,
    variants: ['linux/amd64', 'linux/arm64'],
    notes: [],
    bytesRead: 1024,
    bytesTotal: 2048,
  },
  hostBinaries: [
    {
      os: 'windows',
      platform: 'linux/amd64',
      path: '/windows/tool.exe',
      state: 'ok',
      found: 'x86_64',
      wanted: 'x86_64',
      message: 'right',
      fix: null,
      warningOnly: false,
      listedAs: null,
    },
    {
      os: 'windows',
      platform: 'linux/arm64',
      path: '/windows/tool.exe',
      state: 'wrong-cpu',
      found: 'x86_64',
      wanted: 'arm64',
      message:
        "x86_64 PE in linux/arm64. Docker's page ships Windows binaries only in the amd64 variant, so this is a warning.",
      fix: null,
      warningOnly: true,
      listedAs: null,
    },
  ],
  backend: [],
};

/** The JSON row of an image the backend could not read inside (here: its deadline passed). */
export const notCheckedRow: JsonValue = {
  reference: 'n',
  verdict: 'ready',
  deep: {
    status: 'not-checked',
    verdict: null,
    platformVerdict: 'ready',
    message: 'the registry did not answer before the deadline',
    fix: null,
    warnings: 0,
    variants: [],
    notes: [],
    bytesRead: 0,
    bytesTotal: 0,
  },
  hostBinaries: null,
  backend: null,
};
