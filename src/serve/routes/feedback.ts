/**
 * @module serve/routes/feedback
 * `POST /v1/models/{name}/feedback` with `{"request_id": "…", "label": …, "row_index"?: n}`:
 * the ground truth of an earlier prediction, queued for the prediction log (written with the
 * next flush) for performance monitoring. Labels are checked against the model's classes
 * (classification) or must be finite numbers (regression). Answers 202: accepted, not yet written.
 */
import type { FastifyInstance } from 'fastify';
import { formatNumberLabel } from '../../data/schema/convert-column.js';
import { DataError } from '../../errors.js';
import type { ServerContext } from '../server-context.js';
import { errorResponse, feedbackBodySchema, modelNameParam } from './route-schemas.js';

function bad(message: string, field: string): DataError {
  return new DataError('MW_SERVE_BAD_REQUEST', message, { hint: 'Send {"request_id": "<id from the prediction response>", "label": <true class or value>}.', details: { field } });
}

export function registerFeedback(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { name: string } }>(
    '/v1/models/:name/feedback',
    { schema: { summary: 'Record the true label of a prediction', tags: ['predict'], params: modelNameParam, body: feedbackBodySchema, response: { '4xx': errorResponse } } },
    async (req, reply) => {
      const entry = ctx.pool.entry(req.params.name);
      req.mwModel = entry.config.name;
      const b = req.body as Record<string, unknown> | undefined;
      if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) throw bad('The request body must be a JSON object {"request_id", "label"}.', '(body)');
      const requestId = b.request_id;
      if (typeof requestId !== 'string' || requestId.length === 0 || requestId.length > 200) throw bad(`"request_id" must be the non-empty request id of a prediction. Got ${JSON.stringify(requestId)}.`, 'request_id');
      const rowIndex = b.row_index;
      if (rowIndex !== undefined && (typeof rowIndex !== 'number' || !Number.isInteger(rowIndex) || rowIndex < 0)) throw bad(`"row_index" must be a row number from 0. Got ${JSON.stringify(rowIndex)}.`, 'row_index');
      const model = entry.primary.current;
      let label: string | number;
      if (model.classes) {
        const raw = b.label;
        const text = typeof raw === 'string' ? raw : typeof raw === 'number' ? formatNumberLabel(raw) : typeof raw === 'boolean' ? String(raw) : undefined;
        const classes = new Set(ctx.pool.slots(entry).flatMap((s) => s.current.classes ?? []));
        if (text === undefined || !classes.has(text)) throw bad(`"label" must be one of the model's classes: ${[...classes].map((c) => JSON.stringify(c)).join(', ')}. Got ${JSON.stringify(raw)}.`, 'label');
        label = text;
      } else {
        if (typeof b.label !== 'number' || !Number.isFinite(b.label)) throw bad(`"label" must be a finite number for a regression model. Got ${JSON.stringify(b.label)}.`, 'label');
        label = b.label;
      }
      const record = { requestId, ...(rowIndex === undefined ? {} : { rowIndex: rowIndex as number }), label, timestamp: Date.now() };
      ctx.predictionLog.pushFeedback([record]);
      return reply.code(202).send({ request_id: req.id, recorded: { request_id: requestId, ...(rowIndex === undefined ? {} : { row_index: rowIndex }), label } });
    },
  );
}
