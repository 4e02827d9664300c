/**
 * @module learners/anomaly
 * Anomaly detection: the isolation forest, and `detectAnomalies` for the command.
 */
export { IsolationForest, ISOLATION_FOREST_DEFINITION } from './isolation-forest.js';
export { IsolationForestModel } from './isolation-forest-model.js';
export { detectAnomalies, type AnomalyReport, type DetectAnomaliesOptions } from './detect-anomalies.js';
export { ISOLATION_FOREST_PARAMS, type IsolationForestParams } from './params.js';
