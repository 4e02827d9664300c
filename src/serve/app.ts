/**
 * @module serve/app
 * The fastify instance of the prediction server, built from a config and loaded models —
 * testable in-process with `app.inject()`. Per request:
 *
 *   onRequest   request id (x-request-id in, x-request-id out), API key (401/403) and
 *               rate limit (429) — before the body is read; /healthz is always open
 *   parse       JSON as text under bodyLimit (413), NaN/Infinity reported by row and field;
 *               predict-batch streams NDJSON/CSV raw (routes/predict-batch.ts)
 *   route       routes/*.ts
 *   errors      http-errors.ts: catalog status, no stacks or paths; 500s logged in full
 *   onResponse  request count and latency per route, model, version and status
 *
 * Route schemas feed /openapi.json only: each model validates its own rows (validate-rows.ts),
 * and responses are plain JSON.stringify.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { pino } from 'pino';
import { ModelwrightError } from '../errors.js';
import type { PredictionLogStore } from '../monitor/log-store/types.js';
import { VERSION } from '../version.js';
import { ApiKeyAuth, apiKeysFromEnv } from './auth.js';
import { joinCluster } from './cluster-ipc.js';
import type { ServeConfig } from './config.js';
import { toHttpError } from './http-errors.js';
import { MemoryLogStore } from './memory-log-store.js';
import { ServeMetrics } from './metrics.js';
import type { ModelPool } from './model-pool.js';
import { parseJsonBody } from './parse-json-body.js';
import { PredictionLogger } from './prediction-logger.js';
import { RateLimiter } from './rate-limit.js';
import { registerFeedback } from './routes/feedback.js';
import { registerHealth } from './routes/health.js';
import { registerKserveV2 } from './routes/kserve-v2.js';
import { registerMetrics } from './routes/metrics.js';
import { registerModels } from './routes/models.js';
import { registerOpenApi } from './routes/openapi.js';
import { registerPredict } from './routes/predict.js';
import { registerPredictBatch } from './routes/predict-batch.js';
import type { ServerContext } from './server-context.js';

export interface BuildServerOptions {
  readonly config: ServeConfig;
  readonly pool: ModelPool;
  /** Where predictions are logged (default: in memory). Like the pool, closed with the server. */
  readonly logStore?: PredictionLogStore;
  /** Structured logs (default: silent). */
  readonly logger?: Logger;
  readonly metrics?: ServeMetrics;
  /** For MODELWRIGHT_API_KEYS (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** A `--workers N` worker: share metrics and the rate-limit budget with the others (cluster-ipc.ts). */
  readonly inCluster?: boolean;
}

export interface BuiltServer {
  readonly app: FastifyInstance;
  readonly context: ServerContext;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's x-request-id when it is a sane token, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * Build the server (not listening; call `app.listen` or `app.inject`).
 * @example const { app } = await buildServer({ config, pool }); await app.inject({ url: '/healthz' })
 */
export async function buildServer(options: BuildServerOptions): Promise<BuiltServer> {
  const { config, pool } = options;
  const log = options.logger ?? pino({ level: 'silent' });
  const metrics = options.metrics ?? new ServeMetrics();
  const store = options.logStore ?? new MemoryLogStore();
  const context: ServerContext = {
    config,
    pool,
    auth: new ApiKeyAuth([...config.apiKeys, ...apiKeysFromEnv(options.env)]),
    limiter: config.rateLimit ? new RateLimiter(config.rateLimit) : undefined,
    metrics,
    log,
    draining: false,
    predictionLog: new PredictionLogger(store, {
      flushMs: config.logFlushMs,
      flushRows: config.logFlushRows,
      onFlushed: (outcome, n) => metrics.logRowsCounted(outcome, n),
      onError: (err) => log.error({ err }, 'prediction log write failed'),
    }),
  };

  const app = Fastify({
    // Fastify's own per-request info lines are off (warn); the server logs what matters.
    loggerInstance: log.child({}, { level: log.level === 'silent' ? 'silent' : 'warn' }) as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    genReqId: requestIdOf,
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.decorateRequest('mwModel', '');
  app.decorateRequest('mwVersion', '');
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  // Callback-style hooks: cheaper than async ones on the hot path.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    // While draining, keep-alive connections close after their response.
    if (context.draining) reply.header('connection', 'close');
    if (req.routeOptions.url === '/healthz') return done();
    try {
      let client = req.ip;
      if (context.auth.enabled) client = context.auth.check(req.headers.authorization);
      const wait = context.limiter ? context.limiter.take(client) : 0;
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait)));
        throw new ModelwrightError('MW_SERVE_RATE_LIMITED', `Rate limit of ${config.rateLimit?.requestsPerSecond} requests/s (burst ${config.rateLimit?.burst}) exceeded; retry in ${wait.toFixed(2)} s.`);
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  });
  app.addHook('onResponse', (req, reply, done) => {
    metrics.request(req.routeOptions.url ?? 'unmatched', req.mwModel, req.mwVersion, reply.statusCode, reply.elapsedTime / 1000);
    // A response that began before draining could not say `connection: close`: close its
    // socket once idle, so shutdown does not wait for the keep-alive timeout.
    if (context.draining) setImmediate(() => app.server.closeIdleConnections());
    done();
  });
  app.setErrorHandler(async (err, req, reply) => {
    const h = toHttpError(err, req.id);
    if (h.internal) log.error({ err, requestId: req.id, url: req.url }, 'request failed with an unexpected error');
    reply.code(h.status);
    // The Open Inference Protocol's error shape is {"error": "<message>"}.
    if (req.url.startsWith('/v2')) return reply.send({ error: h.body.error.message, code: h.body.error.code, request_id: req.id });
    return reply.send(h.body);
  });
  app.setNotFoundHandler(async (req) => {
    throw new ModelwrightError('MW_SERVE_ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.url.split('?')[0]}. See /openapi.json or /docs.`);
  });

  // One server from outside: metrics scraped across workers, one rate-limit budget.
  const member = options.inCluster ? joinCluster(metrics, context.limiter) : undefined;
  if (member) metrics.scrape = member.scrape;

  // The server owns the pool and the log from here: both close after in-flight requests finish.
  app.addHook('onClose', async () => {
    member?.leave();
    await context.predictionLog.close();
    await pool.close();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Modelwright prediction server', version: VERSION, description: 'Real-time and batch predictions from Modelwright models, with the Open Inference Protocol (KServe V2) alongside.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      ...(context.auth.enabled ? { security: [{ bearer: [] }] } : {}),
    },
  });
  registerHealth(app, context);
  registerModels(app, context);
  registerPredict(app, context);
  registerPredictBatch(app, context);
  registerFeedback(app, context);
  registerKserveV2(app, context);
  registerMetrics(app, context);
  registerOpenApi(app, context);
  await app.ready();
  return { app, context };
}
