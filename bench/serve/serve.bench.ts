/**
 * @module bench/serve/serve.bench
 * The serve benchmark: single-row prediction requests over loopback, our server against a
 * Flask + scikit-learn server, in one run on the same machine.
 *
 *   1. data: bench/gbdt's generator (default 100k rows × 28 features, binary; 80% train)
 *   2. models: our GBDT and sklearn's HistGradientBoostingClassifier, same settings (100 trees,
 *      31 leaves, 255 bins, lr 0.1); ours saved as a `fit` model file, sklearn's pickled in
 *      the temp dir (flask_server.py)
 *   3. per server (ours with each --workers setting, then Flask): 3 s warm-up, max throughput
 *      (`--seconds` at `--connections`), then latency at 70% of that rate — with autocannon's
 *      overallRate, and open loop at the same rate (paced-load.ts, see there why both)
 *   4. soak: ours at its best setting, 70% of its max rate, `--soak-seconds` (default 600)
 *      in 10 s windows: errors and RSS over time
 *
 *   npx tsx bench/serve/serve.bench.ts [--rows 100000] [--seconds 10] [--connections 32]
 *       [--latency-connections 8] [--workers 1,2] [--soak-seconds 600] [--log-sampling 1]
 *       [--skip-flask] [--out serve]
 *
 * Every request goes to 127.0.0.1; every phase is bounded in time. The load generator
 * (autocannon, in this process) shares the machine's cores with the server under test.
 * Writes bench/results/<out>.json and .md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { commandLine, machineFacts, repoRoot } from '../common/machine.js';
import { makeBenchData } from '../gbdt/make-data.js';
import { type LoadResult, runLoad } from './load.js';
import { type PacedResult, pacedLoad } from './paced-load.js';
import { renderServeMarkdown } from './report.js';
import { type BenchServer, cpuSeconds, startFlask, startOurs } from './servers.js';
import { type SoakResult, soak } from './soak.js';
import { requestRows, trainServeModel } from './train-model.js';

export interface ServerResult {
  readonly name: string;
  readonly info: Record<string, unknown>;
  readonly max: LoadResult;
  readonly at70: LoadResult;
  /** The same 70% rate, open loop (paced-load.ts). */
  readonly paced70: PacedResult;
  /** Server CPU time per request during the max-throughput phase (all its processes and threads). */
  readonly cpuMsPerRequest: number;
}

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'latency-connections': { type: 'string', default: '8' },
    workers: { type: 'string', default: '1,2' },
    'soak-seconds': { type: 'string', default: '600' },
    'log-sampling': { type: 'string', default: '1' },
    'skip-flask': { type: 'boolean', default: false },
    out: { type: 'string', default: 'serve' },
  },
});
const rows = Number(values.rows);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
// autocannon paces per second, so at a fixed rate each second starts with a burst whose depth is
// the connection count; 8 concurrent clients keep that burst realistic (the open-loop run does
// not depend on it).
const latencyConnections = Number(values['latency-connections']);
const workerSettings = (values.workers ?? '1,2').split(',').map(Number);
const soakSeconds = Number(values['soak-seconds']);

async function measure(server: BenchServer, bodies: string[]): Promise<ServerResult> {
  const log = (m: string) => process.stderr.write(`[serve bench] ${server.name}: ${m}\n`);
  await runLoad({ url: server.url, bodies, seconds: 3, connections }); // warm-up (JIT, caches, connections)
  const cpu0 = cpuSeconds(server.pids());
  const max = await runLoad({ url: server.url, bodies, seconds, connections });
  const cpuMsPerRequest = Math.round(((cpuSeconds(server.pids()) - cpu0) / Math.max(1, max.requests)) * 1e6) / 1000;
  log(`max ${max.requestsPerSecond} req/s (errors ${max.errors}, non-2xx ${max.non2xx}); server CPU ${cpuMsPerRequest} ms/request`);
  const at70 = await runLoad({ url: server.url, bodies, seconds, connections: latencyConnections, rate: 0.7 * max.requestsPerSecond });
  log(`at 70% (${at70.requestsPerSecond} req/s): p50 ${at70.latencyMs.p50} ms, p99 ${at70.latencyMs.p99} ms`);
  const paced70 = await pacedLoad(server.url, bodies, 0.7 * max.requestsPerSecond, seconds, { keepAlive: server.keepAlive });
  log(`at 70%, open loop (${paced70.ok} ok, ${paced70.errors} errors): p50 ${paced70.latencyMs.p50} ms, p99 ${paced70.latencyMs.p99} ms`);
  return { name: server.name, info: server.info, max, at70, paced70, cpuMsPerRequest };
}

