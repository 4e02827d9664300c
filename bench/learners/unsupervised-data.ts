/**
 * The data of bench/learners/unsupervised, prepared once per case as raw float64 columns
 * (`<case>.bin`, column-major) plus `<case>.json` (row count, column names, target values),
 * so that both sides load it with no parser: the peak memory each side then reports is its
 * learner's, not its CSV reader's.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';
import { readData } from '../../src/data/ingest/index.js';
import type { BenchCase } from './unsupervised-cases.js';

export const CACHE_DIR = join(tmpdir(), 'modelwright-bench-unsupervised');

interface CaseMeta {
  readonly rows: number;
  readonly columns: readonly string[];
  readonly target?: readonly number[];
}

/** Read the case's CSV once and write its binary form; returns the .bin path. */
export async function prepareCase(c: BenchCase): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const frame = await readData(c.file, { limitRows: c.rows });
  const names = c.columns ?? frame.names.filter((n) => n !== c.target);
  const bin = new Float64Array(frame.nRows * names.length);
  names.forEach((name, j) => {
    const col = frame.column(name);
    if (col.dtype === 'categorical') throw new Error(`bench column ${name} is not numeric`);
    bin.set(col.values, j * frame.nRows);
  });
  let target: number[] | undefined;
  if (c.target) {
    const t = frame.column(c.target);
    target = Array.from({ length: frame.nRows }, (_, i) => (t.dtype === 'categorical' ? Number(t.categories[t.codes[i]]) : t.values[i]));
  }
  const meta: CaseMeta = { rows: frame.nRows, columns: names, target };
  writeFileSync(join(CACHE_DIR, `${c.name}.json`), JSON.stringify(meta));
  writeFileSync(join(CACHE_DIR, `${c.name}.bin`), new Uint8Array(bin.buffer));
  return join(CACHE_DIR, `${c.name}.bin`);
}

/** The case's features as a Frame (sharing the loaded buffer) and its target, if any. */
export function loadCase(name: string): { X: Frame; y?: Int32Array } {
  const meta = JSON.parse(readFileSync(join(CACHE_DIR, `${name}.json`), 'utf8')) as CaseMeta;
  // Read straight into the Float64Array's memory: one copy of the data at peak, no Buffer.
  const all = new Float64Array(meta.rows * meta.columns.length);
  const fd = openSync(join(CACHE_DIR, `${name}.bin`), 'r');
  const bytes = new Uint8Array(all.buffer);
  for (let off = 0; off < bytes.length; ) off += readSync(fd, bytes, off, bytes.length - off, off);
  closeSync(fd);
  const X = Frame.fromColumns(meta.columns.map((n, j) => float64Column(n, all.subarray(j * meta.rows, (j + 1) * meta.rows))));
  return { X, y: meta.target ? Int32Array.from(meta.target) : undefined };
}
