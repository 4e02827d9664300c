/**
 * POST /v1/models/{name}/predict-batch through fastify.inject(): NDJSON and CSV in, the same
 * format out, equal to /predict row by row; ?keep; errors before output (4xx JSON) and after
 * (an NDJSON error line); the batch body limit; per-row log sampling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvRecordReader } from '../../src/serve/batch/csv-records.js';
import { type ServeFixture, type TestServer, makeServeFixture, testServer } from './fixtures.js';

let fx: ServeFixture;
let s: TestServer;

beforeAll(async () => {
  fx = await makeServeFixture();
  s = await testServer({ models: [{ name: 'churn', ref: 'churn@champion' }], batchBodyLimit: 2_000_000, logSampling: 0.5 });
});

afterAll(async () => {
  await s?.app.close();
  fx?.close();
});

const colors = ['red', 'green', 'blue'];
const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, x1: (i % 40) / 10, x2: i % 5 === 0 ? null : (i % 9) / 9, color: colors[i % 3] }));
const batch = (payload: string, type: string, query = '') => s.app.inject({ method: 'POST', url: `/v1/models/churn/predict-batch${query}`, payload, headers: { 'content-type': type } });

describe('predict-batch', () => {
  it('NDJSON in → NDJSON out, the same answers as /predict, over several internal batches', async () => {
    const rows = rowsOf(9000); // > 2 batches of 4096
    const r = await batch(rows.map((x) => JSON.stringify(x)).join('\n'), 'application/x-ndjson', '?keep=id');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(9000);
    expect(lines[8999].id).toBe(8999);
    const single = (await s.app.inject({ method: 'POST', url: '/v1/models/churn/predict', payload: { rows: rows.slice(0, 50) } })).json();
    for (let i = 0; i < 50; i++) {
      expect(lines[i].prediction).toBe(single.predictions[i].prediction);
      expect(lines[i].probabilities).toEqual(single.predictions[i].probabilities);
    }
  });

  it('CSV in → CSV out with a header, quoted fields and CRLF accepted', async () => {
    const rows = rowsOf(10);
    const csv = `id,x1,x2,color\r\n${rows.map((x) => `${x.id},${x.x1},${x.x2 ?? ''},"${x.color}"`).join('\r\n')}`;
    const r = await batch(csv, 'text/csv', '?keep=id');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    const out = r.body.trim().split('\n');
    expect(out[0]).toMatch(/^id,prediction,proba_\w+,proba_\w+$/);
    expect(out).toHaveLength(11);
    const nd = (await batch(rows.map((x) => JSON.stringify(x)).join('\n'), 'application/x-ndjson')).body.trim().split('\n').map((l) => JSON.parse(l));
    out.slice(1).forEach((line, i) => expect(line.split(',')[1]).toBe(nd[i].prediction));
  });

  it('a bad row in the first batch → 400 JSON naming the row and field', async () => {
    const lines = [JSON.stringify({ x1: 1, x2: 1, color: 'red' }), JSON.stringify({ x1: 'x', x2: 1, color: 'red' })];
    const r = await batch(lines.join('\n'), 'application/x-ndjson');
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'MW_SCHEMA_MISMATCH', details: { row: 1, field: 'x1' } });
    const nan = await batch('{"x1": NaN, "x2": 1, "color": "red"}', 'application/x-ndjson');
    expect(nan.json().error).toMatchObject({ code: 'MW_SERVE_BAD_REQUEST', details: { row: 0, field: 'x1' } });
    const ragged = await batch('x1,x2,color\n1,2\n', 'text/csv');
    expect(ragged.json().error).toMatchObject({ code: 'MW_DATA_RAGGED_ROW', details: { row: 0 } });
    const csvType = await batch('x1,x2,color\nabc,1,red\n', 'text/csv');
    expect(csvType.json().error.details).toMatchObject({ row: 0, field: 'x1' });
    expect((await batch('x1,color\n1,red\n', 'text/csv')).json().error.details).toMatchObject({ row: 0, field: 'x2' });
  });

  it('a bad row after output began → the stream ends with an NDJSON error line', async () => {
    const rows = rowsOf(5000).map((x) => JSON.stringify(x));
    rows[4500] = JSON.stringify({ x1: 'oops', x2: 1, color: 'red' });
    const r = await batch(rows.join('\n'), 'application/x-ndjson');
    expect(r.statusCode).toBe(200);
    const lines = r.body.trim().split('\n');
    expect(lines).toHaveLength(4097);
    expect(JSON.parse(lines[4096]).error).toMatchObject({ code: 'MW_SCHEMA_MISMATCH', details: { row: 4500, field: 'x1' } });
  });

  it('an empty body, another media type, a body over the batch limit', async () => {
    expect((await batch('', 'application/x-ndjson')).body).toBe('');
    expect((await batch('a', 'text/plain')).statusCode).toBe(415);
    const big = rowsOf(40_000).map((x) => JSON.stringify(x)).join('\n'); // > 2 MB
    const r = await batch(big, 'application/x-ndjson');
    expect([200, 413]).toContain(r.statusCode);
    const text = r.statusCode === 413 ? r.json().error.code : JSON.parse(r.body.trim().split('\n').at(-1) as string).error.code;
    expect(text).toBe('MW_SERVE_BODY_TOO_LARGE');
  });

  it('samples logged rows one by one (logSampling 0.5)', async () => {
    const before = s.store.rows.length;
    await s.context.predictionLog.flush();
    const r = await s.app.inject({ method: 'POST', url: '/v1/models/churn/predict-batch', payload: rowsOf(2000).map((x) => JSON.stringify(x)).join('\n'), headers: { 'content-type': 'application/x-ndjson', 'x-request-id': 'sampled' } });
    expect(r.statusCode).toBe(200);
    await s.context.predictionLog.flush();
    const logged = s.store.rows.slice(before).filter((x) => x.requestId === 'sampled');
    // Binomial(2000, 0.5): sd ≈ 22, so ±150 is a > 6 sd band; rows keep their positions.
    expect(Math.abs(logged.length - 1000)).toBeLessThan(150);
    expect(new Set(logged.map((x) => x.rowIndex)).size).toBe(logged.length);
  });
});

describe('CsvRecordReader', () => {
  it('reads quotes, doubled quotes, embedded delimiters and line breaks across chunks', () => {
    const text = 'a,b\r\n"x, y","he said ""hi"""\n"multi\nline",3\nlast,4';
    const reader = new CsvRecordReader();
    const out: string[][] = [];
    for (let i = 0; i < text.length; i += 3) out.push(...reader.push(text.slice(i, i + 3)));
    out.push(...reader.end());
    expect(out).toEqual([['a', 'b'], ['x, y', 'he said "hi"'], ['multi\nline', '3'], ['last', '4']]);
  });
});
