/**
 * Modelwright's public API: re-exports only, in the order data flows (DESIGN.md). Keep it
 * small; everything here is a promise to users. Internals stay reachable by deep import but
 * carry no compatibility guarantee.
 */

// Errors and version
export * from './errors.js';
export { VERSION } from './version.js';

// Data: frames, reading and writing, schema, profiling
export * from './data/frame/index.js';
export * from './data/schema/types.js';
export { type DataSource, type FileFormat, type ReadOptions, type ScanOptions, parseSource, readData, scanData } from './data/ingest/index.js';
export { type FrameWriter, openFrameWriter, writeFrame } from './data/write/index.js';
export { applySchema, inferSchema, inferTask, readSchemaFile, type SchemaOverrides, toCategorical } from './data/schema/index.js';
export { type ColumnProfile, type Profile, type ProfileOptions, profileFrame } from './data/profile/index.js';
export { type DataWarning, WARNING_CODES } from './data/quality/index.js';
export { type DataFingerprint, fingerprintFrame } from './data/fingerprint.js';
export { holdoutSplit } from './data/split/holdout.js';
export { foldIndices, kfoldAssignment } from './data/split/kfold.js';

// Learners: the contract, the registry of kinds, fitting one learner
export type { ClassifierModel, Estimator, FitOptions, LearnerTags, Model, ModelState, Target, TrainSet } from './learners/estimator.js';
export { isClassifier } from './learners/estimator.js';
export type { FeatureSchema, FeatureSpec } from './learners/feature-schema.js';
export { type LearnerDefinition, getLearner, listLearners } from './learners/registry.js';
export { type FitLearnerOptions, type FitLearnerResult, fitLearner } from './fit/fit-learner.js';
export { predictFrame } from './fit/predict-frame.js';
export { type FittedModel, loadFittedModel, saveFittedModel } from './fit/saved-model.js';

// AutoML
export { type TrainOptions, train } from './automl/train.js';
export { Predictor } from './automl/predictor.js';
export { loadPredictor, savePredictor } from './automl/predictor-file.js';
export { type TableScorer, loadTableScorer } from './automl/load-model-ref.js';
export type { LeaderboardRow } from './automl/leaderboard.js';

// Metrics, evaluation, explanation, fairness, reports
export { type MetricSpec, METRICS, bootstrapInterval, getMetric, metricNames } from './metrics/index.js';
export { type Evaluation, evaluateModel, loadSavedModel } from './evaluate/index.js';
export { explainModel, explainPredictor, explainTable, partialDependence, permutationImportance, treeShap, treeShapInteractions } from './explain/index.js';
export { fairnessReport, fitGroupThresholds } from './fairness/index.js';
export { renderEvaluationReport, renderExplainReport, renderModelCard, renderProfileReport } from './report/index.js';

// Registry, export, import
export { type Registry, openRegistry, withRegistry } from './registry/open-registry.js';
export { registerModel } from './registry/register-model.js';
export { resolveModelRef } from './registry/model-ref.js';
export { exportModel } from './export/export-model.js';
export { importModel } from './import/import-model.js';

// Monitoring and the dashboard
export * from './monitor/index.js';
export { buildDashboardApp } from './ui/dashboard-app.js';

// Unsupervised learners: clustering, decomposition, anomaly detection
export { type ClusterFrameOptions, type ClusterFrameResult, clusterFrame, silhouetteScore } from './learners/cluster/index.js';
export { type ReduceOptions, type ReduceResult, reduceFrame } from './learners/decomposition/index.js';
export { type DetectAnomaliesOptions, detectAnomalies } from './learners/anomaly/index.js';
export { getUnsupervisedLearner, listUnsupervisedLearners } from './learners/unsupervised/registry.js';

// Serving
export { type BuildServerOptions, type CreateServerOptions, buildServer, createServer, startServer } from './serve/index.js';
