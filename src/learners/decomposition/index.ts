/**
 * @module learners/decomposition
 * Linear dimensionality reduction: PCA and truncated SVD, and `reduceFrame` for the command.
 */
export { Pca, PCA_DEFINITION } from './pca.js';
export { TruncatedSvd, TRUNCATED_SVD_DEFINITION } from './truncated-svd.js';
export { ProjectionModel, type ProjectionFit } from './projection-model.js';
export { reduceFrame, type ReduceOptions, type ReduceResult } from './reduce-frame.js';
export { PCA_PARAMS, TRUNCATED_SVD_PARAMS, type PcaParams, type TruncatedSvdParams } from './params.js';
