/**
 * The other endpoints through fastify.inject(): model listing and description, liveness and
 * readiness, Prometheus metrics, the OpenAPI document with each model's schemas, the docs
 * page, and feedback (accepted, validated, written to the prediction log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServeFixture, type TestServer, makeServeFixture, testServer } from './fixtures.js';

let fx: ServeFixture;
let s: TestServer;

beforeAll(async () => {
  fx = await makeServeFixture();
  s = await testServer({
    models: [
      { name: 'churn', ref: 'churn@champion', canary: { ref: 'churn@challenger', weight: 0.25 }, unknownCategory: 'reject' },
      { name: 'pricing', ref: 'price' },
      { name: 'local', ref: fx.churnFile },
    ],
  });
});

afterAll(async () => {
  await s?.app.close();
  fx?.close();
});

const get = (url: string) => s.app.inject({ method: 'GET', url });
const row = { x1: 1, x2: 0.5, color: 'red' };

describe('models', () => {
  it('GET /v1/models lists served models with versions and traffic, never file paths', async () => {
    const r = await get('/v1/models');
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j.models).toEqual([
      { name: 'churn', version: 1, source: 'registry', ref: 'churn@champion', task: 'binary', learner: 'gbdt', canary: { version: 2, weight: 0.25 } },
      { name: 'pricing', version: 1, source: 'registry', ref: 'price', task: 'regression', learner: 'gbdt' },
      { name: 'local', version: null, source: 'file', task: 'binary', learner: 'gbdt' },
    ]);
    expect(r.body).not.toContain(fx.dir);
  });

  it('GET /v1/models/{name} describes inputs, their JSON Schema, policies and served versions', async () => {
    const j = (await get('/v1/models/churn')).json();
    expect(j).toMatchObject({ name: 'churn', version: 1, aliases: ['champion'], task: 'binary', target: 'y', policy: { unknownCategory: 'reject', extraColumns: 'ignore' } });
    expect(j.inputs.map((f: { name: string }) => f.name)).toEqual(['x1', 'x2', 'color']);
    expect(j.input_schema).toMatchObject({ type: 'object', required: ['x1', 'x2', 'color'], properties: { x1: { type: ['number', 'null'] }, color: { enum: ['red', 'green', 'blue', null] } } });
    expect(j.served_versions.map((v: { role: string; version: number }) => [v.role, v.version])).toEqual([['primary', 1], ['canary', 2]]);
    expect((await get('/v1/models/churn@2')).json().version).toBe(2);
    expect((await get('/v1/models/nope')).statusCode).toBe(404);
    expect((await get('/v1/models/local')).body).not.toContain(fx.dir);
  });
});

describe('health and metrics', () => {
  it('/healthz and /readyz', async () => {
    expect((await get('/healthz')).json()).toMatchObject({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().models).toEqual([{ name: 'churn', version: 1 }, { name: 'pricing', version: 1 }, { name: 'local', version: null }]);
    s.context.draining = true;
    expect((await get('/readyz')).statusCode).toBe(503);
    s.context.draining = false;
  });

  it('/metrics counts requests per model/version/status, predictions per class, load times', async () => {
    await s.app.inject({ method: 'POST', url: '/v1/models/churn@1/predict', payload: { rows: [row, row] } });
    await s.app.inject({ method: 'POST', url: '/v1/models/churn/predict', payload: { rows: [{ x1: 'bad' }] } });
    const r = await get('/metrics');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(/modelwright_requests_total\{route="\/v1\/models\/:ref\/predict",model="churn",version="1",status="200"\} 1/);
    expect(r.body).toMatch(/modelwright_requests_total\{route="\/v1\/models\/:ref\/predict",model="churn",version="\d",status="400"\} 1/);
    expect(r.body).toMatch(/modelwright_request_duration_seconds_bucket\{le="0\.005",route="\/v1\/models\/:ref\/predict",model="churn",version="1",status="200"\}/);
    expect(r.body).toMatch(/modelwright_predictions_total\{model="churn",version="1",class="[^"]+"\} \d/);
    expect(r.body).toMatch(/modelwright_model_load_seconds\{model="pricing",version="1",role="primary"\}/);
    expect(r.body).toContain('modelwright_process_resident_memory_bytes');
  });
});

describe('docs', () => {
  it('/openapi.json documents every endpoint and each model\'s input schema', async () => {
    const doc = (await get('/openapi.json')).json();
    expect(doc.openapi).toBe('3.0.3');
    for (const p of ['/v1/models/{ref}/predict', '/v1/models/{ref}/predict-batch', '/v1/models', '/v1/models/{ref}', '/v1/models/{name}/feedback', '/healthz', '/readyz', '/metrics', '/v2/models/{name}/infer', '/openapi.json', '/docs']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(doc.components.schemas['churn.row'].required).toEqual(['x1', 'x2', 'color']);
    expect(doc.paths['/v1/models/churn/predict'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/churn.request');
  });

  it('/docs is one self-contained HTML page (no external scripts or styles)', async () => {
    const r = await get('/docs');
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('openapi.json');
    expect(r.body).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
  });
});

describe('feedback', () => {
  it('records labels for a prediction, to the prediction log', async () => {
    const p = await s.app.inject({ method: 'POST', url: '/v1/models/churn/predict', payload: { rows: [row] }, headers: { 'x-request-id': 'fb-1' } });
    const label = p.json().predictions[0].prediction;
    const r = await s.app.inject({ method: 'POST', url: '/v1/models/churn/feedback', payload: { request_id: 'fb-1', label } });
    expect(r.statusCode).toBe(202);
    expect(r.json().recorded).toEqual({ request_id: 'fb-1', label });
    await s.context.predictionLog.flush();
    const logged = await s.store.query({ model: 'churn' });
    expect(logged.find((x) => x.requestId === 'fb-1')?.label).toBe(label);
    const reg = await s.app.inject({ method: 'POST', url: '/v1/models/pricing/feedback', payload: { request_id: 'x', label: 12.5, row_index: 0 } });
    expect(reg.statusCode).toBe(202);
  });

  it('rejects labels outside the classes, non-numbers for regression, missing ids, unknown models', async () => {
    const post = (url: string, payload: unknown) => s.app.inject({ method: 'POST', url, payload: payload as string });
    const bad = await post('/v1/models/churn/feedback', { request_id: 'fb-1', label: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("one of the model's classes");
    expect((await post('/v1/models/pricing/feedback', { request_id: 'x', label: 'high' })).statusCode).toBe(400);
    expect((await post('/v1/models/churn/feedback', { label: 'true' })).json().error.details).toEqual({ field: 'request_id' });
    expect((await post('/v1/models/churn/feedback', { request_id: 'x', label: 'true', row_index: -1 })).statusCode).toBe(400);
    expect((await post('/v1/models/nope/feedback', { request_id: 'x', label: 'true' })).statusCode).toBe(404);
  });
});
