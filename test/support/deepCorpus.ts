/**
 * The deep corpus of the test environment, as ONE typed description: what `testenv seed` pushes
 * (test/env/lib/seed-deep.sh, test/env/corpus/deep-<folder>/) and what `archmatrix --deep` must find
 * in it: per image, per variant, per listed path, the state and the CPU found, and the deep verdict.
 * Integration tests of the CLI, the back end and the registry reader assert against this;
 * test/integration/testenvDeepCorpus.test.ts and testenvDeepVariants.test.ts check the images exist
 * as described.
 *
 * The table itself is in deepCorpusEntries.ts, its shape in deepCorpusShape.ts. Where the rules could
 * reasonably go either way, an entry says which way in `decision` (the rules in src/core/inside and
 * the table must agree: change both together).
 */
import type { TestEnv } from '../env/testEnv.js';
import { DEEP_CORPUS_ENTRIES } from './deepCorpusEntries.js';
import { DEEP_TAG, DEEP_VARIANTS, type DeepCorpusEntry, type DeepCorpusImage } from './deepCorpusShape.js';

export {
  DEEP_BIG_BASE_REPOSITORY,
  DEEP_TAG,
  DEEP_VARIANTS,
  type DeepCorpusImage,
  type DeepExpectedBackend,
  type DeepExpectedBinary,
  type DeepExpectedVerdict,
  type DeepMetadataState,
  type DeepVariant,
} from './deepCorpusShape.js';

/** The deep image copied to the login-only registry. */
export const DEEP_PRIVATE_NAME = 'darwin-x64-both';

/** Every deep image of the test environment `env`, with its expected findings. */
export function deepCorpus(env: Pick<TestEnv, 'openRegistry' | 'authRegistry'>): readonly DeepCorpusImage[] {
  const image = (e: DeepCorpusEntry, registry: 'open' | 'auth'): DeepCorpusImage => {
    const repository = `deep/${e.name}`;
    const reference = `${registry === 'open' ? env.openRegistry : env.authRegistry}/${repository}:${DEEP_TAG}`;
    const { backend, ...rest } = e;
    return {
      ...rest,
      key: registry === 'open' ? e.name : `${e.name}@auth`,
      registry,
      repository,
      reference,
      layerCompression: e.layerCompression ?? 'gzip',
      attestations: e.attestations ?? DEEP_VARIANTS.length,
      metadata: e.metadata ?? 'ok',
      badPaths: e.badPaths ?? [],
      backend: backend?.(reference, env.openRegistry) ?? [],
    };
  };
  const open = DEEP_CORPUS_ENTRIES.map((e) => image(e, 'open'));
  const privateCopy = DEEP_CORPUS_ENTRIES.filter((e) => e.name === DEEP_PRIVATE_NAME).map((e) => image(e, 'auth'));
  return [...open, ...privateCopy];
}
