export * from './types.js';
export * from './result.js';
