/**
 * The Open Inference Protocol (KServe V2) endpoints through fastify.inject(): server and model
 * metadata, readiness, inference with one tensor per column or one [N, F] tensor, versioned
 * paths, requested outputs, and V2-shaped errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeFixture, type TestServer, makeServeFixture, testServer } from './fixtures.js';

let fx: ServeFixture;
let s: TestServer;

beforeAll(async () => {
  fx = await makeServeFixture();
  s = await testServer({ models: [{ name: 'churn', ref: 'churn@champion', versions: ['2'] }, { name: 'price', ref: 'price' }] });
});

afterAll(async () => {
  await s?.app.close();
  fx?.close();
});

const infer = (url: string, payload: unknown) => s.app.inject({ method: 'POST', url, payload: payload as string });
const columns = {
  id: 'req-1',
  inputs: [
    { name: 'x1', shape: [2], datatype: 'FP64', data: [1, 3.5] },
    { name: 'x2', shape: [2, 1], datatype: 'FP64', data: [[0.5], [null]] },
    { name: 'color', shape: [2], datatype: 'BYTES', data: ['red', 'blue'] },
  ],
};

describe('KServe V2', () => {
  it('infers from column tensors, like /v1 predict', async () => {
    const r = await infer('/v2/models/churn/infer', columns);
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j).toMatchObject({ model_name: 'churn', model_version: '1', id: 'req-1' });
    const [pred, proba] = j.outputs;
    expect(pred).toMatchObject({ name: 'prediction', shape: [2], datatype: 'BYTES' });
    expect(proba).toMatchObject({ name: 'probabilities', shape: [2, 2], datatype: 'FP64' });
    const v1 = (await s.app.inject({ method: 'POST', url: '/v1/models/churn/predict', payload: { rows: [{ x1: 1, x2: 0.5, color: 'red' }, { x1: 3.5, x2: null, color: 'blue' }] } })).json();
    expect(pred.data).toEqual(v1.predictions.map((p: { prediction: string }) => p.prediction));
    const cls = proba.parameters.classes as string[];
    expect(proba.data[1]).toBeCloseTo(v1.predictions[0].probabilities[cls[1]], 10);
  });

  it('infers from one [N, F] tensor in input order, on a versioned path, with requested outputs', async () => {
    const r = await infer('/v2/models/churn/versions/2/infer', { inputs: [{ name: 'input-0', shape: [2, 3], datatype: 'BYTES', data: [[1, 0.5, 'red'], [3.5, null, 'blue']] }], outputs: [{ name: 'prediction' }] });
    expect(r.statusCode).toBe(200);
    expect(r.json().model_version).toBe('2');
    expect(r.json().outputs.map((o: { name: string }) => o.name)).toEqual(['prediction']);
    const reg = (await infer('/v2/models/price/infer', columns)).json();
    expect(reg.outputs).toHaveLength(1);
    expect(reg.outputs[0]).toMatchObject({ name: 'prediction', datatype: 'FP64', shape: [2] });
  });

  it('metadata, readiness and server endpoints', async () => {
    const meta = (await s.app.inject({ url: '/v2/models/churn' })).json();
    expect(meta).toMatchObject({ name: 'churn', versions: ['1', '2'], platform: 'modelwright-gbdt' });
    expect(meta.inputs).toEqual([{ name: 'x1', datatype: 'FP64', shape: [-1] }, { name: 'x2', datatype: 'FP64', shape: [-1] }, { name: 'color', datatype: 'BYTES', shape: [-1] }]);
    expect((await s.app.inject({ url: '/v2/models/churn/versions/2' })).json().name).toBe('churn');
    expect((await s.app.inject({ url: '/v2/models/churn/ready' })).json()).toEqual({ name: 'churn', ready: true });
    expect((await s.app.inject({ url: '/v2/health/live' })).json()).toEqual({ live: true });
    expect((await s.app.inject({ url: '/v2/health/ready' })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/v2' })).json().name).toBe('modelwright');
  });

  it('answers errors as {"error": "…"} with 4xx statuses', async () => {
    const shape = await infer('/v2/models/churn/infer', { inputs: [{ name: 'x1', shape: [3], datatype: 'FP64', data: [1, 2] }] });
    expect(shape.statusCode).toBe(400);
    expect(typeof shape.json().error).toBe('string');
    expect(shape.json().error).toContain('shape [3]');
    const missing = await infer('/v2/models/churn/infer', { inputs: [columns.inputs[0]] });
    expect(missing.json()).toMatchObject({ code: 'MW_SCHEMA_MISMATCH' });
    expect(missing.json().error).toContain("'x2'");
    const type = await infer('/v2/models/churn/infer', { inputs: [{ ...columns.inputs[0], data: ['a', 1] }, columns.inputs[1], columns.inputs[2]] });
    expect(type.json().error).toContain("Row 0, field 'x1'");
    expect((await infer('/v2/models/churn/infer', { inputs: [] })).statusCode).toBe(400);
    expect((await infer('/v2/models/nope/infer', columns)).statusCode).toBe(404);
    expect((await infer('/v2/models/churn/infer', { ...columns, outputs: [{ name: 'logits' }] })).json().error).toContain("Unknown output 'logits'");
  });
});
