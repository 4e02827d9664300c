/**
 * bench/learners: every supervised learner against its scikit-learn counterpart at matched
 * parameters, on the same fixed 75/25 splits, one fresh process per (side, learner, dataset).
 *
 *   npx tsx bench/learners/learners.bench.ts [--datasets adult,segment] [--configs rf,knn]
 *
 * Flow: sklearn_side.py `prepare` writes each split (train.csv/test.csv/meta.json) to a temp
 * dir → for each config: sklearn_side.py `run`, then run-one.ts (same shape of output) →
 * both sides' test predictions are scored by src/metrics, with a paired-bootstrap 95% band
 * of the difference → bench/results/learners.json and learners.md (command, git SHA,
 * Node, CPU, cores, load average).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { bootstrapDifference, type Predictions, primaryMetric, scoreRows } from './compare.js';
import { type BenchResult, renderMarkdown } from './report.js';
import { loadSplit } from './split-data.js';

const PY = '/usr/bin/python3';
/** scikit-learn's BLAS single-threaded, like every Modelwright learner here (n_jobs=1). */
const SINGLE_THREAD_ENV = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const HERE = new URL('.', import.meta.url).pathname;
const DATASETS = ['credit_g', 'adult', 'segment', 'california_housing'];

/** Config → Modelwright learner + params matched to sklearn_side.py's make_model. */
const CONFIGS: Record<string, { learner: string; params: Record<string, unknown>; tasks: 'all' | 'classification' | 'regression'; sklearn: string }> = {
  rf: { learner: 'rf', params: { n_estimators: 100, n_jobs: 1 }, tasks: 'all', sklearn: 'RandomForest (n_estimators=100, n_jobs=1)' },
  extratrees: { learner: 'extratrees', params: { n_estimators: 100, n_jobs: 1 }, tasks: 'all', sklearn: 'ExtraTrees (n_estimators=100, n_jobs=1)' },
  linear: { learner: 'linear', params: {}, tasks: 'all', sklearn: 'LogisticRegression(C=1, max_iter=1000) / Ridge(alpha=1)' },
  linear_l1: { learner: 'linear', params: { penalty: 'l1', alpha: 1 }, tasks: 'regression', sklearn: 'Lasso(alpha=1)' },
  linear_elasticnet: { learner: 'linear', params: { penalty: 'elasticnet', alpha: 1, l1_ratio: 0.5 }, tasks: 'regression', sklearn: 'ElasticNet(alpha=1, l1_ratio=0.5)' },
  knn: { learner: 'knn', params: { n_neighbors: 5 }, tasks: 'all', sklearn: 'KNeighbors(n_neighbors=5)' },
  mlp: { learner: 'mlp', params: { hidden_layer_sizes: [100] }, tasks: 'all', sklearn: 'MLP((100,), adam, early_stopping=True)' },
  naive_bayes: { learner: 'naive_bayes', params: {}, tasks: 'classification', sklearn: 'GaussianNB' },
};

export interface RunResult {
  readonly warmupSeconds: number;
  readonly fitSeconds: number;
  readonly predictSeconds: number;
  readonly fitCpuSeconds: number;
  readonly predictCpuSeconds: number;
  readonly baseRssMb: number;
  readonly peakRssMb: number;
  readonly predictions: Predictions;
}

export interface Row {
  readonly dataset: string;
  readonly task: string;
  readonly config: string;
  readonly sklearnModel: string;
  readonly metric: string;
  readonly modelwright: { readonly scores: Record<string, number> } & Omit<RunResult, 'predictions'>;
  readonly sklearn: { readonly scores: Record<string, number> } & Omit<RunResult, 'predictions'>;
  /** 95% paired-bootstrap band of primary(modelwright) − primary(sklearn). */
  readonly differenceBand: [number, number];
  readonly withinNoise: boolean;
  /** (fit + predict) CPU seconds, modelwright / sklearn: the judged ratio (robust to load). */
  readonly timeRatio: number;
  /** The same ratio on wall-clock seconds. */
  readonly wallRatio: number;
}

function withinNoise(band: [number, number], higherIsBetter: boolean, scale: number): boolean {
  const eps = 1e-9 * Math.max(1, scale);
  if (band[0] <= eps && band[1] >= -eps) return true;
  return higherIsBetter ? band[0] > 0 : band[1] < 0;
}

function strip(r: RunResult): Omit<RunResult, 'predictions'> {
  const { predictions: _, ...rest } = r;
  return rest;
}

