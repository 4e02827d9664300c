/**
 * Modelwright's public API: re-exports only. Keep it small; everything here is a promise.
 */
export * from './errors.js';
export * from './data/frame/index.js';
export * from './data/schema/types.js';
export { VERSION } from './version.js';
