/**
 * @module bench/serve/train-model
 * The model the serve benchmark serves: our GBDT trained on bench/gbdt's generated data
 * (24 numeric + 4 categorical features, binary) with the gbdt benchmark's parameters (100
 * trees, 31 leaves, 255 bins, learning rate 0.1), saved as a `fit` model file with its
 * training schema — exactly what `modelwright serve --model FILE` loads. Also gives request
 * rows from the test split, as JSON row objects (categories as their 'L<k>' labels).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Column, categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import type { ColumnSchema } from '../../src/data/schema/types.js';
import { saveFittedModel } from '../../src/fit/saved-model.js';
import { GbdtEstimator } from '../../src/learners/gbdt/index.js';
import type { BenchMeta } from '../gbdt/make-data.js';

function readF64(path: string): Float64Array {
  const b = readFileSync(path);
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** bench/gbdt/run-ours.ts's parameters (not imported: that module runs when loaded). */
const BENCH_PARAMS = { num_iterations: 100, num_leaves: 31, max_bin: 255, learning_rate: 0.1 } as const;

const label = (k: number): string => `L${k}`;

function frameOf(dir: string, meta: BenchMeta, part: 'train' | 'test'): Frame {
  const cols: Column[] = meta.columns.map((c) => {
    const v = readF64(join(dir, `${part}_${c.name}.f64`));
    if (c.kind === 'numeric') return float64Column(c.name, v);
    const codes = Int32Array.from(v, (x) => (Number.isNaN(x) ? -1 : x));
    return categoricalColumn(c.name, codes, Array.from({ length: c.levels ?? 0 }, (_, k) => label(k)));
  });
  return Frame.fromColumns(cols);
}

/** Train on `dir`'s train split and save the model file to `out`; returns seconds taken. */
export async function trainServeModel(dir: string, out: string, threads = 2): Promise<{ seconds: number; trainRows: number }> {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as BenchMeta;
  const X = frameOf(dir, meta, 'train');
  const y = readF64(join(dir, 'train_y.f64'));
  const t0 = performance.now();
  const model = await GbdtEstimator.create(BENCH_PARAMS).fit({ X, y: { name: 'y', task: 'binary', values: y, classes: ['0', '1'] } }, { threads });
  const seconds = (performance.now() - t0) / 1000;
  const columns: ColumnSchema[] = [
    ...meta.columns.map((c): ColumnSchema => ({ name: c.name, dtype: c.kind === 'numeric' ? 'float64' : 'categorical', type: c.kind, role: 'feature', reason: 'bench/gbdt data' })),
    { name: 'y', dtype: 'float64', type: 'numeric', role: 'target', reason: 'bench/gbdt data' },
  ];
  await saveFittedModel(out, model, {
    target: 'y',
    task: { target: 'y', task: 'binary', reason: 'bench/gbdt data', classes: ['0', '1'] },
    schema: { columns },
    dropped: [],
    trainRows: X.nRows,
  });
  return { seconds, trainRows: X.nRows };
}

/** `n` request rows from the test split, as JSON row objects. */
export function requestRows(dir: string, n: number): Record<string, number | string | null>[] {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as BenchMeta;
  const X = frameOf(dir, meta, 'test').slice(0, n);
  return X.toRows().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v])));
}
