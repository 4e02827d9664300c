/**
 * @module explain
 * Why a model predicts what it does: exact TreeSHAP (values and interaction values) for tree
 * ensembles through a common read-only tree view, exact contributions of linear models,
 * per-row explanations of trained ensembles, permutation importance for any model, partial
 * dependence and ICE curves, and `explainTable` behind `modelwright explain`.
 */
export { type EnsembleExplanation, type MemberMethod, explainPredictor } from './explain-predictor.js';
export { type ExplainMethod, type ExplainOptions, type ModelExplanation, canExplainExactly, explainModel, treeViewOf } from './explain-model.js';
export { type ExplainRowJson, type GlobalImportanceJson, type PerOutput, meanAbsShap } from './explain-json.js';
export { type BeeswarmRow, type DependencePoints, type ExplainPlots, explainPlots } from './explain-plots.js';
export { type ExplainJson, type ExplainTableOptions, type TableExplanation, explainTable } from './explain-table.js';
export { forestTreeView } from './forest-tree-view.js';
export { gaussLegendre } from './gauss-legendre.js';
export { gbdtTreeNodes, gbdtTreeView } from './gbdt-tree-view.js';
export { designColumnSources, linearContributions } from './linear-contributions.js';
export { nativeRaw } from './native-raw.js';
export { toPredictionScale } from './output-scale.js';
export { type PartialDependence, type PartialDependenceOptions, numericGrid, partialDependence } from './partial-dependence.js';
export { type FeatureImportance, type PermutationImportance, type PermutationImportanceOptions, type ScoredModel, permutationImportance } from './permutation-importance.js';
export { QuadratureTreeShap } from './quadrature-tree-shap.js';
export { type RowKernel, type ShapValues, type TreeShapAlgorithm, fillRows, rowKernel, treeShap, treeShapColumns } from './tree-shap.js';
export { type ShapInteractions, treeShapInteractions } from './tree-shap-interactions.js';
export { TreeShapKernel } from './tree-shap-kernel.js';
export { treeShapParallel } from './tree-shap-parallel.js';
export {
  type EnsembleView, type OutputSpace, SPLIT_CATEGORICAL, SPLIT_DEFAULT_LEFT, type TreeNodes, expectedValue, goesLeft, leafOfRow, treeDepth, treeExpectation, viewOutput,
} from './tree-view.js';
export { nextDown, xgboostTreeView } from './xgboost-json.js';
