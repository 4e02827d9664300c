/**
 * @module features
 * Preprocessing steps (impute, encode, scale) and the pipeline that chains them.
 */
export * from './step.js';
export * from './design-matrix.js';
export * from './impute/simple-imputer.js';
export * from './encode/one-hot-encoder.js';
export * from './encode/ordinal-encoder.js';
export * from './scale/standard-scaler.js';
export * from './pipeline.js';
