/**
 * A minimal reader for the numeric fixture CSVs of the import tests: header + numbers, empty
 * fields as NaN. (Plain parsing keeps these tests independent of type inference: the foreign
 * libraries read the same files as plain numbers.)
 */
import { readFileSync } from 'node:fs';
import { float64Column } from '../../src/data/frame/column.js';
import { Frame } from '../../src/data/frame/frame.js';

export function readNumericCsv(path: string): { header: string[]; columns: Float64Array[] } {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const columns = header.map(() => new Float64Array(lines.length - 1));
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',');
    for (let j = 0; j < header.length; j++) columns[j][i - 1] = cells[j] === undefined || cells[j] === '' ? Number.NaN : Number(cells[j]);
  }
  return { header, columns };
}

/** A Frame of `columns` under `names` (matched by position, as LightGBM and XGBoost do). */
export function frameOf(names: readonly string[], columns: readonly Float64Array[]): Frame {
  return Frame.fromColumns(names.map((n, j) => float64Column(n, columns[j])));
}

/** Rows of a tab-separated prediction file. */
export function readTsvNumbers(path: string): number[][] {
  return readFileSync(path, 'utf8').trim().split(/\r?\n/).map((l) => l.split('\t').map(Number));
}
