/**
 * @module serve/server-context
 * What every route of one server shares: the configuration, the model pool, auth and rate
 * limits, metrics, the prediction log, the logger, and whether the server is draining. Built
 * once by app.ts; routes receive it instead of reaching for globals.
 */
import type { Logger } from 'pino';
import type { ApiKeyAuth } from './auth.js';
import type { ServeConfig } from './config.js';
import type { ServeMetrics } from './metrics.js';
import type { ModelPool } from './model-pool.js';
import type { PredictionLogger } from './prediction-logger.js';
import type { RateLimiter } from './rate-limit.js';

export interface ServerContext {
  readonly config: ServeConfig;
  readonly pool: ModelPool;
  readonly auth: ApiKeyAuth;
  readonly limiter: RateLimiter | undefined;
  readonly metrics: ServeMetrics;
  readonly predictionLog: PredictionLogger;
  readonly log: Logger;
  /** Set on SIGTERM: /readyz answers 503 while in-flight requests finish. */
  draining: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Served model name and version of the request, for metrics ('' when none). */
    mwModel: string;
    mwVersion: string;
  }
}
