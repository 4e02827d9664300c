/**
 * @module bench/serve/paced-load
 * An open-loop load at a steady rate, as a cross-check of autocannon's `overallRate`:
 * autocannon paces per second (each connection sends its quota back to back at the start of
 * every second, then waits), so at "70% load" the server is saturated for 0.7 s of each second
 * and latency reflects that burst. Here request k is sent at k / rate seconds (fired from a
 * 1 ms timer, so at most a millisecond's worth at once) whether or not earlier answers
 * arrived — the arrival pattern of independent clients.
 *
 * The client is as light as autocannon's, so it does not steal the server's CPU: raw
 * keep-alive sockets, requests prebuilt as buffers, responses framed by Content-Length.
 * Requests go round-robin over the sockets; one sent while its socket still waits for an
 * answer is pipelined (HTTP/1.1), and its latency includes that wait — queueing is measured,
 * not hidden. A server that closes every connection (Werkzeug's dev server speaks HTTP/1.0)
 * gets a new connection per request instead, connect time included, as any client would.
 * Only ever to 127.0.0.1, bounded by duration.
 */
import { type Socket, connect } from 'node:net';

export interface PacedResult {
  readonly rate: number;
  readonly seconds: number;
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly p999: number; readonly max: number };
}

interface Conn {
  readonly socket: Socket;
  /** Send times of requests awaiting their answer, oldest first. */
  readonly sentAt: number[];
  buf: Buffer;
}

/** Complete responses at the start of `c.buf` (status, or -1 when incomplete). */
function takeResponse(c: Conn): number {
  const end = c.buf.indexOf('\r\n\r\n');
  if (end < 0) return -1;
  const head = c.buf.toString('latin1', 0, end);
  const m = /content-length:\s*(\d+)/i.exec(head);
  const len = m ? Number(m[1]) : 0;
  if (c.buf.length < end + 4 + len) return -1;
  c.buf = c.buf.subarray(end + 4 + len);
  return Number(head.slice(9, 12));
}

/** One request on its own connection (for servers without keep-alive). */
function oneShot(port: number, request: Buffer, done: (status: number, ms: number) => void): void {
  const t0 = performance.now();
  const c: Conn = { socket: connect(port, '127.0.0.1'), sentAt: [t0], buf: Buffer.alloc(0) };
  let finished = false;
  const finish = (status: number): void => {
    if (finished) return;
    finished = true;
    c.socket.destroy();
    done(status, performance.now() - t0);
  };
  c.socket.on('connect', () => c.socket.write(request));
  c.socket.on('data', (d: Buffer) => {
    c.buf = c.buf.length ? Buffer.concat([c.buf, d]) : d;
    const status = takeResponse(c);
    if (status >= 0) finish(status);
  });
  c.socket.on('error', () => finish(0));
  c.socket.on('close', () => finish(0));
}

export async function pacedLoad(url: string, bodies: readonly string[], rate: number, seconds: number, options: { sockets?: number; keepAlive?: boolean } = {}): Promise<PacedResult> {
  const sockets = options.sockets ?? 32;
  const keepAlive = options.keepAlive ?? true;
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`load only goes to 127.0.0.1, not ${url}`);
  const requests = bodies.map((b) => Buffer.from(`POST ${u.pathname} HTTP/1.1\r\nHost: 127.0.0.1:${u.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`));
  const times: number[] = [];
  let errors = 0;
  let inFlight = 0;
  const conns: Conn[] = await Promise.all(
    Array.from({ length: keepAlive ? sockets : 0 }, () =>
      new Promise<Conn>((resolve, reject) => {
        const socket = connect(Number(u.port), '127.0.0.1', () => resolve(c));
        const c: Conn = { socket, sentAt: [], buf: Buffer.alloc(0) };
        socket.setNoDelay(true);
        socket.on('error', reject);
        socket.on('data', (d: Buffer) => {
          c.buf = c.buf.length ? Buffer.concat([c.buf, d]) : d;
          for (let status = takeResponse(c); status >= 0; status = takeResponse(c)) {
            const t0 = c.sentAt.shift() as number;
            if (status === 200) times.push(performance.now() - t0);
            else errors++;
          }
        });
      }),
    ),
  );
  const total = Math.round(rate * seconds);
  let sent = 0;
  await new Promise<void>((resolve) => {
    const start = performance.now();
    const tick = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent < due) {
        const request = requests[sent % requests.length];
        if (keepAlive) {
          const c = conns[sent % conns.length];
          c.sentAt.push(performance.now());
          c.socket.write(request);
        } else {
          inFlight++;
          oneShot(Number(u.port), request, (status, ms) => {
            inFlight--;
            if (status === 200) times.push(ms);
            else errors++;
          });
        }
        sent++;
      }
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  const deadline = performance.now() + 10_000;
  while ((inFlight > 0 || conns.some((c) => c.sentAt.length > 0)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const unanswered = inFlight + conns.reduce((s, c) => s + c.sentAt.length, 0);
  for (const c of conns) c.socket.destroy();
  const sorted = Float64Array.from(times).sort();
  const q = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN) * 1000) / 1000;
  return { rate, seconds, sent, ok: times.length, errors: errors + unanswered, latencyMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), p999: q(0.999), max: q(1) } };
}
