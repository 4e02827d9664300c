/**
 * The small policies of the server, unit by unit: API keys (hashed, Bearer), token buckets,
 * the canary hash, JSON parsing with NaN/Infinity, error → HTTP mapping (no paths, no
 * internals), and the buffered prediction-log writer (batched, bounded, flushed on close).
 */
import { describe, expect, it } from 'vitest';
import { DataError, ModelwrightError } from '../../src/errors.js';
import type { LoggedPrediction } from '../../src/monitor/log-store/types.js';
import { ApiKeyAuth, hashApiKeys, sha256Hex } from '../../src/serve/auth.js';
import { scrubPaths, toHttpError } from '../../src/serve/http-errors.js';
import { MemoryLogStore } from '../../src/serve/memory-log-store.js';
import { NON_FINITE_MARK, parseJsonBody } from '../../src/serve/parse-json-body.js';
import { PredictionLogger } from '../../src/serve/prediction-logger.js';
import { RateLimiter } from '../../src/serve/rate-limit.js';
import { hashUnit, routesToCanary, sampledForLog } from '../../src/serve/traffic.js';

describe('API keys', () => {
  it('keeps only hashes and checks Bearer tokens', () => {
    expect(hashApiKeys(['s3cret', `sha256:${'A'.repeat(64)}`])).toEqual([sha256Hex('s3cret'), 'a'.repeat(64)]);
    expect(() => hashApiKeys(['sha256:abc'])).toThrow(/64 hex digits/);
    const auth = new ApiKeyAuth(['s3cret']);
    expect(auth.enabled).toBe(true);
    expect(auth.check('Bearer s3cret')).toBe(sha256Hex('s3cret').slice(0, 12));
    expect(() => auth.check(undefined)).toThrow(expect.objectContaining({ code: 'MW_SERVE_UNAUTHORIZED' }));
    expect(() => auth.check('Token s3cret')).toThrow(expect.objectContaining({ code: 'MW_SERVE_UNAUTHORIZED' }));
    expect(() => auth.check('Bearer nope')).toThrow(expect.objectContaining({ code: 'MW_SERVE_FORBIDDEN' }));
    expect(new ApiKeyAuth([]).enabled).toBe(false);
  });
});