const { values } = parseArgs({ options: { datasets: { type: 'string' }, configs: { type: 'string' }, out: { type: 'string' } } });
const datasets = values.datasets ? values.datasets.split(',') : DATASETS;
const configs = values.configs ? values.configs.split(',') : Object.keys(CONFIGS);
const work = mkdtempSync(join(tmpdir(), 'mw-bench-learners-'));
const loadBefore = loadavg();
const started = new Date().toISOString();
const rows: Row[] = [];
const failures: { dataset: string; config: string; error: string }[] = [];
try {
  for (const dataset of datasets) {
    const dir = join(work, dataset);
    execFileSync(PY, [join(HERE, 'sklearn_side.py'), 'prepare', '--dataset', dataset, '--out', dir]);
    const { meta, test } = loadSplit(dir);
    const classification = meta.task !== 'regression';
    for (const config of configs) {
      const c = CONFIGS[config];
      if (c.tasks === 'classification' && !classification) continue;
      if (c.tasks === 'regression' && classification) continue;
      const skOut = join(dir, `${config}.sklearn.json`);
      const mwOut = join(dir, `${config}.mw.json`);
      try {
        execFileSync(PY, [join(HERE, 'sklearn_side.py'), 'run', '--dir', dir, '--config', config, '--out', skOut], { stdio: 'inherit', env: SINGLE_THREAD_ENV });
        execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'run-one.ts'), '--dir', dir, '--learner', c.learner, '--params', JSON.stringify(c.params), '--out', mwOut], {
          stdio: 'inherit',
        });
      } catch (err) {
        // One failing pair is recorded and the run goes on: the other rows still count.
        failures.push({ dataset, config, error: (err as Error).message.split('\n')[0] });
        console.log(`${dataset} ${config}: FAILED (${failures[failures.length - 1].error})`);
        continue;
      }
      const sk = JSON.parse(readFileSync(skOut, 'utf8')) as RunResult;
      const mw = JSON.parse(readFileSync(mwOut, 'utf8')) as RunResult;
      const all = Int32Array.from({ length: test.X.nRows }, (_, i) => i);
      const { name, higherIsBetter } = primaryMetric(meta.task);
      const band = bootstrapDifference(meta.task, test.y.values, mw.predictions, sk.predictions);
      const row: Row = {
        dataset,
        task: meta.task,
        config,
        sklearnModel: c.sklearn,
        metric: name,
        modelwright: { scores: scoreRows(meta.task, test.y.values, mw.predictions, all), ...strip(mw) },
        sklearn: { scores: scoreRows(meta.task, test.y.values, sk.predictions, all), ...strip(sk) },
        differenceBand: band,
        // Within noise: the band contains 0 (up to float rounding: identical models give bands
        // of ±1e-10), or Modelwright is better beyond it.
        withinNoise: withinNoise(band, higherIsBetter, Math.abs(sk.predictions.length ? scoreRows(meta.task, test.y.values, sk.predictions, all)[name] : 1)),
        timeRatio: (mw.fitCpuSeconds + mw.predictCpuSeconds) / (sk.fitCpuSeconds + sk.predictCpuSeconds),
        wallRatio: (mw.fitSeconds + mw.predictSeconds) / (sk.fitSeconds + sk.predictSeconds),
      };
      rows.push(row);
      console.log(`${dataset} ${config}: ${name} mw=${row.modelwright.scores[name].toFixed(4)} sk=${row.sklearn.scores[name].toFixed(4)} band=[${band.map((v) => v.toFixed(4)).join(', ')}] cpu×${row.timeRatio.toFixed(2)} wall×${row.wallRatio.toFixed(2)}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const git = (args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};
const result: BenchResult & { finishedAt: string } = {
  command: `npx tsx bench/learners/learners.bench.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  startedAt: started,
  finishedAt: new Date().toISOString(),
  gitSha: git(['rev-parse', 'HEAD']),
  gitDirty: (git(['status', '--porcelain', '--', 'src', 'bench']) ?? '') !== '',
  node: process.version,
  python: JSON.parse(execFileSync(PY, [join(HERE, 'sklearn_side.py'), 'versions'], { encoding: 'utf8' })),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  loadAverageBefore: loadBefore,
  loadAverageAfter: loadavg(),
  rows,
  failures,
};
const outBase = values.out ?? join(HERE, '..', 'results', 'learners');
await writeFileAtomic(`${outBase}.json`, `${JSON.stringify(result, null, 2)}\n`);
await writeFileAtomic(`${outBase}.md`, renderMarkdown(result));
console.log(`wrote ${outBase}.json and .md`);
