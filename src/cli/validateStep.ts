/** --validate in the CLI: each checked image through validateImage, a few at a time, in input order. */
import pLimit from 'p-limit';
import type { InspectResult, ReportImage } from '../core/index.js';
import { validateImage, type ValidatePorts } from '../validate/validateImage.js';

export const VALIDATE_CONCURRENCY = 4;

/** The report's images: each result with its validation findings and the metadata.json text read. */
export async function validatedImages(
  results: readonly InspectResult[],
  ports: ValidatePorts,
  signal?: AbortSignal,
): Promise<ReportImage[]> {
  const limit = pLimit(VALIDATE_CONCURRENCY);
  return Promise.all(
    results.map((result) =>
      limit(async () => {
        const v = await validateImage(result, ports, signal);
        return {
          result,
          validation: v.findings,
          ...(v.metadataText !== undefined ? { metadataText: v.metadataText } : {}),
        };
      }),
    ),
  );
}
