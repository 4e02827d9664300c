/**
 * @module quality
 * Data-quality warnings: the code list, per-column and per-dataset checks, target leakage.
 */
export { columnWarnings } from './column-warnings.js';
export { duplicateRowsWarning, leakageWarnings } from './dataset-warnings.js';
export { type LeakageFinding, type LeakageOptions, type LeakageResult, findLeakage } from './leakage.js';
export { targetWarnings } from './target-warnings.js';
export {
  type DataWarning,
  WARNING_CODES,
  type WarningCode,
  WarningCollector,
  type WarningSeverity,
  type WarningSpec,
} from './warning-codes.js';
