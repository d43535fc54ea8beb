/** The registry reader's public surface (wired into the CLI and the extension's backend). */
export {
  createRegistryReader,
  DEFAULT_READER_LIMITS,
  type ReaderLimits,
  type ReaderStats,
  type ReadOptions,
  type RegistryReader,
  type RegistryReaderOptions,
} from './registryReader.js';
export {
  noCredentials,
  credentialKey,
  DOCKER_HUB_CONFIG_KEY,
  type CredentialsPort,
  type RegistryCredential,
} from './credentials.js';
export { memoryBlobCache, type BlobCache, type CachedBlob } from './blobCache.js';
export { registryOrigin, isLoopbackHost } from './endpoint.js';
export type { FetchLike } from './request.js';
export type { HostLookup, ResolvedAddress } from './linkLocalGuard.js';
/** The core's types the reader's signature names, for the reader's users. */
export type { Repository, WantedPath } from '../core/index.js';
export { registryPlatformCheck, type RegistryPlatformCheckOptions } from './platformCheck.js';
export { registryImageLabels, type ImageLabelsReader, type ImageLabelsOptions } from './imageLabels.js';
