/**
 * @module serve/routes/kserve-v2
 * The Open Inference Protocol (KServe V2) over REST, so existing clients work:
 *
 *   GET  /v2                                   server metadata
 *   GET  /v2/health/live, /v2/health/ready     liveness, readiness
 *   GET  /v2/models/{name}[/versions/{v}]        model metadata (inputs, outputs)
 *   GET  /v2/models/{name}[/versions/{v}]/ready  model readiness
 *   POST /v2/models/{name}[/versions/{v}]/infer  inference
 *
 * Inputs are one tensor per column (shape [N] or [N, 1], named after the column) or a single
 * [N, F] tensor whose F columns follow the model's input order. Outputs: `prediction`
 * (BYTES labels or FP64 values, shape [N]) and, for classifiers, `probabilities` (FP64,
 * [N, K], classes in `parameters.classes`). Errors are `{"error": "…"}` as the protocol says.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DataError } from '../../errors.js';
import { VERSION } from '../../version.js';
import type { InputField } from '../input-fields.js';
import { predictionAt } from '../predict-response.js';
import { pickModel, scoreRows } from '../score-request.js';
import type { ServedModel, Scores } from '../served-model.js';
import type { ServerContext } from '../server-context.js';
import { tableFromColumns } from '../validate-rows.js';
import { v2InferBodySchema } from './route-schemas.js';

interface Tensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly datatype: string;
  readonly data: unknown[];
}

function bad(message: string): DataError {
  return new DataError('MW_SERVE_BAD_REQUEST', message, { hint: 'Send {"inputs": [{"name": COLUMN, "shape": [N], "datatype": "FP64"|"BYTES"|…, "data": [...]}, …]}.' });
}

function flatten(data: unknown[]): unknown[] {
  return data.some(Array.isArray) ? (data as unknown[]).flat(Number.POSITIVE_INFINITY) : data;
}

function v2Datatype(f: InputField): string {
  return f.kind === 'number' ? 'FP64' : 'BYTES';
}

/** The request's tensors as columns named after the model's inputs. */
export function v2Columns(body: unknown, fields: readonly InputField[]): Record<string, unknown[]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('The request body must be a JSON object with "inputs".');
  const inputs = (body as { inputs?: unknown }).inputs;
  if (!Array.isArray(inputs) || inputs.length === 0) throw bad('"inputs" must be a non-empty array of tensors.');
  const tensors = inputs.map((t, i): Tensor => {
    const o = t as Partial<Tensor>;
    if (typeof o !== 'object' || o === null || typeof o.name !== 'string' || !Array.isArray(o.shape) || !Array.isArray(o.data) || typeof o.datatype !== 'string') {
      throw bad(`inputs[${i}] must have "name", "shape", "datatype" and "data".`);
    }
    const data = flatten(o.data);
    const size = o.shape.reduce((a, b) => a * b, 1);
    if (size !== data.length) throw bad(`inputs[${i}] ('${o.name}') has shape [${o.shape.join(', ')}] (${size} values) but ${data.length} data values.`);
    return { name: o.name, shape: o.shape, datatype: o.datatype, data };
  });
  const names = new Set(fields.map((f) => f.name));
  const only = tensors[0];
  if (tensors.length === 1 && only.shape.length === 2 && !names.has(only.name)) {
    const [n, width] = only.shape;
    if (width !== fields.length) throw bad(`Input '${only.name}' has ${width} columns; the model takes ${fields.length}: ${fields.map((f) => f.name).join(', ')} (in this order).`);
    return Object.fromEntries(fields.map((f, j) => [f.name, Array.from({ length: n }, (_, i) => only.data[i * width + j])]));
  }
  const columns: Record<string, unknown[]> = {};
  for (const t of tensors) {
    if (t.shape.length > 2 || (t.shape.length === 2 && t.shape[1] !== 1)) throw bad(`Input '${t.name}' has shape [${t.shape.join(', ')}]; a column tensor has shape [N] or [N, 1].`);
    columns[t.name] = t.data;
  }
  return columns;
}