async function main(): Promise<void> {
  const machine = machineFacts();
  const dir = join(tmpdir(), `modelwright-serve-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const say = (m: string) => process.stderr.write(`[serve bench] ${m}\n`);
  try {
    say(`data: ${rows} rows in ${dir}`);
    makeBenchData(dir, rows);
    const modelFile = join(dir, 'gbdt-model.json');
    const trained = await trainServeModel(dir, modelFile);
    say(`trained our gbdt in ${trained.seconds.toFixed(1)} s`);
    const bodies = requestRows(dir, 256).map((r) => JSON.stringify({ rows: [r] }));
    const configFile = join(dir, 'serve.json');
    writeFileSync(configFile, JSON.stringify({ logSampling: Number(values['log-sampling']) }));
    const home = join(dir, 'home');

    const results: ServerResult[] = [];
    for (const w of workerSettings) {
      const s = await startOurs(modelFile, w, home, configFile);
      try {
        results.push(await measure(s, bodies));
      } finally {
        await s.stop();
      }
    }
    let flask: ServerResult | null = null;
    if (!values['skip-flask']) {
      const s = await startFlask(dir);
      try {
        flask = await measure(s, bodies);
      } finally {
        await s.stop();
      }
    }

    const best = results.reduce((a, b) => (b.max.requestsPerSecond > a.max.requestsPerSecond ? b : a));
    let soakResult: SoakResult | null = null;
    if (soakSeconds > 0) {
      const w = Number(best.info.workers);
      const s = await startOurs(modelFile, w, home, configFile);
      try {
        const rate = 0.7 * best.max.requestsPerSecond;
        say(`soak: ${soakSeconds} s at ${Math.round(rate)} req/s, --workers ${w}`);
        await runLoad({ url: s.url, bodies, seconds: 3, connections });
        soakResult = await soak(s, { bodies, connections: latencyConnections, rate }, soakSeconds, 10, (win) => say(`soak t=${win.t}s requests=${win.requests} errors=${win.errors} non2xx=${win.non2xx} p99=${win.p99Ms}ms rss=${win.rssMiB}MiB`));
      } finally {
        await s.stop();
      }
    }

    const result = {
      benchmark: 'serve',
      command: commandLine(),
      machine,
      loadAverageAtEnd: machineFacts().loadAverage,
      settings: { rows, trainRows: trained.trainRows, seconds, connections, latencyConnections, workers: workerSettings, soakSeconds, logSampling: Number(values['log-sampling']), model: 'gbdt 100 trees × 31 leaves, 255 bins, lr 0.1; 24 numeric + 4 categorical features', loadGenerator: 'autocannon (in the bench process, same cores)' },
      ours: results,
      best: best.name,
      flask,
      throughputRatio: flask ? Math.round((best.max.requestsPerSecond / flask.max.requestsPerSecond) * 10) / 10 : null,
      soak: soakResult,
    };
    const outDir = join(repoRoot, 'bench', 'results');
    await writeFileAtomic(join(outDir, `${values.out}.json`), `${JSON.stringify(result, null, 2)}\n`);
    await writeFileAtomic(join(outDir, `${values.out}.md`), renderServeMarkdown(result));
    say(`wrote bench/results/${values.out}.json and .md`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
