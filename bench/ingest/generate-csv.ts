/**
 * @module bench/ingest/generate-csv
 * The seeded table the ingestion benchmark reads: integers, floats with a few decimals,
 * five categoricals (3 to 1000 levels) and missing values sprinkled over most columns —
 * the shape of a typical tabular training set. Written as CSV in one pass, in 64 KiB slabs.
 */
import { createWriteStream } from 'node:fs';

/** A small, fast seeded generator (mulberry32): the same seed gives the same file. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type ColumnGen = { name: string; cell: (rand: () => number) => string };

const CATEGORY_LEVELS = [3, 12, 50, 200, 1000];

/** 12 integer, 12 float and 5 categorical columns: 29 in all. */
function columnGenerators(): ColumnGen[] {
  const cols: ColumnGen[] = [];
  for (let j = 0; j < 12; j++) {
    const range = 10 ** (1 + (j % 6)); // 10 … 1e6: small counts up to id-like magnitudes
    const missing = j % 3 === 0 ? 0.02 : 0;
    cols.push({ name: `int_${j}`, cell: (r) => (r() < missing ? '' : String(Math.floor(r() * range))) });
  }
  for (let j = 0; j < 12; j++) {
    const scale = 10 ** (j % 4);
    const missing = j % 2 === 0 ? 0.05 : 0;
    cols.push({ name: `float_${j}`, cell: (r) => (r() < missing ? '' : ((r() - 0.5) * scale).toFixed(4)) });
  }
  CATEGORY_LEVELS.forEach((levels, j) => {
    const names = Array.from({ length: levels }, (_, k) => `c${j}_level_${k}`);
    const missing = j % 2 === 0 ? 0.03 : 0;
    // Skewed draws (r²) so frequencies are uneven, as in real categorical data.
    cols.push({ name: `cat_${j}`, cell: (r) => (r() < missing ? '' : names[Math.floor(r() * r() * levels)]) });
  });
  return cols;
}

/** Write `rows` rows (plus a header) to `path`; resolves when the file is flushed. */
export async function generateCsv(path: string, rows: number, seed = 42): Promise<{ columns: number; bytes: number }> {
  const rand = mulberry32(seed);
  const cols = columnGenerators();
  const out = createWriteStream(path);
  let bytes = 0;
  const write = (s: string): Promise<void> | void => {
    bytes += s.length;
    if (!out.write(s)) return new Promise((res) => out.once('drain', () => res()));
  };
  await write(cols.map((c) => c.name).join(',') + '\n');
  let slab = '';
  for (let i = 0; i < rows; i++) {
    let line = cols[0].cell(rand);
    for (let j = 1; j < cols.length; j++) line += ',' + cols[j].cell(rand);
    slab += line + '\n';
    if (slab.length > 65536) {
      await write(slab);
      slab = '';
    }
  }
  if (slab) await write(slab);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
  return { columns: cols.length, bytes };
}
