/**
 * Read a shared dataset the way reference/xgb_cv.py does: every `stride`-th row, empty fields
 * missing, the manifest's categorical columns categorical (the others numbers), target classes
 * in the given order. The shared CSVs have no quoted fields, so a split on commas suffices.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Column, categoricalColumn, float64Column } from '../../../../src/data/frame/column.js';
import { Frame } from '../../../../src/data/frame/frame.js';
import type { TrainSet } from '../../../../src/learners/estimator.js';

export interface ReferenceDataset {
  readonly name: string;
  readonly file: string;
  readonly target: string;
  readonly task: 'binary' | 'multiclass' | 'regression';
  readonly categorical: readonly string[];
  readonly stride: number;
  readonly rows: number;
  readonly classes: readonly string[] | null;
}

export function readReferenceDataset(dir: string, d: ReferenceDataset): TrainSet {
  const lines = readFileSync(join(dir, d.file), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0].split(',');
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i += d.stride) rows.push(lines[i].split(','));
  const cats = new Set(d.categorical);
  const columns: Column[] = [];
  let y = new Float64Array(rows.length);
  header.forEach((name, j) => {
    if (name === d.target) {
      const index = new Map((d.classes ?? []).map((c, k) => [c, k]));
      y = Float64Array.from(rows, (r) => (d.classes ? (index.get(r[j]) ?? Number.NaN) : Number(r[j])));
      return;
    }
    if (cats.has(name)) {
      const dict = new Map<string, number>();
      const codes = Int32Array.from(rows, (r) => {
        const v = r[j];
        if (v === '') return -1;
        let c = dict.get(v);
        if (c === undefined) dict.set(v, (c = dict.size));
        return c;
      });
      columns.push(categoricalColumn(name, codes, [...dict.keys()]));
    } else {
      columns.push(float64Column(name, Float64Array.from(rows, (r) => (r[j] === '' ? Number.NaN : Number(r[j])))));
    }
  });
  return { X: Frame.fromColumns(columns), y: { name: d.target, task: d.task, values: y, classes: d.classes ?? undefined } };
}
