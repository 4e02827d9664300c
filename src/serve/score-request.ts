/**
 * @module serve/score-request
 * The steps every scoring endpoint (v1 predict, V2 infer) shares:
 *
 *   pickModel   served name[@version|alias] → entry and model; the canary split applies
 *               when no version is named (a hash of the request id decides, traffic.ts)
 *   scoreRows   validate against that model's contract → score → count per class
 *               → log (sampled) → shadow scoring after the response
 */
import { performance } from 'node:perf_hooks';
import type { FastifyRequest } from 'fastify';
import { loggedRows, requestSampled, scoreShadowLater } from './log-scored.js';
import type { ServedEntry } from './model-pool.js';
import { versionLabel } from './predict-response.js';
import type { ServedModel, Scores } from './served-model.js';
import type { ServerContext } from './server-context.js';
import { routesToCanary } from './traffic.js';
import type { ValidatedTable } from './validate-rows.js';

export interface Picked {
  readonly entry: ServedEntry;
  readonly model: ServedModel;
  /** True when the request named a version or alias (no canary, no shadow). */
  readonly explicit: boolean;
}

/** Resolve the model a request is answered by, and label the request for metrics. */
export function pickModel(ctx: ServerContext, req: FastifyRequest, ref: string): Picked {
  const { entry, slot, explicit } = ctx.pool.resolve(ref);
  const weight = entry.config.canary?.weight ?? 0;
  const model = !explicit && entry.canary && routesToCanary(req.id, weight, ctx.config.trafficSeed) ? entry.canary.current : slot.current;
  req.mwModel = entry.config.name;
  req.mwVersion = versionLabel(model);
  return { entry, model, explicit };
}

/** Validate, score, count and log one request's rows; `validate` reads them for a model. */
export function scoreRows<T extends ValidatedTable>(ctx: ServerContext, req: FastifyRequest, picked: Picked, validate: (m: ServedModel) => T): { table: T; scores: Scores } {
  const { entry, model, explicit } = picked;
  const table = validate(model);
  const t0 = performance.now();
  const scores = model.score(table.frame);
  const latencyMs = performance.now() - t0;
  ctx.metrics.predicted(entry.config.name, req.mwVersion, model.classes, scores.labels, scores.n);
  if (requestSampled(ctx, req.id)) {
    ctx.predictionLog.push(loggedRows({ requestId: req.id, model, table, scores, latencyMs }));
    const shadow = explicit ? undefined : entry.shadow?.current;
    if (shadow) scoreShadowLater(ctx, req.id, shadow, validate);
  }
  return { table, scores };
}
