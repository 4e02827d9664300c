/**
 * @module ui/dashboard-app
 * The monitoring UI as a fastify app (what `modelwright ui` serves):
 *
 *   GET /dashboard     the dashboard page (self-contained HTML)
 *   GET /api/models    the same data as JSON
 *   GET /              redirect to /dashboard
 *   GET /favicon.ico   204 (browsers ask; a 404 would be a console error)
 *
 * Registry and prediction log are opened per request, so the page always shows what is on
 * disk now (other processes write checks) and no handle is held between requests.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { dashboardData } from '../monitor/dashboard/dashboard-data.js';
import { renderDashboard } from '../monitor/dashboard/dashboard-html.js';
import { withPredictionLog } from '../monitor/log-store/open-prediction-log.js';
import type { Env } from '../registry/home.js';
import { withRegistry } from '../registry/open-registry.js';

export interface DashboardAppOptions {
  readonly env?: Env;
  /** fastify's logger option (false in tests). */
  readonly logger?: boolean;
}

/**
 * Build (not start) the dashboard app.
 * @example const app = await buildDashboardApp(); await app.listen({ port: 8080 });
 */
export async function buildDashboardApp(o: DashboardAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: o.logger ?? false });
  const data = () => withRegistry((reg) => withPredictionLog((log) => dashboardData(reg, log), { env: o.env }), { env: o.env });
  app.get('/', async (_req, reply) => reply.redirect('/dashboard'));
  app.get('/dashboard', async (_req, reply) => {
    const html = renderDashboard(await data());
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });
  app.get('/api/models', async () => data());
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());
  return app;
}
