export * from './port.js';
export * from './allowlist.js';
export * from './dockerCommands.js';
export * from './run.js';
export * from './inspectImage.js';
export * from './inspectMany.js';
export * from './listExtensions.js';
export * from './environment.js';
