/**
 * @module bench/serve/servers
 * Starting and stopping the two servers the benchmark compares, each as its own process group
 * on 127.0.0.1: ours (`modelwright serve`, from the TypeScript sources through tsx, with
 * `--workers N`) and the Flask peer (flask_server.py on Debian's /usr/bin/python3). Knows
 * their process ids, so the soak can read their resident memory from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../common/machine.js';

export interface BenchServer {
  readonly name: string;
  readonly url: string;
  /** Every process that serves (primary and workers), for RSS. */
  readonly pids: () => number[];
  readonly info: Record<string, unknown>;
  /** Whether it keeps connections open (Werkzeug's dev server answers HTTP/1.0 and closes). */
  readonly keepAlive: boolean;
  stop(): Promise<number | null>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MiB (0 when it is gone). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system, all threads) used so far by the processes `pids`. */
export function cpuSeconds(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
    } catch {
      // gone
    }
  }
  return total;
}

function jsonLines(child: ChildProcess, onLine: (l: Record<string, unknown>) => void): void {
  let buf = '';
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.startsWith('{')) onLine(JSON.parse(line));
    }
  });
}

function stopper(child: ChildProcess): () => Promise<number | null> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', (code) => {
        clearTimeout(kill);
        resolve(code);
      });
      child.kill('SIGTERM');
    });
}

function waitReady(child: ChildProcess, ready: Promise<void>, what: string, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 180 s: ${stderr()}`)), 180_000);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}: ${stderr()}`)));
    ready.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** `modelwright serve --model FILE --workers N` on a free port; resolves once every worker listens. */
export async function startOurs(modelFile: string, workers: number, home: string, configFile: string): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/serve/cli-entry.ts'), 'serve', '--model', `gbdt=${modelFile}`, '--config', configFile, '--host', '127.0.0.1', '--port', String(port), '--workers', String(workers)], {
    cwd: repoRoot,
    env: { ...process.env, MODELWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const workerPids = new Set<number>();
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  jsonLines(child, (l) => {
    if (l.msg === 'listening') {
      workerPids.add(l.pid as number);
      if (workerPids.size === workers) markReady();
    }
  });
  await waitReady(child, ready, 'modelwright serve', () => err);
  const pids = () => [...new Set([child.pid as number, ...workerPids])];
  return { name: `modelwright serve --workers ${workers}`, url: `http://127.0.0.1:${port}/v1/models/gbdt/predict`, pids, info: { workers }, keepAlive: true, stop: stopper(child) };
}

/** The Flask + scikit-learn peer on a free port; resolves once /healthz answers. */
export async function startFlask(dataDir: string): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn('/usr/bin/python3', [join(repoRoot, 'bench/serve/flask_server.py'), '--dir', dataDir, '--port', String(port)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  let info: Record<string, unknown> = {};
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  jsonLines(child, (l) => {
    if (l.ready) {
      info = l;
      const poll = (): void => {
        fetch(`http://127.0.0.1:${port}/healthz`).then((r) => (r.ok ? markReady() : setTimeout(poll, 100)), () => setTimeout(poll, 100));
      };
      poll();
    }
  });
  await waitReady(child, ready, 'flask_server.py', () => err);
  return { name: 'Flask + scikit-learn (threaded Werkzeug dev server)', url: `http://127.0.0.1:${port}/predict`, pids: () => [child.pid as number], info, keepAlive: false, stop: stopper(child) };
}
