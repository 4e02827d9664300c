/**
 * @module serve/routes/metrics
 * `GET /metrics` — Prometheus exposition of this process's metrics (metrics.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.js';

export function registerMetrics(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['operations'] } }, async (_req, reply) => {
    const { contentType, body } = await ctx.metrics.render();
    return reply.type(contentType).send(body);
  });
}
