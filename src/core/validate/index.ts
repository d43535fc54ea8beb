export * from './rules.js';
export * from './checks.js';
export * from './metadataSchema.js';
