/**
 * @module serve/routes/openapi
 * `GET /openapi.json` — the OpenAPI 3 document: every route's schema as collected by
 * @fastify/swagger, plus, per served model, its exact row and request schemas under
 * `components.schemas` (`<name>.row`, `<name>.request`) and a concrete path
 * `/v1/models/<name>/predict` whose body refers to them. Rebuilt per call because models
 * change when aliases move.
 * `GET /docs` — a self-contained page that renders that document (docs-page.ts).
 */
import type { FastifyInstance } from 'fastify';
import { predictBodyJsonSchema, rowJsonSchema } from '../input-fields.js';
import type { ServerContext } from '../server-context.js';
import { DOCS_HTML } from './docs-page.js';

type Doc = Record<string, any>;

/** The OpenAPI document with the served models' schemas added. */
export function openApiDocument(app: FastifyInstance, ctx: ServerContext): Doc {
  const base = structuredClone((app as unknown as { swagger(): Doc }).swagger());
  base.components ??= {};
  base.components.schemas ??= {};
  const generic = base.paths?.['/v1/models/{ref}/predict']?.post;
  for (const entry of ctx.pool.entries()) {
    const name = entry.config.name;
    const m = entry.primary.current;
    const policy = { unknownCategory: entry.config.unknownCategory, extraColumns: entry.config.extraColumns };
    base.components.schemas[`${name}.row`] = { title: `${name} input row`, ...rowJsonSchema(m.contract.fields, policy) };
    base.components.schemas[`${name}.request`] = { title: `${name} predict request`, ...predictBodyJsonSchema(m.contract.fields, policy) };
    if (generic) {
      const op = structuredClone(generic);
      op.summary = `Predict with ${name} (v${m.version ?? ' file'}, ${m.task.task})`;
      op.operationId = `predict_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
      op.parameters = (op.parameters ?? []).filter((p: Doc) => p.in !== 'path');
      op.requestBody = { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${encodeURIComponent(name)}.request` } } } };
      base.paths[`/v1/models/${name}/predict`] = { post: op };
    }
  }
  return base;
}

export function registerOpenApi(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/openapi.json', { schema: { summary: 'This OpenAPI document', tags: ['docs'] } }, async () => openApiDocument(app, ctx));
  app.get('/docs', { schema: { summary: 'API documentation page', tags: ['docs'] } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'").send(DOCS_HTML),
  );
}