describe('rate limit', () => {
  it('allows a burst, then the sustained rate, per client', () => {
    let t = 0;
    const rl = new RateLimiter({ requestsPerSecond: 2, burst: 3 }, () => t);
    expect([rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([0, 0, 0]);
    expect(rl.take('a')).toBeCloseTo(0.5, 6);
    expect(rl.take('b')).toBe(0);
    t = 500; // half a second refills one token
    expect(rl.take('a')).toBe(0);
    expect(rl.take('a')).toBeGreaterThan(0);
  });

  it('reports the tokens it took and deducts those taken in other workers', () => {
    let t = 0;
    const a = new RateLimiter({ requestsPerSecond: 1, burst: 4 }, () => t);
    const b = new RateLimiter({ requestsPerSecond: 1, burst: 4 }, () => t);
    a.trackUsage();
    a.take('k');
    a.take('k');
    a.take('j');
    expect(Object.fromEntries(a.drainUsage())).toEqual({ k: 2, j: 1 });
    expect(a.drainUsage().size).toBe(0);
    b.absorb('k', 3); // worker a spent 3 of k's 4 tokens
    expect(b.take('k')).toBe(0);
    expect(b.take('k')).toBeCloseTo(1, 6);
    b.absorb('k', 100); // never below −burst: at most 2 × burst seconds to wait
    expect(b.take('k')).toBeCloseTo(5, 6);
    t = 5000;
    expect(b.take('k')).toBe(0);
  });
});

describe('traffic', () => {
  it('hashes ids uniformly and deterministically', () => {
    expect(hashUnit('abc')).toBe(hashUnit('abc'));
    expect(hashUnit('abc', 1)).not.toBe(hashUnit('abc'));
    const n = 20_000;
    let hits = 0;
    for (let i = 0; i < n; i++) if (routesToCanary(`r${i}`, 0.3)) hits++;
    // Binomial(20000, 0.3): sd ≈ 65; ±400 is > 6 sd.
    expect(Math.abs(hits - 0.3 * n)).toBeLessThan(400);
    expect(routesToCanary('x', 0)).toBe(false);
    expect(routesToCanary('x', 1)).toBe(true);
    expect(sampledForLog('x', 1)).toBe(true);
    expect(sampledForLog('x', 0)).toBe(false);
  });
});

describe('JSON bodies', () => {
  it('marks bare NaN/Infinity tokens outside strings, leaves strings alone', () => {
    expect(parseJsonBody('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN Infinity"}')).toEqual({
      a: `${NON_FINITE_MARK}NaN`,
      b: [`${NON_FINITE_MARK}Infinity`, `${NON_FINITE_MARK}-Infinity`],
      c: 'NaN Infinity',
    });
    expect(() => parseJsonBody('')).toThrow(/empty/);
    expect(() => parseJsonBody('{"a": Nan}')).toThrow(/not valid JSON/);
    expect(() => parseJsonBody('{"a": "\\u0000mw"')).toThrow(/not valid JSON/);
  });
});

describe('errors as HTTP', () => {
  it('maps catalog codes to statuses and hides internals and paths', () => {
    const e = toHttpError(new DataError('MW_SERVE_BAD_REQUEST', "Could not read '/srv/models/x.json'", { details: { file: '/srv/models/x.json' } }), 'r1');
    expect(e.status).toBe(400);
    expect(e.body.error.message).toBe("Could not read '<path>'");
    expect(e.body.error.details).toEqual({ file: '<path>' });
    const internal = toHttpError(new Error('secret at /srv/app.ts:12'), 'r2');
    expect(internal).toMatchObject({ status: 500, internal: true, body: { error: { code: 'MW_INTERNAL', message: 'Internal server error.' }, request_id: 'r2' } });
    expect(toHttpError(new ModelwrightError('MW_TRAIN_FAILED', 'boom in /x/y.ts'), 'r3').body.error.message).toBe('Internal server error.');
    expect(toHttpError(Object.assign(new Error('Request body is too large'), { statusCode: 413 }), 'r4')).toMatchObject({ status: 413, body: { error: { code: 'MW_SERVE_BODY_TOO_LARGE' } } });
    expect(scrubPaths('C:\\models\\a.json and /tmp/x/y')).toBe('<path> and <path>');
  });
});

describe('prediction-log writer', () => {
  const row = (i: number): LoggedPrediction => ({ requestId: `r${i}`, rowIndex: 0, timestamp: i, model: 'm', version: 1, features: { x: i }, prediction: 1, latencyMs: 0.1, shadow: false });

  it('batches rows into few appends, off the caller, and flushes on close', async () => {
    const store = new MemoryLogStore();
    const outcomes: Record<string, number> = {};
    const log = new PredictionLogger(store, { flushMs: 10_000, flushRows: 100, onFlushed: (o, n) => (outcomes[o] = (outcomes[o] ?? 0) + n) });
    for (let i = 0; i < 250; i++) log.push([row(i)]);
    expect(store.rows.length).toBeLessThanOrEqual(250); // push never writes synchronously
    await log.flush();
    await log.close();
    expect(store.rows).toHaveLength(250);
    expect(store.appendCalls).toBeLessThanOrEqual(4);
    expect(outcomes.written).toBe(250);
    log.push([row(999)]); // after close: ignored
    expect(store.rows).toHaveLength(250);
  });

  it('drops and counts rows beyond its bound while the store is stuck', async () => {
    let release: () => void = () => undefined;
    const store = new MemoryLogStore();
    const stuck = { ...store, append: () => new Promise<void>((r) => (release = r)), appendFeedback: async () => undefined, query: store.query.bind(store), close: async () => undefined };
    const outcomes: Record<string, number> = {};
    const log = new PredictionLogger(stuck, { flushMs: 1, flushRows: 10, maxBuffered: 50, onFlushed: (o, n) => (outcomes[o] = (outcomes[o] ?? 0) + n) });
    for (let i = 0; i < 10; i++) log.push([row(i)]); // triggers a flush that hangs
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 100; i++) log.push([row(i)]);
    expect(outcomes.dropped).toBe(50);
    release();
  });
});
