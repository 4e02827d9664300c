/**
 * @module serve/routes/health
 * `GET /healthz` — liveness: the process answers (no auth, so orchestrators can probe it).
 * `GET /readyz` — readiness: every configured model is loaded and the server is not draining;
 * 503 otherwise, so a load balancer stops sending traffic during shutdown.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

export function registerHealth(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['health'] } }, async (req) => ({ status: 'ok', request_id: req.id }));

  app.get('/readyz', { schema: { summary: 'Readiness (models loaded, not draining)', tags: ['health'] } }, async (req, reply) => {
    const models = ctx.pool.entries().map((e) => ({ name: e.config.name, version: e.primary.current.version }));
    if (ctx.draining) return reply.code(503).send({ status: 'draining', models, request_id: req.id });
    return { status: 'ready', models, request_id: req.id };
  });
}
