/**
 * @module serve/log-scored
 * From scored requests to prediction-log rows: sampling (per request for predict, per row for
 * predict-batch), one LoggedPrediction per row, and the shadow model's pass — which runs
 * after the response has been sent (setImmediate), validates the rows against the shadow's own
 * contract, and logs its answers with shadow=true. Nothing here is awaited by a request.
 */
import { performance } from 'node:perf_hooks';
import type { LoggedPrediction } from '../monitor/log-store/types.js';
import { predictionAt, probabilitiesAt } from './predict-response.js';
import type { ServedModel, Scores } from './served-model.js';
import type { ServerContext } from './server-context.js';
import { sampledForLog } from './traffic.js';
import type { ValidatedTable } from './validate-rows.js';

/** The model name written to the log: the registry name, else the configured reference. */
export function loggedModelName(model: ServedModel): string {
  return model.registryName ?? model.ref;
}

export interface ScoredBatch {
  readonly requestId: string;
  readonly model: ServedModel;
  readonly table: ValidatedTable;
  readonly scores: Scores;
  readonly latencyMs: number;
  /** Row number of the table's first row in the request (predict-batch chunks). */
  readonly rowOffset?: number;
  readonly shadow?: boolean;
  /** Rows of the table to log (default all). */
  readonly rows?: ArrayLike<number>;
}

/** LoggedPrediction rows of a scored table. */
export function loggedRows(b: ScoredBatch): LoggedPrediction[] {
  const now = Date.now();
  const name = loggedModelName(b.model);
  const offset = b.rowOffset ?? 0;
  const n = b.rows ? b.rows.length : b.scores.n;
  const perRow = b.latencyMs / Math.max(1, b.scores.n);
  const out: LoggedPrediction[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const i = b.rows ? b.rows[j] : j;
    const proba = probabilitiesAt(b.model, b.scores, i);
    const prediction = predictionAt(b.model, b.scores, i);
    out[j] = {
      requestId: b.requestId,
      rowIndex: offset + i,
      timestamp: now,
      model: name,
      version: b.model.version,
      features: b.table.record(i),
      prediction: prediction ?? Number.NaN,
      ...(proba ? { proba } : {}),
      latencyMs: b.scores.n === 1 ? b.latencyMs : perRow,
      shadow: b.shadow ?? false,
    };
  }
  return out;
}

/** Whether a predict request is logged (one decision for all its rows). */
export function requestSampled(ctx: ServerContext, requestId: string): boolean {
  return sampledForLog(requestId, ctx.config.logSampling);
}

/** The rows of a predict-batch chunk that are logged (each row decided on its own). */
export function sampledRows(ctx: ServerContext, requestId: string, rowOffset: number, n: number): Int32Array {
  const rate = ctx.config.logSampling;
  if (rate >= 1) return Int32Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (sampledForLog(`${requestId}:${rowOffset + i}`, rate)) keep.push(i);
  return Int32Array.from(keep);
}

/**
 * After the response: score `input` (the request's rows) with the shadow model and log its
 * answers. `validate` re-reads the rows against the shadow's contract.
 */
export function scoreShadowLater(ctx: ServerContext, requestId: string, shadow: ServedModel, validate: (m: ServedModel) => ValidatedTable, rowOffset = 0, rows?: ArrayLike<number>): void {
  setImmediate(() => {
    try {
      const table = validate(shadow);
      const t0 = performance.now();
      const scores = shadow.score(table.frame);
      ctx.predictionLog.push(loggedRows({ requestId, model: shadow, table, scores, latencyMs: performance.now() - t0, rowOffset, shadow: true, rows }));
    } catch (err) {
      ctx.log.warn({ requestId, shadow: loggedModelName(shadow), version: shadow.version, err: (err as Error).message }, 'shadow model could not score the request');
    }
  });
}
