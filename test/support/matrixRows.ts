/** Small InspectResults and matrix rows for the tab's model rules: the explanation names verdict and reference. */
import type { InspectResult } from '@core/index.js';
import type { MatrixRow } from '@ui/shared/matrixRow';

/** A result whose explanation is "<verdict> for <reference>"; a ready one lists linux/amd64 and linux/arm64. */
export const result = (
  reference: string,
  verdict: InspectResult['verdict'],
  failure?: InspectResult['failure'],
  source?: InspectResult['source'],
): InspectResult => ({
  reference,
  verdict,
  explanation: `${verdict} for ${reference}`,
  platforms: verdict === 'ready' ? ['linux/amd64', 'linux/arm64'] : [],
  commands: [],
  failure,
  source,
});

/** An installed row: pending without a result, done with one. */
export const row = (reference: string, r?: InspectResult): MatrixRow => ({
  reference,
  origin: 'installed',
  isSelf: false,
  status: r === undefined ? 'pending' : 'done',
  result: r,
});
