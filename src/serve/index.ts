/**
 * @module serve
 * The prediction server: configuration, model pool (versions, aliases followed live),
 * traffic policies (canary, shadow), the fastify app (v1 JSON and batch, KServe V2, metrics,
 * OpenAPI), the prediction-log writer, and process life (listen, drain, workers).
 */
export { type BuildServerOptions, type BuiltServer, buildServer } from './app.js';
export { type ClusterOptions, runCluster } from './cluster.js';
export {
  type CanaryConfig, type ExtraColumnsPolicy, type ModelConfig, type RateLimitConfig, type ServeConfig, type ServeFlags, type UnknownCategoryPolicy,
  SERVE_DEFAULTS, mergeServeFlags, parseServeConfig, readServeConfig,
} from './config.js';
export { type InputContract, type InputField, inputContractOf, predictBodyJsonSchema, rowJsonSchema } from './input-fields.js';
export { MemoryLogStore } from './memory-log-store.js';
export { ModelPool, type PoolOptions, type ServedEntry, type Slot } from './model-pool.js';
export { PredictionLogger, type PredictionLoggerOptions } from './prediction-logger.js';
export { type RequestExplanation, type Scores, type ServedModel, loadServedModel } from './served-model.js';
export { type CreateServerOptions, type RunningServer, type StartServerOptions, createServer, startServer } from './start-server.js';
export { hashUnit, routesToCanary } from './traffic.js';
