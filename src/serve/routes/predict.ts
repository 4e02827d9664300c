/**
 * @module serve/routes/predict
 * `POST /v1/models/{name}[@{version|alias}]/predict` — the real-time path:
 *
 *   resolve the served model (404) → canary split by request id (unless a version is named)
 *   → validate rows/columns against the model's contract (4xx naming row and field)
 *   → score → [?explain=true: SHAP contributions] → respond
 *   → then, off the response path: log (sampled) and let the shadow model score the same rows.
 */
import type { FastifyInstance } from 'fastify';
import { modelJson, predictionsJson } from '../predict-response.js';
import { pickModel, scoreRows } from '../score-request.js';
import type { ServerContext } from '../server-context.js';
import { tableFromBody } from '../validate-rows.js';
import { errorResponse, modelRefParam, predictBodySchema, predictResponseSchema } from './route-schemas.js';

/** Rows per JSON request; more belong in predict-batch (the body limit usually binds first). */
const MAX_ROWS = 100_000;

export function registerPredict(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { ref: string }; Querystring: { explain?: string } }>(
    '/v1/models/:ref/predict',
    {
      schema: {
        summary: 'Predict rows',
        description: 'Scores `{"rows": [...]}` or `{"columns": {...}}`. A name alone goes through the canary split; `name@version` or `name@alias` pins a served version. `?explain=true` adds SHAP contributions.',
        tags: ['predict'],
        params: modelRefParam,
        querystring: { type: 'object', properties: { explain: { type: 'string', enum: ['true', 'false', '1', '0'], description: 'add per-row SHAP contributions' } } },
        body: predictBodySchema,
        response: { 200: predictResponseSchema, '4xx': errorResponse },
      },
    },
    async (req) => {
      const picked = pickModel(ctx, req, req.params.ref);
      const { table, scores } = scoreRows(ctx, req, picked, (m) => tableFromBody(req.body, m.contract, picked.entry.config, MAX_ROWS));
      const model = picked.model;
      const explain = req.query.explain === 'true' || req.query.explain === '1';
      const explanations = explain ? ((await model.explain(table.frame)) ?? { method: 'none', note: `no per-row explanation method for ${model.learner} models`, rows: [] }) : undefined;
      return {
        request_id: req.id,
        model: modelJson(picked.entry.config.name, model),
        predictions: predictionsJson(model, scores, table.shape),
        ...(explanations ? { explanations } : {}),
      };
    },
  );
}
