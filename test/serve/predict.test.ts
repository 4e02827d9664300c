/**
 * POST /v1/models/{name}/predict through fastify.inject(): rows and columns bodies, agreement
 * with `modelwright predict`'s scorer, versions and aliases, explanations, request ids — and
 * every bad-input case, each a 4xx JSON error naming the row and field, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTableScorer } from '../../src/automl/load-model-ref.js';
import { Frame } from '../../src/data/frame/frame.js';
import { type ServeFixture, type TestServer, makeServeFixture, testServer } from './fixtures.js';

let fx: ServeFixture;
let s: TestServer;
let strict: TestServer;

beforeAll(async () => {
  fx = await makeServeFixture();
  s = await testServer({ models: [{ name: 'churn', ref: 'churn@champion', versions: ['2'] }, { ref: 'price' }], bodyLimit: 4096 });
  strict = await testServer({ models: [{ name: 'churn', ref: 'churn@champion', unknownCategory: 'reject', extraColumns: 'reject' }] });
});

afterAll(async () => {
  await s?.app.close();
  await strict?.app.close();
  fx?.close();
});

const rows = [
  { x1: 1, x2: 0.5, color: 'red' },
  { x1: 3.5, x2: null, color: 'blue' },
  { x1: 0.2, x2: 0.9, color: 'green' },
];

function post(srv: TestServer, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return srv.app.inject({ method: 'POST', url, payload: payload as string, headers });
}

describe('predict', () => {
  it('scores rows: labels, probabilities summing to 1, the same numbers as `modelwright predict`', async () => {
    const r = await post(s, '/v1/models/churn/predict', { rows });
    expect(r.statusCode).toBe(200);
    const j = r.json();
    expect(j.model).toEqual({ name: 'churn', version: 1 });
    expect(j.request_id).toBe(r.headers['x-request-id']);
    const ref = (await loadTableScorer(fx.churnFile)).score(Frame.fromRows(rows));
    const classes = Object.keys(j.predictions[0].probabilities);
    j.predictions.forEach((p: { prediction: string; probabilities: Record<string, number> }, i: number) => {
      expect(p.prediction).toBe(ref.row(i).prediction);
      for (const c of classes) expect(p.probabilities[c]).toBeCloseTo(ref.row(i)[`proba_${c}`] as number, 10);
      expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    });
  });

  it('scores columns and answers in columns', async () => {
    const columns = { x1: rows.map((r) => r.x1), x2: rows.map((r) => r.x2), color: rows.map((r) => r.color) };
    const byCols = (await post(s, '/v1/models/churn/predict', { columns })).json();
    const byRows = (await post(s, '/v1/models/churn/predict', { rows })).json();
    expect(byCols.predictions.prediction).toEqual(byRows.predictions.map((p: { prediction: string }) => p.prediction));
    const c = Object.keys(byRows.predictions[0].probabilities)[1];
    expect(byCols.predictions.probabilities[c]).toEqual(byRows.predictions.map((p: { probabilities: Record<string, number> }) => p.probabilities[c]));
  });

  it('serves regression values', async () => {
    const j = (await post(s, '/v1/models/price/predict', { rows })).json();
    expect(j.model.name).toBe('price');
    expect(j.predictions).toHaveLength(3);
    expect(typeof j.predictions[0].prediction).toBe('number');
    expect(j.predictions[0].probabilities).toBeUndefined();
  });

  it('pins versions and aliases: churn@2, churn@challenger (no), churn@champion, churn@1', async () => {
    expect((await post(s, '/v1/models/churn@2/predict', { rows })).json().model.version).toBe(2);
    expect((await post(s, '/v1/models/churn@champion/predict', { rows })).json().model.version).toBe(1);
    expect((await post(s, '/v1/models/churn@1/predict', { rows })).json().model.version).toBe(1);
    const r = await post(s, '/v1/models/churn@7/predict', { rows });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'MW_MODEL_NOT_FOUND' });
    expect(r.json().error.message).toContain("no served version or alias '7'");
  });

  it('adds SHAP contributions with ?explain=true (base + Σ = raw output)', async () => {
    const j = (await post(s, '/v1/models/churn/predict?explain=true', { rows })).json();
    const e = j.explanations;
    expect(e.method).toBe('tree_shap');
    expect(e.rows).toHaveLength(3);
    for (const row of e.rows) {
      const sum = Object.values(row.contributions as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(e.base_value + sum).toBeCloseTo(row.prediction_raw, 8);
    }
  });

  it('echoes a sane x-request-id and replaces an unsafe one', async () => {
    const r = await post(s, '/v1/models/churn/predict', { rows }, { 'x-request-id': 'client-42' });
    expect(r.headers['x-request-id']).toBe('client-42');
    expect(r.json().request_id).toBe('client-42');
    const bad = await post(s, '/v1/models/churn/predict', { rows }, { 'x-request-id': 'a b<script>' });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs every scored row with its request id, version, inputs and latency', async () => {
    const r = await post(s, '/v1/models/churn/predict', { rows }, { 'x-request-id': 'log-me' });
    expect(r.statusCode).toBe(200);
    await s.context.predictionLog.flush();
    const logged = s.store.rows.filter((x) => x.requestId === 'log-me');
    expect(logged).toHaveLength(3);
    expect(logged[1]).toMatchObject({ rowIndex: 1, model: 'churn', version: 1, shadow: false, features: { x1: 3.5, x2: null, color: 'blue' } });
    expect(logged[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect(Object.keys(logged[0].proba ?? {})).toHaveLength(2);
  });
});

/** Status, error code and message of a request that must fail. */
async function fails(srv: TestServer, url: string, payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const r = await srv.app.inject({ method: 'POST', url, payload: payload as string, headers });
  expect(r.statusCode).toBeGreaterThanOrEqual(400);
  expect(r.statusCode).toBeLessThan(500);
  const j = r.json();
  expect(j.request_id).toBe(r.headers['x-request-id']);
  expect(JSON.stringify(j)).not.toMatch(/\/tmp\/|\/work\/|at .*\.ts:\d+/); // no paths, no stacks
  return { status: r.statusCode, code: j.error.code as string, message: j.error.message as string, details: j.error.details };
}

