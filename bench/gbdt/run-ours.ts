/**
 * @module bench/gbdt/run-ours
 * Our side of the gbdt benchmark, run in its own process so that its peak RSS is ours alone
 * (`node --import tsx bench/gbdt/run-ours.ts --dir DIR --threads 2`). Loads the columns
 * written by make-data.ts (not timed, but counted in peak memory, as for the Python peers),
 * trains with the benchmark parameters, and prints one JSON line: training seconds (binning
 * included), test AUC, batch prediction throughput and single-row latency.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Column, categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { auc } from '../../src/learners/gbdt/eval-metrics.js';
import { type GbdtClassifierModel, GbdtEstimator, fitTimings } from '../../src/learners/gbdt/index.js';
import type { BenchMeta } from './make-data.js';

export const BENCH_PARAMS = { num_iterations: 100, num_leaves: 31, max_bin: 255, learning_rate: 0.1 } as const;

function readF64(path: string): Float64Array {
  const b = readFileSync(path);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

function load(dir: string, meta: BenchMeta, part: 'train' | 'test'): { X: Frame; y: Float64Array } {
  const cols: Column[] = meta.columns.map((c) => {
    const v = readF64(join(dir, `${part}_${c.name}.f64`));
    if (c.kind === 'numeric') return float64Column(c.name, v);
    const codes = Int32Array.from(v, (x) => (Number.isNaN(x) ? -1 : x));
    return categoricalColumn(c.name, codes, Array.from({ length: c.levels ?? 0 }, (_, k) => `L${k}`));
  });
  return { X: Frame.fromColumns(cols), y: readF64(join(dir, `${part}_y.f64`)) };
}

function positive(p: Float64Array): Float64Array {
  const out = new Float64Array(p.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = p[2 * i + 1];
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, threads: { type: 'string', default: '2' } } });
  const dir = values.dir!;
  const threads = Number(values.threads);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as BenchMeta;
  const train = load(dir, meta, 'train');
  const test = load(dir, meta, 'test');
  const t0 = performance.now();
  const model = (await GbdtEstimator.create(BENCH_PARAMS).fit(
    { X: train.X, y: { name: 'y', task: 'binary', values: train.y, classes: ['0', '1'] } },
    { threads },
  )) as GbdtClassifierModel;
  const trainSeconds = (performance.now() - t0) / 1000;
  const timings = fitTimings(model);

  // Batch prediction: the first 200k test rows, best of three.
  const nPred = Math.min(200_000, test.X.nRows);
  const batch = test.X.slice(0, nPred);
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    model.predictProba(batch);
    best = Math.min(best, performance.now() - t);
  }
  const testAuc = auc(positive(model.predictProba(test.X)), test.y, null);

  // Single-row latency: 10k calls on one-row frames built beforehand; 1k warm-up calls.
  const rows = Array.from({ length: 11_000 }, (_, i) => test.X.slice(i, i + 1));
  const lat = new Float64Array(10_000);
  for (let i = 0; i < 1000; i++) model.predictProba(rows[i]);
  for (let i = 0; i < 10_000; i++) {
    const t = process.hrtime.bigint();
    model.predictProba(rows[1000 + i]);
    lat[i] = Number(process.hrtime.bigint() - t) / 1000;
  }
  lat.sort();
  console.log(JSON.stringify({
    library: 'modelwright gbdt',
    trainSeconds,
    binningSeconds: timings?.binningSeconds,
    boostingSeconds: timings?.trainingSeconds,
    testAuc,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    predictRowsPerSecond: nPred / (best / 1000),
    singleRowP50us: lat[4999],
    singleRowP99us: lat[9899],
    trees: model.numTrees,
    threads,
  }));
}

await main();
