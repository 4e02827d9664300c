/**
 * @module monitor
 * Monitoring after deployment: the prediction log (SQLite / PostgreSQL / memory), reference
 * profiles stored with each registered version, drift tests per column and on predictions
 * (Evidently's defaults, Benjamini–Hochberg across columns), performance from delayed feedback
 * labels, reports (JSON, text, HTML), scheduled checks with webhook alerts, champion/challenger
 * retraining, and the dashboard's data and page.
 */
export type { FeedbackRecord, LogQuery, LoggedPrediction, PredictionLogStore } from './log-store/types.js';
export type { BatchColumn, CheckQuery, LogBatch, MonitorAlert, MonitorCheck, MonitorStore, ScanOptions } from './log-store/monitor-store.js';
export { type OpenPredictionLogOptions, monitorDbPath, openPredictionLog, predictionLogLocation, withPredictionLog } from './log-store/open-prediction-log.js';
export type { CategoricalReference, FeatureReference, NumericReference, PredictionReference, ReferenceProfile, TextReference } from './reference/types.js';
export { type BuildReferenceOptions, buildReferenceProfile } from './reference/build-reference-profile.js';
export { REFERENCE_TAG, type SaveReferenceOptions, loadReferenceProfile, saveReferenceProfile } from './reference/save-reference-profile.js';
export { DEFAULT_THRESHOLDS, DRIFT_TESTS, type DriftOptions, type DriftTestName, resolveDriftOptions } from './drift/drift-options.js';
export { DriftSession, benjaminiHochberg } from './drift/drift-session.js';
export type { DistributionChart, DriftReport, FeatureDrift } from './drift/types.js';
export { type PerformanceOptions, type PerformanceReport, PerformanceSession, performanceBaseline } from './performance/live-performance.js';
export { type MonitorInput, type MonitorReport, runMonitor } from './run-monitor.js';
export { monitorJson, monitorText } from './report/monitor-json.js';
export { renderMonitorReport } from './report/monitor-html.js';
export { type WatchConfig, readWatchConfig } from './alerts/watch-config.js';
export { type WatchOptions, watch } from './alerts/watch.js';
export { type CheckOutcome, runCheck } from './alerts/run-check.js';
export { postWebhook } from './alerts/webhook.js';
export { type RetrainOptions, type RetrainResult, retrain } from './retrain/retrain.js';
export { type RetrainPolicy, checkRetrainPolicy, readRetrainPolicy } from './retrain/retrain-policy.js';
export { type Decision, decide } from './retrain/decide.js';
export { type DashboardData, dashboardData } from './dashboard/dashboard-data.js';
export { renderDashboard } from './dashboard/dashboard-html.js';
