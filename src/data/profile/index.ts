/**
 * @module profile
 * Data profiles: per-column statistics, duplicates, target summary and quality warnings.
 */
export * from './types.js';
export { countDuplicateRows, duplicateRowMask } from './duplicate-rows.js';
export { type Histogram, histogramEdges, niceStep } from './histogram.js';
export { numericStats, quantileSorted } from './numeric-summary.js';
export { type ProfileOptions, profileFrame, schemaOfProfile } from './profile-frame.js';
