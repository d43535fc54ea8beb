/** The deep check's local source: this machine's variant read from the engine's local image store. */
export {
  createLocalSource,
  type LocalReadOptions,
  type LocalRequest,
  type LocalSource,
  type LocalSourceOptions,
  type LocalStats,
} from './localSource.js';
export { DEFAULT_LOCAL_LIMITS, type LocalLimits } from './localLimits.js';
export { localSourceFromEnv, localVariantReader, notingIndexes, type LocalVariantReader } from './localReader.js';
export { asCommandFailure, LOCAL_FAILURE_KINDS, type LocalFailure, type LocalFailureKind } from './localFailure.js';
export { cleanLeftovers, spoolRoot, SPOOL_FOLDER_NAME } from './spoolFolder.js';
export type { OpenWrite } from './exportSpool.js';
export type { RepositoryName } from './imageLookup.js';
