/**
 * @module serve/routes/models
 * `GET /v1/models` (the served models) and `GET /v1/models/{name}[@{version|alias}]` (one
 * model: version, task, classes, metrics, inputs and their JSON Schema, policies, traffic).
 */
import type { FastifyInstance } from 'fastify';
import { modelDetail, modelSummary } from '../describe-model.js';
import type { ServerContext } from '../server-context.js';
import { errorResponse, modelRefParam } from './route-schemas.js';

export function registerModels(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/models', { schema: { summary: 'List served models', tags: ['models'] } }, async (req) => ({
    request_id: req.id,
    models: ctx.pool.entries().map(modelSummary),
  }));

  app.get<{ Params: { ref: string } }>(
    '/v1/models/:ref',
    { schema: { summary: 'Describe a served model', description: 'Version, task, classes, registry metrics, inputs and their JSON Schema, input policies and traffic policy.', tags: ['models'], params: modelRefParam, response: { '4xx': errorResponse } } },
    async (req) => {
      const { entry, slot } = ctx.pool.resolve(req.params.ref);
      req.mwModel = entry.config.name;
      return { request_id: req.id, ...modelDetail(entry, slot, ctx.pool.slots(entry)) };
    },
  );
}