function outputs(model: ServedModel, s: Scores, wanted: readonly string[] | undefined): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const prediction = Array.from({ length: s.n }, (_, i) => predictionAt(model, s, i));
  out.push({ name: 'prediction', shape: [s.n], datatype: model.classes ? 'BYTES' : 'FP64', data: prediction });
  if (model.classes && s.proba) out.push({ name: 'probabilities', shape: [s.n, model.classes.length], datatype: 'FP64', parameters: { classes: model.classes }, data: Array.from(s.proba) });
  if (!wanted) return out;
  const unknown = wanted.filter((w) => !out.some((o) => o.name === w));
  if (unknown.length) throw bad(`Unknown output '${unknown[0]}'. Outputs: ${out.map((o) => o.name).join(', ')}.`);
  return out.filter((o) => wanted.includes(o.name as string));
}

function metadata(name: string, model: ServedModel, versions: readonly string[]): Record<string, unknown> {
  return {
    name,
    versions,
    platform: `modelwright-${model.learner}`,
    inputs: model.contract.fields.map((f) => ({ name: f.name, datatype: v2Datatype(f), shape: [-1] })),
    outputs: [
      { name: 'prediction', datatype: model.classes ? 'BYTES' : 'FP64', shape: [-1] },
      ...(model.classes ? [{ name: 'probabilities', datatype: 'FP64', shape: [-1, model.classes.length] }] : []),
    ],
  };
}

type V2Params = { name: string; version?: string };
const refOf = (p: V2Params): string => (p.version === undefined ? p.name : `${p.name}@${p.version}`);

export function registerKserveV2(app: FastifyInstance, ctx: ServerContext): void {
  const tags = ['kserve-v2'];
  app.get('/v2', { schema: { summary: 'V2 server metadata', tags } }, async () => ({ name: 'modelwright', version: VERSION, extensions: [] }));
  app.get('/v2/health/live', { schema: { summary: 'V2 liveness', tags } }, async () => ({ live: true }));
  app.get('/v2/health/ready', { schema: { summary: 'V2 readiness', tags } }, async (_req, reply) => reply.code(ctx.draining ? 503 : 200).send({ ready: !ctx.draining }));

  const meta = async (req: FastifyRequest<{ Params: V2Params }>) => {
    const { entry, slot } = ctx.pool.resolve(refOf(req.params));
    const versions = ctx.pool.slots(entry).map((s) => String(s.current.version ?? 'file'));
    return metadata(entry.config.name, slot.current, [...new Set(versions)]);
  };
  const ready = async (req: FastifyRequest<{ Params: V2Params }>) => {
    const { entry } = ctx.pool.resolve(refOf(req.params));
    return { name: entry.config.name, ready: !ctx.draining };
  };
  const infer = async (req: FastifyRequest<{ Params: V2Params }>) => {
    const picked = pickModel(ctx, req, refOf(req.params));
    const body = req.body as { id?: unknown; outputs?: unknown } | undefined;
    const { scores } = scoreRows(ctx, req, picked, (m) => tableFromColumns(v2Columns(body, m.contract.fields), m.contract, picked.entry.config));
    const wanted = Array.isArray(body?.outputs) ? (body.outputs as { name?: unknown }[]).map((o) => String(o?.name)) : undefined;
    return {
      model_name: picked.entry.config.name,
      model_version: String(picked.model.version ?? 'file'),
      id: typeof body?.id === 'string' ? body.id : req.id,
      parameters: { request_id: req.id },
      outputs: outputs(picked.model, scores, wanted),
    };
  };
  for (const base of ['/v2/models/:name', '/v2/models/:name/versions/:version']) {
    app.get(base, { schema: { summary: 'V2 model metadata', tags } }, meta);
    app.get(`${base}/ready`, { schema: { summary: 'V2 model readiness', tags } }, ready);
    app.post(`${base}/infer`, { schema: { summary: 'V2 inference (Open Inference Protocol)', tags, body: v2InferBodySchema } }, infer);
  }
}
