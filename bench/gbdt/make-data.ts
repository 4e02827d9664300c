/**
 * @module bench/gbdt/make-data
 * The seeded binary problem of the gbdt benchmark: 24 numeric features (normal, uniform,
 * log-normal, integer counts; 3% missing in x0–x11, missing informative in x9) and 4
 * categorical features of 5, 50, 200 and 1000 levels (3% missing in c2), with a nonlinear
 * signal (interactions, sin, squares, thresholds, per-level effects). Written once, as raw
 * little-endian float64 columns plus meta.json, so that every library reads identical data
 * (categorical codes as numbers, NaN = missing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../src/common/random.js';

export const CATEGORY_LEVELS = [5, 50, 200, 1000] as const;
export const NUMERIC = 24;

export interface BenchMeta {
  readonly rows: number;
  readonly train: number;
  readonly test: number;
  readonly seed: number;
  readonly columns: readonly { readonly name: string; readonly kind: 'numeric' | 'categorical'; readonly levels?: number }[];
}

/** Generate `rows` rows (first 80% train, last 20% test) into `dir`. */
export function makeBenchData(dir: string, rows: number, seed = 42): BenchMeta {
  mkdirSync(dir, { recursive: true });
  const rng = new Rng(seed);
  const effects = CATEGORY_LEVELS.map((levels, j) => {
    const r = new Rng(1000 + j);
    return Float64Array.from({ length: levels }, () => r.normal());
  });
  const cols: Float64Array[] = [];
  for (let j = 0; j < NUMERIC + CATEGORY_LEVELS.length; j++) cols.push(new Float64Array(rows));
  const y = new Float64Array(rows);
  const x = new Float64Array(NUMERIC);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < NUMERIC; j++) {
      const kind = j % 4;
      x[j] = kind === 0 ? rng.normal() : kind === 1 ? rng.next() * 2 - 1 : kind === 2 ? Math.exp(rng.normal()) : Math.floor(rng.next() * 20);
    }
    const c = CATEGORY_LEVELS.map((levels) => rng.nextInt(levels));
    let z = 0.8 * x[0] * x[1] + Math.sin(2 * x[4]) + 0.5 * (x[8] * x[8] - 1) + 0.7 * Math.tanh(x[5] * 2) + 0.3 * Math.log(x[2]);
    z += x[3] > 10 ? 0.5 : -0.2;
    z += 0.4 * x[12] * (x[13] > 0 ? 1 : -1) + 0.3 * Math.abs(x[16]) - 0.25;
    z += 0.6 * effects[0][c[0]] + 0.5 * effects[1][c[1]] + 0.5 * effects[2][c[2]] + 0.5 * effects[3][c[3]];
    for (let j = 0; j < NUMERIC; j++) {
      // 3% missing in x0..x11; a missing x9 carries signal of its own.
      if (j < 12 && rng.next() < 0.03) {
        if (j === 9) z += 0.8;
        x[j] = Number.NaN;
      }
      cols[j][i] = x[j];
    }
    for (let k = 0; k < c.length; k++) cols[NUMERIC + k][i] = k === 2 && rng.next() < 0.03 ? Number.NaN : c[k];
    y[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  const train = Math.floor(rows * 0.8);
  const columns = [
    ...Array.from({ length: NUMERIC }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const })),
    ...CATEGORY_LEVELS.map((levels, k) => ({ name: `c${k}`, kind: 'categorical' as const, levels })),
  ];
  const write = (name: string, a: Float64Array): void => writeFileSync(join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  columns.forEach((col, j) => {
    write(`train_${col.name}.f64`, cols[j].subarray(0, train));
    write(`test_${col.name}.f64`, cols[j].subarray(train));
  });
  write('train_y.f64', y.subarray(0, train));
  write('test_y.f64', y.subarray(train));
  const meta: BenchMeta = { rows, train, test: rows - train, seed, columns };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 1));
  return meta;
}
