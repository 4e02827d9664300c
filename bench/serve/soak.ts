/**
 * @module bench/serve/soak
 * The soak: a bounded run at a fixed rate, in 10-second windows, recording per window the
 * requests, errors, non-2xx answers, p99 latency and the resident memory of every server
 * process. "Flat memory" is judged on the total RSS: its growth from the first minute's
 * median to the last minute's median, and a least-squares slope over the second half.
 */
import { type LoadOptions, runLoad } from './load.js';
import { type BenchServer, rssMiB } from './servers.js';

export interface SoakWindow {
  readonly t: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly p99Ms: number;
  readonly rssMiB: number;
}

export interface SoakResult {
  readonly seconds: number;
  readonly rate: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly windows: readonly SoakWindow[];
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  /** MiB per minute over the second half (least squares). */
  readonly rssSlopeMiBPerMin: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function soak(server: BenchServer, load: Omit<LoadOptions, 'seconds' | 'url'>, seconds: number, window = 10, onWindow?: (w: SoakWindow) => void): Promise<SoakResult> {
  const windows: SoakWindow[] = [];
  let t = 0;
  while (t < seconds) {
    const len = Math.min(window, seconds - t);
    const r = await runLoad({ ...load, url: server.url, seconds: len });
    t += len;
    const rss = server.pids().reduce((s, pid) => s + rssMiB(pid), 0);
    const w = { t, requests: r.requests, errors: r.errors + r.timeouts, non2xx: r.non2xx, p99Ms: r.latencyMs.p99, rssMiB: Math.round(rss * 10) / 10 };
    windows.push(w);
    onWindow?.(w);
  }
  const first = windows.filter((w) => w.t <= 60).map((w) => w.rssMiB);
  const last = windows.filter((w) => w.t > seconds - 60).map((w) => w.rssMiB);
  const half = windows.filter((w) => w.t > seconds / 2);
  const mx = half.reduce((s, w) => s + w.t, 0) / Math.max(1, half.length);
  const my = half.reduce((s, w) => s + w.rssMiB, 0) / Math.max(1, half.length);
  const sxy = half.reduce((s, w) => s + (w.t - mx) * (w.rssMiB - my), 0);
  const sxx = half.reduce((s, w) => s + (w.t - mx) ** 2, 0);
  return {
    seconds,
    rate: load.rate ?? 0,
    requests: windows.reduce((s, w) => s + w.requests, 0),
    errors: windows.reduce((s, w) => s + w.errors, 0),
    non2xx: windows.reduce((s, w) => s + w.non2xx, 0),
    windows,
    rssStartMiB: median(first),
    rssEndMiB: median(last),
    rssSlopeMiBPerMin: sxx > 0 ? Math.round((sxy / sxx) * 60 * 100) / 100 : 0,
  };
}
