/**
 * Reads a split written by sklearn_side.py (`prepare`): train.csv / test.csv / meta.json,
 * into Frames with the same column types on both sides (meta.categorical are categorical;
 * every other feature is numeric; an empty field is missing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { categoricalColumn, float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import type { Task } from '../../src/data/schema/types.js';
import type { Target } from '../../src/learners/estimator.js';

export interface SplitMeta {
  readonly dataset: string;
  readonly target: string;
  readonly task: Task;
  readonly rows: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly features: string[];
  readonly categorical: string[];
  readonly classes: string[] | null;
  readonly missingCells: number;
}

/** RFC 4180 fields (quotes, doubled quotes, embedded commas/newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') (field += '"'), i++;
        else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  return rows;
}

export interface LoadedSplit {
  readonly X: Frame;
  readonly y: Target;
}

function load(dir: string, file: string, meta: SplitMeta): LoadedSplit {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
  const at = (name: string) => header.indexOf(name);
  const cats = new Set(meta.categorical);
  const columns = meta.features.map((name) => {
    const j = at(name);
    if (cats.has(name)) {
      const index = new Map<string, number>();
      const categories: string[] = [];
      const codes = Int32Array.from(rows, (r) => {
        const v = r[j];
        if (v === '') return -1;
        let c = index.get(v);
        if (c === undefined) (c = categories.length), categories.push(v), index.set(v, c);
        return c;
      });
      return categoricalColumn(name, codes, categories);
    }
    return float64Column(name, Float64Array.from(rows, (r) => (r[j] === '' ? Number.NaN : Number(r[j]))));
  });
  const t = at(meta.target);
  const classIndex = new Map((meta.classes ?? []).map((c, k) => [c, k]));
  const values = Float64Array.from(rows, (r) => (meta.task === 'regression' ? Number(r[t]) : (classIndex.get(r[t]) ?? Number.NaN)));
  return { X: Frame.fromColumns(columns), y: { name: meta.target, task: meta.task, values, classes: meta.classes ?? undefined } };
}

export function loadSplit(dir: string): { meta: SplitMeta; train: LoadedSplit; test: LoadedSplit } {
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as SplitMeta;
  return { meta, train: load(dir, 'train.csv', meta), test: load(dir, 'test.csv', meta) };
}
