/**
 * @module bench/serve/load
 * Load generation with autocannon (programmatic API), only ever against 127.0.0.1, bounded by
 * duration: `maxThroughput` (as many requests as the server answers, many connections) and
 * `atRate` (a fixed overall rate, autocannon's `overallRate`). Latencies are recorded twice:
 * autocannon's own percentiles (whole milliseconds, corrected for coordinated omission) and
 * the raw response times of every request at microsecond resolution (from its 'response'
 * events), from which p50/p99 are exact.
 */
import autocannon from 'autocannon';

export interface LoadResult {
  readonly seconds: number;
  readonly connections: number;
  readonly targetRate: number | null;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** Raw response times (ms), exact percentiles. */
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly p999: number; readonly max: number; readonly mean: number };
  /** autocannon's percentiles (ms; integer resolution, coordinated-omission corrected). */
  readonly autocannonMs: { readonly p50: number; readonly p99: number };
}

export interface LoadOptions {
  readonly url: string;
  /** Request bodies, cycled through by each connection. */
  readonly bodies: readonly string[];
  readonly seconds: number;
  readonly connections: number;
  /** Requests per second over all connections (omit: as fast as possible). */
  readonly rate?: number;
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Run one load phase against a local URL. */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  if (!opts.url.startsWith('http://127.0.0.1:')) throw new Error(`load only goes to 127.0.0.1, not ${opts.url}`);
  const times: number[] = [];
  const instance = autocannon({
    url: opts.url,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    headers: { 'content-type': 'application/json' },
    requests: opts.bodies.map((body) => ({ method: 'POST', body })),
    ...(opts.rate ? { overallRate: Math.max(1, Math.round(opts.rate)) } : {}),
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
  });
  const r = await instance;
  const sorted = Float64Array.from(times).sort();
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    seconds: opts.seconds,
    connections: opts.connections,
    targetRate: opts.rate ?? null,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.total / opts.seconds),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    latencyMs: { p50: round(quantile(sorted, 0.5)), p90: round(quantile(sorted, 0.9)), p99: round(quantile(sorted, 0.99)), p999: round(quantile(sorted, 0.999)), max: round(sorted[sorted.length - 1] ?? Number.NaN), mean: round(mean) },
    autocannonMs: { p50: r.latency.p50, p99: r.latency.p99 },
  };
}
