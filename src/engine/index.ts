/** The read-only Engine API client's public surface (used by the deep check's local source). */
export {
  API_FEATURES,
  MAX_API_VERSION,
  MIN_API_VERSION,
  atLeast,
  formatApiVersion,
  parseApiVersion,
  type ApiVersion,
} from './apiVersion.js';
export {
  engineCallPath,
  engineImageName,
  isAllowedEngineRequest,
  type EngineCall,
  type EngineImageName,
} from './engineCalls.js';
export {
  createEngineClient,
  DEFAULT_ENGINE_LIMITS,
  type EngineCallOptions,
  type EngineClient,
  type EngineClientOptions,
  type EngineExport,
  type EngineLimits,
  type NegotiatedEngine,
} from './engineClient.js';
export type { EngineImage, EngineImageDetail, EngineImageManifest, EngineVersion } from './engineAnswers.js';
export { ENGINE_FAILURE_KINDS, EngineError, type EngineFailure, type EngineFailureKind } from './engineFailure.js';
export { DEFAULT_ENGINE_SOCKET, engineHostFrom, type EngineHost } from './engineHost.js';
export type { EngineRequestRecord } from './engineTransport.js';
