/**
 * @module bench/serve/paced-load
 * An open-loop load at a steady rate, as a cross-check of autocannon's `overallRate`:
 * autocannon paces per second (each connection sends its quota back to back at the start of
 * every second, then waits), so at "70% load" the server is saturated for 0.7 s of each second
 * and latency reflects that burst. Here request k is sent at k / rate seconds (fired from a
 * 1 ms timer, so at most a millisecond's worth at once) over a pool of keep-alive
 * connections, whether or not earlier answers arrived — the arrival pattern of independent
 * clients. Only ever to 127.0.0.1, bounded by duration.
 */
import { Agent, request } from 'node:http';

export interface PacedResult {
  readonly rate: number;
  readonly seconds: number;
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly p999: number; readonly max: number };
}

export async function pacedLoad(url: string, bodies: readonly string[], rate: number, seconds: number, maxSockets = 64): Promise<PacedResult> {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`load only goes to 127.0.0.1, not ${url}`);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const times: number[] = [];
  let sent = 0;
  let errors = 0;
  let pending = 0;
  const total = Math.round(rate * seconds);
  const fire = (): void => {
    const body = bodies[sent % bodies.length];
    sent++;
    pending++;
    const t0 = performance.now();
    const req = request({ agent, host: '127.0.0.1', port: Number(u.port), path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) times.push(performance.now() - t0);
        else errors++;
        pending--;
      });
    });
    req.on('error', () => {
      errors++;
      pending--;
    });
    req.end(body);
  };
  await new Promise<void>((resolve) => {
    const start = performance.now();
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent < due) fire();
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  const deadline = performance.now() + 10_000;
  while (pending > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  agent.destroy();
  const sorted = Float64Array.from(times).sort();
  const q = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN) * 1000) / 1000;
  return { rate, seconds, sent, ok: times.length, errors: errors + pending, latencyMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), p999: q(0.999), max: q(1) } };
}
