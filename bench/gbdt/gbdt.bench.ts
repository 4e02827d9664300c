/**
 * @module bench/gbdt/gbdt.bench
 * The gbdt benchmark: one seeded 1M-row × 28-feature binary problem (make-data.ts), trained
 * side by side by our gbdt, XGBoost `hist` and scikit-learn's HistGradientBoostingClassifier
 * at equivalent parameters (100 iterations, 31 leaves leaf-wise, 255 bins, lr 0.1, 2 threads),
 * each in its own process so peak RSS is per library. Reports training time, peak memory,
 * test AUC, prediction throughput (200k rows) and our single-row latency.
 *
 *   npx tsx bench/gbdt/gbdt.bench.ts [--rows 1000000] [--threads 2] [--skip-peers] [--out NAME]
 *
 * Our side runs from the TypeScript sources through tsx (no build step, so the numbers are
 * always for the code in the tree; tsx only transpiles at load time). Writes
 * bench/results/<NAME>.json and .md (NAME: gbdt for 1M rows, gbdt-<rows> otherwise).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { makeBenchData } from './make-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

type Result = Record<string, unknown> & { library: string; trainSeconds: number; testAuc: number; peakRssMB: number };

function runJson(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Result {
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Result;
}

function gitSha(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function fmtLoad(l: unknown): string {
  const { before, after } = l as { before: number; after: number };
  return `${before.toFixed(2)} / ${after.toFixed(2)}`;
}

function markdown(report: Record<string, unknown>, results: Result[]): string {
  const fmt = (v: unknown, d = 2): string => (typeof v === 'number' ? v.toFixed(d) : '–');
  const lines = [
    `# gbdt benchmark (${report.rows} rows, ${report.threads} threads)`,
    '',
    `Command: \`${report.command}\`  `,
    `Git SHA: ${report.gitSha} · Node ${report.node} · CPU: ${report.cpu} (${report.cores} logical cores) · ${report.date}  `,
    `1-minute load average before / after the run: ${fmtLoad(report.loadAverage)} (a shared machine: other jobs compete for the cores, so absolute times are noisy; the three libraries run back to back).`,
    '',
    '| library | train s | peak RSS MB | test AUC | predict rows/s | single-row p50 µs | p99 µs |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.library} | ${fmt(r.trainSeconds)} | ${fmt(r.peakRssMB, 0)} | ${fmt(r.testAuc, 4)} | ${fmt(r.predictRowsPerSecond, 0)} | ${fmt(r.singleRowP50us, 1)} | ${fmt(r.singleRowP99us, 1)} |`),
    '',
    'Data: seeded (make-data.ts), 80/20 split; 24 numeric features (3% missing in 12), 4 categorical (5, 50, 200, 1000 levels; 3% missing in one).',
    'Parameters: 100 iterations, 31 leaves leaf-wise, 255 bins, learning rate 0.1, no L2; ours min_data_in_leaf 20 / min_sum_hessian 1e-3, XGBoost min_child_weight 1e-3, sklearn min_samples_leaf 20.',
    'Training time includes binning (ours) / DMatrix construction (XGBoost) / binning (sklearn); loading the files is excluded. Peak RSS is per process and includes the loaded data.',
    ...results.filter((r) => r.note).map((r) => `${r.library}: ${String(r.note)}.`),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1000000' }, threads: { type: 'string', default: '2' }, 'skip-peers': { type: 'boolean', default: false }, out: { type: 'string' } },
  });
  const rows = Number(values.rows);
  const threads = Number(values.threads);
  const dir = join(tmpdir(), `modelwright-gbdt-bench-${rows}`);
  console.error(`generating ${rows} rows into ${dir}`);
  makeBenchData(dir, rows);
  const results: Result[] = [];
  // The bench machine is shared: record its load so readers can judge the noise.
  const loadBefore = loadavg()[0];
  try {
    console.error('training: modelwright gbdt');
    results.push(runJson(process.execPath, ['--import', 'tsx', join(here, 'run-ours.ts'), '--dir', dir, '--threads', String(threads)]));
    if (!values['skip-peers']) {
      for (const lib of ['xgboost', 'sklearn']) {
        console.error(`training: ${lib}`);
        results.push(runJson('/usr/bin/python3', [join(here, 'peers.py'), '--lib', lib, '--dir', dir, '--threads', String(threads)], { ...process.env, OMP_NUM_THREADS: String(threads) }));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const report = {
    command: `npx tsx bench/gbdt/gbdt.bench.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
    gitSha: gitSha(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    date: new Date().toISOString(),
    rows,
    threads,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    results,
  };
  const name = values.out ?? (rows === 1_000_000 ? 'gbdt' : `gbdt-${rows}`);
  await writeFileAtomic(join(root, 'bench', 'results', `${name}.json`), `${JSON.stringify(report, null, 1)}\n`);
  await writeFileAtomic(join(root, 'bench', 'results', `${name}.md`), markdown(report, results));
  console.log(markdown(report, results));
}

await main();
