/**
 * bench/automl: Modelwright's `train` on the shared AutoML-benchmark datasets, k-fold, a time
 * limit per fold, side by side with XGBoost and scikit-learn HistGradientBoosting defaults on
 * the same folds (bench/automl/peers.py) and the published AMLB figures
 * (../shared/reference/amlb_small.md).
 *
 *   npx tsx bench/automl/automl.bench.ts [--folds 3] [--time-limit 60] [--datasets a,b] [--max-rows N]
 *
 * Writes bench/results/automl.json and automl.md. Metric: ROC AUC (binary), log loss
 * (multiclass), RMSE (regression), as AMLB scores them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { train } from '../../src/automl/train.js';
import { readData } from '../../src/data/ingest/index.js';
import { foldIndices, kfoldAssignment } from '../../src/data/split/kfold.js';
import { inferTask } from '../../src/data/schema/infer-task.js';
import type { Task } from '../../src/data/schema/types.js';
import { writeFileAtomic } from '../../src/io/atomic-write.js';
import { encodeTarget } from '../../src/learners/target.js';
import { commandLine, machineFacts, machineLine, repoRoot, sharedDatasets } from '../common/machine.js';

interface ManifestEntry {
  name: string;
  amlb_name?: string;
  file: string;
  task: string;
  target: string;
  rows: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const folds = Number(arg('--folds') ?? 3);
const timeLimit = Number(arg('--time-limit') ?? 60);
const only = arg('--datasets')?.split(',');
const maxRows = Number(arg('--max-rows') ?? Number.POSITIVE_INFINITY);
const manifest = JSON.parse(readFileSync(join(sharedDatasets, 'manifest.json'), 'utf8')) as ManifestEntry[];
const datasets = manifest.filter((d) => ['binary', 'multiclass', 'regression'].includes(d.task) && (!only || only.includes(d.name) || only.includes(d.file.replace('.csv', ''))) && d.rows <= maxRows);

/** Published AMLB means by dataset name: AutoGluon 1.0 5-minute and the best published figure. */
function amlbReference(): Map<string, { ag5m: number; best: number; lowerIsBetter: boolean }> {
  const text = readFileSync(join(repoRoot, '..', 'shared', 'reference', 'amlb_small.md'), 'utf8');
  const out = new Map<string, { ag5m: number; best: number; lowerIsBetter: boolean }>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 14 || !/^\.?\d|^–/.test(cells[2] ?? '')) continue;
    const name = cells[1].replace(/ \(log loss\)/, '');
    const nums = cells.slice(2, -1).map((c) => Number.parseFloat(c.replace(/\s*\(\d+\)/, ''))).filter((n) => Number.isFinite(n));
    const lowerIsBetter = cells[1].includes('log loss');
    out.set(name.toLowerCase(), { ag5m: Number.parseFloat(cells[11]), best: lowerIsBetter ? Math.min(...nums) : Math.max(...nums), lowerIsBetter });
  }
  return out;
}

const metricOf: Record<string, string> = { binary: 'roc_auc', multiclass: 'log_loss', regression: 'rmse' };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const reference = amlbReference();
const facts = machineFacts();
const results = [];
const work = mkdtempSync(join(tmpdir(), 'mw-bench-automl-'));
try {
  for (const d of datasets) {
    const path = join(sharedDatasets, d.file);
    const frame = await readData(path);
    const task = inferTask(frame, d.target, { task: d.task as Task });
    const y = encodeTarget(frame.column(d.target), task.task, task.classes);
    const assignment = kfoldAssignment(frame.nRows, folds, { seed: 1, strata: task.task === 'regression' ? undefined : y.values });
    const ours: number[] = [];
    let seconds = 0;
    let bestModels: string[] = [];
    for (let f = 0; f < folds; f++) {
      const { train: tr, test: te } = foldIndices(assignment, f);
      const t0 = performance.now();
      const predictor = await train(frame.take(tr), { target: d.target, task: task.task, metric: metricOf[task.task], timeLimit, seed: f });
      seconds += (performance.now() - t0) / 1000;
      ours.push(predictor.evaluate(frame.take(te)).score);
      bestModels.push(predictor.leaderboard[0].model);
    }
    const foldsFile = join(work, `${d.file}.folds.json`);
    writeFileSync(foldsFile, JSON.stringify(Array.from(assignment)));
    const peers = JSON.parse(execFileSync('/usr/bin/python3', [join(repoRoot, 'bench/automl/peers.py'), path, d.target, task.task, foldsFile], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop() as string);
    const key = (d.amlb_name ?? d.name).toLowerCase();
    // The reference table shortens some names ("blood-transfusion" for blood-transfusion-service-center).
    const ref = reference.get(key) ?? [...reference.entries()].find(([k]) => key.startsWith(k))?.[1];
    const row = {
      dataset: d.name,
      task: task.task,
      metric: metricOf[task.task],
      rows: frame.nRows,
      modelwright: mean(ours),
      xgboost: mean(peers.xgboost),
      hgb: mean(peers.hgb),
      modelwright_folds: ours,
      seconds_per_fold: seconds / folds,
      best_models: bestModels,
      amlb_autogluon_5m: ref?.ag5m,
      amlb_best: ref?.best,
    };
    results.push(row);
    console.log(JSON.stringify(row));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const better = (task: string, a: number, b: number) => (task === 'binary' ? a > b : a < b);
const beatsBoth = results.filter((r) => better(r.task, r.modelwright, r.xgboost) && better(r.task, r.modelwright, r.hgb)).length;
const withRef = results.filter((r) => r.amlb_autogluon_5m !== undefined && Number.isFinite(r.amlb_autogluon_5m));
const summary = {
  command: commandLine(),
  machine: facts,
  protocol: { folds, timeLimitPerFold: timeLimit, seed: 'fold number', note: 'our folds are seeded stratified k-fold, not OpenML\'s splits' },
  beats_both_peers: `${beatsBoth} of ${results.length}`,
  results,
};
await writeFileAtomic(join(repoRoot, 'bench/results/automl.json'), `${JSON.stringify(summary, null, 2)}\n`);
const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(4));
const md = [
  '# AutoML benchmark',
  '',
  `\`${summary.command}\``,
  '',
  `${folds}-fold CV, ${timeLimit} s per fold on ${facts.cores} cores. ROC AUC for binary (higher is better), log loss for multiclass and RMSE for regression (lower is better). XGBoost and HistGradientBoosting with default parameters on the same folds. AMLB figures are published means over OpenML's 10 folds with 1 h (AutoGluon 1.0 5 min column: 5 min) on 8 cores.`,
  '',
  '| dataset | task | rows | Modelwright | XGBoost | sklearn HGB | AMLB AutoGluon 1.0 5 min | AMLB best published | s/fold | best model per fold |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${r.dataset} | ${r.task} | ${r.rows} | **${fmt(r.modelwright)}** | ${fmt(r.xgboost)} | ${fmt(r.hgb)} | ${fmt(r.amlb_autogluon_5m)} | ${fmt(r.amlb_best)} | ${r.seconds_per_fold.toFixed(1)} | ${r.best_models.join(', ')} |`),
  '',
  `Beats both default peers on ${beatsBoth} of ${results.length} datasets. Datasets with a published AMLB figure: ${withRef.length}.`,
  '',
  `Machine: ${machineLine(facts)}.`,
  '',
].join('\n');
await writeFileAtomic(join(repoRoot, 'bench/results/automl.md'), md);
console.log(md);
