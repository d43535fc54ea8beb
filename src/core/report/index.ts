export * from './rules.js';
export * from './findings.js';
export * from './jsonLines.js';
export * from './anchors.js';
export * from './report.js';
