/**
 * @module serve/routes/predict-batch
 * `POST /v1/models/{name}[@{version|alias}]/predict-batch` — large bodies, streamed both ways:
 *
 *   body (NDJSON or CSV, as it arrives) → batches of 4096 rows → validate → score
 *   → NDJSON lines {"prediction", "probabilities"} or CSV (prediction, proba_<class>), same
 *     format as the input, each batch written as soon as it is scored.
 *
 * `?keep=id,…` copies input columns into the output. A bad row in the first batch is a 4xx
 * JSON error like /predict; once output has started the status is sent, so a later error ends
 * an NDJSON stream with an {"error": …} line and aborts a CSV stream (the client sees a
 * truncated transfer, never a silently short file). Logging is sampled per row.
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { csvField } from '../../data/write/csv-format.js';
import { DataError } from '../../errors.js';
import { type BatchFormat, readBatches } from '../batch/batch-reader.js';
import { toHttpError } from '../http-errors.js';
import { loggedRows, sampledRows, scoreShadowLater } from '../log-scored.js';
import { predictionAt, probabilitiesAt, versionLabel } from '../predict-response.js';
import { type Picked, pickModel } from '../score-request.js';
import type { ServedModel, Scores } from '../served-model.js';
import type { ServerContext } from '../server-context.js';
import { tableFromRows } from '../validate-rows.js';
import { errorResponse, modelRefParam } from './route-schemas.js';

const BATCH_ROWS = 4096;
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/json-lines'];

function csvValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? csvField(v, ',') : String(v);
}

function formatBatch(format: BatchFormat, model: ServedModel, s: Scores, rows: readonly Record<string, unknown>[], keep: readonly string[], header: boolean): string {
  const parts: string[] = [];
  if (format === 'csv') {
    if (header) parts.push(`${[...keep, 'prediction', ...(model.classes ?? []).map((c) => `proba_${c}`)].map((h) => csvField(h, ',')).join(',')}\n`);
    for (let i = 0; i < s.n; i++) {
      const proba = probabilitiesAt(model, s, i);
      const cells = [...keep.map((k) => csvValue(rows[i][k])), csvValue(predictionAt(model, s, i)), ...(proba ? Object.values(proba).map(String) : [])];
      parts.push(`${cells.join(',')}\n`);
    }
    return parts.join('');
  }
  for (let i = 0; i < s.n; i++) {
    const o: Record<string, unknown> = {};
    for (const k of keep) o[k] = rows[i][k] ?? null;
    o.prediction = predictionAt(model, s, i);
    const proba = probabilitiesAt(model, s, i);
    if (proba) o.probabilities = proba;
    parts.push(`${JSON.stringify(o)}\n`);
  }
  return parts.join('');
}

async function* scoredChunks(ctx: ServerContext, requestId: string, picked: Picked, body: Readable, format: BatchFormat, keep: readonly string[]): AsyncGenerator<string> {
  const { entry, model, explicit } = picked;
  let first = true;
  for await (const batch of readBatches(body, format, ctx.config.batchBodyLimit, BATCH_ROWS)) {
    const mode = format === 'csv' ? 'text' : 'json';
    const table = tableFromRows(batch.rows, model.contract, entry.config, mode, batch.offset);
    const t0 = performance.now();
    const scores = model.score(table.frame);
    const latencyMs = performance.now() - t0;
    ctx.metrics.predicted(entry.config.name, versionLabel(model), model.classes, scores.labels, scores.n);
    const logged = sampledRows(ctx, requestId, batch.offset, scores.n);
    if (logged.length > 0) {
      ctx.predictionLog.push(loggedRows({ requestId, model, table, scores, latencyMs, rowOffset: batch.offset, rows: logged }));
      const shadow = explicit ? undefined : entry.shadow?.current;
      if (shadow) scoreShadowLater(ctx, requestId, shadow, (m) => tableFromRows(batch.rows, m.contract, entry.config, mode, batch.offset), batch.offset, logged);
    }
    yield formatBatch(format, model, scores, batch.rows, keep, first);
    first = false;
  }
  if (first && format === 'csv') yield formatBatch(format, model, { n: 0 }, [], keep, true);
}

/** After the first chunk: NDJSON streams end with an error line; CSV streams are aborted. */
async function* afterFirst(ctx: ServerContext, requestId: string, format: BatchFormat, first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield first;
  try {
    for await (const chunk of rest) yield chunk;
  } catch (err) {
    const h = toHttpError(err, requestId);
    if (h.internal) ctx.log.error({ err, requestId }, 'predict-batch failed after streaming began');
    if (format === 'csv') throw err;
    yield `${JSON.stringify({ error: h.body.error, request_id: requestId })}\n`;
  }
}

export function registerPredictBatch(app: FastifyInstance, ctx: ServerContext): void {
  // An encapsulated context: only this route streams its body in raw.
  app.register(async (child) => {
    child.addContentTypeParser([...NDJSON_TYPES, 'text/csv'], (_req, payload, done) => done(null, payload));
    child.post<{ Params: { ref: string }; Querystring: { keep?: string } }>(
      '/v1/models/:ref/predict-batch',
      {
        schema: {
          summary: 'Predict a large body, streamed (NDJSON or CSV in, the same format out)',
          description: 'Content-Type application/x-ndjson (one row object per line) or text/csv (header + records). `?keep=id` copies input columns into the output.',
          tags: ['predict'],
          params: modelRefParam,
          querystring: { type: 'object', properties: { keep: { type: 'string', description: 'comma-separated input columns to copy into the output' } } },
          response: { '4xx': errorResponse },
        },
      },
      async (req, reply) => {
        const picked = pickModel(ctx, req, req.params.ref);
        const body = req.body as Readable | undefined;
        if (!body || typeof (body as Readable).on !== 'function') {
          throw new DataError('MW_SERVE_BAD_REQUEST', 'The predict-batch body is empty.', { hint: 'Send NDJSON (Content-Type: application/x-ndjson) or CSV (Content-Type: text/csv).' });
        }
        const format: BatchFormat = (req.headers['content-type'] ?? '').startsWith('text/csv') ? 'csv' : 'ndjson';
        const keep = (req.query.keep ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const chunks = scoredChunks(ctx, req.id, picked, body, format, keep);
        let first: IteratorResult<string>;
        try {
          first = await chunks.next();
        } catch (err) {
          reply.header('connection', 'close'); // the rest of the body is not read
          throw err;
        }
        reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
        if (first.done) return reply.send('');
        return reply.send(Readable.from(afterFirst(ctx, req.id, format, first.value, chunks)));
      },
    );
  });
}
