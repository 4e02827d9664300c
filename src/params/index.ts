export * from './schema.js';
export * from './resolve.js';