describe('bad input → 4xx naming the row and field', () => {
  const url = '/v1/models/churn/predict';

  it('a missing column', async () => {
    const e = await fails(s, url, { rows: [rows[0], { x1: 1, color: 'red' }] });
    expect(e).toMatchObject({ status: 400, code: 'MW_SCHEMA_MISMATCH', details: { row: 1, field: 'x2' } });
    expect(e.message).toContain("Row 1 lacks the field 'x2'");
    const c = await fails(s, url, { columns: { x1: [1], color: ['red'] } });
    expect(c).toMatchObject({ status: 400, code: 'MW_SCHEMA_MISMATCH', details: { field: 'x2' } });
  });

  it('a wrong type', async () => {
    const e = await fails(s, url, { rows: [rows[0], rows[1], { x1: 'abc', x2: 1, color: 'red' }] });
    expect(e).toMatchObject({ status: 400, code: 'MW_SCHEMA_MISMATCH', details: { row: 2, field: 'x1' } });
    expect(e.message).toContain("Row 2, field 'x1': must be a number");
    expect((await fails(s, url, { rows: [{ x1: 1, x2: 1, color: { a: 1 } }] })).details).toMatchObject({ row: 0, field: 'color' });
    expect((await fails(s, url, { rows: [{ x1: true, x2: 1, color: 'red' }] })).code).toBe('MW_SCHEMA_MISMATCH');
    expect((await fails(s, url, { rows: ['not an object'] })).message).toContain('Row 0 must be an object');
  });

  it('an unknown category: treated as missing, or rejected by policy', async () => {
    const ok = await post(s, url, { rows: [{ x1: 1, x2: 0.5, color: 'purple' }] });
    expect(ok.statusCode).toBe(200);
    const asMissing = (await post(s, url, { rows: [{ x1: 1, x2: 0.5, color: null }] })).json();
    expect(ok.json().predictions).toEqual(asMissing.predictions);
    const e = await fails(strict, url, { rows: [rows[0], { x1: 1, x2: 0.5, color: 'gren' }] });
    expect(e).toMatchObject({ status: 400, code: 'MW_SERVE_UNKNOWN_CATEGORY', details: { row: 1, field: 'color', got: 'gren' } });
    expect(e.message).toContain("Did you mean 'green'");
  });

  it('extra columns: ignored, or rejected by policy', async () => {
    expect((await post(s, url, { rows: [{ ...rows[0], extra: 1 }] })).statusCode).toBe(200);
    const e = await fails(strict, url, { rows: [{ ...rows[0], colour: 'red' }] });
    expect(e).toMatchObject({ status: 400, code: 'MW_SERVE_EXTRA_COLUMN', details: { row: 0, field: 'colour' } });
    // The target is part of the model's schema, so it is not "extra".
    expect((await post(strict, url, { rows: [{ ...rows[0], y: 'yes' }] })).statusCode).toBe(200);
  });

  it('NaN / Infinity: bare JSON tokens and strings', async () => {
    const raw = '{"rows": [{"x1": 1, "x2": 0.5, "color": "red"}, {"x1": NaN, "x2": 1, "color": "red"}]}';
    const e = await fails(s, url, raw);
    expect(e).toMatchObject({ status: 400, code: 'MW_SERVE_BAD_REQUEST', details: { row: 1, field: 'x1', got: 'NaN' } });
    expect(e.message).toContain('send null for a missing value');
    const inf = await fails(s, url, '{"columns": {"x1": [1, -Infinity], "x2": [1, 2], "color": ["red", "red"]}}');
    expect(inf).toMatchObject({ details: { row: 1, field: 'x1', got: '-Infinity' } });
    const str = await fails(s, url, { rows: [{ x1: 'Infinity', x2: 1, color: 'red' }] });
    expect(str).toMatchObject({ code: 'MW_SERVE_BAD_REQUEST', details: { row: 0, field: 'x1' } });
    // "NaN" inside a string value of a categorical field is just an (unknown) category.
    expect((await post(s, url, { rows: [{ x1: 1, x2: 1, color: 'NaN' }] })).statusCode).toBe(200);
  });

  it('an empty body, empty rows, the wrong shape, invalid JSON', async () => {
    expect(await fails(s, url, '')).toMatchObject({ status: 400, code: 'MW_SERVE_BAD_REQUEST' });
    expect((await s.app.inject({ method: 'POST', url })).json().error.message).toContain('empty');
    expect((await fails(s, url, { rows: [] })).message).toContain('"rows" is empty');
    expect((await fails(s, url, { columns: {} })).message).toContain('no rows');
    expect((await fails(s, url, { data: [] })).message).toContain('needs "rows" or "columns"');
    expect((await fails(s, url, [1, 2])).message).toContain('must be a JSON object');
    expect((await fails(s, url, '{"rows": [')).message).toContain('not valid JSON');
    expect((await fails(s, url, { columns: { x1: [1, 2], x2: [1], color: ['a', 'b'] } })).message).toContain("has 1 values but column 'x1' has 2");
  });

  it('a body over the limit → 413; another media type → 415', async () => {
    const big = { rows: Array.from({ length: 200 }, () => rows[0]) };
    expect(await fails(s, url, big)).toMatchObject({ status: 413, code: 'MW_SERVE_BODY_TOO_LARGE' });
    expect(await fails(s, url, 'x1=1', { 'content-type': 'text/plain' })).toMatchObject({ status: 415, code: 'MW_SERVE_UNSUPPORTED_MEDIA_TYPE' });
  });

  it('an unknown model → 404 with suggestions; an unknown route → 404', async () => {
    const e = await fails(s, '/v1/models/chrun/predict', { rows });
    expect(e).toMatchObject({ status: 404, code: 'MW_MODEL_NOT_FOUND' });
    expect(e.message).toContain("Did you mean 'churn'");
    expect(await fails(s, '/v1/nothing', {})).toMatchObject({ status: 404, code: 'MW_SERVE_ROUTE_NOT_FOUND' });
  });
});
